"""Completion menus describe what a flag does for a user, never the Gen 1 CLI's internals (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.generate.flag_words import INTERNAL, user_words

ROOT = Path(__file__).resolve().parents[2]
GENERATED = sorted([*ROOT.glob("completions/*"), *ROOT.glob("man/*.1")])


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_no_internal_phrase_reaches_a_generated_file(path):
    text = path.read_text(encoding="utf-8")
    found = [m.group(0) for m in INTERNAL.finditer(text)]
    assert not found, f"{path.name} shows Gen 1 internals: {found}"
    for phrase in ("a20-analyzeProject", "input-manager", "read by "):  # the ones a newcomer saw
        assert phrase not in text


def test_the_zsh_and_fish_menus_say_what_the_flag_does():
    zsh = (ROOT / "completions/_amplify").read_text()
    fish = (ROOT / "completions/amplify.fish").read_text()
    assert "'--forcePush:push the backend after pulling it'" in zsh
    assert "answer every question with its default" in fish


def test_a_new_internal_note_without_user_words_stops_generation():
    with pytest.raises(ValueError, match="flag_words.py"):
        user_words(("newcmd",), "--brand-new", "read by someInternalStep")
    assert user_words(("push",), "--minify", "minify CloudFormation JSON templates") is None
