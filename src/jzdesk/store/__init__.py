"""The SQLite store: opening, migrations, and one query module per concern. No Qt here."""
