"""Every Gen 1 call in a PowerShell script, read with the PowerShell grammar (the same Call records as
shell_calls). A call is rewritable where the grammar puts a command; inside a string, a `$( … )`
subexpression or a here-string it is only marked. A several-step answer is never written in
PowerShell (decide marks it).
"""

from __future__ import annotations

import re

from .shell_calls import GEN1_NAMES, REF, WRAPPERS, Call, _line_start

# PowerShell finds a command whatever its case (`Amplify push`), and by the file name of npm's Windows
# shim (`amplify.cmd push`: what people type where the execution policy blocks amplify.ps1).
_PS_NAME = r"(?i:(?<![\w@./$`-])(?:amplify(?:\.(?:cmd|ps1|exe))?|@aws-amplify/cli(?:@[\w.^~-]+)?)(?![\w./@-]))"
PS_NAME_TEXT = re.compile(_PS_NAME)
_CANDIDATE = re.compile(_PS_NAME.encode())
_WINDOWS_FILE = (".cmd", ".ps1", ".exe")
_OUTPUT_USED = frozenset({"sub_expression", "array_expression"})  # `$( … )`, `@( … )`: a command's output is used

_STRINGS = frozenset({"expandable_string_literal", "verbatim_string_characters", "expandable_here_string_literal",
                      "verbatim_here_string_characters", "string_literal"})
_LISTS = frozenset({"statement_list", "program", "script_block_body"})


def _literal(node, data: bytes) -> str | None:
    text = data[node.start_byte:node.end_byte].decode("utf-8", "surrogatepass")
    if node.type in ("generic_token", "command_parameter", "command_name"):
        return None if any(c in text for c in "$`@(){}[],;'\"") else text
    if node.type in ("array_literal_expression", "unary_expression", "string_literal") and node.named_child_count == 1:
        return _literal(node.named_children[0], data)
    if node.type == "verbatim_string_characters":
        return text[1:-1].replace("''", "'")
    if node.type == "expandable_string_literal":
        return None if any(c in text[1:-1] for c in "$`\"") else text[1:-1]
    return None


def _command_name(word: str | None) -> tuple:
    """(the name PowerShell looks up, lower case and without npm's Windows file suffix; the word as written
    when it names such a file, else None)."""
    if word is None:
        return None, None
    lowered = word.lower()
    for suffix in _WINDOWS_FILE:
        if lowered.endswith(suffix):
            return lowered[:-len(suffix)], word
    return lowered, None


_PRINTERS = frozenset({"write-host", "write-output", "echo", "write-information", "write-verbose", "write-warning"})


def _said(string, data: bytes) -> bool:
    """A one-line string that Write-Host/echo prints: words for a person, not a command."""
    if b"\n" in data[string.start_byte:string.end_byte]:
        return False
    node = string
    while node is not None and node.type != "command":
        node = node.parent
    name = next((c for c in node.children if c.type == "command_name"), None) if node is not None else None
    return name is not None and data[name.start_byte:name.end_byte].decode("utf-8", "replace").lower() in _PRINTERS


def _anchor(node, data: bytes) -> int:
    """Where a marker line goes: the start of the line of the statement holding node, or of the statement
    before it when that one ends on the same line (a line continued with a backtick)."""
    top = node
    while top.parent is not None and (top.parent.type not in _LISTS or _in_expression(top.parent)):
        top = top.parent
    while True:
        start = _line_start(data, top.start_byte)
        previous = top.prev_named_sibling
        if not data[start:top.start_byte].strip() or previous is None:  # only blanks (a form feed too) before it
            return start
        top = previous


def _in_expression(statements) -> bool:
    """A list of statements inside `$( … )` or `@( … )`: part of a line, not a place for a line of its own."""
    return statements.parent is not None and statements.parent.type in _OUTPUT_USED


def find_ps_calls(data: bytes, root) -> list:
    calls, seen = [], set()
    for match in _CANDIDATE.finditer(data):
        at = match.start()
        node = root.named_descendant_for_byte_range(at, match.end())
        up = node
        while up is not None and up.type not in ("command", "comment") and up.type not in _STRINGS:
            up = up.parent
        if up is None or up.type == "comment":
            continue
        if up.type in _STRINGS:
            if _said(up, data):
                continue
            before = data[max(up.start_byte, _line_start(data, at)):at].lstrip(b"@'\"").strip()
            if not before or before.endswith((b";", b"|", b"&", b"{", b"(")):
                closing = up.end_byte - (data[up.end_byte - 1:up.end_byte] in (b'"', b"'"))  # not the quote
                calls.append(Call(start=at, end=min(closing, data.find(b"\n", at) % (len(data) + 1)),
                                  hidden="inside a quoted string: it runs only where the string is run",
                                  anchor=_anchor(up, data)))
            continue
        if up.start_byte in seen:
            continue
        call = _call(up, data, at)
        if call is not None:
            seen.add(up.start_byte)
            calls.append(call)
    return calls


def _call(command, data: bytes, at: int) -> Call | None:
    name = next((c for c in command.children if c.type in ("command_name", "command_name_expr")), None)
    if name is not None and name.type == "command_name_expr":  # `& amplify …`: the `&` stays in place
        name = next((c for c in name.named_children if c.type == "command_name"), None)
    if name is None:
        return None
    elements = next((c for c in command.children if c.type == "command_elements"), None)
    words = [name] + ([c for c in elements.children if c.is_named and c.type != "command_argument_sep"]
                      if elements is not None else [])
    first, first_file = _command_name(_literal(name, data))
    runner, k = "npx", 0
    if first in WRAPPERS:
        runner, between = WRAPPERS[first]
        k = 1
        while k < len(words) and _literal(words[k], data) in between:
            k += 1
    gen1, gen1_file = _command_name(_literal(words[k], data)) if k < len(words) else (None, None)
    if gen1 not in GEN1_NAMES or not (words[k].start_byte <= at < words[k].end_byte):
        return None
    argv, refs, problem = [], {}, None
    windows_file = first_file or gen1_file
    if windows_file:  # the Gen 2 command would be written as npm's shim is named here: a person's choice
        problem = (f"`{windows_file}` runs npm's Windows shim by its file name (as where .ps1 scripts are blocked): "
                   f"write the Gen 2 command the same way, `npx.cmd ampx …`")
    for word in words[k + 1:]:
        if word.type == "redirection":  # (`> f`, `2>&1`: the grammar's operators are inside it)
            problem = "a redirection stands among its words"
            continue
        value = _literal(word, data)
        if value is None:
            ref = REF.format(len(refs))
            refs[ref] = data[word.start_byte:word.end_byte].decode("utf-8", "surrogatepass")
            value = ref
        argv.append(value)
    hidden = None
    up = command.parent
    while up is not None:
        if up.type in _OUTPUT_USED:
            hidden = "inside `$( … )`: its output is used"
            break
        up = up.parent
    end = words[-1].end_byte
    chain = command.parent
    statement = chain is not None and chain.type == "pipeline_chain" and chain.named_child_count == 1 \
        and chain.parent is not None and chain.parent.type == "pipeline" and chain.parent.named_child_count == 1
    return Call(start=words[0].start_byte, end=end, argv=argv, refs=refs,
                runner=runner, statement=statement, hidden=hidden, problem=problem, anchor=_anchor(command, data))
