"""install(): the standard per-user places, idempotent, and no startup file touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.generate import completion as gen
from amplify_shim.completion import ZSH_RC_LINE, install, normalize, script_for, targets
from amplify_shim.exitcodes import WRITE_ERROR


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
    """amplify's first: amplify-shim's part uses its engine and data."""
    assert script_for("bash") == gen.generate("bash", "amplify") + gen.generate("bash", "amplify-shim")
    assert script_for("powershell5") == gen.generate("powershell", "amplify") + gen.generate("powershell", "amplify-shim")
    assert normalize("PWSH") == "powershell"
    with pytest.raises(ValueError):
        normalize("cmd")


# --- atomic writes (threat O12) ---------------------------------------------------------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from amplify_shim import completion as installer  # noqa: E402
from amplify_shim import files  # noqa: E402


def test_each_write_uses_a_unique_temporary_in_the_target_directory(home, monkeypatch):
    """threat O12: a fixed name (`amplify.tmp`) lets two installs write into one file."""
    replaced = []
    real_replace = os.replace

    def spy(src, dst):
        replaced.append((str(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(installer.os, "replace", spy)
    install("fish", {"HOME": str(home)})
    (home / ".config" / "fish" / "completions" / "amplify.fish").write_text("# old\n")
    install("fish", {"HOME": str(home)})
    temps = [src for src, _ in replaced]
    assert len(temps) == 3 and len(set(temps)) == 3
    for src, dst in replaced:
        assert os.path.dirname(src) == os.path.dirname(dst) and src != dst + ".tmp"


def test_the_data_is_synced_before_the_rename(home, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(installer.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(installer.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    install("zsh", {"HOME": str(home)})
    assert events[:2] == ["fsync", "replace"] and events.count("replace") == 2


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_a_failed_write_leaves_no_temporary(home, monkeypatch, failing):
    """threat O12"""
    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(files, "write_all", boom)
    else:
        monkeypatch.setattr(installer.os, failing, boom)
    with pytest.raises(OSError):
        install("bash", {"HOME": str(home)})
    folder = home / ".local" / "share" / "bash-completion" / "completions"
    assert list(folder.iterdir()) == []


def test_target_that_is_a_directory_fails_cleanly(home):
    target = home / ".zfunc" / "_amplify"
    target.mkdir(parents=True)
    with pytest.raises(OSError):
        install("zsh", {"HOME": str(home)})
    assert sorted(p.name for p in (home / ".zfunc").iterdir()) == ["_amplify"]


def test_fifo_at_the_target_does_not_hang(home):
    folder = home / ".config" / "fish" / "completions"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "amplify.fish")
    install("fish", {"HOME": str(home)})  # replaced by the script, never opened for reading
    assert (folder / "amplify.fish").read_text(encoding="utf-8") == gen.generate("fish", "amplify")


def test_installed_file_is_readable_by_others_like_any_script(home):
    path, _ = install("fish", {"HOME": str(home)})
    assert path.stat().st_mode & 0o044 == 0o044  # mkstemp's 0600 would hide it from nothing, but surprise users


CONCURRENT = r'''
import sys
from amplify_shim.completion import install
for _ in range(20):
    install("bash", {"HOME": sys.argv[1]})
'''


def test_concurrent_installs_never_interleave(home):
    """threat O12: several processes installing at once: always a whole script, no temporary left."""
    target = home / ".local" / "share" / "bash-completion" / "completions" / "amplify"
    target.parent.mkdir(parents=True)
    procs = []
    for _ in range(4):
        procs.append(subprocess.Popen([sys.executable, "-c", CONCURRENT, str(home)]))
        target.write_text("# a different old script, so every install rewrites\n" * 50)
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    assert target.read_text(encoding="utf-8") in (gen.generate("bash", "amplify"),
                                                 "# a different old script, so every install rewrites\n" * 50)
    assert sorted(p.name for p in target.parent.iterdir()) == ["amplify", "amplify-shim"]


def test_read_only_directory_is_one_line_and_leaves_nothing(home, denied, monkeypatch, capsys):
    """threat O12: `amplify-shim completion bash --install` into a read-only directory (the refusal injected,
    so it runs as root too)."""
    from amplify_shim.cli import app

    folder = home / ".local" / "share" / "bash-completion" / "completions"
    folder.mkdir(parents=True)
    denied(folder)
    monkeypatch.setattr(os, "environ", {"HOME": str(home), "PATH": "/usr/bin:/bin"})
    with pytest.raises(SystemExit) as done:
        app(["completion", "bash", "--install"], prog_name="amplify-shim")
    err = capsys.readouterr().err
    assert done.value.code == WRITE_ERROR and len(err.splitlines()) == 1, err
    assert "Permission denied" in err and str(folder) in err
    assert list(folder.iterdir()) == []


def test_cli_failure_is_one_line_and_leaves_nothing(home):
    """threat O12: as root too: the target is a directory, so the rename fails."""
    (home / ".zfunc" / "_amplify").mkdir(parents=True)
    done = subprocess.run([os.path.join(os.path.dirname(sys.executable), "amplify-shim"), "completion", "zsh",
                           "--install"], env={"HOME": str(home), "PATH": "/usr/bin:/bin"}, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == WRITE_ERROR and len(done.stderr.splitlines()) == 1, done.stderr
    assert "could not write the completion script" in done.stderr and "_amplify" in done.stderr
    assert sorted(p.name for p in (home / ".zfunc").iterdir()) == ["_amplify"]
