"""Fixtures for the end-to-end tests live in fixtures.py so other suites can use them."""

from .fixtures import amplify_bin, env, gen1_project, gen2_project, shim_bin, stubs  # noqa: F401
