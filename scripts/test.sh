#!/usr/bin/env bash
# The test command (README, .ci/run): set up .venv with the package and its
# test extras, then run the suite. Extra arguments go to pytest.
#
#   bash scripts/test.sh           # all but the heavy suites: downloads nothing beyond pip's test extras
#   bash scripts/test.sh --peers   # also the heavy suites (AMPLIFY_SHIM_PEERS=1): the real ampx and Gen 1
#                                  # CLI from npm (~3.1 GB into ${AMPLIFY_SHIM_CACHE:-~/.cache/amplify-shim},
#                                  # once), wheel builds, long property tests
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
for arg in "$@"; do
    if [[ "$arg" == "--peers" ]]; then
        export AMPLIFY_SHIM_PEERS=1
    else
        args+=("$arg")
    fi
done
# PYTHON: the interpreter to make the venv with (the GitHub workflow sets `python` on Windows, where
# `python3` may be the Microsoft Store stub); a Windows venv keeps it in Scripts\, not bin/.
"${PYTHON:-python3}" -m venv .venv
venv_python=.venv/bin/python
[[ -d .venv/Scripts ]] && venv_python=.venv/Scripts/python
"$venv_python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
# One worker per core (pytest-xdist): the suite spends most of its time waiting on the programs it starts.
exec "$venv_python" -m pytest -n auto ${args[@]+"${args[@]}"}
