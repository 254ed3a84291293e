"""Issue 21: the package declares Apache-2.0 and ships the license's text (PEP 639).

scripts/release_check.py checks the same in the built sdist and wheels (License-Expression,
License-File, .dist-info/licenses/LICENSE byte for byte)."""

from __future__ import annotations

import hashlib
import re

from tests.release.project import ROOT, pyproject

# The Apache License 2.0 as the Apache Software Foundation distributes it
# (https://www.apache.org/licenses/LICENSE-2.0.txt): 11,358 bytes with this SHA-256. A fact about
# that file, the same in Debian's /usr/share/common-licenses/Apache-2.0 the copy was taken from.
APACHE_2_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"
APACHE_2_SIZE = 11358


def test_license_file_is_the_apache_2_text_verbatim():
    text = (ROOT / "LICENSE").read_bytes()
    assert len(text) == APACHE_2_SIZE
    assert hashlib.sha256(text).hexdigest() == APACHE_2_SHA256
    assert b"Apache License\n                           Version 2.0, January 2004" in text


def test_metadata_declares_the_license_by_spdx_expression_and_file():
    project = pyproject()["project"]
    assert project["license"] == "Apache-2.0"
    assert project["license-files"] == ["LICENSE"]
    # PEP 639: an SPDX expression replaces the License :: classifiers (a build refuses both).
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]


def test_the_build_backend_writes_pep_639_metadata():
    """hatchling writes License-Expression/License-File from 1.27 on."""
    (hatchling,) = [r for r in pyproject()["build-system"]["requires"] if r.startswith("hatchling")]
    floor = re.fullmatch(r"hatchling>=(\d+)\.(\d+)(?:\.\d+)?", hatchling)
    assert floor and (int(floor[1]), int(floor[2])) >= (1, 27), hatchling
