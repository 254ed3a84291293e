"""The reference documents under reference/: reading them, refreshing them, writing what they generate.

The package's generated data (the command surfaces, the parity rows) is imported
from copies of public documents kept in reference/. Each copy names its source
(repository, version or commit, date): JSON files in a top-level "provenance"
object, other files in reference/provenance.json. Refreshing from a newer
document is an explicit argument to an importer (`--from PATH`); nothing reads
a folder outside the repository.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
SIDECAR = "provenance.json"


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def provenance(name: str, reference: Path = REFERENCE) -> dict | None:
    """The provenance recorded for reference/`name` (inside a JSON file, else in the sidecar)."""
    path = reference / name
    if path.suffix == ".json":
        data = read_json(path)
        return data.get("provenance") if isinstance(data, dict) else None
    sidecar = reference / SIDECAR
    return read_json(sidecar).get("files", {}).get(name) if sidecar.is_file() else None


def refresh(source: Path, name: str, *, wrap: str | None = None) -> Path:
    """Copy an external document over reference/`name`, keeping a provenance record.

    A JSON document that brings its own "provenance" keeps it; otherwise the
    previous record is carried over and a warning asks for it to be updated.
    `wrap` names the key a bare JSON list goes under (the Gen 1 surface is a list).
    """
    dest = REFERENCE / name
    if dest.suffix != ".json":
        shutil.copyfile(source, dest)
        print(f"refreshed reference/{name}: update its entry in reference/{SIDECAR} "
              "(repository, commit, date)", file=sys.stderr)
        return dest
    data = read_json(source)
    if isinstance(data, list):
        data = {wrap or "items": data}
    if "provenance" not in data:
        previous = provenance(name, REFERENCE) or {}
        data = {"provenance": {**previous, "stale": "carried over from the previous copy: update it"}, **data}
        print(f"refreshed reference/{name}: {source.name} names no provenance; update the "
              '"provenance" object (repository, commit or version, date)', file=sys.stderr)
    dest.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return dest


def drifted(outputs: dict[Path, str]) -> list[Path]:
    """The files whose committed text differs from `outputs`."""
    return [path for path, text in outputs.items() if _read(path) != text]


def write(outputs: dict[Path, str]) -> list[Path]:
    """Write the files that changed; return them."""
    changed = drifted(outputs)
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(outputs[path])
    return changed


def settle(outputs: dict[Path, str], *, check: bool) -> int:
    """An importer's last step: with check, list the drifted files (exit 1 if any); else write them."""
    if check:
        stale = drifted(outputs)
        for path in stale:
            print(f"drifted: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path in write(outputs):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def _read(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
