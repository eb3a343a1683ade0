"""The generated form modules match their Designer sources in forms/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "tools" / "compile_forms.py")
compile_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_forms)


def code_lines(text: str) -> list[str]:
    """Generated code without pyside6-uic's header comments (they name its version)."""
    return [line for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("source", sorted((ROOT / "forms").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_up_to_date(source):
    target = compile_forms.target_of(source)
    assert target.exists(), f"run python tools/compile_forms.py to generate {target.name}"
    assert code_lines(target.read_text(encoding="utf-8")) == code_lines(
        compile_forms.compile_form(source)
    ), f"{target.name} is stale: run python tools/compile_forms.py"


def test_uic_is_found_on_windows_without_a_script_launcher(tmp_path):
    """On Windows there is no pyside6-uic beside python.exe (all the form tests failed
    there): PySide6's uic.exe is called directly, as its wrapper does."""
    (tmp_path / "uic.exe").write_bytes(b"")
    assert compile_forms.uic_command(tmp_path, "win32") == [
        str(tmp_path / "uic.exe"),
        "-g",
        "python",
    ]
    assert Path(compile_forms.uic_command()[0]).is_file()
