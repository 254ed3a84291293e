"""Read the command options of every published @aws-amplify/backend-cli 1.x release into reference/.

    python -m tools.import_ampx_versions --from DIR [--registry FILE]

DIR holds the releases as npm publishes them (`npm pack @aws-amplify/backend-cli@<v>` for each 1.x
version: aws-amplify-backend-cli-<v>.tgz). Nothing is installed and nothing is run: each tarball's
lib/commands/**/*.js are read as text. A command module names its word (`this.command = 'sandbox'`)
and its options (`.option('once', …)`); its place in the command tree follows the folders (a folder's
own command is the module named after it, e.g. sandbox/sandbox-secret/sandbox_secret_command.js), and
`.command('enable', …)` adds an inline sub-command, and a family whose root word is a constructor argument
(`new HostingValueRootCommand('config', …, [new HostingValueSetCommand(…), …])`, 1.10.0's `ampx config` and
`ampx secret`) takes its sub-commands' words and options from their classes. The result, reference/ampx-versions.json, lists per
command path the options and, for each, the versions that have it; its provenance names each tarball's
sha512, checked against the registry's `dist.integrity` when --registry FILE is given (the output of
`npm view "@aws-amplify/backend-cli@>=1.0.0 <2.0.0" version dist.integrity --json`).

What it cannot see: option choices built from enums (`--outputs-version` values); the check is silent on them.
For 1.10.0 the result equals reference/ampx-commands.json, read from the installed parser (tested).
tools/import_reference generates gen2/ampx_versions_data.py from the reference (python -m tools.regen).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import tarfile
from pathlib import Path, PurePosixPath

from tools.reference import REFERENCE, read_json

NAME = "ampx-versions.json"
PACKAGE = "@aws-amplify/backend-cli"
COMMANDS = "package/lib/commands/"
_WORD = re.compile(r"this\.command\s*=\s*['\"]([^'\"\s]+)")
_OPTION = re.compile(r"\.option\(\s*['\"]([a-z0-9-]+)['\"]")
_INLINE = re.compile(r"\.command\(\s*['\"]([a-z0-9-]+)['\"]")
# A command family whose word is a constructor argument (1.10.0's `ampx secret` / `ampx config`):
# `new RootCommand('config', 'describe', [new SetCommand('config', store), ...])`
_FAMILY = re.compile(r"new\s+\w+\(\s*'([a-z][a-z0-9-]*)'\s*,\s*'[^']*'\s*,\s*\[(.*?)\]", re.S)
_MEMBER = re.compile(r"new\s+(\w+)\(")
_CLASS = re.compile(r"^(?:export )?class (\w+)", re.M)
_FIELD_WORD = re.compile(r"^\s*command\s*=\s*'([a-z0-9-]+)", re.M)


def version_key(version: str) -> tuple:
    return tuple(int(part) for part in version.split("."))


def read_release(tarball: Path) -> tuple:
    """(version, sha512 integrity, {command path: [options]}) of one published tarball."""
    modules: dict = {}
    texts: list = []
    with tarfile.open(tarball) as archive:
        meta = json.load(archive.extractfile("package/package.json"))
        for member in archive.getmembers():
            name = member.name
            if member.isfile() and name.startswith(COMMANDS) and name.endswith(".js") and ".test." not in name:
                text = archive.extractfile(member).read().decode("utf-8", "replace")
                texts.append(text)
                word = _WORD.search(text)
                if word:
                    modules[name[len(COMMANDS):]] = (word.group(1), text)
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    tree = _tree(modules)
    tree.update(_families(texts))
    return meta["version"], f"sha512-{digest}", tree


def _families(texts: list) -> dict:
    """The command families whose root word is passed to a shared class: {"config set": [options], ...}."""
    classes: dict = {}
    for text in texts:
        starts = [(m.start(), m.group(1)) for m in _CLASS.finditer(text)] + [(len(text), None)]
        for (start, name), (end, _) in zip(starts, starts[1:]):
            body = text[start:end]
            word = _FIELD_WORD.search(body)
            classes[name] = (word.group(1) if word else None, sorted(set(_OPTION.findall(body))))
    found: dict = {}
    for text in texts:
        for root, members in _FAMILY.findall(text):
            words = [(classes.get(m) or (None, []))for m in _MEMBER.findall(members)]
            if not any(word for word, _ in words):
                continue
            found[root] = []
            for word, options in words:
                if word:
                    found[f"{root} {word}"] = options
    return found


def _tree(modules: dict) -> dict:
    def own(folder: str):
        here = [n for n in modules if str(PurePosixPath(n).parent) == folder]
        if len(here) == 1:
            return here[0]
        wanted = folder.rsplit("/", 1)[-1].replace("-", "_") + "_command.js"
        return next((n for n in here if PurePosixPath(n).name == wanted), None)

    def path(name: str) -> tuple:
        folder = str(PurePosixPath(name).parent)
        parent = own(str(PurePosixPath(folder).parent)) if own(folder) == name else own(folder)
        word = modules[name][0]
        if folder == "." or parent in (None, name):
            return (word,)
        return path(parent) + (word,)

    tree: dict = {}
    for name, (_, text) in modules.items():
        at = path(name)
        tree[" ".join(at)] = sorted(set(_OPTION.findall(text)))
        for inline in _INLINE.findall(text):
            tree.setdefault(" ".join(at + (inline,)), [])
    return tree


def build(source: Path, registry: dict | None = None) -> dict:
    releases = sorted((read_release(t) for t in source.glob("aws-amplify-backend-cli-1.*.tgz")),
                      key=lambda r: version_key(r[0]))
    if not releases:
        raise SystemExit(f"no aws-amplify-backend-cli-1.*.tgz in {source}")
    versions = [v for v, _, _ in releases]
    for version, integrity, _ in releases:
        if registry is not None and registry.get(version) not in (None, integrity):
            raise SystemExit(f"{version}: the tarball's {integrity[:20]}… is not the registry's dist.integrity")
    commands: dict = {}
    for version, _, tree in releases:
        for path, options in tree.items():
            entry = commands.setdefault(path, {"versions": [], "options": {}})
            entry["versions"].append(version)
            for option in options:
                entry["options"].setdefault(option, []).append(version)
    previous = read_json(REFERENCE / NAME) if (REFERENCE / NAME).is_file() else {}
    return {
        "provenance": {
            "what": f"The command paths and options of every published {PACKAGE} 1.x release, read from each "
                    "release's own tarball (lib/commands/**/*.js as text: no dependency installed, nothing run), "
                    "by tools/import_ampx_versions.py",
            "date": previous.get("provenance", {}).get("date", "unknown"),
            "sources": [{"repository": "https://github.com/aws-amplify/amplify-backend", "path": "packages/cli",
                         "registry": f"https://www.npmjs.com/package/{PACKAGE}", "version": f"1.x: {', '.join(versions)}",
                         "integrity": {v: i for v, i, _ in releases},
                         "integrity_checked": "against the registry's dist.integrity" if registry else "not checked"}],
            "unseen": "option choices (values built from enums)",
        },
        "package": PACKAGE,
        "versions": versions,
        "commands": {path: commands[path] for path in sorted(commands)},
    }


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.import_ampx_versions", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, metavar="DIR")
    parser.add_argument("--registry", type=Path, metavar="FILE")
    parser.add_argument("--date", help="the day the releases were read (YYYY-MM-DD) for the provenance")
    args = parser.parse_args(argv)
    registry = None
    if args.registry:
        registry = {r["version"]: r["dist.integrity"] for r in json.loads(args.registry.read_text())}
    data = build(args.source, registry)
    if args.date:
        data["provenance"]["date"] = args.date
    (REFERENCE / NAME).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote reference/{NAME}: {len(data['versions'])} releases, {len(data['commands'])} command paths")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
