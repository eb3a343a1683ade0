"""The house's rules, checked by a tool rather than by review: the import-linter contracts in
pyproject.toml (layers, and who may import Qt, SQLite and the file libraries)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_import_contract_is_kept(capsys):
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert status == 0, report
    assert "0 broken" in report
