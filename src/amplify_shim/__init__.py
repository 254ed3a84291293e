"""amplify-shim: Amplify Gen 1 command lines in, Gen 2 plans out.

Kept import-free: the `amplify` fast path imports this package first.
"""

# The one place the version is written: the build reads it (pyproject's [tool.hatch.version]),
# and the man pages print it with its release date from CHANGELOG.md (tools/generate/man.py).
__version__ = "0.2.0"
