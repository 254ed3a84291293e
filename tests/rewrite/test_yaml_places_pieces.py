"""A CI YAML file too long for the grammar (rewrite/yaml_places.py reads it in pieces: past 32,767 rows the YAML
scanner's row counter wraps): each piece is cut at the outermost keys or list items and read with the key it is
under, and the rewritten file is the one the whole file would give. The limits are made small here, so the same
code cuts files of a few lines."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite import yaml_places
from amplify_shim.rewrite.yaml_places import _line_starts, _outer_indent, _pieces
from tests.rewrite.helpers import rewrite

P = "amplify pull --appId d1 --envName dev"

GITLAB = f"""# deploy the backend
stages: [deploy]
variables:
  A: "1"

deploy:
  stage: deploy
  script:  # the steps: in order
    - echo start
    - {P}
    - amplify push --yes
    - echo 'amplify status'
  after_script: amplify status
"quoted": x
'build':
  script: {P}
flow:
  script:
    [{P}, echo ok]
  after_script:
    - {{[{P}]}}
"""

WORKFLOW = f"""name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # pull first
      - run: {P}
      - name: push
        shell: pwsh
        run: amplify push --yes --profile "it's"
      - shell: python
        run: {P}
      - run: |
          echo a
          {P}
"""

BUILDSPEC = f"""version: 1
backend:
  phases:
    preBuild:
      commands:
        - npm ci
        - {P}
    build:
      commands:
        - amplifyPush --simple
frontend:
  phases:
    build:
      commands: [npm run build, "{P}"]
"""

DOCS = [(".gitlab-ci.yml", GITLAB), (".github/workflows/deploy.yml", WORKFLOW), ("amplify.yml", BUILDSPEC)]


def _shown(result):
    new, findings = result
    return new, [(f.line, f.status, f.old, f.new, f.reason) for f in findings]


@pytest.mark.parametrize("name, text", DOCS + [(name, text.replace("\n", "\r\n")) for name, text in DOCS]
                         + [(".gitlab-ci.yml", "---\n" + GITLAB + "---\n" + GITLAB)],
                         ids=["gitlab", "workflow", "buildspec", "gitlab-crlf", "workflow-crlf", "buildspec-crlf",
                              "two-documents"])
@pytest.mark.parametrize("rows, batch", [(2, 1), (3, 2), (5, 3)], ids=["rows2", "rows3", "rows5"])
def test_a_file_read_in_pieces_is_rewritten_as_the_whole_file_is(monkeypatch, name, text, rows, batch):
    whole = _shown(rewrite(name, text))
    assert [status for _, status, *_ in whole[1]].count("rewritten") >= 2
    monkeypatch.setattr(yaml_places, "_ROWS", rows)
    monkeypatch.setattr(yaml_places, "_BATCH", batch)
    assert _shown(rewrite(name, text)) == whole


def _regions(text, pieces):
    return [(text[a:b], owner) for (a, b), owner in pieces]


def test_a_mapping_is_cut_at_each_outermost_key_the_first_piece_from_the_start():
    assert _regions(GITLAB, _pieces(GITLAB, (0, len(GITLAB)), None)) == [
        ("# deploy the backend\nstages: [deploy]\n", None),
        ('variables:\n  A: "1"\n\n', None),
        (GITLAB[GITLAB.index("deploy:\n"):GITLAB.index('"quoted"')], None),
        ('"quoted": x\n', None),
        (f"'build':\n  script: {P}\n", None),
        (GITLAB[GITLAB.index("flow:"):], None)]


def test_one_key_is_cut_to_its_value_under_that_key():
    for key, name in (("jobs", "jobs"), ("'jobs'", "jobs"), ('"jobs"', "jobs"), ("Xjobs", "Xjobs")):
        text = f"{key}:  # the jobs: all of them\n  a:\n    script: x\n  b:\n    script: y\n"
        start = text.index("\n") + 1
        assert _pieces(text, (0, len(text)), "outer") == [((start, len(text)), name)]
    assert _pieces("jobs:\n\n", (0, 7), None) == [((6, 7), "jobs")]  # one character under it
    assert _pieces("jobs:\n", (0, 6), None) is None  # nothing under it
    assert _pieces("jobs: x", (0, 7), None) is None  # no line after it


def test_a_list_is_cut_in_batches_of_items_under_the_same_key(monkeypatch):
    monkeypatch.setattr(yaml_places, "_BATCH", 2)
    text = "  # items\n  - a\n  - b\n    c: d\n  - e\n  - f\n  - g\n"
    assert _regions(text, _pieces(text, (0, len(text)), "script")) == [
        ("  # items\n  - a\n  - b\n    c: d\n", "script"), ("  - e\n  - f\n", "script"), ("  - g\n", "script")]
    monkeypatch.setattr(yaml_places, "_BATCH", 500)  # one batch is the region itself: it cannot be cut
    assert _pieces(text, (0, len(text)), "script") is None
    inner = text.index("  - b")
    assert _pieces(text, (inner, len(text)), "script") is None


def test_a_region_inside_a_file_is_cut_from_its_own_start():
    text = "top:\n  a: 1\n  b: 2\nnext: 3\n"
    start, end = text.index("  a"), text.index("next")
    assert _regions(text, _pieces(text, (start, end), "top")) == [("  a: 1\n", "top"), ("  b: 2\n", "top")]


def test_a_region_of_blank_lines_and_comments_cannot_be_cut():
    assert _pieces("# a\n\n  # b\n", (0, 11), None) is None


@pytest.mark.parametrize("text, indent", [
    ("a: 1\n", 0),
    ("    a: 1\n  b: 2\n      c: 3\n", 2),
    ("# x\n    a: 1\n\n   b\n", 3),
    ("  - a\n  -b\n", 2),
    (" a: 1\nb: 2\n", 0),  # a line at 1, then one at 0
    ("a: 1\n {0,-1}: 2\n", 0),  # (a line that spells the braces of the search's own pattern: 0 is the least)
    ("  a\r\n # c\r\n   b\r\n", 2),
    (" " * 199 + "a\n", 199),
    (" " * 200 + "a\n", None),  # 200 spaces or more: not looked for
    ("# only\n\n   # comments\n", None),
    ("", None),
], ids=["zero", "one-then-zero", "braces", "least-later", "comment-at-zero", "list", "crlf", "199", "200", "comments", "empty"])
def test_the_outer_indent_is_the_least_of_lines_that_hold_something(text, indent):
    assert _outer_indent(text, 0, len(text)) == indent


def test_the_outer_indent_of_a_region_reads_only_that_region():
    text = "a: 1\n    b: 2\n      c: 3\nd: 4\n"
    start, end = text.index("    b"), text.index("d:")
    assert _outer_indent(text, start, end) == 4
    assert _outer_indent(text, start + 2, end) == 6  # only the lines that start inside the region count


def test_line_starts_are_the_lines_of_the_region_that_begin_with_the_pattern():
    text = "a\n b\nc\n  d\ne"
    assert _line_starts("[a-z]", text, 0, len(text)) == [0, 5, 11]
    assert _line_starts("[a-z]", text, 0, len(text), first=True) == [0]
    assert _line_starts("[a-z]", text, 1, len(text)) == [5, 11]  # 1 is no line start
    assert _line_starts("[a-z]", text, 1, len(text), first=True) == [5]
    assert _line_starts("[a-z]", text, 2, 8) == [5]  # the region ends before `e`; 2 is ` b`
    assert _line_starts("[a-z]", text, 2, 4, first=True) == []
    assert _line_starts(" [a-z]", text, 2, len(text), first=True) == [2]
    assert _line_starts("[a-z]", text, 5, 6) == [5]
    assert _line_starts("[a-z]", text, 5, 5) == []  # an empty region holds no line
    assert _line_starts("[a-z]", text, 11, 12) == [11]


BROKEN = (f"build:\n  script:\n    - {P}\ndeploy:\n  script:\n    - echo ok\n    - {P}\n    - [{P}\n"
          f"last:\n  script: {P}\n")


def test_a_long_file_the_grammar_cannot_read_whole_is_read_in_pieces_and_only_the_bad_piece_is_left(monkeypatch):
    why = "the YAML grammar cannot read this file: nothing here is changed; convert it by hand"
    new, findings = rewrite(".gitlab-ci.yml", BROKEN)  # short: read whole, so none of it is read
    assert (new, [(f.line, f.status) for f in findings]) == (BROKEN, [(n, "not-converted") for n in (3, 7, 8, 10)])
    monkeypatch.setattr(yaml_places, "_SPLIT_ABOVE", 10)
    monkeypatch.setattr(yaml_places, "_BATCH", 1)  # (each list item a piece of its own, under the key `script`)
    new, findings = rewrite(".gitlab-ci.yml", BROKEN)
    g2 = "npx ampx generate outputs --branch dev --app-id d1"
    assert new == BROKEN.replace(f"- {P}", f"- {g2}").replace(f"script: {P}", f"script: {g2}")
    assert [(f.line, f.status, f.reason) for f in findings] == [(3, "rewritten", None), (7, "rewritten", None),
                                                                (8, "not-converted", why), (10, "rewritten", None)]


def test_a_file_no_longer_than_the_limit_is_not_cut(monkeypatch):
    monkeypatch.setattr(yaml_places, "_SPLIT_ABOVE", len(BROKEN))
    assert [f.status for f in rewrite(".gitlab-ci.yml", BROKEN)[1]] == ["not-converted"] * 4


@pytest.mark.parametrize("rows", [GITLAB.count("\n"), 6], ids=["at-the-limit", "small"])
def test_a_document_at_the_row_limit_is_cut_before_the_grammar_reads_any_of_it(monkeypatch, rows):
    text = f"before_script: {P}\n" + GITLAB  # (its first piece starts the file)
    rows += 1
    whole = _shown(rewrite(".gitlab-ci.yml", text))
    assert whole[1][0][:2] == (1, "rewritten")
    read, real = [], yaml_places.parse

    def counted(name, body):
        read.append(body.count("\n"))
        return real(name, body)
    monkeypatch.setattr(yaml_places, "parse", counted)
    monkeypatch.setattr(yaml_places, "_ROWS", rows)
    assert _shown(rewrite(".gitlab-ci.yml", text)) == whole
    assert read and max(read) < rows  # each piece the grammar reads is under the limit
    assert sum(read) <= text.count("\n")  # and each line is read once
