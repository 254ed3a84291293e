# The bash completion engine for amplify and amplify-shim (bash 3.2 and later; with or
# without bash-completion: only COMP_WORDS and COMP_CWORD are read). It knows no command:
# each program's script adds its data, functions named after its prefix P
# (__amplify, __amplify_shim):
#   P_node KEY        sets __amplify_c (the words that follow KEY) and __amplify_a (the kinds of
#                     its positionals; "+KIND" takes every remaining word); fails if KEY leads nowhere
#   P_flags KEY       sets __amplify_f (the flags of KEY and those every command takes)
#   P_kind KEY FLAG   sets __amplify_k (the kind of FLAG's value; empty: takes none, or nothing to offer)
#   P_gen1 KEY        succeeds when the words after KEY are amplify's (amplify-shim plan/explain)
#   P_skip WORD       succeeds for words the walk ignores (the shim's --shim-* switches)
#   P_style           gen1 (the first flag ends the positionals) or options (click's rules)
# Value kinds: b an environment (a git branch), f a path, d a directory, c:a,b one of these words.

__amplify_line() {
    # COMP_WORDS up to the cursor, with the "=" readline splits off
    # (`--envName=dev` arrives as three words) glued back. Sets `cur` and
    # `words` in the caller.
    local i w glue=0 n=0
    words=()
    for (( i = 1; i <= COMP_CWORD; i++ )); do
        w=${COMP_WORDS[i]}
        if (( glue )); then
            words[n-1]=${words[n-1]}$w
            glue=0
        elif [[ $w == = ]] && (( n > 0 )) && [[ ${words[n-1]} == -?* && ${words[n-1]} != *=* ]]; then
            words[n-1]=${words[n-1]}=
            (( i < COMP_CWORD )) && glue=1
        else
            words[n]=$w
            n=$((n + 1))
        fi
    done
    cur=${words[n-1]}
    cur=${cur#[\"\']}
    unset 'words[n-1]'
}

__amplify_unsplit() {
    # readline replaces only the text after "=": drop "--flag=" from the replies.
    local i p
    if [[ $cur == -*=* && $COMP_WORDBREAKS == *=* ]]; then
        p=${cur%%=*}=
        for i in "${!COMPREPLY[@]}"; do
            COMPREPLY[i]=${COMPREPLY[i]#"$p"}
        done
    fi
}

__amplify_values() {
    # Add the values of kind $1 that start with $2 to COMPREPLY, each after $3.
    local v vs IFS=$'\n'
    case $1 in
        b)
            # Environments are git branches: one git call, quiet outside a repository.
            vs=$(command git for-each-ref --format='%(refname:short)' refs/heads/ 2>/dev/null)
            for v in $vs; do
                [[ $v == "$2"* ]] && COMPREPLY+=("$3$v")
            done
            ;;
        f | d)
            compopt -o filenames 2>/dev/null
            if [[ $1 == d ]]; then
                vs=$(compgen -d -- "$2")
            else
                vs=$(compgen -f -- "$2")
            fi
            for v in $vs; do
                COMPREPLY+=("$3$v")
            done
            ;;
        c:*)
            vs=${1#c:}
            IFS=,
            for v in $vs; do
                [[ $v == "$2"* ]] && COMPREPLY+=("$3$v")
            done
            ;;
    esac
    return 0
}

__amplify_complete() {
    # $1: the program's data prefix; $2: the word being completed; then the words
    # before it, without the program name. Adds the candidates to COMPREPLY.
    local IFS=$' \t\n' p=$1 cur=$2 style key= extra=0 flagged=0 pending= prev= w i=0 vflag= prefix=
    local __amplify_c= __amplify_a= __amplify_f= __amplify_k=
    style=${p}_style
    style=${!style}
    shift 2
    while (( $# )); do
        w=$1
        if [[ $w == -- ]]; then
            # `amplify-shim plan -- env list`: amplify's words follow; elsewhere nothing does.
            if "${p}_gen1" "$key"; then
                shift
                __amplify_complete __amplify "$cur" "$@"
            fi
            return 0
        fi
        if "${p}_skip" "$w"; then
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
                "${p}_kind" "$key" "${w%%=*}"
                [[ $w != *=* && -n $__amplify_k ]] && pending=$w
            fi
        elif (( extra == 0 )) && "${p}_node" "${key:+$key }$w"; then
            key=${key:+$key }$w
        elif "${p}_gen1" "$key"; then
            __amplify_complete __amplify "$cur" "$@"
            return 0
        else
            extra=$((extra + 1))
        fi
        shift
    done
    if [[ $cur == -*=* ]]; then
        vflag=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
    elif [[ $style == gen1 ]]; then
        [[ $cur != -* && $prev == -?* ]] && vflag=$prev
    else
        vflag=$pending
    fi
    if [[ -n $vflag ]]; then
        "${p}_kind" "$key" "$vflag"
        __amplify_values "$__amplify_k" "$cur" "$prefix"
        return 0
    fi
    if [[ $cur == -* ]]; then
        "${p}_flags" "$key"
        for w in $__amplify_f; do
            [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
        done
        return 0
    fi
    (( flagged )) && return 0
    if "${p}_gen1" "$key"; then
        __amplify_complete __amplify "$cur"
        return 0
    fi
    "${p}_node" "$key"
    if (( extra == 0 )); then
        for w in $__amplify_c; do
            [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
        done
    fi
    for w in $__amplify_a; do
        if (( i == extra )) || [[ $w == +* ]]; then
            __amplify_values "${w#+}" "$cur" ''
            break
        fi
        i=$((i + 1))
    done
    return 0
}

__amplify_main() {
    # The function `complete -F` calls, for the program whose data prefix is $1.
    local cur
    local -a words
    COMPREPLY=()
    __amplify_line
    __amplify_complete "$1" "$cur" "${words[@]}"
    __amplify_unsplit
    return 0
}
