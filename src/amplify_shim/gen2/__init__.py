"""What the Gen 2 CLI (ampx) accepts, from the committed ampx.json."""
