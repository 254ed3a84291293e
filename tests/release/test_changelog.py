"""Issue 21: CHANGELOG.md in the Keep a Changelog style, newest release first, its newest
release the package's version; the man pages take that release's date (tests/man)."""

from __future__ import annotations

import datetime
import re

import pytest

from amplify_shim import __version__
from tests.release.project import ROOT, version_tuple
from tools import changelog

# Keep a Changelog's kinds of change
KINDS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def _releases():
    return changelog.releases((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def _dated():
    return [r for r in _releases() if r.version != changelog.UNRELEASED]


def test_the_newest_release_is_the_package_version():
    assert _dated()[0].version == __version__
    assert changelog.release_date(__version__) == _dated()[0].date


def test_releases_are_newest_first_with_iso_dates():
    dated = _dated()
    assert len(dated) >= 2
    versions = [version_tuple(r.version) for r in dated]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    dates = [datetime.date.fromisoformat(r.date) for r in dated]
    assert dates == sorted(dates, reverse=True)


def test_only_the_top_entry_may_be_unreleased():
    names = [r.version for r in _releases()]
    assert changelog.UNRELEASED not in names[1:]
    assert all(r.date == "" for r in _releases() if r.version == changelog.UNRELEASED)


def test_every_release_lists_its_changes_under_keep_a_changelog_kinds():
    for release in _dated():
        assert release.sections, release.version
        assert set(release.sections) <= KINDS, (release.version, set(release.sections) - KINDS)
        for kind, lines in release.sections.items():
            entries = [line for line in lines if line.startswith("- ")]
            assert entries, (release.version, kind)
            # an entry's continuation lines are indented under it
            assert all(line.startswith(("- ", "  ")) for line in lines), (release.version, kind)


def test_a_version_without_an_entry_is_a_clear_error(tmp_path):
    text = "# Changelog\n\n## [1.0.0] - 2026-01-02\n\n### Added\n\n- x\n"
    (tmp_path / "CHANGELOG.md").write_text(text)
    assert changelog.release_date("1.0.0", tmp_path / "CHANGELOG.md") == "2026-01-02"
    with pytest.raises(SystemExit, match=re.escape("## [2.0.0] - YYYY-MM-DD")):
        changelog.release_date("2.0.0", tmp_path / "CHANGELOG.md")
