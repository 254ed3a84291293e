#!/usr/bin/env bash
# A long fuzzing run: 10,000 examples per property (CI runs a few thousand, and a few hundred for files).
#   bash scripts/fuzz.sh [EXAMPLES] [argv|files|all]
# Prints hypothesis statistics for each property; the figures go in release notes.
#   argv:  command lines into the planner and the in-process entry point (tests/robustness/test_fuzz.py)
#   files: random bytes / random JSON in every project file, .git/HEAD and the config, random file://
#          targets for --amplify (tests/robustness/test_file_fuzz.py)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-10000}"
which="${2:-all}"
start=$(date +%s)
if [ "$which" != files ]; then
  AMPLIFY_SHIM_FUZZ_EXAMPLES="$examples" AMPLIFY_SHIM_FUZZ_ENTRY_EXAMPLES="$examples" AMPLIFY_SHIM_FUZZ_RANDOM=1 \
    .venv/bin/python -m pytest tests/robustness/test_fuzz.py -q -p no:cacheprovider --hypothesis-show-statistics \
    -k "core_never_raises or user_values_arrive or in_process"
fi
if [ "$which" != argv ]; then
  AMPLIFY_SHIM_FUZZ_FILE_EXAMPLES="$examples" AMPLIFY_SHIM_FUZZ_RANDOM=1 \
    .venv/bin/python -m pytest tests/robustness/test_file_fuzz.py -q -p no:cacheprovider --hypothesis-show-statistics \
    -k "never_raises_or_hangs_on_any_project_files or never_crashes_on_any_project_files or payload_targets"
fi
echo "fuzz: ${examples} examples per property (${which}), $(( $(date +%s) - start )) s wall"
