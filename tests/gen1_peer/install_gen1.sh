#!/usr/bin/env bash
# Install the real Amplify Gen 1 CLI, as JavaScript (@aws-amplify/cli-internal),
# into a per-version cache directory and print the path of its `amplify` bin.
#
#   tests/gen1_peer/install_gen1.sh [VERSION]   (default: $AMPLIFY_GEN1_VERSION or 14.2.2)
#
# The cache lives in ${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}/gen1-cli-VERSION.
# A finished install is marked with .gen1-installed; a second run with the same
# version only prints the path. The install is done in a scratch directory next
# to the target and renamed into place, so an interrupted run never leaves a
# half-installed cache behind. npm's chatter goes to stderr; stdout carries only
# the path of the bin.
#
# Why not `npm install -g @aws-amplify/cli`: that package is a wrapper whose
# install script downloads a prebuilt binary from outside the npm registry.
#
# Why overrides: cli-internal pins (through @aws-amplify/amplify-category-api
# and friends) exact versions of some graphql transformer packages that the
# npm registry reachable here does not have (npm: "ETARGET No matching version
# found for ..."). Each is overridden to the nearest existing version of the
# same major. KNOWN_OVERRIDES below are the ones 14.2.2 needs today; should the
# registry or a caret range move, the loop finds further ones by itself
# (nearest version <= the missing one, same major; else the next one up) and
# says so on stderr, at most MAX_ROUNDS times.
#
# --ignore-scripts: the only install scripts in the tree are cli-internal's
# post-install banner (+ a plugin scan the CLI redoes on first run) and
# core-js's donation notice. The script checks the CLI runs afterwards.
set -euo pipefail

PKG="@aws-amplify/cli-internal"
VERSION="${1:-${AMPLIFY_GEN1_VERSION:-14.2.2}}"
CACHE_ROOT="${AMPLIFY_SHIM_CACHE:-$HOME/.cache/amplify-shim}"
MAX_ROUNDS="${AMPLIFY_GEN1_MAX_ROUNDS:-8}"

KNOWN_OVERRIDES='{
  "@aws-amplify/graphql-auth-transformer@3.6.17": "3.6.16",
  "@aws-amplify/graphql-transformer@1.8.6": "1.8.4",
  "graphql-auth-transformer@7.2.91": "7.2.89",
  "graphql-elasticsearch-transformer@5.2.90": "5.2.88"
}'


SCRIPT_NAME=install_gen1.sh
# shellcheck source=../npm_cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/../npm_cache.sh"
require_node_and_npm

VERSION="$(resolve_version "$VERSION")"

DEST="$CACHE_ROOT/gen1-cli-$VERSION"
MARKER="$DEST/.gen1-installed"
BIN_REL="node_modules/.bin/amplify"


if [[ -f "$MARKER" && -x "$DEST/$BIN_REL" && "$(installed_version "$DEST")" == "$VERSION" ]]; then
    echo "$DEST/$BIN_REL"
    exit 0
fi

got_version="$(npm view "$PKG@$VERSION" version 2>/dev/null | tail -n 1 || true)"
[[ "$got_version" == "$VERSION" ]] || die "$PKG@$VERSION is not on the npm registry (or npm view failed)"

mkdir -p "$CACHE_ROOT"
WORK="$(mktemp -d "$CACHE_ROOT/.gen1-cli-$VERSION.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# npm's own semver, to pick the nearest existing version.
NPM_ROOT="$(npm root -g 2>/dev/null)/npm"
SEMVER="$NPM_ROOT/node_modules/semver"
[[ -d "$SEMVER" ]] || SEMVER="semver"

printf '%s\n' "$KNOWN_OVERRIDES" >"$WORK/.overrides.json"

write_package_json() {
    node -e '
        const fs = require("fs");
        const [dir, pkg, version] = process.argv.slice(1);
        const overrides = JSON.parse(fs.readFileSync(dir + "/.overrides.json", "utf8"));
        fs.writeFileSync(dir + "/package.json", JSON.stringify({
            name: "amplify-shim-gen1-cache", version: "0.0.0", private: true,
            dependencies: { [pkg]: version }, overrides,
        }, null, 2) + "\n");
    ' "$WORK" "$PKG" "$VERSION"
}

# Nearest existing version of $1 to the missing version $2: highest <= it of
# the same major, else the lowest above it of the same major.
nearest_version() {
    npm view "$1" versions --json 2>/dev/null | node -e '
        let semver;
        try { semver = require(process.argv[2]); } catch (e) { process.exit(1); }
        let vs = JSON.parse(require("fs").readFileSync(0, "utf8") || "[]");
        if (!Array.isArray(vs)) vs = [vs];
        const want = process.argv[1];
        const same = vs.filter(v => semver.valid(v) && !semver.prerelease(v) && semver.major(v) === semver.major(want));
        const le = same.filter(v => semver.lte(v, want)).sort(semver.rcompare)[0];
        const gt = same.filter(v => semver.gt(v, want)).sort(semver.compare)[0];
        process.stdout.write(le || gt || "");
    ' "$2" "$SEMVER"
}

start=$SECONDS
round=0
while :; do
    round=$((round + 1))
    write_package_json
    rm -rf "$WORK/node_modules" "$WORK/package-lock.json"
    if npm install --prefix "$WORK" --no-audit --no-fund --no-progress --ignore-scripts --loglevel=error \
            >"$WORK/.npm-install.log" 2>&1; then
        break
    fi
    cat "$WORK/.npm-install.log" >&2
    missing="$(grep -o 'No matching version found for [^ ]*' "$WORK/.npm-install.log" | head -n 1 \
        | sed -e 's/^No matching version found for //' -e 's/\.$//' || true)"
    [[ -n "$missing" ]] || die "npm install of $PKG@$VERSION failed (not a missing version; see above)"
    name="${missing%@*}"
    want="${missing##*@}"
    [[ -n "$name" && -n "$want" && "$name" != "$missing" ]] || die "cannot parse npm's missing version '$missing'"
    [[ $round -lt $MAX_ROUNDS ]] || die "npm install of $PKG@$VERSION still fails after $round rounds; last missing: $missing"
    best="$(nearest_version "$name" "$want" || true)"
    [[ -n "$best" ]] || die "$missing is not on the npm registry and no other version of that major is"
    echo "install_gen1.sh: $missing is not on the registry; overriding it to $best" >&2
    node -e '
        const fs = require("fs");
        const [file, key, value] = process.argv.slice(1);
        const o = JSON.parse(fs.readFileSync(file, "utf8"));
        if (o[key] === value) process.exit(3);
        o[key] = value;
        fs.writeFileSync(file, JSON.stringify(o, null, 2) + "\n");
    ' "$WORK/.overrides.json" "$name@$want" "$best" \
        || die "override $name@$want -> $best did not help"
done

got="$(installed_version "$WORK")"
[[ "$got" == "$VERSION" ]] || die "expected $PKG@$VERSION, npm installed '${got:-nothing}'"
[[ -x "$WORK/$BIN_REL" ]] || die "$PKG@$VERSION installed no $BIN_REL"

# The CLI must run. It keeps plugin state (with absolute paths) in
# $HOME/.amplify, so check it with a throwaway HOME, and keep it off the
# network: no usage data, no banner fetch, no update check.
check_home="$(mktemp -d)"
ran="$(cd "$check_home" && HOME="$check_home" AMPLIFY_CLI_ENABLE_USAGE_DATA=false \
        AMPLIFY_CLI_BANNER_MESSAGE_URL="http://127.0.0.1:9/banner-message.json" NO_UPDATE_NOTIFIER=1 \
        "$WORK/$BIN_REL" --version 2>&1 | tail -n 1)" || true
rm -rf "$check_home"
[[ "$ran" == "$VERSION" ]] || die "$WORK/$BIN_REL --version printed '$ran', not $VERSION"

echo "installed $PKG@$VERSION in $((SECONDS - start))s, $round npm round(s) ($(du -sh "$WORK" 2>/dev/null | cut -f1))" >&2
printf '%s\n' "$VERSION" >"$WORK/.gen1-installed"

current() { [[ "$(installed_version "$DEST")" == "$VERSION" ]]; }
move_into_place "$WORK" "$DEST" "$MARKER" current
echo "$DEST/$BIN_REL"
