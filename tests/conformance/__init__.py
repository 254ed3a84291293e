"""Conformance tests: argv lists checked by the real ampx parser (see README.md)."""
