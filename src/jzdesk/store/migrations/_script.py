"""Running a step's SQL script statement by statement, inside the step's transaction."""

from __future__ import annotations

import sqlite3

import sqlite_utils


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run each statement of ``script`` inside the migration's transaction (executescript
    would commit it)."""
    for statement in split_statements(script):
        db.execute(statement)


def split_statements(script: str) -> list[str]:
    """Split a script on the semicolons that end statements (not those inside triggers)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    return statements
