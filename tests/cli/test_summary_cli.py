"""export-sheet --summary: the city's summary for a period or up to a date, with its 校验码."""

from __future__ import annotations

from openpyxl import load_workbook


def add(run_cli, day: str, sessions: str) -> None:
    result = run_cli(
        "add-event", "--unit", "沁阳", "--date", day, "--type", "文艺", "--sessions", sessions
    )
    assert result.code == 0, result.err


def cells_of(path, name: str) -> list:
    ws = load_workbook(path)["汇总表"]
    return next(list(row) for row in ws.iter_rows(values_only=True) if row[0] == name)


def test_summary_up_to_a_date_prints_the_code_on_stderr(run_cli, tmp_path):
    add(run_cli, "2021-02-01", "3")
    add(run_cli, "2021-05-20", "2")
    out = tmp_path / "to-may.xlsx"
    result = run_cli("export-sheet", "--summary", "--as-of", "2021-05-15", "--out", str(out))
    assert result.code == 0, result.err
    ws = load_workbook(out)["汇总表"]
    assert ws["A3"].value == "（2021年1月1日至2021年5月15日）"
    assert "填报单位（盖章）：焦作市总工会" in ws["A4"].value
    assert cells_of(out, "沁阳市总工会")[7:9] == [3, 3]  # 20 May is after the day
    code = result.err.removeprefix("校验码：").strip()
    assert ws.oddFooter.left.text == f"校验码：{code}"
    quarter = tmp_path / "q2.xlsx"
    assert (
        run_cli("export-sheet", "--summary", "--period", "2021Q2", "--out", str(quarter)).code == 0
    )
    assert cells_of(quarter, "沁阳市总工会")[7:9] == [2, 5]  # 本期场次, 本年累计场次


def test_summary_needs_one_period_and_a_unit_sheet_no_as_of(run_cli, tmp_path):
    out = str(tmp_path / "s.xlsx")
    both = run_cli(
        "export-sheet", "--summary", "--period", "2021", "--as-of", "2021-05-01", "--out", out
    )
    assert both.code == 2 and "--period 或 --as-of 其中之一" in both.err
    neither = run_cli("export-sheet", "--summary", "--out", out)
    assert neither.code == 2 and "其中之一" in neither.err
    unit = run_cli("export-sheet", "--unit", "沁阳", "--as-of", "2021-05-01", "--out", out)
    assert unit.code == 2 and "--as-of 只用于 --summary" in unit.err
    bad = run_cli("export-sheet", "--summary", "--as-of", "2021-02-30", "--out", out)
    assert bad.code == 1 and "2021年2月没有30日" in bad.err
