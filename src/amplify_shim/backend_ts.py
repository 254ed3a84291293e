"""amplify/backend.ts read as text: what `defineBackend({ … })` registers, and a manual answer fitted to it.

The file is TypeScript the user wrote; it is never executed or evaluated. A small tolerant reader
finds the imports and the keys of the object passed to defineBackend, skipping comments and
strings, whatever the layout (`npm create amplify@latest`'s multi-line template, one line,
`const backend = defineBackend(…)`, trailing commas, `key: value`). What it cannot read (a spread,
no defineBackend call) makes the registered names unknown, and the answer stays the generic one.

    read(text) -> Backend | None
    fit(manual, text, files) -> manual with "register" as backend.ts will read, "exists", "registered"
"""

from __future__ import annotations

from .record import record

Backend = record("Backend", (
    ("names", ()),  # the keys of defineBackend's object, in order
    ("imported", frozenset()),  # identifiers imported by the file
    ("assign", ""),  # what precedes the call: "const backend = ", "export const backend = " or ""
), frozen=True)

_QUOTES = "'\"`"


def _code(text: str) -> str:
    """text with comments blanked and string contents replaced by spaces (quotes kept): braces,
    commas and words inside them no longer count."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
            continue
        if c in _QUOTES:
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _split_top(body: str) -> list[str]:
    """The comma-separated items of an object body, at depth 0."""
    items, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(body[start:i])
            start = i + 1
    items.append(body[start:])
    return [item.strip() for item in items if item.strip()]


def _imports(code: str) -> frozenset:
    import re

    names = set()
    for match in re.finditer(r"\bimport\s+(type\s+)?\{([^}]*)\}\s*from\b", code):
        if match.group(1):
            continue
        for part in match.group(2).split(","):
            part = part.strip()
            if part.startswith("type "):
                continue
            name = part.split(" as ")[-1].strip()
            if name:
                names.add(name)
    return frozenset(names)


def read(text: str) -> Backend | None:
    """The defineBackend call of backend.ts, or None when there is none this reader can follow."""
    import re

    code = _code(text)
    call = re.search(r"\bdefineBackend\s*\(\s*\{", code)
    if call is None:
        return None
    depth, end = 0, None
    for i in range(call.end() - 1, len(code)):
        if code[i] in "([{":
            depth += 1
        elif code[i] in ")]}":
            depth -= 1
            if depth == 0:
                end = i
                break
    if end is None:
        return None
    names = []
    for item in _split_top(code[call.end():end]):
        if item.startswith("..."):
            return None  # a spread: the names are not all written here
        key = item.split(":", 1)[0].strip()
        if not re.fullmatch(r"[A-Za-z_$][\w$]*", key):
            return None
        names.append(key)
    line_start = code.rfind("\n", 0, call.start()) + 1
    before = code[line_start:call.start()]
    assign = re.match(r"\s*((?:export\s+)?(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*)$", before)
    return Backend(names=tuple(names), imported=_imports(code), assign=assign.group(1) if assign else "")


def _register_parts(register: str) -> tuple:
    """The answer's register lines: (import lines, the names its defineBackend call adds)."""
    import re

    imports = [line for line in register.splitlines() if line.startswith("import ")]
    call = re.search(r"defineBackend\(\{([^}]*)\}\)", register)
    names = [n.strip() for n in call.group(1).split(",") if n.strip()] if call else []
    return imports, names


def fit(manual: dict, text: str | None, files: frozenset | None) -> dict:
    """The manual answer for this project: `register` as amplify/backend.ts will read once the new
    resource is in it (every name it has, then the new ones; only the imports it lacks), "exists"
    (the file to write is there: "edit" it) and "registered" (defineBackend has it already: None when
    backend.ts could not be read)."""
    manual = dict(manual, exists=None, registered=None)
    if files is not None:
        manual["exists"] = manual.get("file") in files
        if manual["exists"] and manual.get("action") == "write":
            manual["action"] = "edit"
    register = manual.get("register")
    backend = read(text) if register and text is not None else None
    if backend is None:
        return manual
    imports, names = _register_parts(register)
    if not names:
        return manual
    manual["registered"] = all(name in backend.names for name in names)
    if manual["registered"]:
        manual["register"] = None
        return manual
    wanted = list(backend.names) + [name for name in names if name not in backend.names]
    lacking = [line for line in imports if not _imported(line, backend.imported)]
    call = f"{backend.assign}defineBackend({{ {', '.join(wanted)} }});"
    manual["register"] = "\n".join(lacking + ([""] if lacking else []) + [call])
    return manual


def _imported(line: str, imported: frozenset) -> bool:
    """Whether an import line's names are all imported by backend.ts already."""
    inside = line.split("{", 1)[1].split("}", 1)[0] if "{" in line else ""
    names = [n.strip().split(" as ")[-1] for n in inside.split(",") if n.strip()]
    return bool(names) and all(n in imported for n in names)
