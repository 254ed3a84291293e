"""Rendering plans as text: shell quoting per shell (`render.shell`, standard library only)."""
