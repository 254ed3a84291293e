"""Rewrite one file's text: parse it with its grammar, find every Gen 1 call, decide each one, and
splice the new text in at exact offsets (or a marker comment above it).

Only the calls' spans change. After the edits each rewritten place is parsed again: it must parse
without error and its syntax tree must equal the old one everywhere but the edited commands;
otherwise nothing in it is rewritten and its calls are marked instead. A place whose grammar
reports an error gets no edit at all, only a finding. Running the rewrite twice changes nothing
the second time (a marker already there is not added again).
"""

from __future__ import annotations

import re

from ..plan.model import WHY_MISSING
from ..record import Record
from ..render.text import TEXT_LIMIT, printable
from .decide import Where, decide
from .readers import places
from .grammars import Offsets, parse
from .places import Unencodable
from .make_places import PREFIXED_RECIPE
from .ps_calls import PS_NAME_TEXT
from .shell_calls import ANY_CANDIDATE, find_calls, loose_calls
from .verify import reads_the_same, same_tree

MARK = "amplify-shim:"
_CANDIDATE = re.compile(ANY_CANDIDATE.pattern.decode("ascii"))  # the readers' own pattern, on the file's text


class Finding(Record):
    _fields = (("file", ""), ("line", 0), ("old", ""), ("new", None), ("status", ""), ("reason", None))
    __slots__ = tuple(name for name, _ in _fields)

    def __init__(self, file="", line=0, old="", new=None, status="", reason=None):  # (one per call: no generic set-up)
        self.file, self.line, self.old, self.new, self.status, self.reason = file, line, old, new, status, reason

    def to_json(self) -> dict:
        return self._asdict()


def _ending(text: str, offset: int) -> str:
    nl = text.find("\n", offset)
    if nl < 0:
        nl = text.find("\n")
    return "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"


def _short(reason: str, limit: int = 300) -> str:
    """A marker says what and where to look; the full reason is in the report."""
    reason = " ".join(reason.split())
    cut = reason.find(". ")
    return reason[:cut + 1] if len(reason) > limit and 0 < cut else reason


# what else a format's reader takes for a call: PowerShell's names in any case, a Make recipe's own prefix
_FIRST_LOOK = {"ps1": (_CANDIDATE, PS_NAME_TEXT), "make": (_CANDIDATE, PREFIXED_RECIPE)}


def _worth_reading(text: str, kind: str = "") -> bool:
    """The word `amplify` stands somewhere other than on a comment line: only then is the file parsed."""
    for pattern in _FIRST_LOOK.get(kind, (_CANDIDATE,)):
        for match in pattern.finditer(text):
            start = text.rfind("\n", 0, match.start()) + 1
            if not text[start:match.start()].lstrip().startswith("#"):
                return True
    return False


class _Lines:
    """1-based line of a file offset; queries in increasing order stay linear."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line = text, 0, 1

    def __call__(self, offset: int) -> int:
        if offset < self.at:
            self.at, self.line = 0, 1
        self.line += self.text.count("\n", self.at, offset)
        self.at = offset
        return self.line


def rewrite_text(path: str, text: str, fmt) -> tuple:
    """(new text, [Finding]) for one file's text."""
    edits, findings = find_edits(path, text, fmt)
    return apply(text, edits), findings


def find_edits(path: str, text: str, fmt) -> tuple:
    """([(start, end, order, new text)], [Finding]): each edit replaces text[start:end]; a marker is an
    insertion (start == end, order 0, before a replacement at the same offset)."""
    if not _worth_reading(text, fmt.kind):
        return [], []
    edits, findings, marked, seen = [], [], set(), {}
    lines = _Lines(text)
    for place in places(fmt, path, text):
        if "amplify" not in (place.text.lower() if place.grammar == "powershell" else place.text):  # (cheap)
            continue
        _place_edits(path, text, place, edits, findings, marked, lines, seen)
    if any(start != end for start, end, _, _ in edits) and not reads_the_same(fmt.kind, text, lambda: apply(text, edits),
                                                                              sum(1 for s, e, _, _ in edits if s == e)):
        edits = [e for e in edits if e[0] == e[1]]  # the markers stay; no command is rewritten
        for finding in findings:
            if finding.new is not None:
                finding.new, finding.status = None, "not-converted"
                finding.reason = "the rewritten file would not read as the same file: convert it by hand"
    return edits, findings


class _Analysis(Record):
    """What a place's text holds, whatever place in the file it is (a big file repeats its commands)."""
    _fields = (("items", list),  # (char start, char end, char start of the replaced span, char anchor, Outcome | None)
               ("error", None), ("checked", None), ("tree", None), ("data", b""))
    __slots__ = tuple(name for name, _ in _fields)

    def __init__(self, items, error, tree, data):
        self.items, self.error, self.checked, self.tree, self.data = items, error, None, tree, data


def _analyse(place) -> _Analysis:
    tree, data = parse(place.grammar, place.text)
    if place.loose and place.error:
        calls = loose_calls(data)
    elif place.grammar == "powershell":
        from .ps_calls import find_ps_calls
        calls = find_ps_calls(data, tree.root_node)
    else:
        calls = find_calls(data, tree.root_node)
    offsets = Offsets(place.text)
    error = place.error or (_error_line(tree, data) if tree.root_node.has_error else None)
    items = []
    for call in calls:
        outcome = None if error else decide(call, place.where)
        start, end = offsets.char(call.start), offsets.char(call.end)
        replaced = offsets.char(call.assign_start) if outcome is not None and outcome.whole else start
        items.append((start, end, replaced, offsets.char(call.anchor), outcome))
    return _Analysis(items=items, error=error, tree=tree, data=data)


def _checked(place, analysis: _Analysis, replacements: list) -> bool:
    """The re-parse check, once per distinct place text and set of replacements."""
    key = tuple(replacements)
    if analysis.checked is None or analysis.checked[0] != key:
        analysis.checked = (key, same_tree(place.text, analysis.tree, analysis.data, replacements, place.grammar))
    return analysis.checked[1]


def _place_edits(path, text, place, edits, findings, marked, lines, seen) -> None:
    where = place.where = place.where or Where()
    key = (place.text, place.grammar, place.error, where.mode, where.branch_var, where.app_var, where.shell,
           where.make, where.powershell)
    analysis = seen.get(key)
    if analysis is None:
        analysis = seen[key] = _analyse(place)
    pending = []  # (replaced start, end, new text, encoded, finding, anchor)
    for start, end, replaced, anchor, outcome in analysis.items:
        raw_start, _ = place.raw_span(start, end)
        finding = Finding(file=path, line=lines(raw_start), old=place.restore(place.text[start:end]))
        if outcome is None:
            finding.status = "not-converted"
            finding.reason = f"{analysis.error}: nothing here is changed; convert it by hand"
            findings.append(finding)
            if place.error_marks:
                _mark(edits, marked, text, place, anchor, f"`{finding.old}`: {finding.reason}")
            continue
        new, status, reason = outcome.new, outcome.status, outcome.reason and place.restore(outcome.reason)
        if status == "needs-input":  # a placeholder in a file that runs unattended breaks it: the call stays
            status, reason, new = "not-converted", _unfilled(place, outcome, reason), None
        finding.new, finding.status, finding.reason = new and place.restore(new), status, reason
        if new is not None:
            try:
                pending.append((replaced, end, new, place.encode(new), finding, anchor))
            except Unencodable as exc:
                finding.new, finding.status, finding.reason = None, "not-converted", f"cannot write it here: {exc}"
        findings.append(finding)
        if finding.status in ("needs-input", "not-converted"):
            _mark(edits, marked, text, place, anchor, finding.reason)
    if not pending:
        return
    if not _checked(place, analysis, [(s, e, new) for s, e, new, _, _, _ in pending]):
        for _, _, _, _, finding, anchor in pending:
            finding.new, finding.status = None, "not-converted"
            finding.reason = "the rewritten text would not parse as the same script here: convert it by hand"
            _mark(edits, marked, text, place, anchor, finding.reason)
        return
    for start, end, _, raw, _, _ in pending:
        edits.append((*place.raw_span(start, end), 1, raw))


def _error_line(tree, data: bytes) -> str:
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            line = data.count(b"\n", 0, node.start_byte) + 1
            return f"the grammar cannot read this text (line {line} of it)"
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return "the grammar cannot read this text"


_NOTES: dict = {}


# The planner's advice is for a person at a prompt; in a file, the value comes from the call or the CI file's env.
# A value no variable gives is named, never shown as the planner's advice ("needs a name is needed: pass it …").
_FILE_VALUES = {WHY_MISSING["branch"]: ("the branch", "AWS_BRANCH"), WHY_MISSING["app_id"]: ("the Amplify app id", "AWS_APP_ID"),
                WHY_MISSING["name"]: ("a name", None), WHY_MISSING["stack"]: ("the root stack name", None)}


def _unfilled(place, outcome, reason: str) -> str:
    """Why a call whose Gen 2 form needs a value the file does not give is left as it is, with that form."""
    key = (outcome.command, outcome.new, reason, place.marker is None)
    said = _UNFILLED.get(key)
    if said is None:  # the same call, many times over in one file: its words are put together once
        missing = [_FILE_VALUES.get(one, (one, None)) for one in reason[len("fill in the placeholder: "):].split("; ")]
        values = " and ".join(what for what, _ in missing)
        variables = " and ".join(variable for _, variable in missing if variable)
        where = "; this file cannot hold a comment that says so" if place.marker is None else ""
        how = f"write it by hand, or declare {variables} in the CI file's env and rewrite again" if variables else "write it by hand"
        said = _UNFILLED[key] = (f"`{outcome.command}` needs {values}, which neither the call nor the file gives, to "
                                 f"become `{outcome.new}`{where}: left as it is ({how})")
        if len(_UNFILLED) > 20000:
            _UNFILLED.clear()
    return place.restore(said)  # the place's stand-ins back (only they can be in it: the rest is our prose)


_UNFILLED: dict = {}


def _mark(edits: list, marked: set, text: str, place, anchor: int, reason: str) -> None:
    if place.marker is None:
        return
    offset, indent, prefix = place.marker(place.raw(anchor))
    note = _NOTES.get((prefix, reason))
    if note is None:
        note = _NOTES[(prefix, reason)] = f"{prefix} {MARK} {printable(_short(reason), TEXT_LIMIT)}"
    if (offset, note) in marked:
        return  # two calls before one line with the same reason: one marker
    marked.add((offset, note))
    end = offset
    while end > 0:  # the marker lines already above this line (a second run)
        before = text.rfind("\n", 0, end - 1) + 1
        above = text[before:end].strip()
        if not above.startswith(f"{prefix} {MARK}"):
            break
        if above == note.strip():
            return
        end = before
    edits.append((offset, offset, 0, indent + note + _ending(text, offset)))


def apply(text: str, edits: list) -> str:
    out, at = [], 0
    for start, end, _, new in sorted(edits, key=lambda e: (e[0], e[2])):
        if start < at:
            continue  # overlapping spans cannot happen; never write one twice
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)
