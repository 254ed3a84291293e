# Helpers shared by the scripts that install npm packages for the tests
# (tests/conformance/install_ampx.sh, tests/gen1_peer/install_gen1.sh).
# Sourced, not run; the caller sets SCRIPT_NAME and PKG first.

die() { echo "${SCRIPT_NAME:-install}: $*" >&2; exit 1; }

require_node_and_npm() {
    command -v node >/dev/null 2>&1 || die "node is not installed"
    command -v npm >/dev/null 2>&1 || die "npm is not installed"
}

# "latest" (or any dist-tag / range) -> the concrete version it names today.
resolve_version() {
    local version="$1" resolved
    if [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]]; then
        echo "$version"
        return 0
    fi
    resolved="$(npm view "$PKG@$version" version --json 2>/dev/null | tail -n 1 | tr -d '"[], ')" \
        || die "cannot resolve $PKG@$version"
    [[ -n "$resolved" ]] || die "cannot resolve $PKG@$version"
    echo "$resolved"
}

# Prints the version of $PKG installed under $1, or nothing.
installed_version() {
    local pj="$1/node_modules/$PKG/package.json"
    [[ -f "$pj" ]] || return 0
    node -e 'process.stdout.write(String(require(process.argv[1]).version || ""))' "$pj" 2>/dev/null || true
}

# Move a finished install ($1, a scratch dir beside it) to $2, whose marker file is $3.
# Another process may have finished first: keep theirs when $4 (a command) says it is
# current, else replace it. Prints nothing; dies when the move fails and no install is there.
move_into_place() {
    local work="$1" dest="$2" marker="$3" is_current="$4"
    if [[ -e "$dest" ]]; then
        if [[ -f "$marker" ]] && "$is_current"; then
            rm -rf "$work"
            return 0
        fi
        rm -rf "$dest"
    fi
    mv -T "$work" "$dest" 2>/dev/null || {
        [[ -f "$marker" ]] || die "could not move the install into $dest"
    }
}
