"""amplify-shim: Amplify Gen 1 command lines in, Gen 2 plans out.

Kept import-free: the `amplify` fast path imports this package first.
"""

__version__ = "0.1.0"
