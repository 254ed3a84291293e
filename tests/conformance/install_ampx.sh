#!/usr/bin/env bash
# Install the real ampx CLI package (@aws-amplify/backend-cli) plus its peer
# dependencies into a per-version cache directory and print that directory.
#
#   tests/conformance/install_ampx.sh [VERSION]     (default: $AMPX_VERSION or 1.10.0)
#
# The cache lives in ${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}/ampx-VERSION.
# A finished install is marked with .ampx-installed; a second run with the same
# version only prints the path. The install is done in a scratch directory next
# to the target and renamed into place, so an interrupted run never leaves a
# half-installed cache behind. npm's chatter goes to stderr; stdout carries only
# the path.
set -euo pipefail

PKG="@aws-amplify/backend-cli"
VERSION="${1:-${AMPX_VERSION:-1.10.0}}"
CACHE_ROOT="${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}"

die() { echo "install_ampx.sh: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node is not installed"
command -v npm >/dev/null 2>&1 || die "npm is not installed"

# "latest" (or any dist-tag / range) -> the concrete version it names today.
if ! [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]]; then
    resolved="$(npm view "$PKG@$VERSION" version --json 2>/dev/null | tail -n 1 | tr -d '"[], ')" \
        || die "cannot resolve $PKG@$VERSION"
    [[ -n "$resolved" ]] || die "cannot resolve $PKG@$VERSION"
    VERSION="$resolved"
fi

DEST="$CACHE_ROOT/ampx-$VERSION"
MARKER="$DEST/.ampx-installed"

installed_version() {
    # Prints the version of the package installed under $1, or nothing.
    local pj="$1/node_modules/$PKG/package.json"
    [[ -f "$pj" ]] || return 0
    node -e 'process.stdout.write(String(require(process.argv[1]).version || ""))' "$pj" 2>/dev/null || true
}

if [[ -f "$MARKER" && "$(installed_version "$DEST")" == "$VERSION" ]]; then
    echo "$DEST"
    exit 0
fi

mkdir -p "$CACHE_ROOT"
WORK="$(mktemp -d "$CACHE_ROOT/.ampx-$VERSION.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# Peer dependencies: take the ranges the package itself declares, so a newer
# ampx gets the peers it asks for. aws-cdk-lib in turn wants `constructs`.
# This also proves the version exists before npm install is tried.
meta="$(npm view "$PKG@$VERSION" version peerDependencies --json 2>/dev/null || true)"
mapfile -t PEER_SPECS < <(
    node -e '
        let m;
        try { m = JSON.parse(process.argv[1] || "null"); } catch (e) { m = null; }
        if (Array.isArray(m)) m = m[m.length - 1];
        if (!m || typeof m !== "object" || m.error || m.version !== process.argv[2]) process.exit(1);
        const p = Object.assign({}, m.peerDependencies || {});
        if (!("constructs" in p)) p["constructs"] = "^10";
        for (const [name, range] of Object.entries(p)) {
            if (typeof range === "string") console.log(`${name}@${range}`);
        }
    ' "$meta" "$VERSION"
) || true
[[ ${#PEER_SPECS[@]} -gt 0 ]] || die "$PKG@$VERSION is not on the npm registry (or npm view failed)"

cat >"$WORK/package.json" <<JSON
{ "name": "amplify-shim-ampx-cache", "version": "0.0.0", "private": true }
JSON

start=$SECONDS
if ! npm install --prefix "$WORK" --no-audit --no-fund --no-progress --save-exact --loglevel=error \
        "$PKG@$VERSION" "${PEER_SPECS[@]}" >&2; then
    die "npm install of $PKG@$VERSION failed"
fi

got="$(installed_version "$WORK")"
[[ "$got" == "$VERSION" ]] || die "expected $PKG@$VERSION, npm installed '${got:-nothing}'"
[[ -f "$WORK/node_modules/$PKG/lib/main_parser_factory.js" ]] \
    || die "$PKG@$VERSION has no lib/main_parser_factory.js"

echo "installed $PKG@$VERSION in $((SECONDS - start))s ($(du -sh "$WORK" 2>/dev/null | cut -f1))" >&2
printf '%s\n' "$VERSION" >"$WORK/.ampx-installed"

# Move into place. Another process may have finished first: keep theirs.
if [[ -e "$DEST" ]]; then
    if [[ -f "$MARKER" && "$(installed_version "$DEST")" == "$VERSION" ]]; then
        echo "$DEST"
        exit 0
    fi
    rm -rf "$DEST"
fi
mv -T "$WORK" "$DEST" 2>/dev/null || {
    [[ -f "$MARKER" ]] || die "could not move the install into $DEST"
}
echo "$DEST"
