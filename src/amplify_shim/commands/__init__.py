"""The data behind the management CLI's commands: one module per verb, no display, no typer app."""
