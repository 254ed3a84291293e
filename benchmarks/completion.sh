#!/usr/bin/env bash
# How long one TAB press takes with the generated completion scripts.
#
#   bash benchmarks/completion.sh            (RUNS=50 by default)
#
# bash: the real completion function (_amplify) timed inside one shell with
# $EPOCHREALTIME, so shell start-up is excluded; the one-off cost of sourcing
# the script is printed apart. fish: `complete -C` timed with fish's `time`
# inside one shell. For context: a bare `bash -c :` and `python -c pass`.
# Target: under 10 ms per completion. Prints figures; asserts nothing.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-50}
python=${PYTHON:-$root/.venv/bin/python}
[[ -x $python ]] || python=$(command -v python3)

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
git -C "$repo" init -q
git -C "$repo" checkout -q -b main
git -C "$repo" -c user.name=b -c user.email=b@example.com commit -q --allow-empty -m init
git -C "$repo" branch dev
git -C "$repo" branch feature/x

median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f ms\n", m }'
}

# Start-up of a whole program, N times: median wall time in ms.
startup() {
    local i t0 t1
    for (( i = 0; i < runs; i++ )); do
        t0=$EPOCHREALTIME
        "$@" >/dev/null 2>&1
        t1=$EPOCHREALTIME
        echo "$t0 $t1"
    done | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' | median
}

bash_tab() {  # script function words...
    (cd "$repo" && bash --norc --noprofile -c '
        script=$1 func=$2 runs=$3
        shift 3
        COMP_WORDS=("$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        for (( i = 0; i < runs; i++ )); do
            t0=$EPOCHREALTIME
            [[ $i == 0 ]] && source "$script"
            t1=$EPOCHREALTIME
            COMPREPLY=()
            "$func"
            t2=$EPOCHREALTIME
            if [[ $i == 0 ]]; then echo "load $t0 $t1"; else echo "tab $t1 $t2"; fi
        done' bash "$@")
}

bash_report() {  # label script function words...
    local label=$1 out
    shift
    out=$(bash_tab "$1" "$2" "$runs" "${@:3}")
    printf '  %-44s %s   (sourcing the script once: %s)\n' "$label" \
        "$(awk '$1 == "tab" { printf "%.3f\n", ($3 - $2) * 1000 }' <<<"$out" | median)" \
        "$(awk '$1 == "load" { printf "%.3f\n", ($3 - $2) * 1000 }' <<<"$out" | median)"
}

fish_report() {  # label line
    local label=$1 line=$2
    printf '  %-44s %s\n' "$label" "$(cd "$repo" && fish --no-config -c "
        source '$root/completions/amplify.fish'
        complete -C '$line' >/dev/null
        for i in (seq $runs)
            time complete -C '$line' >/dev/null
        end" 2>&1 | awk '/Executed in/ {
            v = $3; u = $4
            if (u ~ /^micros/) v /= 1000; else if (u ~ /^secs/) v *= 1000; else if (u ~ /^mins/) v *= 60000
            printf "%.3f\n", v }' | median)"
}

echo "median of $runs runs; target: under 10 ms per completion"
echo "bash $(bash -c 'echo $BASH_VERSION')"
bash_report "amplify env ch<TAB> (sub-command)" "$root/completions/amplify.bash" _amplify amplify env ch
bash_report "amplify pull --<TAB> (flags)" "$root/completions/amplify.bash" _amplify amplify pull --
bash_report "amplify env checkout <TAB> (git branches)" "$root/completions/amplify.bash" _amplify amplify env checkout ''
bash_report "amplify-shim plan add <TAB> (Gen 1 words)" "$root/completions/amplify-shim.bash" _amplify_shim amplify-shim plan add ''
if command -v fish >/dev/null; then
    echo "$(fish --version)   (first TAB also sources the script: the one-off cost is not included)"
    fish_report "amplify env ch<TAB> (sub-command)" "amplify env ch"
    fish_report "amplify pull --<TAB> (flags)" "amplify pull --"
    fish_report "amplify env checkout <TAB> (git branches)" "amplify env checkout "
else
    echo "fish: not installed"
fi
echo "for context (whole program start-up):"
printf '  %-44s %s\n' "bash -c :" "$(startup bash -c :)"
printf '  %-44s %s\n' "git for-each-ref (the one branch lookup)" "$(cd "$repo" && startup git for-each-ref --format='%(refname:short)' refs/heads/)"
printf '  %-44s %s\n' "python -c pass (a TAB that started Python)" "$(startup "$python" -c pass)"
