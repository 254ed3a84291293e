"""install(): the standard per-user places, idempotent, and no startup file touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from amplify_shim.generate import completion as gen
from amplify_shim.generate.install import ZSH_RC_LINE, install, normalize, script_for, targets


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.mark.parametrize("shell,files", [
    ("bash", [".local/share/bash-completion/completions/amplify",
              ".local/share/bash-completion/completions/amplify-shim"]),
    ("zsh", [".zfunc/_amplify", ".zfunc/_amplify-shim"]),
    ("fish", [".config/fish/completions/amplify-shim.fish", ".config/fish/completions/amplify.fish"]),
    ("powershell", [".local/share/amplify-shim/completions/amplify-completions.ps1"]),
])
def test_paths_content_and_idempotence(home, shell, files):
    environ = {"HOME": str(home)}
    path, message = install(shell, environ)
    assert path is not None and path.is_file()
    assert sorted(tree(home)) == sorted(files)  # nothing else: no .bashrc, .zshrc, config.fish, profile
    for name in files:
        program = "amplify-shim" if "amplify-shim" in name else "amplify"
        text = (home / name).read_text(encoding="utf-8")
        if shell == "powershell":
            assert text == gen.generate("powershell", "amplify") + gen.generate("powershell", "amplify-shim")
        else:
            assert text == gen.generate(shell, program)
    before = {p: (home / p).stat().st_mtime_ns for p in files}
    again, second = install(shell, environ)
    assert again is None and "already installed" in second
    assert {p: (home / p).stat().st_mtime_ns for p in files} == before  # not rewritten


def test_changed_content_is_rewritten(home):
    environ = {"HOME": str(home)}
    path, _ = install("fish", environ)
    path.write_text("# old\n")
    again, message = install("fish", environ)
    assert again == path and "installed" in message
    assert path.read_text(encoding="utf-8") == gen.generate("fish", "amplify")


def test_xdg_and_bash_completion_dirs_are_honoured(tmp_path, home):
    data, config, bc = tmp_path / "data", tmp_path / "config", tmp_path / "bc"
    assert targets("bash", {"HOME": str(home), "XDG_DATA_HOME": str(data)})["amplify"] == \
        data / "bash-completion" / "completions" / "amplify"
    assert targets("bash", {"HOME": str(home), "XDG_DATA_HOME": str(data), "BASH_COMPLETION_USER_DIR": str(bc)})[
        "amplify-shim"] == bc / "completions" / "amplify-shim"
    assert targets("fish", {"HOME": str(home), "XDG_CONFIG_HOME": str(config)})["amplify"] == \
        config / "fish" / "completions" / "amplify.fish"
    assert targets("bash", {"HOME": str(home), "XDG_DATA_HOME": "relative/ignored"})["amplify"] == \
        home / ".local" / "share" / "bash-completion" / "completions" / "amplify"


def test_bash_message_has_the_fallback_source_lines(home):
    _, message = install("bash", {"HOME": str(home)})
    assert "bash-completion" in message
    assert f"source {home}/.local/share/bash-completion/completions/amplify" in message


def test_zsh_says_the_fpath_line_only_when_needed(home):
    rc = home / ".zshrc"
    rc.write_text("# my zshrc\nexport EDITOR=vi\n")
    _, message = install("zsh", {"HOME": str(home)})
    assert ZSH_RC_LINE in message
    assert rc.read_text() == "# my zshrc\nexport EDITOR=vi\n"  # never edited
    rc.write_text("fpath=(~/.zfunc $fpath)\nautoload -U compinit && compinit\n")
    _, message = install("zsh", {"HOME": str(home)})
    assert ZSH_RC_LINE not in message and "already" in message
    assert rc.read_text() == "fpath=(~/.zfunc $fpath)\nautoload -U compinit && compinit\n"
    _, message = install("zsh", {"HOME": str(home / "elsewhere"), "FPATH": f"{home / 'elsewhere' / '.zfunc'}:/usr/share/zsh"})
    assert ZSH_RC_LINE not in message


def test_powershell_prints_the_profile_line_and_changes_no_policy(home, tmp_path):
    path, message = install("powershell", {"HOME": str(home)})
    assert f". '{path}'" in message
    assert "Set-ExecutionPolicy" not in message and "execution policy" in message
    local = tmp_path / "AppData Local"
    path, message = install("pwsh", {"HOME": str(home), "LOCALAPPDATA": str(local)})
    assert path == local / "amplify-shim" / "completions" / "amplify-completions.ps1"
    assert "amplify-completions.ps1'" in message


def test_script_for_prints_both_programs():
    assert script_for("bash") == gen.generate("bash", "amplify") + gen.generate("bash", "amplify-shim")
    assert script_for("powershell5", "amplify") == gen.generate("powershell", "amplify")
    assert normalize("PWSH") == "powershell"
    with pytest.raises(ValueError):
        normalize("cmd")
