"""`python -m amplify_shim` is `amplify-shim`."""

import sys

from .cli import main

sys.exit(main())
