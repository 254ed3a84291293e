"""The installed shim hands Gen 1 command lines to the REAL Gen 1 CLI.

The real CLI is @aws-amplify/cli-internal (the JavaScript Amplify CLI; its bin
is `amplify`), installed from the npm registry by install_gen1.sh into
${AMPLIFY_SHIM_CACHE:-~/.cache/amplify-shim}/gen1-cli-VERSION (about 1.4 GB,
~2 minutes cold, instant once cached). `@aws-amplify/cli` cannot be used: its
install script downloads a prebuilt binary from outside the npm registry.

Because of that download the suite runs only with AMPLIFY_SHIM_PEERS=1
(`scripts/test.sh --peers`; CI sets it). Locally a missing node/npm or a failed
install skips with the reason; in CI (AMPLIFY_SHIM_REQUIRE_TOOLS=1) it fails
instead (tests/conftest.py).

Nothing here may reach AWS. Only commands that read local files run (`--version`,
`version`, `help`, `env list`, `env get`); AWS credentials are junk, the
instance-metadata lookup, usage data, the banner-message fetch and the update
check are switched off, HOME is a temp dir, and where `unshare -n` works (root
on Linux) every run is in a network namespace with no network at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

from tests.conftest import require, require_tool

pytestmark = pytest.mark.gen1peer

HERE = Path(__file__).resolve().parent
INSTALL_SCRIPT = HERE / "install_gen1.sh"
DEFAULT_VERSION = "14.2.2"
# Real files of a deployed Gen 1 app (provenance in fixtures/README.md).
FITNESS_TRACKER = HERE / "fixtures" / "fitness-tracker"
WHY = "the gen1peer suite passes command lines through to the real Gen 1 CLI from npm"

# The installed shim: the `amplify` script next to this interpreter.
SHIM = Path(sys.executable).parent / "amplify"


def gen1_version() -> str:
    return os.environ.get("AMPLIFY_GEN1_VERSION") or DEFAULT_VERSION


@pytest.fixture(scope="session")
def real_amplify() -> Path:
    """Install (or find in the cache) @aws-amplify/cli-internal; its `amplify` bin."""
    require_tool("node", WHY)
    require_tool("npm", WHY)
    require_tool("bash", WHY)
    version = gen1_version()
    try:
        proc = subprocess.run(["bash", str(INSTALL_SCRIPT), version], capture_output=True, text=True,
                              timeout=1500, check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        require(False, f"install_gen1.sh {version}: {exc}")
        raise AssertionError("unreachable")
    lines = proc.stdout.strip().splitlines()
    tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
    require(proc.returncode == 0 and bool(lines),
            f"could not install @aws-amplify/cli-internal@{version} (install_gen1.sh exit {proc.returncode}):\n{tail}")
    path = Path(lines[-1])
    require(path.is_file() and os.access(path, os.X_OK), f"install_gen1.sh printed {path}, which is not executable")
    return path


@pytest.fixture(scope="session")
def shim() -> Path:
    assert SHIM.is_file() and os.access(SHIM, os.X_OK), f"the installed shim is missing: {SHIM}"
    return SHIM


def _no_network_prefix() -> list[str]:
    """["unshare", "-n"] where a process can be put in an empty network namespace, else []."""
    unshare = shutil.which("unshare")
    if not unshare or not sys.platform.startswith("linux"):
        return []
    try:
        ok = subprocess.run([unshare, "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return [unshare, "-n"] if ok else []


@pytest.fixture(scope="session")
def no_network() -> list[str]:
    return _no_network_prefix()


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One HOME for the session: the real CLI keeps its plugin scan in ~/.amplify."""
    return tmp_path_factory.mktemp("gen1peer-home")


def write_gen1_project(root: Path, env_name: str = "main") -> Path:
    """A Gen 1 project tree from the committed fitness-tracker files (env `main`)."""
    config = root / "amplify" / ".config"
    shutil.copytree(FITNESS_TRACKER / "amplify", root / "amplify")
    assert (config / "project-config.json").is_file()
    teams = json.loads((root / "amplify" / "team-provider-info.json").read_text(encoding="utf-8"))
    if env_name not in teams:
        teams[env_name] = teams["main"]
        (root / "amplify" / "team-provider-info.json").write_text(json.dumps(teams), encoding="utf-8")
    # The per-checkout files `amplify init`/`pull` leave (git-ignored in real
    # projects); `env list` needs them to know the environments.
    (config / "local-env-info.json").write_text(json.dumps(
        {"projectPath": str(root), "defaultEditor": "none", "envName": env_name}))
    (config / "local-aws-info.json").write_text(json.dumps(
        {env_name: {"configLevel": "project", "useProfile": True, "profileName": "default"}}))
    return root


@pytest.fixture
def gen1_project(tmp_path: Path) -> Path:
    return write_gen1_project(tmp_path / "gen1app")


def clean_env(home: Path, path_dirs: list[str], **extra: str) -> dict[str, str]:
    """No inherited AWS/CI/shim variables; junk credentials; everything that phones home off."""
    keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR") or k.startswith("LC_")}
    env = {
        **keep,
        "PATH": os.pathsep.join(path_dirs),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "xdg"),
        "NO_COLOR": "1",
        "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "junk-not-a-real-secret",
        "AWS_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(home / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "no-aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AMPLIFY_CLI_ENABLE_USAGE_DATA": "false",
        "AMPLIFY_CLI_BANNER_MESSAGE_URL": "http://127.0.0.1:9/banner-message.json",
        "NO_UPDATE_NOTIFIER": "1",
    }
    env.update(extra)
    return env


def base_path(real_amplify: Optional[Path] = None) -> list[str]:
    """Directories the real CLI needs (node) plus the system ones; never the shim's."""
    dirs = []
    node = shutil.which("node")
    if node:
        dirs.append(str(Path(node).parent))
    dirs += ["/usr/local/bin", "/usr/bin", "/bin"]
    return [d for d in dict.fromkeys(dirs) if d != str(SHIM.parent)]


def run(argv: list[str], *, cwd: Path, env: dict[str, str], prefix: list[str], timeout: float = 120):
    return subprocess.run([*prefix, *argv], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout, check=False)


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def shim_version_text() -> str:
    from amplify_shim.render.text import version_text
    return version_text()


# --- pass-through in a Gen 1 project --------------------------------------


def test_version_via_env_var(shim, real_amplify, gen1_project, home, no_network):
    """AMPLIFY_SHIM_GEN1_CLI names the real CLI: `amplify --version` prints ITS version."""
    env = clean_env(home, base_path(), AMPLIFY_SHIM_GEN1_CLI=str(real_amplify))
    result = run([str(shim), "--version"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    assert last_line(result.stdout) == gen1_version(), result.stdout
    assert "amplify-shim" not in result.stdout
    assert "Traceback" not in result.stderr


def test_version_via_path_skips_the_shim(shim, real_amplify, gen1_project, home, no_network):
    """With the shim's dir FIRST on PATH and the real bin's dir after it, the lookup skips the shim."""
    env = clean_env(home, [str(shim.parent), str(real_amplify.parent), *base_path()])
    result = run(["amplify", "--version"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    assert last_line(result.stdout) == gen1_version(), result.stdout
    assert "amplify-shim" not in result.stdout
    # ... and from a subdirectory of the project too.
    sub = gen1_project / "src" / "components"
    sub.mkdir(parents=True)
    result = run(["amplify", "version"], cwd=sub, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    assert last_line(result.stdout) == gen1_version(), result.stdout


def test_help_is_the_real_clis(shim, real_amplify, gen1_project, home, no_network):
    env = clean_env(home, base_path(), AMPLIFY_SHIM_GEN1_CLI=str(real_amplify))
    result = run([str(shim), "help"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "The Amplify Command Line Interface (CLI)" in result.stdout, result.stdout
    assert "amplify <command> <subcommand> [flags]" in result.stdout
    assert "amplify-shim" not in result.stdout


def test_env_list_reads_the_project(shim, real_amplify, gen1_project, home, no_network):
    """`env list --json` and `env get --name main`: the real CLI, reading this project's files."""
    env = clean_env(home, [str(shim.parent), str(real_amplify.parent), *base_path()])
    result = run(["amplify", "env", "list", "--json"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    start = result.stdout.index("{")
    assert json.loads(result.stdout[start:]) == {"envs": ["main"]}
    result = run(["amplify", "env", "get", "--name", "main"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    tpi = json.loads((gen1_project / "amplify" / "team-provider-info.json").read_text())
    assert f"StackName: {tpi['main']['awscloudformation']['StackName']}" in result.stdout, result.stdout


# --- not a Gen 1 project: the shim answers itself --------------------------


def test_outside_gen1_the_shim_answers_version(shim, real_amplify, tmp_path, no_network):
    """Outside a Gen 1 project `amplify --version` is the shim's, and the real CLI never starts."""
    home = tmp_path / "home"
    home.mkdir()
    outside = tmp_path / "not-a-project"
    outside.mkdir()
    for env in (
        clean_env(home, base_path(), AMPLIFY_SHIM_GEN1_CLI=str(real_amplify)),
        clean_env(home, [str(shim.parent), str(real_amplify.parent), *base_path()]),
    ):
        result = run([str(shim), "--version"], cwd=outside, env=env, prefix=no_network)
        assert result.returncode == 0, result.stderr + result.stdout
        assert result.stdout == shim_version_text()
        assert gen1_version() not in result.stdout
        # The real CLI writes ~/.amplify (plugin scan, config) on every start.
        assert not (home / ".amplify").exists(), "the real Gen 1 CLI ran outside a Gen 1 project"


def test_the_real_cli_ran_in_the_sandbox(real_amplify, gen1_project, home, no_network):
    """Sanity check for the check above: the real CLI, run directly, does create ~/.amplify."""
    fresh = home / "fresh"
    fresh.mkdir(exist_ok=True)
    env = clean_env(fresh, base_path())
    result = run([str(real_amplify), "--version"], cwd=gen1_project, env=env, prefix=no_network)
    assert result.returncode == 0, result.stderr + result.stdout
    assert last_line(result.stdout) == gen1_version()
    assert (fresh / ".amplify").is_dir()
