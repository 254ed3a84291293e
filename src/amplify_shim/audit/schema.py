"""GraphQL schema -> directive facts with line numbers (pure: text in, tuples out).

Comments and string literals are blanked first (same length, newlines kept), so a directive
named in a description or a comment is not counted and every offset still maps to its line.
"""

from __future__ import annotations

import bisect
import re

# Directive name -> finding kind. @auth is read rule by rule (AUTH_RULES).
DIRECTIVES = {
    "model": "data.model", "primaryKey": "data.primary_key", "index": "data.index",
    "hasOne": "data.has_one", "hasMany": "data.has_many", "belongsTo": "data.belongs_to",
    "manyToMany": "data.many_to_many", "default": "data.default", "searchable": "data.searchable",
    "predictions": "data.predictions", "function": "data.function", "http": "data.http",
    "key": "data.transformer_v1", "connection": "data.transformer_v1", "versioned": "data.transformer_v1",
}
# (allow, provider) -> finding kind; a rule without a provider uses the transformer's default.
AUTH_DEFAULT_PROVIDER = {"public": "apiKey", "private": "userPools", "owner": "userPools", "groups": "userPools",
                         "custom": "function"}
AUTH_RULES = {
    ("public", "apiKey"): "data.auth.public_apikey", ("public", "iam"): "data.auth.public_iam",
    ("public", "identityPool"): "data.auth.public_iam", ("private", "userPools"): "data.auth.private_userpools",
    ("private", "iam"): "data.auth.private_iam", ("owner", "userPools"): "data.auth.owner_userpools",
    ("groups", "userPools"): "data.auth.groups_userpools", ("custom", "function"): "data.auth.custom_function",
}
OIDC_KIND = "data.auth.oidc"
CUSTOM_OPERATIONS = "data.custom_operations"

_BLANK = re.compile(r'"""[\s\S]*?(?:"""|$)|"(?:[^"\\\n]|\\.)*"?|#[^\n]*')
_DIRECTIVE = re.compile(r"@([A-Za-z_]\w*)")
_DECLARATION = re.compile(r"\b(?:type|interface|input|enum|union)\s+([A-Za-z_]\w*)")
_OPERATION = re.compile(r"\b(?:extend\s+)?type\s+(Query|Mutation|Subscription)\b")
_FIELD = re.compile(r"([A-Za-z_]\w*)\s*:")
_NOT_NEWLINE = re.compile(r"[^\n]")
_RULE = re.compile(r"\{[^{}]*\}")
_ALLOW = re.compile(r"\ballow\s*:\s*(\w+)")
_PROVIDER = re.compile(r"\bprovider\s*:\s*(\w+)")


def blank(text: str) -> str:
    """Comments and strings replaced by spaces, newlines kept: offsets and lines unchanged."""
    return _BLANK.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)


def _parens(clean: str) -> tuple:
    """(text with every parenthesised part blanked, {open offset: close offset}) in one pass.
    Blanked arguments keep `name:` inside them from reading as a field; an unclosed "(" has no entry."""
    out, closes, opened, last = [], {}, [], 0
    for match in re.finditer(r"[()]", clean):
        at = match.start()
        segment = clean[last:at]
        out.append(_NOT_NEWLINE.sub(" ", segment) if opened and segment else segment)
        out.append(" ")
        if match.group() == "(":
            opened.append(at)
        elif opened:
            closes[opened.pop()] = at + 1
        last = at + 1
    tail = clean[last:]
    out.append(_NOT_NEWLINE.sub(" ", tail) if opened else tail)
    return "".join(out), closes


class _Places:
    """Offset -> line number, the enclosing type (and field) name, and a directive's arguments."""

    def __init__(self, clean: str):
        self.clean = clean
        flat, self.closes = _parens(clean)
        self.starts = [0] + [m.end() for m in re.finditer("\n", clean)]
        self.types = [(m.start(), m.group(1), clean.find("{", m.end())) for m in _DECLARATION.finditer(clean)]
        self.type_offsets = [t[0] for t in self.types]
        self.fields = [(m.start(), m.group(1)) for m in _FIELD.finditer(flat)]
        self.field_offsets = [f[0] for f in self.fields]

    def line(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def owner(self, pos: int) -> str:
        index = bisect.bisect_right(self.type_offsets, pos) - 1
        if index < 0:
            return "(schema)"
        _, name, brace = self.types[index]
        if brace < 0 or pos < brace:
            return name
        field = bisect.bisect_right(self.field_offsets, pos) - 1
        return f"{name}.{self.fields[field][1]}" if field >= 0 and self.field_offsets[field] > brace else name

    def arguments(self, pos: int) -> tuple:
        """(start, end) of the arguments that follow a directive name ending at pos, or (pos, pos).
        They end at the next "@" at the latest: no real @auth rule holds one, and ranges never nest."""
        start = pos
        while start < len(self.clean) and self.clean[start] in " \t\r\n":
            start += 1
        end = self.closes.get(start)
        if end is None:
            return pos, pos
        other = self.clean.find("@", start, end)
        return start, end if other < 0 else other


def scan(text: str) -> list:
    """[(kind, line, detail)] for every directive, @auth rule and custom operation type, in order."""
    clean = blank(text)
    places = _Places(clean)
    found = []
    for match in _OPERATION.finditer(clean):
        found.append((CUSTOM_OPERATIONS, places.line(match.start()), match.group(1)))
    for match in _DIRECTIVE.finditer(clean):
        name, owner = match.group(1), places.owner(match.start())
        if name == "auth":
            start, end = places.arguments(match.end())
            found.extend(_auth_rules(clean, start, end, owner, places))
        elif name in DIRECTIVES:
            found.append((DIRECTIVES[name], places.line(match.start()), f"{owner}: @{name}"))
    found.sort(key=lambda fact: fact[1])
    return found


def _auth_rules(clean: str, start: int, end: int, owner: str, places: _Places) -> list:
    rules = []
    for rule in _RULE.finditer(clean, start, end):
        allow = _ALLOW.search(rule.group())
        if not allow:
            continue
        provider = _PROVIDER.search(rule.group())
        provider_name = provider.group(1) if provider else AUTH_DEFAULT_PROVIDER.get(allow.group(1), "")
        kind = OIDC_KIND if provider_name == "oidc" else AUTH_RULES.get((allow.group(1), provider_name))
        if kind:
            detail = f"{owner}: {{allow: {allow.group(1)}{', provider: ' + provider.group(1) if provider else ''}}}"
            rules.append((kind, places.line(rule.start()), detail))
    return rules
