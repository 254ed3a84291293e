#!/usr/bin/env bash
# Install what a Gen 2 project type-checks its amplify/ folder with (the real
# @aws-amplify/backend, its peers aws-cdk-lib and constructs, and typescript)
# into a per-version cache directory and print that directory.
#
#   tests/snippets/install_snippets.sh [BACKEND_RANGE]   (default: $AMPLIFY_BACKEND_VERSION or ^1)
#
# Versions: @aws-amplify/backend is the newest release in BACKEND_RANGE; aws-cdk-lib
# and constructs the newest in the ranges that release declares as peers;
# typescript the newest in $SNIPPETS_TYPESCRIPT (default ^5, what create-amplify
# installs). $SNIPPETS_EXTRA_PACKAGES (default: @aws-amplify/backend-notifications
# and @aws-amplify/hosting) are the other Gen 2 construct packages a snippet may import.
# Every range is resolved to one version first, and the cache directory is named
# after all of them:
#   ${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}/snippets-backend1.25.1-cdk2.276.0-...
# The folder also holds tsconfig.amplify.json: the tsconfig create-amplify writes
# into amplify/ (`tsc --init` with its options), made by this typescript.
#
# A finished install is marked with .snippets-installed (holding the package
# list); a second run with the same versions only prints the path. The install is
# done in a scratch directory next to the target and renamed into place, so an
# interrupted run never leaves a half-installed cache behind. npm's chatter goes
# to stderr; stdout carries only the path.
set -euo pipefail

PKG="@aws-amplify/backend"
RANGE="${1:-${AMPLIFY_BACKEND_VERSION:-^1}}"
TS_RANGE="${SNIPPETS_TYPESCRIPT:-^5}"
EXTRAS="${SNIPPETS_EXTRA_PACKAGES-@aws-amplify/backend-notifications@latest @aws-amplify/hosting@latest}"
CACHE_ROOT="${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}"

SCRIPT_NAME=install_snippets.sh
# shellcheck source=../npm_cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/../npm_cache.sh"
require_node_and_npm

# name@range -> the newest version npm has in that range (npm view lists them oldest first).
newest() {
    local spec="$1" out
    out="$(npm view "$spec" version --json 2>/dev/null)" || die "cannot resolve $spec on the npm registry"
    node -e '
        let v; try { v = JSON.parse(process.argv[1]); } catch (e) { process.exit(1); }
        if (Array.isArray(v)) v = v[v.length - 1];
        if (typeof v !== "string" || !v) process.exit(1);
        process.stdout.write(v);
    ' "$out" || die "no version of $spec on the npm registry"
}

# "name@range" -> name (the @ of a scope is not the separator).
name_of() { local s="$1" at=""; if [[ "$s" == @* ]]; then at="@"; s="${s:1}"; fi; echo "$at${s%%@*}"; }
range_of() { local name; name="$(name_of "$1")"; if [[ "$1" == "$name" ]]; then echo latest; else echo "${1:${#name}+1}"; fi; }

VERSION="$(newest "$PKG@$RANGE")"
peers="$(npm view "$PKG@$VERSION" peerDependencies --json 2>/dev/null || echo '{}')"
peer_range() {
    node -e 'let p = {}; try { p = JSON.parse(process.argv[1] || "{}") || {}; } catch (e) {}
             process.stdout.write(String(p[process.argv[2]] || process.argv[3]))' "$peers" "$1" "$2"
}
CDK="$(newest "aws-cdk-lib@$(peer_range aws-cdk-lib ^2)")"
CONSTRUCTS="$(newest "constructs@$(peer_range constructs ^10)")"
TS="$(newest "typescript@$TS_RANGE")"

SPECS=("$PKG@$VERSION" "aws-cdk-lib@$CDK" "constructs@$CONSTRUCTS" "typescript@$TS")
LABEL="backend$VERSION-cdk$CDK-constructs$CONSTRUCTS-ts$TS"
for extra in $EXTRAS; do
    name="$(name_of "$extra")"
    v="$(newest "$name@$(range_of "$extra")")"
    SPECS+=("$name@$v")
    LABEL+="-${name##*/}$v"
done

DEST="$CACHE_ROOT/snippets-$LABEL"
MARKER="$DEST/.snippets-installed"
WANT="$(printf '%s\n' "${SPECS[@]}")"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" ]]; then
    echo "$DEST"
    exit 0
fi

mkdir -p "$CACHE_ROOT"
WORK="$(mktemp -d "$CACHE_ROOT/.snippets-$LABEL.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

cat >"$WORK/package.json" <<JSON
{ "name": "amplify-shim-snippets-cache", "version": "0.0.0", "private": true }
JSON

start=$SECONDS
# --ignore-scripts: nothing here needs an install script to type-check.
if ! npm install --prefix "$WORK" --no-audit --no-fund --no-progress --save-exact --ignore-scripts \
        --loglevel=error "${SPECS[@]}" >&2; then
    die "npm install of ${SPECS[*]} failed"
fi

for spec in "${SPECS[@]}"; do
    name="$(name_of "$spec")"
    got="$(PKG="$name" installed_version "$WORK")"
    [[ "$got" == "${spec##*@}" ]] || die "expected $spec, npm installed '${got:-nothing}'"
done
[[ -x "$WORK/node_modules/.bin/tsc" ]] || die "typescript@$TS has no node_modules/.bin/tsc"

# The tsconfig create-amplify puts in amplify/ (create-amplify's initializeTsConfig).
mkdir "$WORK/amplify-tsconfig"
(cd "$WORK/amplify-tsconfig" && ../node_modules/.bin/tsc --init --resolveJsonModule true \
    --module es2022 --moduleResolution bundler --target es2022 >/dev/null) \
    || die "tsc --init failed"
mv "$WORK/amplify-tsconfig/tsconfig.json" "$WORK/tsconfig.amplify.json"
rmdir "$WORK/amplify-tsconfig"

echo "installed ${SPECS[*]} in $((SECONDS - start))s ($(du -sh "$WORK" 2>/dev/null | cut -f1))" >&2
printf '%s\n' "$WANT" >"$WORK/.snippets-installed"

current() { [[ "$(cat "$MARKER")" == "$WANT" ]]; }
move_into_place "$WORK" "$DEST" "$MARKER" current
echo "$DEST"
