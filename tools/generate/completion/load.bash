# amplify-shim's script holds only its own data. The engine, and the data for the Gen 1 words
# `plan` and `explain` take, are amplify's script's: loaded from beside this file, else by
# bash-completion from its folders, unless already loaded (`amplify-shim completion bash`
# prints both scripts, amplify's first).
__amplify_shim_here=
case ${BASH_SOURCE[0]} in
    */*) __amplify_shim_here=${BASH_SOURCE[0]%/*} ;;
    ?*) __amplify_shim_here=. ;;
esac

__amplify_shim_load() {
    declare -F __amplify_complete >/dev/null && return 0
    local f
    if [[ -n $__amplify_shim_here ]]; then
        for f in "$__amplify_shim_here/amplify" "$__amplify_shim_here/amplify.bash"; do
            if [[ -f $f && -r $f ]]; then
                . "$f"
                break
            fi
        done
    fi
    if ! declare -F __amplify_complete >/dev/null; then
        if declare -F _comp_load >/dev/null; then
            _comp_load amplify
        elif declare -F __load_completion >/dev/null; then
            __load_completion amplify
        fi
    fi >/dev/null 2>&1
    declare -F __amplify_complete >/dev/null
}

__amplify_shim_load
