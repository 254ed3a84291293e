"""`amplify_shim.shim:main` is the Windows wheels' console-script target: pip's
launcher runs `sys.exit(main())`, so main reads sys.argv itself and returns an
int exit status (never None, never raises SystemExit for a normal outcome)."""

from __future__ import annotations

import sys

from amplify_shim import exitcodes as X
from amplify_shim.shim import main


def _desk(monkeypatch):
    """Run as at a desk even inside CI (.ci/run sets CI=true): no CI or Amplify variables."""
    import os

    from amplify_shim.context import CI_VARIABLES

    for name in list(os.environ):
        if name in CI_VARIABLES or name.startswith(("AWS_", "AMPLIFY_SHIM_")):
            monkeypatch.delenv(name)


def _gen2_project(path):
    (path / "amplify").mkdir()
    (path / "amplify" / "backend.ts").write_text("")
    return path


def test_main_reads_sys_argv_and_returns_an_int(tmp_path, monkeypatch, capsys):
    _desk(monkeypatch)
    monkeypatch.chdir(_gen2_project(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["amplify.exe", "push", "--shim-print"])
    status = main()
    assert type(status) is int and status == X.OK
    assert capsys.readouterr().out == "npx ampx sandbox --once\n"


def test_main_returns_the_documented_status_for_an_unknown_command(tmp_path, monkeypatch, capsys):
    _desk(monkeypatch)
    monkeypatch.chdir(_gen2_project(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["amplify", "no-such-command", "--shim-print"])
    status = main()
    assert type(status) is int and status == X.USAGE
    assert capsys.readouterr().out == ""
