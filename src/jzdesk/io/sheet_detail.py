"""The program's own hidden 活动明细 sheet: every record's id, revision and the fields the
printed sheet has no room for, lined up with the printed rows."""

from __future__ import annotations

import re

from jzdesk.domain import sheet
from jzdesk.domain.records import (
    DELIVERIES,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
    MediaItem,
    clean_text,
)
from jzdesk.domain.text import normalize
from jzdesk.io.sheet_rows import (
    DetailRow,
    SheetRow,
    cell_text,
    is_filled,
    parse_cell_date,
    parse_cell_number,
    parse_cell_type,
)
from jzdesk.io.workbook import Grid

_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def detail_rows(grids: list[Grid]) -> list[DetailRow] | None:
    """The rows of the program's 活动明细 sheet, in order ([] without one); None if a row
    cannot be read (edited by hand: the printed rows are then read as hand-filled)."""
    ws = next((grid for grid in grids if grid.title == sheet.DETAIL_SHEET), None)
    if ws is None:
        return []
    labels = [normalize(str(ws.value(1, c) or "")) for c in range(1, ws.max_column + 1)]
    position = {
        key: labels.index(normalize(label)) + 1
        for key, label in sheet.DETAIL_COLUMNS
        if normalize(label) in labels
    }
    if "id" not in position:
        return []
    details = []
    for index in range(2, ws.max_row + 1):

        def value(key, index=index):
            column = position.get(key)
            return ws.value(index, column) if column else None

        if not any(is_filled(value(key)) for key in position):
            continue
        record_id = str(value("id") or "").strip().lower()
        try:
            if not _ID.match(record_id):
                raise ValueError(record_id)
            row = SheetRow(
                row=index,
                date=parse_cell_date(value("date"), None),
                activity_type=parse_cell_type(value("type")),
                sessions=parse_cell_number(value("sessions")),
                title=cell_text(value("title")),
                venue=cell_text(value("venue")),
                audience=parse_cell_number(value("audience") or 0),
                notes=cell_text(value("notes")),
                extra={
                    "venue_category": _choice(value("venue_category"), VENUE_CATEGORIES),
                    "delivery": _choice(value("delivery"), DELIVERIES),
                    "presenter": cell_text(value("presenter")),
                    "demonstration": _yes(value("demonstration")),
                    "original": _yes(value("original")),
                    "logo_shown": _yes(value("logo_shown")),
                    "media": _media(value("media")),
                },
            )
            revision = max(1, parse_cell_number(value("revision")))
        except ValueError:
            return None
        details.append(DetailRow(record_id, revision, row))
    return details


def _cells(row: SheetRow) -> tuple:
    return (
        row.date,
        row.activity_type,
        row.sessions,
        row.title,
        row.venue,
        row.audience,
        row.notes,
    )


def line_up(rows: list[SheetRow], details: list[DetailRow]) -> str:
    """Give each printed row its 活动明细 row, the n-th to the n-th, if the two sheets still
    line up: as many rows, each printed row numbered (序号) by its place, and no printed
    row that is another detail row moved here. Returns why they do not ("" if they do).

    Any cell of a lined-up row may have been corrected (its date and type too): the row is
    still its record. Rows inserted, removed or sorted by hand break the line-up, and the
    sheet is then read as hand-filled — never matched by guesswork without saying so."""
    if len(rows) != len(details):
        return f"表中有 {len(rows)} 行活动，隐藏的“活动明细”中有 {len(details)} 条"
    for place, row in enumerate(rows, start=1):
        try:
            number = parse_cell_number(row.number)
        except ValueError:
            number = None
        if number != place:
            written = "空白" if not is_filled(row.number) else f"“{row.number}”"
            return f"第 {row.row} 行的序号是{written}，应为 {place}"
    places = {_cells(detail.row): detail.row.row for detail in details}
    for row, detail in zip(rows, details, strict=True):
        moved_from = places.get(_cells(row))
        if _cells(row) != _cells(detail.row) and moved_from is not None:
            return f"第 {row.row} 行是“活动明细”第 {moved_from} 行的活动，行的顺序被改动过"
    for row, detail in zip(rows, details, strict=True):
        row.detail = detail
        row.extra = detail.row.extra
    return ""


def _choice(value, allowed) -> str:
    text = cell_text(value)
    return text if text in allowed else ""


def _yes(value) -> bool:
    return normalize(str(value or "")) in {"是", "1", "√", "y", "yes", "true"}


def _media(value) -> tuple[MediaItem, ...]:
    items = []
    for part in str(value or "").split("；"):
        channel, _, link = part.partition("|")
        if channel.strip() in MEDIA_CHANNELS:
            items.append(MediaItem(channel.strip(), clean_text(link)))
    return tuple(items)
