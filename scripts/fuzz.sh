#!/usr/bin/env bash
# A long fuzzing run: 10,000 examples per property (CI runs a few thousand).
#   bash scripts/fuzz.sh [EXAMPLES]
# Prints hypothesis statistics for each property; the figures go in release notes.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-10000}"
start=$(date +%s)
AMPLIFY_SHIM_FUZZ_EXAMPLES="$examples" AMPLIFY_SHIM_FUZZ_ENTRY_EXAMPLES="$examples" AMPLIFY_SHIM_FUZZ_RANDOM=1 \
  .venv/bin/python -m pytest tests/robustness/test_fuzz.py -q -p no:cacheprovider --hypothesis-show-statistics \
  -k "core_never_raises or user_values_arrive or in_process"
echo "fuzz: ${examples} examples per property, $(( $(date +%s) - start )) s wall"
