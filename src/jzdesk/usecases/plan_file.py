"""The plan file: the year's quota table (附件1) the city sends the units, out and in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from jzdesk import services
from jzdesk.errors import KnownError
from jzdesk.store import plans
from jzdesk.usecases.files import write_file


def export_quota_table(db: sqlite_utils.Database, year: int, path: Path) -> Path:
    """Write ``year``'s quota table (附件1) as .xlsx; returns the path.

    Raises:
        KnownError: no plan for the year, or the file cannot be written.
    """
    from jzdesk.io.quota_xlsx import write_quota_table

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise KnownError(f"任务分解表的文件名应以 .xlsx 结尾：{path.name}", field="out")
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="year")
    names = {unit.code: unit.name for unit in services.all_units(db)}
    lines = [(names[e.unit_code], e.quota) for e in entries if e.quota is not None]
    write_file(path, lambda target: write_quota_table(year, lines, target))
    return path


@dataclass(frozen=True)
class QuotaImport:
    year: int
    created: bool
    changed: int
    unchanged: int
    not_in_file: tuple[str, ...]

    def summary(self) -> str:
        made = f"已新建 {self.year} 年计划（复制上一年的最低要求）；" if self.created else ""
        rest = (f"；文件中没有的单位保持原任务：{'、'.join(self.not_in_file)}"
                if self.not_in_file else "")  # fmt: skip
        return (
            f"{made}{self.year} 年任务：修改 {self.changed} 个单位，未变 {self.unchanged} 个{rest}"
        )


def import_quota_table(
    db: sqlite_utils.Database, path: Path, *, year: int | None = None
) -> QuotaImport:
    """Take a year's quotas from a 附件1 file, in one transaction, each change audited.

    A year not yet planned starts as a copy of the latest earlier plan (its minimums and
    the city's own line). Units are named as people write them (spaces, full-width).

    Raises:
        KnownError: unreadable file, no year, a unit not in the list (row named), a unit
            twice, or a 合计 that does not add up; nothing is changed then.
    """
    from jzdesk.io.quota_xlsx import read_quota_table

    path = Path(path)
    named_year, lines = read_quota_table(path)
    if year is None:
        year = named_year
    elif named_year is not None and named_year != year:
        raise KnownError(f"文件 {path.name} 是 {named_year} 年的任务分解表，与指定的 {year} 年不一致",
                         field="year")  # fmt: skip
    if year is None:
        raise KnownError(f"文件 {path.name} 的标题中没有年份，请用 --year 指定", field="year")
    if not 2000 <= year <= 2100:
        raise KnownError(f"年度 {year} 不在 2000–2100 之间", field="year")
    quotas, problems = {}, []
    for line in lines:
        try:
            unit = services.resolve_unit(db, line.name)
        except KnownError as error:
            problems.append(f"第 {line.row} 行：{error.message}")
            continue
        if unit.code in quotas:
            problems.append(f"第 {line.row} 行：{unit.name}出现了两次")
            continue
        quotas[unit.code] = line.quota
    if problems:
        raise KnownError(
            f"文件 {path.name} 有 {len(problems)} 处无法读取，未导入：\n" + "\n".join(problems)
        )
    earlier = [y for y in plans.plan_years(db) if y < year]
    now, by = services.now_iso(), services.current_user(db)
    changed = unchanged = 0
    with db.atomic():
        created = plans.ensure_plan_year(db, year, copy_from=earlier[-1] if earlier else None)
        current = {e.unit_code: e.quota for e in plans.plan_entries(db, year)}
        for code, quota in quotas.items():
            if current.get(code, "absent") == quota:
                unchanged += 1
                continue
            plans.set_quota(db, year, code, quota)
            plans.audit(db, year=year, unit_code=code, what="quota", old=current.get(code),
                        new=quota, by=by, at=now)  # fmt: skip
            changed += 1
    names = {unit.code: unit.name for unit in services.all_units(db)}
    missing = tuple(names[c] for c, q in current.items() if q is not None and c not in quotas)
    return QuotaImport(year, created, changed, unchanged, missing)
