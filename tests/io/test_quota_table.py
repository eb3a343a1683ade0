"""附件1 as Excel: the official layout out, hand-made variants in, every change audited."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from jzdesk.errors import KnownError
from jzdesk.store import plans
from jzdesk.usecases import planning, progress


def quotas(db, year):
    return {e.unit_code: e.quota for e in plans.plan_entries(db, year)}


def test_export_has_the_official_layout_and_reads_back(db, tmp_path):
    path = planning.export_quota_table(db, 2021, tmp_path / "fj1.xlsx")
    ws = load_workbook(path).active
    assert (
        ws["A1"].value == "2021年“中国梦·劳动美·工会情”"
        and ws["A2"].value == "文化活动进基层任务分解表"
    )
    assert [ws["A3"].value, ws["B3"].value] == ["单位", "“五送”活动场次"]
    assert [ws["A4"].value, ws["B4"].value] == ["沁阳市总工会", 50]
    assert [ws["A20"].value, ws["B20"].value] == ["合计", "=SUM(B4:B19)"]
    result = planning.import_quota_table(db, path)
    assert (result.year, result.changed, result.unchanged) == (2021, 0, 16)


def hand_made(path, rows, title="2022年“中国梦·劳动美·工会情”文化活动进基层任务分解表"):
    book = Workbook()
    ws = book.active
    ws.append([title])
    ws.append([])
    ws.append(["单  位", "“五送”活动场次"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_a_hand_made_table_for_a_new_year(db, tmp_path):
    rows = [
        ["沁 阳 市总工会", "６０"],
        [None, None],
        ["孟州市总工会", 55],
        ["示范区工会", "12"],
        ["合 计", 127],
    ]
    result = planning.import_quota_table(db, hand_made(tmp_path / "2022.xlsx", rows))
    assert result.created and result.year == 2022 and result.changed == 3
    got = quotas(db, 2022)
    assert (got["qinyang"], got["mengzhou"], got["shifanqu"], got["boai"]) == (60, 55, 12, 50)
    assert "博爱县总工会" in result.not_in_file
    minimums = db.execute("SELECT COUNT(*) FROM plan_minimums WHERE year = 2022").fetchone()[0]
    assert minimums == 13  # copied from 2021, as a new year starts
    log = plans.audit_log(db, 2022)
    assert [(e["unit_code"], e["old"], e["new"]) for e in log][:2] == [
        ("qinyang", "50", "60"),
        ("mengzhou", "50", "55"),
    ]
    assert progress.progress_report(db, year=2022).quota == 510 + 10 + 5 + 2


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ([["沁阳市总工会", 50], ["合计", 60]], "合计写的是 60，各单位相加是 50"),
        ([["沁阳市总工会", "五十"]], "第 4 行“沁阳市总工会”：场次“五十”不是整数"),
        ([["洛阳市总工会", 50]], "第 4 行：填报单位“洛阳市总工会”不在单位名单中"),
        ([["沁阳", 50], ["沁阳市总工会", 40]], "第 5 行：沁阳市总工会出现了两次"),
    ],
)
def test_unreadable_tables_are_refused_with_the_row_named(db, tmp_path, rows, words):
    before = quotas(db, 2021)
    with pytest.raises(KnownError) as caught:
        planning.import_quota_table(
            db, hand_made(tmp_path / "bad.xlsx", rows, title="2021年任务分解表")
        )
    assert words in caught.value.message
    assert quotas(db, 2021) == before and plans.audit_log(db, 2021) == []


def test_cli_quota_export_and_import(run_cli, tmp_path):
    path = tmp_path / "fj1.xlsx"
    assert run_cli("quota", "export", str(path)).code == 0
    book = load_workbook(path)
    book.active["B4"] = 55
    book.active["B20"] = 515
    book.save(path)
    result = run_cli("quota", "import", str(path))
    assert result.code == 0 and "修改 1 个单位" in result.out
    assert run_cli("quota", "import", str(path), "--year", "2023").code == 1
    assert run_cli("quota").code == 2
