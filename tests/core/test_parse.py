"""How the shim reads a Gen 1 command line: every spelling Gen 1 accepts."""

from __future__ import annotations

import pytest

from amplify_shim.gen1 import surface
from amplify_shim.gen1.parse import parse

ALIASES = sorted(
    (" ".join(alias), cmd.path) for cmd in surface.commands() for alias in cmd.aliases
    if surface.spellings()[alias] == cmd.path  # an alias claimed by an earlier command is tested there
)


@pytest.mark.parametrize("typed, canonical", ALIASES, ids=[a for a, _ in ALIASES])
def test_every_alternate_spelling_reaches_its_command(typed, canonical):
    inv = parse(typed.split())
    assert inv.path == canonical
    assert inv.args == []


# Gen 1 intercepts the literal word `status` before plugin dispatch.
INTERCEPTED = {("notifications", "status"): ("status",)}


@pytest.mark.parametrize("cmd", [c for c in surface.invocable()], ids=lambda c: c.name)
def test_every_canonical_command_is_recognised(cmd):
    inv = parse(list(cmd.path))
    assert inv.path == INTERCEPTED.get(cmd.path, cmd.path)


@pytest.mark.parametrize(
    "argv, path, args",
    [
        (["add", "api"], ("api", "add"), []),
        (["api", "add"], ("api", "add"), []),
        (["add", "env", "dev"], ("env", "add"), ["dev"]),
        (["checkout", "env", "prod"], ("env", "checkout"), ["prod"]),
        (["codegen", "model"], ("codegen", "models"), []),
        (["codegen", "models"], ("codegen", "models"), []),
        (["model", "codegen"], ("codegen", "models"), []),
        (["override", "project"], ("awscloudformation", "override"), []),
        (["ls"], ("status",), []),
        (["delete", "notifications"], ("notifications", "remove"), []),
        (["pull", "env"], ("pull",), ["env"]),
        (["mock", "function", "resize"], ("mock", "function"), ["resize"]),
        (["serve"], ("run",), []),
        (["h"], ("help",), []),
    ],
)
def test_word_order_aliases_and_arguments(argv, path, args):
    inv = parse(argv)
    assert (inv.path, inv.args) == (path, args)


@pytest.mark.parametrize("token", ["--yes", "-y", "-yes", "--y", "---yes"])
def test_yes_in_every_dash_spelling(token):
    inv = parse(["push", token])
    assert [o.name for o in inv.options] == ["--yes"]


def test_flag_equals_value():
    inv = parse(["pull", "--appId=d1abc", "--envName=dev"])
    assert inv.get("--appId") == "d1abc"
    assert inv.get("--envName") == "dev"


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "\u2212"])
def test_typographic_dash_from_docs_is_repaired(dash):
    inv = parse(["pull", f"{dash}appId", "d1", f"{dash}envName", "dev"])
    assert inv.get("--appId") == "d1"
    assert inv.get("--envName") == "dev"
    assert any("dash" in note for note in inv.notes)


@pytest.mark.parametrize("argv", [["push", "-h"], ["-h", "push"], ["push", "--help"], ["push", "--yes", "--help"]])
def test_help_anywhere_is_help_for_that_command(argv):
    inv = parse(argv)
    assert inv.help is True
    assert inv.path == ("push",)


@pytest.mark.parametrize("argv", [["-v"], ["--version"]])
def test_version_without_a_command(argv):
    inv = parse(argv)
    assert inv.version is True and inv.path is None


def test_status_reads_dash_v_as_verbose_and_words_as_categories():
    inv = parse(["status", "-v", "api", "storage"])
    assert inv.version is False
    assert [o.name for o in inv.options] == ["--verbose"]
    assert inv.args == ["api", "storage"]


def test_known_boolean_flag_does_not_swallow_the_next_word():
    inv = parse(["env", "checkout", "--restore", "dev"])
    assert inv.args == ["dev"]
    assert inv.get("--restore") is True


def test_flags_match_exactly_as_gen1_reads_them():
    """input-manager.js keys options by the word as typed: `--appid` is not `--appId` (the planner calls it a typo)."""
    inv = parse(["pull", "--appid", "d1"])
    assert inv.get("--appId") is None
    assert [(o.name, o.known) for o in inv.options] == [("--appid", False)]


def test_unknown_flags_are_kept_not_fatal():
    inv = parse(["push", "--frobnicate", "x"])
    assert inv.path == ("push",)
    assert [(o.name, o.value, o.known) for o in inv.options] == [("--frobnicate", "x", False)]


def test_mock_https_takes_two_values():
    inv = parse(["mock", "api", "--https", "key.pem", "cert.pem"])
    assert inv.get("--https") == ["key.pem", "cert.pem"]


@pytest.mark.parametrize("argv, first", [(["Push"], "push"), (["functions", "add"], "function add"), (["pul"], "pull")])
def test_did_you_mean(argv, first):
    inv = parse(argv)
    assert inv.path is None
    assert inv.suggestions and inv.suggestions[0] == first


@pytest.mark.parametrize("argv", [["sandbox"], ["sandbox", "delete"], ["generate", "outputs"], ["pipeline-deploy"],
                                  ["configure", "profile"], ["info"]])
def test_gen2_commands_typed_under_the_old_name(argv):
    inv = parse(argv)
    assert inv.ampx == argv
    assert inv.path is None


@pytest.mark.parametrize("argv", [["gen2-migration", "assess"], ["drift"]])
def test_gen1_only_commands(argv):
    assert parse(argv).path == (argv[0],)


def test_double_dash_ends_options():
    inv = parse(["mock", "function", "--", "--not-a-flag"])
    assert inv.args == ["--not-a-flag"]


@pytest.mark.parametrize("value", ["\u2010", "\u2014", "\u20141", "\u2013 x"])
def test_a_lone_typographic_dash_is_a_value_not_a_flag(value):
    # Found by the 10,000-example fuzz run: `--appId ‐` became `--appId --`.
    inv = parse(["pull", "--appId", value])
    assert inv.get("--appId") == value
