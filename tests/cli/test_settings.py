"""Settings: per-call switches, the config file and AMPLIFY_SHIM_* variables, refused clearly.

Unit tests on settings.py, and the installed `amplify` / `amplify-shim` with recording stubs on
PATH, so a typo that ran something would show in the stub log. Threats O1-O5 (docs/threats.md).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from amplify_shim import exitcodes as X
from amplify_shim import settings
from tests.e2e.fixtures import base_env, make_gen2, run, stubs  # noqa: F401

BIN = os.path.dirname(sys.executable)
AMPLIFY = os.path.join(BIN, "amplify")
SHIM = os.path.join(BIN, "amplify-shim")


# --- unknown --shim-* switches (threat O1) -------------------------------------------

@pytest.mark.parametrize("argv", [["push", "--shim-prnt"], ["--shim-prnt", "push"], ["push", "--", "--shim-prnt"],
                                  ["push", "--SHIM-RUN"], ["push", "--shim-print=yes"], ["push", "--shim"]])
def test_split_switches_refuses_unknown_shim_switches(argv):
    """threat O1"""
    with pytest.raises(settings.UnknownSwitch) as caught:
        settings.split_switches(argv)
    assert not isinstance(caught.value, settings.ConfigError)  # a usage error (2), not a config error (5)
    assert "--shim-" in str(caught.value)


def test_split_switches_suggests_the_nearest():
    with pytest.raises(settings.UnknownSwitch) as caught:
        settings.split_switches(["push", "--shim-prnt"])
    assert "did you mean --shim-print?" in str(caught.value)


def test_split_switches_keeps_known_ones_and_gen1_words():
    assert settings.split_switches(["push", "--shim-run", "--yes"]) == ({"mode": "run"}, ["push", "--yes"])


def test_unknown_switch_in_run_mode_runs_nothing(stubs, tmp_path):
    """threat O1: `--shim-prnt` in run mode is exit 2 with a did-you-mean, and no process starts."""
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, AMPLIFY_SHIM_MODE="run")
    done = run([AMPLIFY, "push", "--shim-prnt"], cwd=project, env=env)
    assert done.returncode == X.USAGE, done.stderr
    assert "--shim-prnt" in done.stderr and "did you mean --shim-print" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert stubs.calls() == []


@pytest.mark.parametrize("command", [["plan"], ["plan", "--json"], ["explain"]])
def test_amplify_shim_refuses_unknown_shim_switches(command, stubs, tmp_path):
    """threat O1: `amplify-shim plan push --shim-prnt` is exit 2 as well."""
    env = base_env(stubs, tmp_path)
    done = run([SHIM, *command, "push", "--shim-prnt"], cwd=str(tmp_path), env=env)
    assert done.returncode == X.USAGE, (done.stdout, done.stderr)
    assert "did you mean --shim-print" in done.stderr
    assert done.stdout == ""


def test_plan_json_lines_reports_an_unknown_switch_per_line(stubs, tmp_path):
    env = base_env(stubs, tmp_path)
    done = subprocess.run([SHIM, "plan", "--json-lines"], cwd=str(tmp_path), env=env, capture_output=True, text=True,
                          input='["push", "--shim-prnt"]\n["push"]\n', timeout=60)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert '"line": 1' in first and "did you mean --shim-print" in first
    assert '"kind": "translate"' in second


# --- shell (threat O2) ------------------------------------------------------------------

def test_bad_shell_in_the_environment_is_a_config_error():
    """threat O2"""
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_SHELL": "tcsh", "XDG_CONFIG_HOME": "/nonexistent"})
    assert "AMPLIFY_SHIM_SHELL" in str(caught.value) and "bash" in str(caught.value) and "tcsh" in str(caught.value)


def test_shell_names_are_normalized():
    assert settings.resolve({"AMPLIFY_SHIM_SHELL": "PWSH", "XDG_CONFIG_HOME": "/nonexistent"}).shell == "powershell"


def _write_config(tmp_path, text, name="config.toml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return str(path)


def test_bad_shell_in_the_config_file_is_a_config_error(tmp_path):
    path = _write_config(tmp_path, 'shell = "tcsh"\n')
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": path})
    assert path in str(caught.value) and "tcsh" in str(caught.value)


@pytest.mark.parametrize("program", ["amplify", "amplify-shim"])
def test_bad_shell_exits_5(program, stubs, tmp_path):
    """threat O2: like a bad mode, both programs."""
    env = base_env(stubs, tmp_path, AMPLIFY_SHIM_SHELL="tcsh")
    argv = [AMPLIFY, "push", "--shim-print"] if program == "amplify" else [SHIM, "plan", "push"]
    done = run(argv, cwd=str(tmp_path), env=env)
    assert done.returncode == X.CONFIG, done.stderr
    assert "tcsh" in done.stderr and "bash" in done.stderr and done.stdout == ""


# --- the config file (threat O3) -----------------------------------------------------------

def test_explicit_config_that_does_not_exist_is_an_error(tmp_path):
    """threat O3"""
    missing = str(tmp_path / "nope.toml")
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": missing})
    assert missing in str(caught.value) and "AMPLIFY_SHIM_CONFIG" in str(caught.value)


def test_default_config_missing_is_fine(tmp_path):
    conf = settings.resolve({"XDG_CONFIG_HOME": str(tmp_path)})
    assert conf.mode == "ask" and not conf.config_loaded


def test_explicit_config_expands_tilde(tmp_path):
    (tmp_path / "c.toml").write_text('mode = "teach"\n')
    conf = settings.resolve({"AMPLIFY_SHIM_CONFIG": "~/c.toml", "HOME": str(tmp_path)})
    assert conf.mode == "teach" and conf.config_path == str(tmp_path / "c.toml")


def test_explicit_config_expands_tilde_without_home_in_the_given_environment(tmp_path, monkeypatch):
    """An environment without HOME (a service, Windows' USERPROFILE): ~ still means the user's home."""
    (tmp_path / "c.toml").write_text('mode = "teach"\n')
    monkeypatch.setenv("HOME", str(tmp_path))
    conf = settings.resolve({"AMPLIFY_SHIM_CONFIG": "~/c.toml"})
    assert conf.mode == "teach" and conf.config_path == str(tmp_path / "c.toml")


def test_config_with_a_utf8_bom_is_read(tmp_path):
    path = _write_config(tmp_path, b'\xef\xbb\xbfmode = "teach"\n')
    assert settings.resolve({"AMPLIFY_SHIM_CONFIG": path}).mode == "teach"


def test_config_fifo_does_not_hang(tmp_path):
    """threat O3: a FIFO as config: one line, never a wait for a writer."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    env = {"PATH": BIN + ":/usr/bin:/bin", "HOME": str(tmp_path), "AMPLIFY_SHIM_CONFIG": str(fifo)}
    done = subprocess.run([AMPLIFY, "push", "--shim-print"], env=env, cwd=str(tmp_path), capture_output=True, text=True,
                          timeout=20, stdin=subprocess.DEVNULL)
    assert done.returncode == X.CONFIG and "FIFO" in done.stderr and str(fifo) in done.stderr


@pytest.mark.parametrize("device", ["/dev/null"])  # /dev/zero too once the size cap is there, see below
def test_config_device_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(device)
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": device})
    assert "device" in str(caught.value)


def test_config_larger_than_1_mib_is_refused(tmp_path):
    path = _write_config(tmp_path, "# " + "x" * (1 << 20) + "\n")
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": path})
    assert "1 MiB" in str(caught.value)


def test_config_that_is_a_directory(tmp_path):
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": str(tmp_path)})
    assert "directory" in str(caught.value)


def test_unreadable_config(tmp_path, denied):
    path = _write_config(tmp_path, 'mode = "teach"\n')
    denied(path)
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": path})
    assert "Permission denied" in str(caught.value)


# --- control characters (threat O4) ------------------------------------------------------

@pytest.mark.parametrize("key,value", [("app_id", "d1\\u0000"), ("gen1_cli", "/usr/bin/amplify\\u001b[2J"),
                                       ("app_id", "d1\\u009b"), ("shell", "bash\\r")])
def test_control_characters_in_config_values_are_config_errors(tmp_path, key, value):
    """threat O4: TOML escapes can put NUL or ESC in a string; the message shows them escaped."""
    path = _write_config(tmp_path, f'{key} = "{value}"\n')
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_CONFIG": path})
    message = str(caught.value)
    assert key in message and "control character" in message or "NUL" in message
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in message), repr(message)


def test_control_characters_in_environment_values_are_config_errors():
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_GEN1_CLI": "/bin/amplify\x1b]0;owned\x07", "XDG_CONFIG_HOME": "/nonexistent"})
    assert "AMPLIFY_SHIM_GEN1_CLI" in str(caught.value) and "\x1b" not in str(caught.value)


def test_bad_mode_message_does_not_echo_raw_control_characters():
    with pytest.raises(settings.ConfigError) as caught:
        settings.resolve({"AMPLIFY_SHIM_MODE": "run\x1b[2J", "XDG_CONFIG_HOME": "/nonexistent"})
    assert "\x1b" not in str(caught.value) and "\\x1b" in str(caught.value)


def test_config_control_character_exits_5(stubs, tmp_path):
    path = _write_config(tmp_path, 'app_id = "d1\\u0000"\n')
    done = run([AMPLIFY, "push", "--shim-print"], cwd=str(tmp_path), env=base_env(stubs, tmp_path, AMPLIFY_SHIM_CONFIG=path))
    assert done.returncode == X.CONFIG and "NUL" in done.stderr


# --- where the config lives (threat O5) ----------------------------------------------------

def test_windows_default_is_appdata():
    """threat O5: %APPDATA%\\amplify-shim\\config.toml on Windows."""
    path = settings.config_path({"APPDATA": r"C:\Users\me\AppData\Roaming"}, windows=True)
    assert path == r"C:\Users\me\AppData\Roaming\amplify-shim\config.toml"


def test_windows_follows_os_name(monkeypatch):
    monkeypatch.setattr(settings.os, "name", "nt")
    assert settings.config_path({"APPDATA": r"D:\roam"}).endswith(r"amplify-shim\config.toml")


def test_xdg_config_home_still_wins_everywhere(tmp_path):
    assert settings.config_path({"XDG_CONFIG_HOME": str(tmp_path), "APPDATA": "C:\\x"}, windows=True) == \
        os.path.join(str(tmp_path), "amplify-shim", "config.toml")


def test_posix_default():
    assert settings.config_path({"HOME": "/home/me"}, windows=False) == "/home/me/.config/amplify-shim/config.toml"


def test_fifo_mode_is_not_regular(tmp_path):  # the check is on the file type, not the name
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
