# The fish completion engine for amplify and amplify-shim (fish 3.0 and later): prints
# "candidate<TAB>description" lines; fish filters them by the current token. It knows no
# command: each program's script adds its data, functions named after its prefix P
# (__amplify, __amplify_shim):
#   P_node KEY        succeeds if the words KEY lead somewhere
#   P_children KEY    prints the words that follow KEY, with their descriptions
#   P_args KEY        prints the kinds of KEY's positionals ("+KIND" takes every remaining word)
#   P_flags KEY       prints KEY's flags and those every command takes, with descriptions
#   P_kind KEY FLAG   prints the kind of FLAG's value (nothing: takes none, or nothing to offer)
#   P_gen1 KEY        succeeds when the words after KEY are amplify's (amplify-shim plan/explain)
#   P_skip WORD       succeeds for words the walk ignores (the shim's --shim-* switches)
#   P_style           gen1 (the first flag ends the positionals) or options (click's rules)
# Value kinds: b an environment (a git branch), f a path, d a directory, c:a,b one of these words.

function __amplify_values --description 'amplify completion: the values of one kind'
    # $argv: kind, the word so far, the text to put before each value.
    set -l kind $argv[1]
    set -l prefix $argv[3]
    switch $kind
        case b
            # Environments are git branches: one git call, quiet outside a repository.
            for b in (command git for-each-ref --format='%(refname:short)' refs/heads/ 2>/dev/null)
                printf '%s%s\t%s\n' $prefix $b 'environment (git branch)'
            end
        case f
            __fish_complete_path $argv[2]
        case d
            __fish_complete_directories $argv[2] ''
        case 'c:*'
            for v in (string split , -- (string sub -s 3 -- $kind))
                printf '%s%s\n' $prefix $v
            end
    end
end

function __amplify_complete --description 'amplify completion: candidates for the current word'
    # $argv: the program's data prefix, the word being completed, then the words before it
    # (program name excluded).
    set -l p $argv[1]
    set -l cur $argv[2]
    set -e argv[1..2]
    set -l style_var {$p}_style
    set -l style $$style_var
    set -l key ''
    set -l extra 0
    set -l flagged 0
    set -l pending ''
    set -l prev ''
    while set -q argv[1]
        set -l w $argv[1]
        if test "$w" = '--'
            # `amplify-shim plan -- env list`: amplify's words follow; elsewhere nothing does.
            if {$p}_gen1 "$key"
                set -e argv[1]
                __amplify_complete __amplify "$cur" $argv
            end
            return
        end
        if {$p}_skip "$w"
            set -e argv[1]
            continue
        end
        set prev $w
        if test $flagged = 1; or test -n "$pending"
            set pending ''
        else if string match -q -- '-?*' $w
            if test "$style" = gen1
                # Gen 1 reads every word after the first flag as flag material.
                set flagged 1
            else
                set -l kind ({$p}_kind "$key" (string split -m 1 = -- $w)[1])
                if test -n "$kind"; and not string match -q -- '*=*' $w
                    set pending $w
                end
            end
        else
            set -l next $w
            test -n "$key"; and set next "$key $w"
            if test $extra = 0; and {$p}_node "$next"
                set key $next
            else if {$p}_gen1 "$key"
                __amplify_complete __amplify "$cur" $argv
                return
            else
                set extra (math $extra + 1)
            end
        end
        set -e argv[1]
    end
    set -l vflag ''
    set -l prefix ''
    if string match -q -- '-*=*' $cur
        set vflag (string split -m 1 = -- $cur)[1]
        set prefix "$vflag="
        set cur (string split -m 1 = -- $cur)[2]
    else if test "$style" = gen1
        if not string match -q -- '-*' $cur; and string match -q -- '-?*' $prev
            set vflag $prev
        end
    else
        set vflag $pending
    end
    if test -n "$vflag"
        set -l kind ({$p}_kind "$key" "$vflag")
        __amplify_values "$kind" "$cur" "$prefix"
        return
    end
    if string match -q -- '-*' $cur
        {$p}_flags "$key"
        return
    end
    test $flagged = 1; and return
    if {$p}_gen1 "$key"
        __amplify_complete __amplify "$cur"
        return
    end
    test $extra = 0; and {$p}_children "$key"
    set -l i 0
    for kind in ({$p}_args "$key")
        if test $i = $extra; or string match -q -- '+*' $kind
            __amplify_values (string replace -r -- '^\+' '' $kind) "$cur" ''
            break
        end
        set i (math $i + 1)
    end
end

function __amplify_main --description 'amplify completion: the current command line, for the program whose data prefix is $argv[1]'
    set -l words (commandline -opc)
    set -e words[1]
    set -l cur (commandline -ct)
    __amplify_complete $argv[1] (string replace -r -- '^[\'"]' '' "$cur") $words
end
