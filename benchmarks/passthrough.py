"""What the shim adds to a Gen 1 command: a Gen 1 CLI called directly vs through `amplify`.

    python benchmarks/passthrough.py [--runs N] [--real-runs N] [--gen1-cli PATH]

In a temporary Gen 1 project, interleaved, medians:
1. a stub Gen 1 CLI (`#!/bin/sh` + `exit 0`): the shim's own cost, in ms, with
   nothing else in the way;
2. a realistic Gen 1 CLI: the real one (`amplify --version`, about 1 s to start)
   when it is installed (--gen1-cli, AMPLIFY_SHIM_GEN1_CLI, or the gen1_peer
   test cache), else a stand-in that sleeps 1 s, and the report says which.
The target is the shim's overhead under 2 % of calling the Gen 1 CLI directly.
Machines here are shared and noisy: the real CLI's own spread is larger than
the shim's cost, so the stable figure is (1)'s overhead over (2)'s median.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CACHED = os.path.join(os.environ.get("AMPLIFY_SHIM_CACHE") or os.path.expanduser("~/.cache/amplify-shim"),
                      "gen1-cli-14.2.2", "node_modules", ".bin", "amplify")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def elapsed(argv: list[str], cwd: str, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; CPU time (user + system, the children
    included) is the steadier figure on a busy machine."""
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{argv} exited {done.returncode}")
    return took, _cpu() - cpu


def compare(direct: list[str], shimmed: list[str], cwd: str, env: dict, runs: int, warm: int = 2):
    """Medians: ((direct wall, shim wall), (direct CPU, shim CPU))."""
    for _ in range(warm):  # caches, bytecode, the real CLI's plugin scan
        elapsed(direct, cwd, env)
        elapsed(shimmed, cwd, env)
    a, b = [], []
    for _ in range(runs):
        a.append(elapsed(direct, cwd, env))
        b.append(elapsed(shimmed, cwd, env))
    med = statistics.median
    return (med(x[0] for x in a), med(x[0] for x in b)), (med(x[1] for x in a), med(x[1] for x in b))


def gen1_project(root: str) -> str:
    os.makedirs(os.path.join(root, "amplify", ".config"))
    with open(os.path.join(root, "amplify", ".config", "project-config.json"), "w") as handle:
        json.dump({"projectName": "bench", "frontend": "javascript", "providers": ["awscloudformation"]}, handle)
    with open(os.path.join(root, "amplify", "team-provider-info.json"), "w") as handle:
        json.dump({"dev": {"awscloudformation": {"AmplifyAppId": "d1bench", "Region": "us-east-1"}}}, handle)
    return root


def program(path: str, text: str) -> str:
    with open(path, "w") as handle:
        handle.write(text)
    os.chmod(path, 0o755)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs with the stub CLI (default 200)")
    parser.add_argument("--real-runs", type=int, default=15, help="runs with the realistic CLI (default 15)")
    parser.add_argument("--gen1-cli", help="the real Gen 1 CLI (default: AMPLIFY_SHIM_GEN1_CLI or the test cache)")
    args = parser.parse_args()
    if os.name == "nt":
        raise SystemExit("POSIX only: the stub CLI is a /bin/sh script")

    amplify = os.path.join(os.path.dirname(sys.executable), "amplify")
    if not os.path.exists(amplify):
        raise SystemExit("install the package first (pip install -e .): no `amplify` next to this Python")
    real = args.gen1_cli or os.environ.get("AMPLIFY_SHIM_GEN1_CLI") or (CACHED if os.path.exists(CACHED) else None)
    with tempfile.TemporaryDirectory() as tmp:
        project = gen1_project(os.path.join(tmp, "app"))
        stub = program(os.path.join(tmp, "amplify-stub"), "#!/bin/sh\nexit 0\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
        env.update(NO_COLOR="1", NO_UPDATE_NOTIFIER="1", AMPLIFY_CLI_ENABLE_USAGE_DATA="false",
                   XDG_CONFIG_HOME=os.path.join(tmp, "xdg"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users get: cached bytecode

        stub_env = dict(env, AMPLIFY_SHIM_GEN1_CLI=stub)
        (d_stub, s_stub), (dc_stub, sc_stub) = compare([stub, "status"], [amplify, "status"], project, stub_env, args.runs)
        cost, cpu_cost = s_stub - d_stub, sc_stub - dc_stub

        if real:
            what = f"the real Gen 1 CLI ({real}) --version"
        else:
            sleep = shutil.which("sleep") or "/bin/sleep"
            real = program(os.path.join(tmp, "amplify-slow"), f"#!/bin/sh\nexec {sleep} 1\n")
            what = "a stand-in that sleeps 1 s (the real Gen 1 CLI is not installed)"
        real_env = dict(env, AMPLIFY_SHIM_GEN1_CLI=real)
        (d_real, s_real), (dc_real, sc_real) = compare([real, "--version"], [amplify, "--version"], project,
                                                       real_env, args.real_runs)

    ms = 1000
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs, load {load:.1f}; "
          "medians of interleaved runs in a Gen 1 project")
    print(f"stub Gen 1 CLI, {args.runs} runs each:")
    print(f"  wall: direct {d_stub * ms:6.1f} ms  through the shim {s_stub * ms:6.1f} ms  shim cost {cost * ms:5.1f} ms")
    print(f"  CPU:  direct {dc_stub * ms:6.1f} ms  through the shim {sc_stub * ms:6.1f} ms  shim cost {cpu_cost * ms:5.1f} ms")
    print(f"{what}, {args.real_runs} runs each:")
    print(f"  wall: direct {d_real * ms:7.1f} ms  through the shim {s_real * ms:7.1f} ms  "
          f"difference {(s_real - d_real) / d_real * 100:+5.1f} % (noise: the CLI's own spread is larger)")
    print(f"  CPU:  direct {dc_real * ms:7.1f} ms  through the shim {sc_real * ms:7.1f} ms  "
          f"difference {(sc_real - dc_real) / dc_real * 100:+5.1f} %")
    print(f"overhead = shim cost / direct realistic CLI: wall {cost / d_real * 100:.1f} %, "
          f"CPU {cpu_cost / dc_real * 100:.1f} % (target < 2 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
