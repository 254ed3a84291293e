"""Generators: files derived from the package's data (completion scripts, ...).

Nothing on the hot path imports this package: generators read the command
table, and nothing reads the generators.
"""
