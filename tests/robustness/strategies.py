"""Hypothesis strategies for Gen 1 command lines: real words, real flags, and junk."""

from __future__ import annotations

import os

from hypothesis import settings
from hypothesis import strategies as st

from amplify_shim.gen1 import surface

# CI runs a few thousand examples; scripts/fuzz.sh runs 10,000.
EXAMPLES = int(os.environ.get("AMPLIFY_SHIM_FUZZ_EXAMPLES", "2000"))
settings.register_profile("amplify-shim", deadline=None, derandomize=os.environ.get("AMPLIFY_SHIM_FUZZ_RANDOM") != "1",
                          print_blob=True)
settings.load_profile("amplify-shim")

COMMAND_WORDS = sorted({w for k in surface.spellings() for w in k} | {"sandbox", "generate", "outputs", "pipeline-deploy",
                                                                     "gen2-migration", "help", "h"})
FLAGS = sorted({n for c in surface.commands() for f in c.flags for n in (f.name, f.alias, *f.other_names) if n})
NASTY = ["$(touch pwned)", "`id`", "; rm -rf ~", "&& curl x", "a\nb", "--", "-", "", " ", "'", '"', "\\", "*", "~",
         "{a,b}", "%PATH%", "!!", "$HOME", "é", "日本", "🚀", "\u2014envName", "\u2013y", "-yes", "--y", "=",
         "--appId=", "--amplify={", "file://", "file:///nonexistent/x.json", '{"appId":', '{"appId": "d1", "envName": 7}',
         "[]", "null", "{}", '{"awscloudformation": {"useProfile": true, "profileName": 3}}']


def _surrogate_text():
    """Bytes that are not UTF-8, as Python gives them in argv (surrogateescape); never NUL."""
    return st.binary(min_size=1, max_size=12).filter(lambda b: b"\0" not in b).map(
        lambda b: b.decode("utf-8", errors="surrogateescape"))


TOKEN = st.one_of(
    st.sampled_from(COMMAND_WORDS),
    st.sampled_from(FLAGS),
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=30),
    st.text(alphabet="ab-", min_size=3000, max_size=5000),
    _surrogate_text(),
)
ARGV = st.lists(TOKEN, max_size=8)
