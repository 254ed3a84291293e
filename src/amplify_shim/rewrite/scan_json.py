"""Places of package.json: each value of the top-level "scripts" object, decoded in place.

The file is never re-serialised: each script is located by its exact span in the text and
decoded character by character (escapes included), so an edit re-encodes only the new text
and every other byte (key order, spacing, escapes elsewhere) stays as it was.
"""

from __future__ import annotations

import json

from .places import Place, Unencodable

_SPACE = " \t\r\n"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class NotAPackage(ValueError):
    """Not JSON, or not an object."""


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def _string_units(text: str, i: int) -> list:
    """The decoded units [(char, raw start, raw end)] of the string at text[i]."""
    units, i = [], i + 1
    while text[i] != '"':
        if text[i] == "\\":
            if text[i + 1] == "u":
                code, width = int(text[i + 2:i + 6], 16), 6
                low = int(text[i + 8:i + 12], 16) if 0xD800 <= code < 0xDC00 and text[i + 6:i + 8] == "\\u" else 0
                if 0xDC00 <= low < 0xE000:  # a surrogate pair (a high one before anything else stays alone, as in json)
                    code, width = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 12
                units.append((chr(code), i, i + width))
                i += width
            else:
                units.append((_ESCAPES[text[i + 1]], i, i + 2))
                i += 2
        else:
            units.append((text[i], i, i + 1))
            i += 1
    return units


def _encode(new: str) -> str:
    if not new:
        raise Unencodable("empty")
    return json.dumps(new, ensure_ascii=False)[1:-1]


def _members(text: str, i: int):
    """(key, value start, value end) of the object starting at text[i]."""
    decoder = json.JSONDecoder()
    i = _skip(text, i + 1)
    while text[i] != "}":
        key, i = json.decoder.scanstring(text, i + 1)
        i = _skip(text, _skip(text, i) + 1)  # past ':'
        _, end = decoder.raw_decode(text, i)
        yield key, i, end
        i = _skip(text, end)
        if text[i] == ",":
            i = _skip(text, i + 1)


def json_places(text: str, where_of):
    """One place per script (`where_of(name)` says where it runs); NotAPackage when the text is not a JSON object."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise NotAPackage(f"is not valid JSON ({getattr(exc, 'msg', 'unreadable')})") from None
    if not isinstance(data, dict):
        raise NotAPackage("does not hold a JSON object")
    if not isinstance(data.get("scripts"), dict):
        return
    start = _skip(text, 0)
    scripts = [(s, e) for key, s, e in _members(text, start) if key == "scripts"][-1]  # JSON: the last one wins
    for name, value, _ in _members(text, scripts[0]):
        if text[value] != '"':
            continue
        units = _string_units(text, value)
        script = "".join(u[0] for u in units)
        if "amplify" in script:
            yield Place(text=script, starts=[u[1] for u in units], ends=[u[2] for u in units], where=where_of(name),
                        encode=_encode)  # no marker: JSON has no comments
