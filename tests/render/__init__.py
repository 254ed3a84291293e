"""Tests for amplify_shim.render."""
