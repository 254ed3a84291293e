# The zsh completion engine for amplify and amplify-shim (compsys: _describe, _wanted/compadd,
# _files). It knows no command: each program's script adds its data, functions named after
# its prefix P (__amplify, __amplify_shim):
#   P_node KEY        sets __amplify_c (word:description of the words that follow KEY) and
#                     __amplify_a (the kinds of its positionals; "+KIND" takes every remaining
#                     word); fails if KEY leads nowhere
#   P_flags KEY       sets __amplify_f (flag:description: KEY's and those every command takes)
#   P_kind KEY FLAG   sets __amplify_k (the kind of FLAG's value; empty: takes none, or nothing to offer)
#   P_gen1 KEY        succeeds when the words after KEY are amplify's (amplify-shim plan/explain)
#   P_skip WORD       succeeds for words the walk ignores (the shim's --shim-* switches)
#   P_style           gen1 (the first flag ends the positionals) or options (click's rules)
# Value kinds: b an environment (a git branch), f a path, d a directory, c:a,b one of these words.

__amplify_values() {
    # Offer the values of kind $1.
    local -a expl vals
    case $1 in
        (b)
            # Environments are git branches: one git call, quiet outside a repository.
            vals=(${(f)"$(command git for-each-ref --format='%(refname:short)' refs/heads/ 2>/dev/null)"})
            (( $#vals )) || return 1
            _wanted branches expl 'environment (git branch)' compadd -a vals ;;
        (f)
            _files ;;
        (d)
            _files -/ ;;
        (c:*)
            vals=(${(s:,:)${1#c:}})
            _wanted values expl 'value' compadd -a vals ;;
        (*)
            return 1 ;;
    esac
}

__amplify_complete() {
    # $1: the program's data prefix; $2: the word being completed (up to the cursor);
    # then the words before it, without the program name.
    local p=$1 cur=$2 style key= w prev= pending= vflag= __amplify_k
    local -a __amplify_c __amplify_a __amplify_f
    integer extra=0 flagged=0 ret=1 i
    style=${(P)${:-${p}_style}}
    shift 2
    while (( $# )); do
        w=$1
        if [[ $w == -- ]]; then
            # `amplify-shim plan -- env list`: amplify's words follow; elsewhere nothing does.
            ${p}_gen1 "$key" || return 1
            shift
            __amplify_complete __amplify "$cur" "$@"
            return
        fi
        if ${p}_skip "$w"; then
            shift
            continue
        fi
        prev=$w
        if (( flagged )) || [[ -n $pending ]]; then
            pending=
        elif [[ $w == -?* ]]; then
            if [[ $style == gen1 ]]; then
                # Gen 1 reads every word after the first flag as flag material.
                flagged=1
            else
                ${p}_kind "$key" "${w%%=*}"
                [[ $w != *=* && -n $__amplify_k ]] && pending=$w
            fi
        elif (( extra == 0 )) && ${p}_node "${key:+$key }$w"; then
            key="${key:+$key }$w"
        elif ${p}_gen1 "$key"; then
            __amplify_complete __amplify "$cur" "$@"
            return
        else
            extra+=1
        fi
        shift
    done
    if [[ $cur == -*=* ]]; then
        vflag=${cur%%=*}
        compset -P '*='
    elif [[ $style == gen1 ]]; then
        [[ $cur != -* && $prev == -?* ]] && vflag=$prev
    else
        vflag=$pending
    fi
    if [[ -n $vflag ]]; then
        ${p}_kind "$key" "$vflag"
        __amplify_values "$__amplify_k"
        return
    fi
    if [[ $cur == -* ]]; then
        ${p}_flags "$key"
        _describe -t options 'option' __amplify_f
        return
    fi
    (( flagged )) && return 1
    if ${p}_gen1 "$key"; then
        __amplify_complete __amplify "$cur"
        return
    fi
    ${p}_node "$key"
    if (( extra == 0 && $#__amplify_c )); then
        _describe -t commands 'command' __amplify_c && ret=0
    fi
    for (( i = 1; i <= $#__amplify_a; i++ )); do
        if (( i == extra + 1 )) || [[ $__amplify_a[i] == +* ]]; then
            __amplify_values "${__amplify_a[i]#+}" && ret=0
            break
        fi
    done
    return ret
}
