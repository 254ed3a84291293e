"""Build tools: importers of the reference documents and the one regeneration command (tools.regen)."""
