"""Import the command surfaces from shared/reference into the package.

The reference files describe the real Gen 1 CLI and the real ampx parser. The
shim ships a compact, stable copy of the facts it needs; tests re-run this
import and fail when the committed copy drifts from the reference.

    python tools/import_reference.py [REFERENCE_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
GEN1_OUT = ROOT / "src" / "amplify_shim" / "gen1" / "surface.json"
AMPX_OUT = ROOT / "src" / "amplify_shim" / "gen2" / "ampx.json"


def compact_gen1(raw: list[dict]) -> dict:
    commands = []
    for entry in raw:
        flags = []
        for flag in entry.get("flags", []):
            item = {"name": flag["name"], "takes_value": bool(flag["takes_value"])}
            if flag.get("alias"):
                item["alias"] = flag["alias"]
            if flag.get("other_names"):
                item["other_names"] = flag["other_names"]
            if flag.get("value_hint"):
                item["value_hint"] = flag["value_hint"]
            if not flag.get("documented", True):
                item["documented"] = False
            if flag.get("note"):
                item["note"] = flag["note"]
            flags.append(item)
        commands.append(
            {
                "path": entry["path"],
                "args": entry.get("args", []),
                "status": entry["status"],
                "kind": entry["kind"],
                "description": entry["description"],
                "documented_in_help": entry.get("documented_in_help", False),
                "aliases": entry.get("aliases") or [],
                "flags": flags,
            }
        )
    return {"source": "gen1-commands.json (aws-amplify/amplify-cli 14.3.0)", "commands": commands}


def compact_ampx(raw: dict) -> dict:
    commands = []
    for cmd in raw["commands"]:
        options = {}
        for opt in cmd.get("options", []):
            keep = {k: opt[k] for k in (
                "type", "array", "choices", "aliases", "required", "global",
                "conflicts", "implies", "requiresArg", "default",
            ) if k in opt}
            options[opt["name"]] = keep
        commands.append(
            {
                "path": cmd["path"].split() if cmd["path"] else [],
                "describe": cmd.get("describe", ""),
                "positionals": [
                    {"name": p["name"], "required": bool(p.get("required"))}
                    for p in cmd.get("positionals", [])
                ],
                "options": options,
                "accepted": cmd["acceptedFlags"],
                "subcommands": cmd.get("subcommands", []),
                "requires_subcommand": bool(cmd.get("requiresSubcommand")),
            }
        )
    return {
        "package": raw["package"],
        "version": raw["version"],
        "global_options": [o["name"] for o in raw.get("globalOptions", [])],
        "commands": commands,
    }


def render(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def outputs(reference: Path) -> dict[Path, str]:
    gen1 = json.loads((reference / "gen1-commands.json").read_text(encoding="utf-8"))
    ampx = json.loads((reference / "ampx-commands.json").read_text(encoding="utf-8"))
    return {GEN1_OUT: render(compact_gen1(gen1)), AMPX_OUT: render(compact_ampx(ampx))}


def main(argv: list[str]) -> int:
    reference = Path(argv[0]) if argv else DEFAULT_REFERENCE
    for path, text in outputs(reference).items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
