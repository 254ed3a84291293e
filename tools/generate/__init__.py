"""Build tools: the files derived from the package's data (completion scripts, man pages, the
README's generated blocks and docs/commands.md). `python -m tools.regen` runs them all.

They live outside the package: the installed program never imports them. They read the command
table (and the amplify-shim typer app, for its own options); nothing reads the generators.
"""
