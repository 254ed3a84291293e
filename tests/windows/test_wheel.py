"""Issue 12: `pip install .` / `pipx install .` on Windows must put a runnable
`amplify` on PATH. POSIX wheels ship bin/amplify as a plain script (pip's
console-script launcher imports `re`, which costs more than the fast path);
Windows cannot run an extension-less script, so Windows wheels carry an
`amplify` console script instead (pip turns it into amplify.exe).

Each wheel is built once per module, as `pip install .` builds it (hatchling,
with the build hooks in hatch_build.py)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_VARIABLE = "AMPLIFY_WHEEL_PLATFORM"

pytestmark = pytest.mark.slow


def _build(out: Path, platform: str | None) -> Path:
    env = {k: v for k, v in os.environ.items() if k != PLATFORM_VARIABLE}
    if platform:
        env[PLATFORM_VARIABLE] = platform
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "wheel", "--quiet", "--no-deps",
               "--wheel-dir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")  # build offline with the hatchling already here
    done = subprocess.run(command + [str(ROOT)], capture_output=True, text=True, cwd=out, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("amplify_shim-*.whl")
    return wheel


class Wheel:
    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.names = archive.namelist()
            info = next(n for n in self.names if n.endswith(".dist-info/WHEEL"))
            self.tags = [line.split(": ", 1)[1] for line in archive.read(info).decode().splitlines()
                         if line.startswith("Tag: ")]
            entry = next((n for n in self.names if n.endswith(".dist-info/entry_points.txt")), None)
            parser = configparser.ConfigParser(delimiters=("=",))
            parser.optionxform = str  # keep names as written
            if entry:
                parser.read_string(archive.read(entry).decode())
            self.console_scripts = dict(parser["console_scripts"]) if parser.has_section("console_scripts") else {}

    def scripts(self) -> list[str]:
        """What the wheel installs into bin/ (Scripts\\ on Windows) as files."""
        return sorted(n.split("/scripts/", 1)[1] for n in self.names if ".data/scripts/" in n)


@pytest.fixture(scope="module")
def posix_wheel(tmp_path_factory) -> Wheel:
    # On a POSIX machine this is the plain `pip install .` build: no variable set.
    forced = "posix" if os.name == "nt" else None
    return Wheel(_build(tmp_path_factory.mktemp("posix"), forced))


@pytest.fixture(scope="module")
def windows_wheel(tmp_path_factory) -> Wheel:
    return Wheel(_build(tmp_path_factory.mktemp("windows"), "windows"))


def test_posix_wheel_ships_the_plain_script_and_no_amplify_console_script(posix_wheel):
    assert posix_wheel.scripts() == ["amplify"]
    assert "amplify" not in posix_wheel.console_scripts  # it would overwrite the plain script
    assert posix_wheel.console_scripts == {"amplify-shim": "amplify_shim.cli:main"}
    assert posix_wheel.tags == ["py3-none-any"]


def test_windows_wheel_ships_an_amplify_console_script_and_no_plain_script(windows_wheel):
    assert windows_wheel.scripts() == []
    assert windows_wheel.console_scripts == {"amplify": "amplify_shim.shim:main",
                                             "amplify-shim": "amplify_shim.cli:main"}
    # A platform tag, so pip on Windows prefers this wheel to the py3-none-any one
    # when both are published; any other machine never picks it.
    assert windows_wheel.tags and all("-none-win" in tag for tag in windows_wheel.tags), windows_wheel.tags
    assert {"py3-none-win_amd64", "py3-none-win_arm64"} <= set(windows_wheel.tags)


def test_both_wheels_carry_the_package_and_the_module_entry_point(posix_wheel, windows_wheel):
    """`python -m amplify_shim` and `amplify-shim` work everywhere."""
    for wheel in (posix_wheel, windows_wheel):
        assert "amplify_shim/__main__.py" in wheel.names
        assert "amplify_shim/shim.py" in wheel.names
        assert wheel.console_scripts["amplify-shim"] == "amplify_shim.cli:main"
        assert any(n.endswith("share/man/man1/amplify.1") for n in wheel.names)
        # `amplify-shim completion` prints the shipped scripts; the generators (tools/) are not installed.
        assert "amplify_shim/completions/amplify.bash" in wheel.names and "amplify_shim/completions/_amplify" in wheel.names
        assert not any(n.startswith(("amplify_shim/generate/", "tools/")) for n in wheel.names)


def test_pip_makes_a_working_amplify_launcher_from_the_windows_wheel(windows_wheel, tmp_path):
    """pip installs the Windows wheel's entry point the way it would on Windows (there an .exe
    runs the same generated launcher code): `sys.exit(main())` with main = amplify_shim.shim:main."""
    target = tmp_path / "target"
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "install", "--quiet", "--no-deps",
               "--no-index", "--only-binary=:all:", "--platform", "win_amd64", "--target", str(target),
               str(windows_wheel.path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    launcher = target / "bin" / "amplify"
    assert launcher.is_file()
    text = launcher.read_text()
    # pip's generated launcher (not the plain bin/amplify): it strips "-script.pyw"/".exe" from argv[0].
    assert "from amplify_shim.shim import main" in text and "sys.exit(main())" in text
    assert "import re" in text and ".exe" in text, text
    project = tmp_path / "project"
    (project / "amplify").mkdir(parents=True)
    (project / "amplify" / "backend.ts").write_text("")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "NO_COLOR": "1", "PYTHONPATH": str(target)}
    shown = subprocess.run([sys.executable, str(launcher), "push", "--shim-print"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=60)
    assert (shown.returncode, shown.stdout) == (0, "npx ampx sandbox --once\n"), shown.stderr
    shown = subprocess.run([sys.executable, str(launcher), "no-such-command", "--shim-print"], cwd=project,
                           env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 2 and shown.stdout == "" and "Traceback" not in shown.stderr, shown.stderr


def test_pip_installs_the_posix_wheel_with_the_plain_fast_script(posix_wheel, tmp_path):
    """The POSIX wheel in a fresh environment: `amplify` is bin/amplify (no `re`-importing
    launcher) and runs with no dependency installed; `amplify-shim` is pip's entry point."""
    prefix = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(prefix)], check=True, timeout=120)
    python = prefix / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python),
                           "install", "--quiet", "--no-deps", str(posix_wheel.path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    amplify = prefix / "bin" / "amplify"
    text = amplify.read_text()
    assert text.startswith(f"#!{python}") and "import re" not in text, text[:200]
    assert (prefix / "bin" / "amplify-shim").is_file()
    project = tmp_path / "project"
    (project / "amplify").mkdir(parents=True)
    (project / "amplify" / "backend.ts").write_text("")
    shown = subprocess.run([str(amplify), "--shim-print", "push"], cwd=project, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"}, timeout=60)
    assert (shown.returncode, shown.stdout) == (0, "npx ampx sandbox --once\n"), shown.stderr
