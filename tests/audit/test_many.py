"""`audit DIR...`: many projects at once (a folder of clones, an org checkout): one summary table (project,
resources, worst verdict, counts by level), then each project's report; built on every core."""

from __future__ import annotations

import json

from amplify_shim.audit import many, report

from .helpers import FIXTURES, run

PROJECTS = ("todo-react-datastore", "gallery-s3-hosting", "unknown-and-missing")


def test_one_summary_table_then_each_report():
    done = run(*(str(FIXTURES / name) for name in PROJECTS))
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == "Gen 1 migration audit: 3 projects"
    assert lines[1].split()[:3] == ["Project", "Resources", "Worst"]
    rows = {line.split()[0]: line for line in lines[2:5]}
    assert set(rows) == set(PROJECTS)
    assert rows["unknown-and-missing"].split()[1:6] == ["4", "not", "recognised:", "check", "by"]
    assert done.stdout.count("Gen 1 migration audit: /") == 3  # then every project's own report


def test_the_summary_counts_are_the_reports_counts():
    done = run(*(str(FIXTURES / name) for name in PROJECTS), "--json")
    data = json.loads(done.stdout)
    assert [p["root"] for p in data["projects"]] == [str(FIXTURES / name) for name in PROJECTS]
    for row, project in zip(data["summary"], data["projects"]):
        assert row["counts"] == project["counts"] and row["resources"] == len(project["resources"])
        assert row["verdict"] == project["verdict"]
    assert [row["worst"] for row in data["summary"]] == ["unsupported", "unsupported", "not recognised: check by hand"]


def test_markdown_has_the_summary_table():
    done = run(*(str(FIXTURES / name) for name in PROJECTS), "--markdown")
    assert done.stdout.startswith("## Amplify Gen 1 → Gen 2 migration audit: 3 projects\n")
    assert "| unknown-and-missing | 4 | not recognised: check by hand |" in done.stdout


def test_fail_on_fails_when_any_project_fails():
    clean = [str(FIXTURES / "todo-react-datastore")]
    assert run(*clean, "--fail-on", "unsupported").returncode == 1  # DataStore: unsupported
    done = run(str(FIXTURES / "partial-project"), str(FIXTURES / "unknown-and-missing"), "--fail-on", "unsupported")
    assert done.returncode == 1


def test_a_project_named_twice_is_audited_once():
    root = str(FIXTURES / "gallery-s3-hosting")
    done = run(root, root + "/amplify")
    assert done.stdout.startswith("Gen 1 migration audit: /")  # one project: its report alone


def test_the_reports_are_built_on_a_process_pool_and_match_the_serial_ones(monkeypatch):
    import concurrent.futures

    made = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(*args, **kwargs):
        made.append(kwargs.get("max_workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    roots = [str(FIXTURES / name) for name in PROJECTS]
    assert many.reports(roots) == [report(root) for root in roots]
    assert made and made[0] >= 1


def test_the_summary_stacks_on_a_narrow_terminal_and_stays_a_table_when_piped():
    rows = many.summary([report(str(FIXTURES / name)) for name in PROJECTS], str(FIXTURES))
    piped = many.plain(rows).splitlines()
    assert piped[1].split()[:3] == ["Project", "Resources", "Worst"] and max(map(len, piped)) > 80
    for width in (60, 80):
        lines = many.plain(rows, width).splitlines()
        assert max(map(len, lines)) <= width, lines
        assert [line for line in lines if not line.startswith(" ")][1:] == list(PROJECTS)
        block = lines[lines.index("unknown-and-missing") + 1:]
        said = " ".join(line.strip() for line in block)
        assert said.startswith("4 resources; worst: not recognised: check by hand;")
        # every count that is not zero, none that is
        counts = rows[2]["counts"]
        assert all((f"{many.LABELS[s]} {n}" in said) == (n > 0) for s, n in counts.items())
