"""What the Gen 1 CLI was: its command surface, how it read a command line, and the table."""
