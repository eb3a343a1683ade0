"""The quota table (附件1) as Excel: written in the official layout, read back with the
variants hand-made tables have (spaces in names, full-width digits, blank rows, a 合计)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError
from jzdesk.io.workbook import read_workbook

HEADER = ("单位", "“五送”活动场次")
TITLE_LINES = ("{year}年“中国梦·劳动美·工会情”", "文化活动进基层任务分解表")


@dataclass(frozen=True)
class QuotaLine:
    row: int
    name: str
    quota: int


def write_quota_table(year: int, lines: list[tuple[str, int]], path: Path) -> None:
    """附件1 for ``year``: a title, 单位 | “五送”活动场次, one line per unit, 合计."""
    from openpyxl import Workbook

    from jzdesk.io.xlsx_cells import CellMaker, page_setup

    book = Workbook(write_only=True)
    ws = book.create_sheet("任务分解表")
    make = CellMaker(ws)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 22
    page_setup(ws)
    ws.page_setup.orientation = "portrait"
    for row, text in enumerate(TITLE_LINES, start=1):
        ws.merged_cells.add(f"A{row}:B{row}")
        ws.row_dimensions[row].height = 26  # the 16-point title, not clipped
        ws.append([make(text.format(year=year), "title")])
    ws.append([make(label, "header") for label in HEADER])
    for name, quota in lines:
        ws.append([make(name, "text"), make(quota, "number")])
    # A formula: a clerk who changes one quota in WPS sees the total follow. (openpyxl
    # cannot store its value; Excel, WPS and LibreOffice work it out on opening.)
    first = len(TITLE_LINES) + 2
    total = make.formula(f"=SUM(B{first}:B{first + len(lines) - 1})", "total")
    ws.append([make("合计", "total"), total if lines else make(0, "total")])
    book.properties.title = TITLE_LINES[0].format(year=year) + TITLE_LINES[1]
    book.properties.creator = "jzdesk"
    book.save(path)


_TOTAL = {"合计", "总计"}


def read_quota_table(path: Path) -> tuple[int | None, list[QuotaLine]]:
    """(the year named in the title, the unit lines) of a 附件1 file.

    Raises:
        KnownError: unsafe or unreadable file, no 单位/场次 header, a line that cannot be
            read (every one is named), or a 合计 that is not the sum of the lines.
    """
    path = Path(path)
    ws = read_workbook(path)[0]
    header_row, name_column, quota_column = _find_header(ws)
    if header_row is None:
        raise KnownError(f"文件 {path.name} 中找不到任务分解表的表头（“单位”和“五送”活动场次）")
    title = " ".join(
        str(ws.value(r, c))
        for r in range(1, header_row)
        for c in range(1, ws.max_column + 1)
        if ws.value(r, c)
    )
    years = re.findall(r"(20\d\d)\s*年", normalize(title))
    lines, problems, total = [], [], None
    for r in range(header_row + 1, ws.max_row + 1):
        name, quota = ws.value(r, name_column), ws.value(r, quota_column)
        if name is None and quota is None:
            continue
        clean = normalize(str(name or ""))
        if clean in _TOTAL:
            total = (r, quota)
            break
        if not clean:
            problems.append(f"第 {r} 行：没有填写单位")
            continue
        number = _number(quota)
        if number is None:
            negative = normalize(str(quota or "")).startswith("-")
            what = "不能为负数" if negative else "不是整数"
            problems.append(f"第 {r} 行“{clean}”：场次“{quota}”{what}")
            continue
        lines.append(QuotaLine(r, clean, number))
    # A 合计 is checked against the lines: typed, or a formula's value as the office program
    # that saved the file worked it out. A formula no program has worked out yet (our own
    # export, never opened) has no value, and so nothing to disagree with.
    if total is not None and total[1] is not None and not problems:
        written = _number(total[1])
        if written is None or written != sum(line.quota for line in lines):
            problems.append(
                f"第 {total[0]} 行（合计）：合计写的是 {total[1]}，"
                f"各单位相加是 {sum(line.quota for line in lines)}"
            )
    if problems:
        raise KnownError(
            f"文件 {path.name} 有 {len(problems)} 处无法读取，未导入：\n" + "\n".join(problems)
        )
    if not lines:
        raise KnownError(f"文件 {path.name} 的任务分解表中没有单位")
    return (int(years[0]) if years else None), lines


def _find_header(ws):
    for r in range(1, min(ws.max_row, 20) + 1):
        name_column = quota_column = None
        for c in range(1, min(ws.max_column, 20) + 1):
            text = normalize(str(ws.value(r, c) or ""))
            if text == "单位":
                name_column = c
            elif "场次" in text or "任务" in text:
                quota_column = c
        if name_column and quota_column:
            return r, name_column, quota_column
    return None, None, None


def _number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and value >= 0 else None
    text = normalize(str(value or "")).removesuffix("场")
    return int(text) if text.isdigit() and len(text) <= 6 else None
