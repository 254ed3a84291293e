"""package.json's reader (rewrite/scan_json.py) on the JSON a person or a tool may write: every escape decoded
as json.loads decodes it, each character mapped back to its exact bytes, the last "scripts" key the one that
counts, and nothing but the top-level scripts read."""

from __future__ import annotations

import json

import pytest

from amplify_shim.rewrite.places import Unencodable
from amplify_shim.rewrite.scan_json import NotAPackage, json_places
from tests.rewrite.helpers import rewrite


def _places(text: str) -> list:
    return list(json_places(text, lambda name: name))  # where_of: the script's name, to see which is which


def _spans(text: str, place) -> list:
    """The file text each decoded character comes from."""
    return [text[s:e] for s, e in zip(place.starts, place.ends)]


@pytest.mark.parametrize("escaped, decoded", [
    ('\\"', '"'), ("\\\\", "\\"), ("\\/", "/"), ("\\b", "\b"), ("\\f", "\f"), ("\\n", "\n"), ("\\r", "\r"),
    ("\\t", "\t"), ("\\u00e9", "é"), ("\\u00E9", "é"), ("é", "é"), ("\\ud83d\\ude00", "😀"),
    ("\\ud83d", "\ud83d"), ("\\ud83d\\u0041", "\ud83dA"), ("\\udc00\\udc00", "\udc00\udc00"),
    ("\\ud800\\udc00", "\U00010000"), ("\\udbff\\udfff", "\U0010ffff"), ("\\ud7ff\\udc00", "\ud7ff\udc00"),
    ("\\ud83d\\udbff", "\ud83d\udbff"), ("\\ud83d\\ue000", "\ud83d\ue000"),
])
def test_each_escape_decodes_as_json_does_and_maps_back_to_its_bytes(escaped, decoded):
    text = '{"scripts": {"deploy": "x' + escaped + ' amplify push"}}'
    [place] = _places(text)
    assert place.text == json.loads(text)["scripts"]["deploy"] == "x" + decoded + " amplify push"
    spans = _spans(text, place)
    assert spans[0] == "x" and "".join(spans) == "x" + escaped + " amplify push"
    assert len(spans) == len(place.text)


def test_a_surrogate_pair_is_one_character_of_twelve_bytes():
    text = '{"scripts": {"a": "\\ud83d\\ude00amplify push"}}'
    [place] = _places(text)
    at = text.index("\\ud83d")
    assert (place.starts[0], place.ends[0], place.starts[1]) == (at, at + 12, at + 12)


def test_each_script_is_a_place_named_by_its_key_and_only_where_amplify_stands():
    text = ('{"name": "amplify push", "scripts": {"build": "tsc", "deploy": "amplify push", "n": 1, "l": ["amplify push"],'
            ' "o": {"x": "amplify push"}, "z": null, "pull": "amplify pull"}, "config": {"amplify": "amplify push"}}')
    places = _places(text)
    assert [(p.where, p.text) for p in places] == [("deploy", "amplify push"), ("pull", "amplify pull")]
    assert all(p.marker is None for p in places)  # JSON has no comments


def test_compact_json_as_tools_write_it():
    text = '{"name":"x","scripts":{"a":"amplify pull","b":"amplify push"},"private":true}'
    assert [(p.where, text[p.starts[0]:p.ends[-1]]) for p in _places(text)] == [("a", "amplify pull"), ("b", "amplify push")]


def test_the_last_scripts_key_is_the_one_json_reads():
    text = '{"scripts": {"a": "amplify pull"}, "scripts": {"b": "amplify push"}}'
    assert [(p.where, p.text) for p in _places(text)] == [("b", "amplify push")]


def test_an_escaped_key_is_the_key_it_spells():
    text = '{"scr\\u0069pts": {"d\\u0065ploy": "amplify push"}}'
    [place] = _places(text)
    assert (place.where, place.text) == ("deploy", "amplify push")
    assert text[place.starts[0]:place.ends[-1]] == "amplify push"


def test_any_json_whitespace_between_the_tokens():
    text = '\r\n\t {\r\n\t "name" \t:\n "x" \r,\n\t"scripts"\n:\t{ \n"a"\r\n:\t"amplify push"\n\t,\r\n"b" : "amplify pull" \n}\n}\n'
    places = _places(text)
    assert [(p.where, p.text) for p in places] == [("a", "amplify push"), ("b", "amplify pull")]
    assert [text[p.starts[0]:p.ends[-1]] for p in places] == ["amplify push", "amplify pull"]


def test_an_empty_scripts_object_or_one_that_is_not_an_object_has_no_place():
    for text in ('{"scripts": {}}', '{"scripts": []}', '{"scripts": "amplify push"}', '{}', '{"scripts": {"a": ""}}',
                 '{ "scripts" : { } , "x": "amplify push" }'):
        assert _places(text) == [], text


@pytest.mark.parametrize("text, reason", [
    ('{"scripts": {"a": "amplify push",}}', "is not valid JSON (Expecting property name enclosed in double quotes)"),
    ("", "is not valid JSON (Expecting value)"),
    ('["amplify push"]', "does not hold a JSON object"),
    ('"amplify push"', "does not hold a JSON object"),
    ("[" * 200000 + "]" * 200000, "is not valid JSON (unreadable)"),
])
def test_what_is_not_a_package_says_why(text, reason):
    with pytest.raises(NotAPackage) as caught:
        _places(text)
    assert str(caught.value) == reason


def test_the_new_text_is_written_back_as_json_escapes_only_what_json_must():
    [place] = _places('{"scripts": {"a": "amplify push"}}')
    assert place.encode('npx ampx "x" é\\y\n\t') == 'npx ampx \\"x\\" é\\\\y\\n\\t'
    with pytest.raises(Unencodable, match="^empty$"):
        place.encode("")


def test_a_script_after_escapes_is_rewritten_at_its_exact_bytes():
    text = '{\n  "scripts": {\n    "x": "\\u0041\\ud83d\\ude00\\n",\n    "pull": "echo \\"\\ud83d\\ude00\\" && amplify pull --appId d1 --envName dev"\n  }\n}\n'
    new, findings = rewrite("package.json", text)
    assert new == text.replace("amplify pull --appId d1 --envName dev", "npx ampx generate outputs --branch dev --app-id d1")
    assert [(f.line, f.status) for f in findings] == [(4, "rewritten")]
