"""`amplify-shim doctor` in broken projects: the installed program, with a timeout (threats F1-F12).

doctor is what the internal-error message tells users to run, so it must answer anywhere:
FIFOs, devices, directories where files should be, huge or deep JSON, non-UTF-8, a broken
config. Never a traceback, never a hang; every fact names the full path of its file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

BIN = os.path.dirname(sys.executable)
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and deleted cwds are POSIX")
TPI = {"dev": {"awscloudformation": {"Region": "us-west-2", "StackName": "amplify-notes-dev-1234",
                                     "AmplifyAppId": "d19g9qfivk7dw4"}}}
CONFIG = {"projectName": "notes", "version": "3.1", "frontend": "javascript",
          "javascript": {"framework": "react", "config": {"SourceDir": "src"}}, "providers": ["awscloudformation"]}


@pytest.fixture
def env(tmp_path):
    return {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
            "NO_COLOR": "1", "LANG": "C.UTF-8", "AMPLIFY_SHIM_SHELL": "bash"}


def doctor(cwd, env, *args):
    """Both forms; each must finish (timeout), exit 0 and print no traceback."""
    done = {}
    for form in (["doctor", *args], ["doctor", "--json", *args]):
        result = subprocess.run([os.path.join(BIN, "amplify-shim"), *form], cwd=cwd, env=env, capture_output=True,
                                text=True, stdin=subprocess.DEVNULL, timeout=90)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr + result.stdout and "internal error" not in result.stderr
        done["json" if "--json" in form else "text"] = result
    return done["text"].stdout, json.loads(done["json"].stdout)


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content if isinstance(content, bytes) else json.dumps(content).encode())


def gen1_tree(root):
    write(os.path.join(root, "amplify", "team-provider-info.json"), TPI)
    write(os.path.join(root, "amplify", ".config", "project-config.json"), CONFIG)
    write(os.path.join(root, "amplify", "backend", "backend-config.json"), {})
    return os.path.realpath(root)


@posix_only
def test_doctor_in_a_thoroughly_broken_project(tmp_path, env):
    """threats F1-F5, F9: FIFO, device, directory, deep JSON, huge integers, non-UTF-8, broken .git/HEAD."""
    root = gen1_tree(str(tmp_path / "broken"))
    amplify = os.path.join(root, "amplify")
    os.remove(os.path.join(amplify, "team-provider-info.json"))
    os.mkfifo(os.path.join(amplify, "team-provider-info.json"))
    os.symlink("/dev/zero", os.path.join(amplify, "backend", "amplify-meta.json"))
    os.makedirs(os.path.join(amplify, ".config", "local-env-info.json"))
    write(os.path.join(amplify, ".config", "project-config.json"), b"[" * 5000 + b"]" * 5000)
    write(os.path.join(root, "package.json"), b'{"packageManager": ' + b"7" * 5000 + b"}")
    write(os.path.join(root, ".git", "HEAD"), b"ref: refs/heads/\xff\xfe")
    write(os.path.join(amplify, "backend.ts"), b"")  # migration in place: every Gen 1 file is read
    text, data = doctor(root, env)
    warnings = "\n".join(data["warnings"])
    for name, words in [("amplify/team-provider-info.json", "a FIFO"), ("amplify/backend/amplify-meta.json", "a character device"),
                        ("amplify/.config/local-env-info.json", "a directory"),
                        ("amplify/.config/project-config.json", "nested too deeply"), (".git/HEAD", "not UTF-8")]:
        full = os.path.join(root, *name.split("/"))
        assert any(full in w and words in w for w in data["warnings"]), (name, warnings)
        assert full in text
    assert data["app_id"]["value"] is None and data["branch"]["value"] is None


def test_doctor_names_the_full_path_of_every_fact(tmp_path, env):
    root = gen1_tree(str(tmp_path / "mig"))
    write(os.path.join(root, "amplify", "backend.ts"), b"")
    write(os.path.join(root, "amplify", ".config", "local-env-info.json"), {"envName": "dev"})
    write(os.path.join(root, "pnpm-lock.yaml"), b"")
    write(os.path.join(root, ".git", "HEAD"), b"ref: refs/heads/dev\n")
    text, data = doctor(root, env)
    tpi = os.path.join(root, "amplify", "team-provider-info.json")
    assert data["files"]["app_id"] == f"{tpi} (env dev)"
    assert data["files"]["branch"] == os.path.join(root, ".git", "HEAD")
    assert data["files"]["runner"] == os.path.join(root, "pnpm-lock.yaml")
    assert data["files"]["frontend"] == os.path.join(root, "amplify", ".config", "project-config.json")
    assert data["frontend"] == {"value": "javascript", "framework": "react"}
    assert f"d19g9qfivk7dw4 (from {tpi} (env dev))" in text
    assert f"dev (from git: {os.path.join(root, '.git', 'HEAD')})" in text
    assert os.path.join(root, "pnpm-lock.yaml") in text


def test_doctor_in_a_gen2_package_of_a_gen1_monorepo(tmp_path, env):
    """threat F10: the parent's Gen 1 files are named as ignored, never used."""
    mono = gen1_tree(str(tmp_path / "repo"))
    web = os.path.join(mono, "packages", "web")
    write(os.path.join(web, "amplify", "backend.ts"), b"")
    text, data = doctor(web, {**env, "CI": "1"})
    assert data["project"] == {"kind": "gen2", "root": web}
    assert data["app_id"]["value"] is None and data["files"]["app_id"] is None
    assert data["files"]["gen1_ignored"] == mono
    assert f"Gen 1 files at {mono} not read (a nearer Gen 2 project)" in text


def test_doctor_shows_which_ci_variable_gave_the_branch(tmp_path, env):
    """threat F11: a detached CI checkout takes the provider's branch, and doctor says which variable."""
    root = str(tmp_path / "app")
    write(os.path.join(root, "amplify", "backend.ts"), b"")
    write(os.path.join(root, ".git", "HEAD"), b"0123456789abcdef0123456789abcdef01234567\n")
    text, data = doctor(root, {**env, "GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "main"})
    assert data["branch"] == {"value": "main", "source": "GITHUB_REF_NAME"}
    assert "main (from GITHUB_REF_NAME)" in text


@posix_only
@pytest.mark.parametrize("make", ["fifo", "directory", "bytes", "deep"])
def test_doctor_with_a_broken_config_file(tmp_path, env, make):
    """threat F12: the config is a FIFO (never opened), a directory, junk or deeply nested TOML."""
    config = str(tmp_path / "conf.toml")
    if make == "fifo":
        os.mkfifo(config)
    elif make == "directory":
        os.mkdir(config)
    elif make == "bytes":
        write(config, b"\xff\x00mode = [[[")
    else:
        write(config, b"a = " + b"[" * 5000 + b"]" * 5000)
    text, data = doctor(str(tmp_path), {**env, "AMPLIFY_SHIM_CONFIG": config})
    assert data["config"]["path"] == config and data["config"]["error"]
    assert config in data["config"]["error"] and "\n" not in data["config"]["error"]
    assert "config file" in text and "error" in text


def test_doctor_says_ampx_was_found_above_the_project(tmp_path, env):
    """node resolution walks up past the project root (a hoisted workspace): doctor says where."""
    hoisted = os.path.join(str(tmp_path), "node_modules", "@aws-amplify", "backend-cli")
    write(os.path.join(hoisted, "package.json"), {"name": "@aws-amplify/backend-cli", "version": "1.10.0"})
    root = str(tmp_path / "packages" / "web")
    write(os.path.join(root, "amplify", "backend.ts"), b"")
    text, data = doctor(root, env)
    assert data["ampx"]["path"] == os.path.realpath(hoisted) and data["ampx"]["above_project"] is True
    assert "above the project root" in text


@posix_only
def test_doctor_in_a_deleted_directory(tmp_path, env):
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (f"import os, subprocess, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
              f"sys.exit(subprocess.run([{os.path.join(BIN, 'amplify-shim')!r}, 'doctor'], timeout=90).returncode)")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "no longer exists" in done.stdout
