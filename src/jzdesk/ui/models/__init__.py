"""Qt table models over the services; no SQL here."""
