# amplify-shim's script holds only its own data. The engine, and the data for the Gen 1 words
# `plan` and `explain` take, are in amplify's script `_amplify`: sourced from beside this file
# or from $fpath on the first TAB, unless already loaded (`amplify-shim completion zsh` prints
# both scripts, amplify's first).
typeset -g __amplify_shim_here=${${(%):-%x}:h}

__amplify_shim_load() {
    (( $+functions[__amplify_complete] )) && return 0
    local d
    for d in $__amplify_shim_here $fpath; do
        if [[ -f $d/_amplify && -r $d/_amplify ]]; then
            source $d/_amplify
            (( $+functions[__amplify_complete] )) && return 0
        fi
    done
    return 1
}
