# The PowerShell completion engine for amplify and amplify-shim (Windows PowerShell 5.1 and
# PowerShell 7). It knows no command: it reads one program's data, an ordinal
# Dictionary[string,object] (Gen 1 names are case-sensitive: `Predictions` and `predictions`):
#   nodes        KEY -> 'word|description' of the words that follow KEY (every KEY that leads somewhere)
#   flags        KEY -> 'flag|description' of KEY's own flags
#   args         KEY -> the kinds of KEY's positionals ('+KIND' takes every remaining word)
#   kinds        'KEY|FLAG' -> the kind of FLAG's value
#   globalFlags  'flag|description' of the flags every command takes; globalKinds: FLAG -> kind
#   gen1         the KEYs after which the words are amplify's (amplify-shim plan/explain)
#   amplify      amplify's data, for those words; skip: the words the walk ignores (--shim-*)
#   style        gen1 (the first flag ends the positionals) or options (click's rules)
# Value kinds: b an environment (a git branch), c:a,b one of these words; f (a path) and
# d (a directory) add nothing: PowerShell then completes file names itself.
$engine = {
    # $cur: the word being completed; $words: the words before it, without the program name.
    param($data, [string]$cur, [string[]]$words)
    while ($true) {
        $key = ''
        $extra = 0
        $flagged = $false
        $pending = ''
        $prev = ''
        $gen1Style = $data['style'] -ceq 'gen1'
        $rest = $null
        for ($i = 0; $i -lt $words.Count; $i++) {
            $w = $words[$i]
            if ($w -ceq '--') {
                # `amplify-shim plan -- env list`: amplify's words follow; elsewhere nothing does.
                if (-not ($data['gen1'] -ccontains $key)) { return }
                $rest = @($words | Select-Object -Skip ($i + 1))
                break
            }
            if ($data['skip'] -ccontains $w) { continue }
            $prev = $w
            if ($flagged -or $pending) {
                $pending = ''
            } elseif ($w.Length -gt 1 -and $w.StartsWith('-')) {
                if ($gen1Style) {
                    # Gen 1 reads every word after the first flag as flag material.
                    $flagged = $true
                } elseif (-not $w.Contains('=') -and $data['kinds'].ContainsKey("$key|$w")) {
                    $pending = $w
                }
            } else {
                $next = $w
                if ($key) { $next = "$key $w" }
                if ($extra -eq 0 -and $data['nodes'].ContainsKey($next)) {
                    $key = $next
                } elseif ($data['gen1'] -ccontains $key) {
                    $rest = @($words | Select-Object -Skip $i)
                    break
                } else {
                    $extra++
                }
            }
        }
        if ($null -ne $rest) {
            $data = $data['amplify']
            $words = [string[]]$rest
            continue
        }
        $prefix = ''
        $vflag = ''
        if ($cur -match '^(-[^=]*)=(.*)$') {
            $vflag = $Matches[1]
            $prefix = $vflag + '='
            $cur = $Matches[2]
        } elseif ($gen1Style) {
            if (-not $cur.StartsWith('-') -and $prev.Length -gt 1 -and $prev.StartsWith('-')) { $vflag = $prev }
        } else {
            $vflag = $pending
        }
        $items = New-Object 'System.Collections.Generic.List[string]'
        $kind = ''
        if ($vflag) {
            if ($data['kinds'].ContainsKey("$key|$vflag")) { $kind = $data['kinds']["$key|$vflag"] }
            elseif ($data['globalKinds'].ContainsKey($vflag)) { $kind = $data['globalKinds'][$vflag] }
        } elseif ($cur.StartsWith('-')) {
            if ($data['flags'].ContainsKey($key)) { $items.AddRange($data['flags'][$key]) }
            $items.AddRange($data['globalFlags'])
        } elseif ($flagged) {
            return
        } elseif ($data['gen1'] -ccontains $key) {
            $data = $data['amplify']
            $words = [string[]]@()
            continue
        } else {
            if ($extra -eq 0) { $items.AddRange($data['nodes'][$key]) }
            if ($data['args'].ContainsKey($key)) {
                $kinds = $data['args'][$key]
                for ($j = 0; $j -lt $kinds.Length; $j++) {
                    if ($j -eq $extra -or $kinds[$j].StartsWith('+')) {
                        $kind = $kinds[$j].TrimStart('+')
                        break
                    }
                }
            }
        }
        if ($kind -ceq 'b') {
            # Environments are git branches: one git call, quiet outside a repository.
            if (Get-Command git -CommandType Application -ErrorAction SilentlyContinue) {
                foreach ($b in @(& git for-each-ref '--format=%(refname:short)' refs/heads/ 2>$null)) {
                    if ($b) { $items.Add("$b|environment (git branch)") }
                }
            }
        } elseif ($kind.StartsWith('c:')) {
            foreach ($c in $kind.Substring(2).Split(',')) { $items.Add($c + '|') }
        }
        foreach ($item in $items) {
            $bar = $item.IndexOf('|')
            $word = $item.Substring(0, $bar)
            $tip = $item.Substring($bar + 1)
            if (-not $word.StartsWith($cur, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
            if (-not $tip) { $tip = $word }
            $type = [System.Management.Automation.CompletionResultType]::ParameterValue
            if ($word.StartsWith('-')) { $type = [System.Management.Automation.CompletionResultType]::ParameterName }
            [System.Management.Automation.CompletionResult]::new($prefix + $word, $word, $type, $tip)
        }
        return
    }
}
