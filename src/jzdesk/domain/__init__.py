"""The campaign's concepts, free of Qt and SQL: types, periods, units, plans, records, progress."""
