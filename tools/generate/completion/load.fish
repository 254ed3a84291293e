# amplify-shim's script holds only its own data. The engine, and the data for the Gen 1 words
# `plan` and `explain` take, are in amplify's script amplify.fish: sourced from beside this
# file or from $fish_complete_path on the first TAB, unless already loaded (`amplify-shim
# completion fish` prints both scripts, amplify's first).
set -g __amplify_shim_here (string match -r -- '^.*(?=/[^/]*$)' (status filename))

function __amplify_shim_load --description 'amplify-shim completion: load amplify.fish (the engine and the Gen 1 data)'
    functions -q __amplify_complete; and return 0
    for d in $__amplify_shim_here $fish_complete_path
        if test -f $d/amplify.fish -a -r $d/amplify.fish
            source $d/amplify.fish
            functions -q __amplify_complete; and return 0
        end
    end
    return 1
end
