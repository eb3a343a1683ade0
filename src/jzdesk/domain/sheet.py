"""The statistics sheet (附件2), defined once: its title, header line and columns.

The ledger, the entry form, the Excel and PDF exports and the Excel import all read their
labels and order from here, so a change to the sheet is a change in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from jzdesk.domain.activity_types import ActivityType

TITLE_LINES = ("“中国梦·劳动美·工会情”", "河南工会万场文化活动进基层情况统计表")
TITLE = "".join(TITLE_LINES)

# The header line above the table, in order: label and the RecordFields-free key it fills.
HEADER_FIELDS = (
    ("unit", "填报单位（盖章）"),
    ("filler", "填报人"),
    ("phone", "联系电话"),
    ("filled_on", "填报时间"),
)


@dataclass(frozen=True)
class SheetColumn:
    """One column of the sheet: a key the code uses, the printed label, a width in characters."""

    key: str
    label: str
    width: int
    numeric: bool = False
    activity_type: ActivityType | None = None


COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("number", "序号", 7, numeric=True),
    SheetColumn("date", "活动日期", 12),
    SheetColumn("title", "活动名称（内容）", 34),
    SheetColumn("venue", "活动地点（服务对象）", 26),
    *(
        SheetColumn(kind.value, kind.label, 8, numeric=True, activity_type=kind)
        for kind in ActivityType
    ),
    SheetColumn("audience", "受益职工（人次）", 11, numeric=True),
    SheetColumn("notes", "备注", 18),
)
TYPE_COLUMNS = tuple(column for column in COLUMNS if column.activity_type is not None)
TOTAL_LABEL = "合计"


def row_values(number: int, record) -> list:
    """One record's cells in the order of COLUMNS: numbers as numbers, text as text, and
    the sessions in the column of the record's type (None elsewhere)."""
    f = record.fields
    values: list = []
    for column in COLUMNS:
        if column.key == "number":
            values.append(number)
        elif column.key == "date":
            values.append(f.date.isoformat())
        elif column.activity_type is not None:
            values.append(f.sessions if f.activity_type is column.activity_type else None)
        elif column.key == "audience":
            values.append(f.audience)
        else:
            values.append(getattr(f, column.key))
    return values


def shown(fields) -> tuple:
    """What a printed row shows of a record (date, type, sessions, title, venue, audience,
    notes): all a clerk can correct on paper or in Excel, and all a hand-filled sheet has."""
    return (
        fields.date.isoformat(),
        fields.activity_type.value,
        fields.sessions,
        fields.title,
        fields.venue,
        fields.audience,
        fields.notes,
    )


def totals_of(records) -> dict:
    """The 合计 of ``records`` (ActivityRecord): how many, sessions per type, audience.

    The same figures as the store's totals query (store.record_queries.totals, held equal
    by a test), for rows already in hand: a search whose matches fit in the ledger's first
    page needs no second pass over the table for its 合计.
    """
    sessions = dict.fromkeys(ActivityType, 0)
    for record in records:
        sessions[record.fields.activity_type] += record.fields.sessions
    return {
        "records": len(records),
        "audience": sum(r.fields.audience for r in records),
        "sessions": sessions,
    }


@dataclass(frozen=True)
class SheetData:
    """Everything one unit's sheet for one period shows, gathered before any file is written."""

    unit_name: str
    unit_code: str
    period_label: str
    period_text: str
    filler: str
    phone: str
    filled_on: str
    records: tuple  # ActivityRecord, in sheet order
    year_total: int  # sessions in the plan year up to the period's end
    quota: int | None
    summary: str = ""
    seal: bytes | None = None  # PNG with transparency, printed over 填报单位

    @property
    def totals(self) -> dict:
        """Sessions per type and audience of the rows on the sheet (the 合计 row)."""
        return totals_of(self.records)

    @property
    def progress_line(self) -> str:
        """The line under the table: year-to-date total, quota and completion rate."""
        if not self.quota:
            return f"本年度截至本期末累计完成“五送”活动 {self.year_total} 场。"
        return (
            f"本年度截至本期末累计完成“五送”活动 {self.year_total} 场，全年任务 {self.quota} 场，"
            f"完成率 {self.year_total / self.quota:.1%}。"
        )


# The second worksheet of the program's own export: every field, so it reads back losslessly.
DETAIL_SHEET = "活动明细"
DETAIL_COLUMNS = (
    ("id", "记录编号"),
    ("revision", "版本"),
    ("date", "活动日期"),
    ("type", "类型"),
    ("sessions", "场次"),
    ("title", "活动名称（内容）"),
    ("venue", "活动地点（服务对象）"),
    ("venue_category", "场所类别"),
    ("audience", "受益职工（人次）"),
    ("delivery", "组织方式"),
    ("presenter", "主讲人/演出团队"),
    ("demonstration", "示范性"),
    ("original", "职工原创"),
    ("logo_shown", "展示标识"),
    ("media", "媒体宣传"),
    ("notes", "备注"),
)


def canonical_content(data: SheetData) -> str:
    """The sheet's content in one fixed text form: unit, period, every row, the totals.

    The header fields (filler, phone, date filled) are left out: printing the same data
    again tomorrow must give the same code.
    """
    import json

    rows = [list(shown(r.fields)) for r in data.records]
    totals = data.totals
    content = {
        "unit": data.unit_code,
        "period": data.period_text,
        "rows": rows,
        "totals": {k.value: totals["sessions"][k] for k in ActivityType},
        "audience": totals["audience"],
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def verification_code(data: SheetData) -> str:
    """The 校验码 printed on every page: 12 characters from a SHA-256 of the content,
    e.g. ``K7QF-2M9X-D4TA``. The same data always gives the same code; any change to a
    row, the totals, the unit or the period gives another."""
    return content_code(canonical_content(data))


def content_code(content: str) -> str:
    """The 校验码 of a sheet's content in its fixed text form (the unit sheet's and the
    city summary's alike): the first 12 base-32 letters of its SHA-256, in three groups."""
    import base64
    import hashlib

    digest = hashlib.sha256(content.encode("utf-8")).digest()
    letters = base64.b32encode(digest).decode("ascii")[:12]
    return "-".join(letters[i : i + 4] for i in range(0, 12, 4))


def qr_text(data: SheetData, code: str) -> str:
    """What the sheet's QR code says: enough for the city to match paper and file (unit,
    period, records, sessions, 校验码), e.g. ``JZDESK:QINYANG:2021Q1:R36:S40:5RS5-KD6T-JJPO``.

    Upper-case letters, digits and ``:.-%`` only: every reader shows it alike (text in
    UTF-8 without an ECI marker came out as 36譚｡ for 36条 in zbar), and the QR's compact
    alphanumeric mode keeps its squares large. A unit code outside that is %-escaped.
    """
    total = sum(data.totals["sessions"].values())
    return qr_line(data.unit_code, data.period_text, f"R{len(data.records)}", f"S{total}", code)


def qr_line(subject: str, period_text: str, *counts: str) -> str:
    """``JZDESK:`` and the parts, upper-cased and ``:``-joined, the subject %-escaped: the
    one form of every sheet's QR text (see qr_text)."""
    from urllib.parse import quote

    return ":".join(("JZDESK", quote(subject.upper(), safe="-."), period_text, *counts)).upper()


SUMMARY_TITLE_LINES = ("“中国梦·劳动美·工会情”", "文化活动进基层情况汇总表")
SUMMARY_TITLE = "".join(SUMMARY_TITLE_LINES)
# Which figures are the period's and which the year's so far, said in every head: the
# completion rate is cumulative while the sessions by type and the audience are not.
SUMMARY_HEADERS = (
    "单位",
    "全年任务场次",
    *(f"{k.label}（本期）" for k in ActivityType),
    "本期场次",
    "本年累计场次",
    "完成率（本年累计）",
    "受益职工（本期，人次）",
)
SUMMARY_SUBJECT = "SUMMARY"  # the QR's subject where a unit sheet has the unit's code


@dataclass(frozen=True)
class SummaryData:
    """The city's summary sheet: one row per unit for a period, and a 合计 row, under the
    city's own header line (the same fields, seal and 校验码 as a unit's sheet).

    ``period_report`` counts the period itself; ``year_report`` the year up to the
    period's end, against which the completion rate is reckoned.
    """

    unit_name: str  # the city's, printed as 填报单位
    period_label: str
    period_text: str
    filler: str
    phone: str
    filled_on: str
    period_report: object  # domain.progress.ProgressReport
    year_report: object
    seal: bytes | None = None

    def rows(self) -> list[list]:
        """Cells per unit in SUMMARY_HEADERS order, units with a quota first, then the 合计
        (over those, as in 附件1), then the units without a quota (the city itself)."""
        year_totals = {row.unit.code: row.total for row in self.year_report.units}
        body, extra = [], []
        for row in self.period_report.units:
            year_total = year_totals.get(row.unit.code, 0)
            rate = None if not row.quota else year_total / row.quota
            cells = [
                row.unit.name if row.quota is not None else f"{row.unit.name}（本级）",
                row.quota,
                *(row.done[k] for k in ActivityType),
                row.total,
                year_total,
                rate,
                row.audience,
            ]
            (body if row.quota is not None else extra).append(cells)
        report, year = self.period_report, self.year_report
        total = [
            TOTAL_LABEL,
            report.quota,
            *(report.totals[k] for k in ActivityType),
            report.total,
            year.total,
            year.rate,
            report.audience,
        ]
        return [*body, total, *extra]

    @property
    def note(self) -> str:
        """The line under the table that says which days each kind of figure counts."""
        end = self.year_report.as_of
        return (
            f"注：“本期”为{self.period_label}；“本年累计”为 {end.year} 年 1 月 1 日至 "
            f"{end.month} 月 {end.day} 日，完成率＝本年累计场次÷全年任务场次。"
        )


def summary_content(data: SummaryData) -> str:
    """The summary's figures in one fixed text form: the period and every row's cells
    (rates to four places). Like a unit sheet's, the header fields are left out."""
    import json

    rows = [
        [round(value, 4) if isinstance(value, float) else value for value in cells]
        for cells in data.rows()
    ]
    content = {"summary": data.period_text, "rows": rows}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def summary_code(data: SummaryData) -> str:
    """The summary's 校验码, made as a unit sheet's is (content_code)."""
    return content_code(summary_content(data))


def summary_qr_text(data: SummaryData, code: str) -> str:
    """The summary's QR: period, units with a quota, the period's sessions, the 校验码,
    e.g. ``JZDESK:SUMMARY:2021Q1:U11:S136:K7QF-2M9X-D4TA``."""
    report = data.period_report
    units, sessions = len(report.with_quota), report.total
    return qr_line(SUMMARY_SUBJECT, data.period_text, f"U{units}", f"S{sessions}", code)
