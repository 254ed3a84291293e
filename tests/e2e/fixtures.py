"""End-to-end fixtures: the installed entry points, stub programs that record argv."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

BIN = os.path.dirname(sys.executable)
STUB_PROGRAMS = ("npx", "npm", "pnpm", "yarn", "bunx", "bun", "git", "aws")

STUB = r'''#!{python}
"""Test double: records its argv (and a few env vars) as one JSON line, then exits."""
import json, os, signal, sys, time
name = os.path.basename(sys.argv[0])
record = {{"prog": name, "argv": sys.argv[1:], "cwd": os.getcwd(),
           "env": {{k: os.environ.get(k) for k in ("AWS_PROFILE", "AWS_REGION", "AMPLIFY_SHIM_PASSTHROUGH", "CI")}}}}
log = os.environ["STUB_LOG"]
def write(extra=None):
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({{**record, **(extra or {{}})}}) + "\n")
key = name.upper().replace("-", "_")
if os.environ.get("STUB_SLEEP_" + key):
    def on_signal(signum, frame):
        write({{"signal": signum}})
        sys.exit(128 + signum)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with open(log + ".ready", "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(float(os.environ["STUB_SLEEP_" + key]))
write()
sys.exit(int(os.environ.get("STUB_EXIT_" + key, "0")))
'''


def _write_stub(directory, name):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(STUB.format(python=sys.executable))
    os.chmod(path, 0o755)
    return path


class Stubs:
    def __init__(self, root):
        self.root = root
        self.bin = os.path.join(root, "stubs")
        self.gen1_bin = os.path.join(root, "gen1")
        self.log = os.path.join(root, "stub.log")
        os.makedirs(self.bin)
        os.makedirs(self.gen1_bin)
        for name in STUB_PROGRAMS:
            _write_stub(self.bin, name)
        self.gen1 = _write_stub(self.gen1_bin, "amplify")  # the real Gen 1 CLI, as far as the shim knows

    def remove(self, name):
        os.remove(os.path.join(self.bin, name))

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]

    def argvs(self):
        return [[c["prog"], *c["argv"]] for c in self.calls()]


@pytest.fixture
def stubs(tmp_path):
    return Stubs(str(tmp_path))


@pytest.fixture
def amplify_bin():
    path = os.path.join(BIN, "amplify")
    if not os.path.exists(path):
        pytest.fail("the package is not installed in this environment: pip install -e '.[test]'")
    return path


@pytest.fixture
def shim_bin():
    return os.path.join(BIN, "amplify-shim")


def make_gen2(root, *, runner_lock="package-lock.json", ampx=True):
    os.makedirs(os.path.join(root, "amplify"), exist_ok=True)
    with open(os.path.join(root, "amplify", "backend.ts"), "w") as handle:
        handle.write("export {};\n")
    with open(os.path.join(root, "package.json"), "w") as handle:
        json.dump({"name": "app", "devDependencies": {"@aws-amplify/backend-cli": "^1.10.0"} if ampx else {}}, handle)
    if runner_lock:
        open(os.path.join(root, runner_lock), "w").close()
    if ampx:
        pkg = os.path.join(root, "node_modules", "@aws-amplify", "backend-cli")
        os.makedirs(pkg, exist_ok=True)
        with open(os.path.join(pkg, "package.json"), "w") as handle:
            json.dump({"name": "@aws-amplify/backend-cli", "version": "1.10.0"}, handle)
    return root


def make_gen1(root):
    os.makedirs(os.path.join(root, "amplify", ".config"), exist_ok=True)
    with open(os.path.join(root, "amplify", "team-provider-info.json"), "w") as handle:
        json.dump({"dev": {"awscloudformation": {"AmplifyAppId": "d19g9qfivk7dw4", "Region": "us-west-2"}}}, handle)
    with open(os.path.join(root, "amplify", ".config", "project-config.json"), "w") as handle:
        json.dump({"projectName": "app", "frontend": "javascript", "javascript": {"framework": "react"}}, handle)
    return root


@pytest.fixture
def gen2_project(tmp_path):
    return make_gen2(str(tmp_path / "app"))


@pytest.fixture
def gen1_project(tmp_path):
    return make_gen1(str(tmp_path / "gen1app"))


def base_env(stubs, tmp_path, **extra):
    """A clean environment: stubs first on PATH, no CI or AWS variables, config in a temp dir."""
    keep = {k: v for k, v in os.environ.items()
            if k in ("LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR") or k.startswith("LC_")}
    # Only stubs and this environment's bin: a real npx/git/aws must never run in a test.
    path = [stubs.bin, stubs.gen1_bin, BIN]
    env = {**keep, "PATH": os.pathsep.join(path), "HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "STUB_LOG": stubs.log, "NO_COLOR": "1",
           "AMPLIFY_SHIM_SHELL": "bash"}
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def run(argv, *, cwd, env, stdin=subprocess.DEVNULL, timeout=60):
    return subprocess.run(argv, cwd=cwd, env=env, stdin=stdin, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def env(stubs, tmp_path):
    return base_env(stubs, tmp_path)


def no_traceback(result):
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
