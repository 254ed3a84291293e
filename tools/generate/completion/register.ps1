# Register $engine over $data for the command names in $commands (set just before this).
$completer = {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @()
    $elements = $commandAst.CommandElements
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $e = $elements[$i]
        if ($e.Extent.EndOffset -ge $cursorPosition) { break }
        if ($e -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
            $words += $e.Value
        } else {
            $words += $e.Extent.Text
        }
    }
    $cur = "$wordToComplete"
    if ($cur -match "^['`"]") { $cur = $cur.Substring(1) }
    & $engine $data $cur ([string[]]$words)
}.GetNewClosure()
Register-ArgumentCompleter -Native -CommandName $commands -ScriptBlock $completer
