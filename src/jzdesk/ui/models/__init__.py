"""Qt table models over the use cases; no SQL here."""
