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


SCRIPT_NAME=install_ampx.sh
# shellcheck source=../npm_cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/../npm_cache.sh"
require_node_and_npm

VERSION="$(resolve_version "$VERSION")"

DEST="$CACHE_ROOT/ampx-$VERSION"
MARKER="$DEST/.ampx-installed"


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

current() { [[ "$(installed_version "$DEST")" == "$VERSION" ]]; }
move_into_place "$WORK" "$DEST" "$MARKER" current
echo "$DEST"
