# amplify-shim's script holds only its own data. The engine, and the data for the Gen 1 words
# `plan` and `explain` take, come from amplify's script, which shares them as the one session
# variable $AmplifyCompletion: loaded from beside this file unless already loaded (the output
# of `amplify-shim completion powershell`, and the file --install writes, hold both, amplify's first).
$shared = Get-Variable -Name AmplifyCompletion -Scope Global -ValueOnly -ErrorAction SilentlyContinue
if (-not $shared -and $PSScriptRoot) {
    $beside = Join-Path $PSScriptRoot 'amplify.ps1'
    if (Test-Path -LiteralPath $beside) {
        . $beside
        $shared = Get-Variable -Name AmplifyCompletion -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    }
}
if (-not $shared) { return }
$engine = $shared['engine']
