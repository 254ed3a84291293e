"""Every Gen 1 call in a piece of shell, read with the bash grammar: where it stands, its words, and
whether the grammar puts it where a rewrite can replace it (a simple command) or somewhere it must
only be marked (inside `$( … )`, backticks, a quoted string, a here-document).

Only the places where the word `amplify` (or `amplifyPush`, `@aws-amplify/cli`) stands on its own
are looked at, so a large file with no call costs one regular-expression pass, not a parse.
Offsets here are byte offsets of the UTF-8 text (what tree-sitter counts).
"""

from __future__ import annotations

import re


# `amplify`, `amplifyPush` or `@aws-amplify/cli` standing alone (or right after a `\n` escape): each form's first
# character comes before its look-behind so that the search skips ahead by that character (three times as fast as
# one look-behind first, on a 5 MB file; the same matches)
CANDIDATE = re.compile(rb"(?:a(?:(?<=\\[nrt]a)|(?<![\w@./$-]a))mplify(?:Push)?"
                       rb"|@(?:(?<=\\[nrt]@)|(?<![\w@./$-]@))aws-amplify/cli(?:@[\w.^~-]+)?)(?![\w./@-])")
# the Gen 1 CLI named by a path (`./node_modules/.bin/amplify`, `/usr/local/bin/amplify`, `$(npm bin)/amplify`)
_BY_PATH = re.compile(rb"/amplify(?:\.cmd)?(?=[\s\"';)}]|$)")  # (`}`: `${AMPLIFY_BIN:-/usr/bin/amplify}`)
ANY_CANDIDATE = re.compile(CANDIDATE.pattern + rb"|" + _BY_PATH.pattern)  # where a place may hold a call
GEN1_NAMES = ("amplify", "@aws-amplify/cli")
# wrapper word -> (runner, words that may stand between it and `amplify`)
WRAPPERS = {"npx": ("npx", ("-y", "--yes", "--no-install", "-q", "--quiet")), "yarn": ("yarn", ("run",)),
            "pnpm": ("pnpm", ("exec",)), "npm": ("npx", ("exec", "--")), "bunx": ("bun", ())}
PREFIX_WORDS = frozenset({"exec", "command", "time", "nohup", "env"})  # run the next words as the command
# programs that run a command given as their arguments in ways this rewriter does not follow: marked
OTHER_RUNNERS = frozenset({"sudo", "doas", "su", "nice", "ionice", "timeout", "xargs", "watch", "stdbuf", "unbuffer",
                           "setsid", "flock", "chronic", "caffeinate", "strace", "parallel", "retry"})
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
REF = "zzshimref{}zz"  # stands for an expansion while the planner works; never written anywhere
_HIDDEN = {"command_substitution": "inside `$( … )`: its output is used",
           "process_substitution": "inside `<( … )`: its output is used",
           "string": "inside a quoted string: it runs only where the string is run (`$cmd`, `sh -c`, eval)",
           "raw_string": "inside a quoted string: it runs only where the string is run (`$cmd`, `sh -c`, eval)",
           "ansi_c_string": "inside a quoted string: it runs only where the string is run (`$cmd`, `sh -c`, eval)",
           "heredoc_body": "inside a here-document: it runs only where that text is run"}
_STATEMENT_LISTS = frozenset({"program", "compound_statement", "do_group", "if_statement", "elif_clause",
                              "else_clause", "subshell", "case_item"})
_LITERAL_UNSAFE = re.compile(r"[\\$`*?\[\]{}~\"']")
_COMMAND_POSITION = re.compile(rb"(?:^|[;&|(`{]|\$\(|\b(?:then|do|else|exec|eval|time|nohup|command|bunx|yarn(?:\s+run)?"
                               rb"|pnpm(?:\s+exec)?|npm\s+exec(?:\s+--)?|npx(?:\s+-\S+)*))\s*$")


class Call:
    """One Gen 1 call as found (a plain class, not a Record: a big script has tens of thousands)."""
    __slots__ = ("start", "end",  # the bytes replaced: the program word (or its wrapper) to the last argument
                 "argv", "refs",  # Gen 1 words (an expansion as a REF word) and what each REF stands for
                 "runner", "program",
                 "assign_start", "assign_text",  # env assignments before the command, as written
                 "keywords",  # exec/command/time/nohup before it
                 "statement",  # the command is a whole statement (a multi-step answer needs no grouping)
                 "hidden",  # why it can only be marked (a string, `$( … )`…)
                 "problem",  # why it cannot be rewritten in place
                 "anchor")  # where a marker line can go (the start of a line)

    def __init__(self, start=0, end=0, argv=None, refs=None, runner="npx", program="amplify",
                 assign_start=None, assign_text="", keywords=None, statement=False, hidden=None, problem=None,
                 anchor=0):
        self.start, self.end = start, end
        self.argv, self.refs = argv if argv is not None else [], refs if refs is not None else {}
        self.runner, self.program, self.assign_start, self.assign_text = runner, program, assign_start, assign_text
        self.keywords, self.statement = keywords if keywords is not None else [], statement
        self.hidden, self.problem, self.anchor = hidden, problem, anchor


def literal(node, data: bytes) -> str | None:
    """What a word is to the program after the shell has read it, when that is known without running anything."""
    kind = node.type
    if kind == "command_name":
        return literal(node.named_children[0], data) if node.named_child_count == 1 else None
    try:
        text = data[node.start_byte:node.end_byte].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # a part of a lone surrogate (a JSON "\udc80"): the grammar cuts its three bytes apart
        return None
    if kind in ("word", "number"):
        return None if _LITERAL_UNSAFE.search(text) else text
    if kind == "raw_string":
        return text[1:-1]
    if kind == "string":
        inner = text[1:-1]
        return None if any(c in inner for c in "\\$`") else inner
    if kind == "concatenation":
        parts = [literal(child, data) for child in node.children]
        return None if None in parts else "".join(parts)
    return None


def _line_start(data: bytes, at: int) -> int:
    return data.rfind(b"\n", 0, at) + 1


def anchor(node, data: bytes) -> int:
    """The start of the line before which a marker comment can go: the innermost enclosing statement
    that begins its line, in a list of statements (never inside a string, here-document or `$( … )`)."""
    best, current = None, node
    while current.parent is not None:
        parent = current.parent
        if parent.type in ("command_substitution", "process_substitution", "string", "heredoc_body"):
            best = None  # a comment line in there would be part of that text
        elif parent.type in _STATEMENT_LISTS and best is None:
            start = _line_start(data, current.start_byte)
            if not data[start:current.start_byte].strip(b" \t"):
                best = start
        current = parent
    if best is not None:
        return best
    top = node
    while top.parent is not None and top.parent.parent is not None:
        top = top.parent
    while True:  # a statement that shares its line with one before it: go to the first on that line
        start = _line_start(data, top.start_byte)
        previous = top.prev_named_sibling
        if not data[start:top.start_byte].strip(b" \t") or previous is None:
            return start
        top = previous


def _hidden_in_text(node, data: bytes, at: int, size: int) -> bool:
    """A candidate inside string text stands where a command would if that text were run."""
    before = data[max(node.start_byte, _line_start(data, at)):at]
    if node.type in ("string", "raw_string", "ansi_c_string") and before[:1] in (b'"', b"'", b"$"):
        before = before.lstrip(b"$").lstrip(b"'\"")
    after = data[at + size:at + size + 2]
    return bool(_COMMAND_POSITION.search(before)) and (after[:1] in (b" ", b"\t") and after[1:2] not in (b"", b"\n"))


def _joined_lines(command, data: bytes, at: int) -> bool:
    """The grammar made a word on a later line an argument of this command, with a plain newline between two of
    its words (which ends a command in every shell): it misread the text here."""
    children = [c for c in command.children if c.start_byte <= at]
    for a, b in zip(children, children[1:]):
        nl = data.find(b"\n", a.end_byte, b.start_byte)
        while nl >= 0:  # a newline escaped by an odd number of backslashes (`\\` is one backslash, then the newline)
            back = nl
            while back > 0 and data[back - 1] == 0x5C:  # (count back, not rstrip a copy: a big file has many)
                back -= 1
            if (nl - back) % 2 == 0:
                return True
            nl = data.find(b"\n", nl + 1, b.start_byte)
    return False


def _said(string, data: bytes) -> bool:
    """A one-line string that `echo`/`printf` prints: words for a person, not a command."""
    command = string.parent
    if command is not None and command.type == "concatenation":
        command = command.parent
    if command is None or command.type != "command" or b"\n" in data[string.start_byte:string.end_byte]:
        return False
    name = command.child_by_field_name("name")
    return name is not None and literal(name, data) in ("echo", "printf")


def find_calls(data: bytes, root) -> list:
    """Every Gen 1 call in `data` (parsed as `root`), in order."""
    calls, seen = [], set()
    for match in CANDIDATE.finditer(data):
        at, size = match.start(), match.end() - match.start()
        node = root.named_descendant_for_byte_range(at, at + size)
        if node is None:
            continue
        word = node.parent if node.type == "string_content" and node.parent.type == "string" else node
        if word.type != "word" and (word.type not in ("string", "raw_string")
                                    or (word.start_byte, word.end_byte) != (at - 1, at + size + 1)):
            word = None  # (`"amplify" push`: a word quoted whole is the same word to the shell)
        command = None
        if word is not None and word.parent is not None and word.parent.type == "command_name":
            command = word.parent.parent
        elif word is not None and word.parent is not None and word.parent.type == "command":
            command = word.parent
        if command is not None:  # (a comment is one leaf of the grammar: a candidate in one is no word, no string)
            if command.start_byte in seen:
                continue
            call = _call(command, data, at) or _coprocess(command, data, at)
            if call is None and _joined_lines(command, data, at):
                end = data.find(b"\n", at)
                call = Call(start=at, end=end if end >= 0 else len(data), hidden="on a line the bash grammar reads as "
                            "words of the command before it", anchor=_line_start(data, at))
            if call is not None:
                seen.add(command.start_byte)
                calls.append(call)
            continue
        holder = node
        while holder is not None and holder.type not in ("string", "raw_string", "ansi_c_string", "heredoc_body"):
            holder = holder.parent if holder.type in ("string_content",) else None
        if holder is not None and _hidden_in_text(holder, data, at, size) and not _said(holder, data):
            end = data.find(b"\n", at)
            close = holder.end_byte - (holder.type != "heredoc_body")  # the call, not the string's closing quote
            end = min(close, end if end >= 0 else len(data))
            calls.append(Call(start=at, end=end, argv=[], hidden=_HIDDEN[holder.type],
                              anchor=anchor(holder, data)))
    if b"/amplify" in data:
        calls = sorted(calls + _by_path(data, root, seen), key=lambda call: call.start)
    return calls


def _command_of(node):
    """The command whose name `node` is part of (the word, or an expansion/string inside the name), else None."""
    while node is not None and node.type in ("word", "string", "raw_string", "concatenation", "simple_expansion",
                                             "expansion", "string_content"):
        if node.parent is not None and node.parent.type == "command_name":
            return node.parent.parent
        node = node.parent
    return None


_COPIED = re.compile(rb"(?<![\w$])([A-Za-z_]\w*)=\"?\$\{?([A-Za-z_]\w*)\}?\"?(?=[\s;&|)]|$)")


def _gen1_name(word: str | None) -> bool:
    """`amplify`, or the Gen 1 CLI's package as npx takes it (`@aws-amplify/cli`, `@aws-amplify/cli@12.1.0`)."""
    return word in GEN1_NAMES or bool(word) and word.startswith("@aws-amplify/cli@")


def _by_path(data: bytes, root, seen: set) -> list:
    """Gen 1 calls by the CLI's path, or through a variable set to it (`AMPLIFY_CLI=/opt/…/amplify`, then
    `$AMPLIFY_CLI pull …`): never rewritten (which CLI the path names is the file's business), always marked."""
    calls, holders = [], set()
    for match in _BY_PATH.finditer(data):
        node = root.named_descendant_for_byte_range(match.start(), match.end())  # in a comment: neither below
        command = _command_of(node)
        if command is not None and command.start_byte not in seen:
            seen.add(command.start_byte)
            name = command.child_by_field_name("name")
            shown = data[name.start_byte:name.end_byte].decode("utf-8", "surrogatepass")
            calls.append(Call(start=name.start_byte, end=command.end_byte, argv=[],
                              hidden=f"run by its path (`{shown}`)", anchor=anchor(command, data)))
            continue
        assignment = node
        while assignment is not None and assignment.type != "variable_assignment":
            # (`A=${A_BIN:-/x/amplify}`: a default value holds it too; `A=$(dirname /x/amplify)`: what a command
            # prints is not read)
            assignment = assignment.parent if assignment.type in ("word", "string", "raw_string", "concatenation",
                                                                    "string_content", "expansion") else None
        if assignment is not None and assignment.named_child_count:
            holders.add(data[assignment.named_children[0].start_byte:assignment.named_children[0].end_byte])
    grown = True
    while grown:  # AMPLIFY_CLI=$AMPLIFY_BREW: a variable set from one that holds the path holds it too
        grown = False
        for match in _COPIED.finditer(data):
            if match.group(2) in holders and match.group(1) not in holders:
                holders.add(match.group(1))
                grown = True
    for name in sorted(holders):
        spelled = {b"$" + name, b"${" + name + b"}", b'"$' + name + b'"', b'"${' + name + b'}"'}
        for match in re.finditer(rb"\$(?:\{" + re.escape(name) + rb"\}|" + re.escape(name) + rb"(?!\w))", data):
            command = _command_of(root.named_descendant_for_byte_range(match.start(), match.end()))
            program = command.child_by_field_name("name") if command is not None else None
            if program is not None and data[program.start_byte:program.end_byte] in spelled \
                    and command.start_byte not in seen:
                seen.add(command.start_byte)
                calls.append(Call(start=program.start_byte, end=command.end_byte, argv=[],
                                  hidden=f"run through `${name.decode('utf-8', 'surrogatepass')}`, set to the Gen 1 "
                                         f"CLI's path", anchor=anchor(command, data)))
    return calls


_OPTION_OR_VALUE = re.compile(r"-.*|\d+[smhd]?|[A-Za-z_][A-Za-z0-9_]*=.*")


def _coprocess(command, data: bytes, at: int) -> Call | None:
    """bash's `coproc amplify …` or `coproc NAME { amplify …; }`, which the grammar reads as a program named
    `coproc`: the candidate is the command the coprocess runs (marked)."""
    words = command.named_children
    if not words or data[words[0].start_byte:words[0].end_byte] != b"coproc":
        return None
    position = 3 if len(words) > 2 and data[words[2].start_byte:words[2].end_byte] == b"{" else 1  # NAME {
    if len(words) > position and words[position].start_byte == at and literal(words[position], data) in GEN1_NAMES:
        return Call(start=at, end=command.end_byte, hidden="run through `coproc`", anchor=anchor(command, data))
    return None


def _runs_it(words: list, data: bytes, at: int) -> bool:
    """`sudo [-u user] amplify …`, `timeout 600 amplify …`: the candidate is the command the runner runs, not an
    argument of it (`sudo npm install -g @aws-amplify/cli`)."""
    previous_option = False
    for n, word in enumerate(words[1:], 1):
        text = data[word.start_byte:word.end_byte].decode("utf-8", "surrogatepass")
        if word.start_byte <= at < word.end_byte:
            return text in ("amplify", "amplifyPush")
        if text in WRAPPERS:  # `sudo npx amplify …`
            m = _wrapped(words, data, n)
            return m is not None and words[m].start_byte <= at < words[m].end_byte
        if _OPTION_OR_VALUE.fullmatch(text):
            previous_option = text.startswith("-") and "=" not in text
        elif previous_option:
            previous_option = False  # the value of an option (`-u user`)
        else:
            return False
    return False


def _wrapped(words: list, data: bytes, k: int) -> int | None:
    """The index of the Gen 1 CLI's word that the wrapper `words[k]` (npx, yarn…) runs, else None."""
    lit = literal(words[k], data)
    between = WRAPPERS[lit][1]
    m = k + 1
    while m < len(words):
        word = literal(words[m], data) or ""
        if word in between or (lit == "npx" and word.startswith("--package=")):
            m += 1
        elif lit == "npx" and word in ("-p", "--package"):
            m += 2  # npx -p @aws-amplify/cli amplify …
        else:
            break
    return m if m < len(words) and _gen1_name(literal(words[m], data)) and (lit != "npm" or m > k + 1) else None


def _call(command, data: bytes, at: int) -> Call | None:
    children = [c for c in command.children if c.is_named]
    assigns = [c for c in children if c.type == "variable_assignment"]
    name = command.child_by_field_name("name")
    if name is None:
        return None
    words = [name] + [c for c in children if c.start_byte > name.start_byte and c.type not in (
        "file_redirect", "heredoc_redirect", "herestring_redirect")]
    redirects = [c for c in children if c.type in ("file_redirect", "herestring_redirect", "heredoc_redirect")]
    k, keywords, runner, program, start = 0, [], "npx", None, None
    runs = literal(words[0], data)
    if runs in OTHER_RUNNERS and _runs_it(words, data, at):
        return Call(start=at, end=command.end_byte,
                    hidden=f"run through `{runs}`", anchor=anchor(command, data))
    while k < len(words):
        lit = literal(words[k], data)
        if lit in PREFIX_WORDS and k == len(keywords):
            keywords.append(lit)
            k += 1
            while lit == "env" and k < len(words) and _ASSIGNMENT.match(data[words[k].start_byte:words[k].end_byte].decode(
                    "utf-8", "surrogatepass")):
                k += 1  # env NAME=value … amplify: the assignments stay in place
            continue
        if keywords and keywords[-1] == "command" and lit in ("-v", "-V"):
            return None  # `command -v amplify`: a lookup, like `which amplify`; it runs nothing
        if lit == "eval":
            return Call(start=at, end=command.end_byte,
                        hidden="run through `eval`", anchor=anchor(command, data))
        if lit in GEN1_NAMES or lit == "amplifyPush":
            program, start = ("amplifyPush" if lit == "amplifyPush" else "amplify"), words[k].start_byte
            break
        if lit in WRAPPERS:
            runner = WRAPPERS[lit][0]
            m = _wrapped(words, data, k)
            if m is not None:
                program, start, k = "amplify", words[k].start_byte, m
                break
        if keywords and any(w.start_byte <= at < w.end_byte for w in words[k:]):  # `env -i amplify …`
            return Call(start=at, end=command.end_byte,
                        hidden=f"run through `{' '.join(keywords)} {lit}`", anchor=anchor(command, data))
        return None
    if program is None or not (words[k].start_byte <= at < words[k].end_byte):
        return None  # the candidate word is an argument (`echo amplify push`)
    argv, refs = [], {}
    for word in words[k + 1:]:
        value = literal(word, data)
        if value is None:
            ref = REF.format(len(refs))
            refs[ref] = data[word.start_byte:word.end_byte].decode("utf-8", "surrogatepass")
            value = ref
        elif "zzshimref" in value:
            value = None
        argv.append(value)
    problem = None
    if None in argv:
        problem, argv = "a word holds the rewriter's own reserved text `zzshimref`", [a or "" for a in argv]
    if any(r.start_byte > name.start_byte for r in redirects) or redirects and assigns:
        problem = problem or "a redirection stands among its words"
    parent = command.parent
    if parent is not None and parent.type == "redirected_statement":
        for redirect in parent.children[1:]:
            targets = [c for c in redirect.children if c.is_named and c.type != "file_descriptor"]
            if len(targets) > 1:
                problem = problem or "words after its redirection (`> file --yes`) belong to it"
    hidden = None
    up = command.parent
    while up is not None:
        if up.type in ("command_substitution", "process_substitution"):
            hidden = "inside backticks: its output is used" if data[up.start_byte:up.start_byte + 1] == b"`" \
                else _HIDDEN[up.type]
            break
        up = up.parent
    return Call(start=start, end=command.end_byte,
                argv=argv, refs=refs, runner=runner, program=program,
                assign_start=assigns[0].start_byte if assigns else None,
                assign_text=data[assigns[0].start_byte:start].decode("utf-8", "surrogatepass") if assigns else "", keywords=keywords,
                statement=command.parent is not None and command.parent.type in _STATEMENT_LISTS,
                hidden=hidden, problem=problem, anchor=anchor(command, data))


def loose_calls(data: bytes) -> list:
    """In a file that is not shell (an Expect script named .sh): every `amplify WORD` not on a `#` line."""
    calls = []
    for match in CANDIDATE.finditer(data):
        at, size = match.start(), match.end() - match.start()
        start = _line_start(data, at)
        after = data[at + size:at + size + 2]
        if data[start:at].lstrip().startswith(b"#") or after[:1] not in (b" ", b"\t") or after[1:2] in (b"", b"\n"):
            continue
        end = data.find(b"\n", at)
        calls.append(Call(start=at, end=end if end >= 0 else len(data), hidden="in a file that is not shell",
                          anchor=start))
    return calls
