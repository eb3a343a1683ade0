"""The year's plan: the city edits quotas, units and minimums and starts a new year (each
change audited), and sends the plan file (附件1) that the units import."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType, parse_activity_type
from jzdesk.domain.plans import Minimum
from jzdesk.domain.text import normalize
from jzdesk.domain.units import UnitKind
from jzdesk.errors import KnownError
from jzdesk.store import plans
from jzdesk.usecases import installation
from jzdesk.usecases.files import write_file

_MINIMUM = re.compile(r"^(示范性)?(.*?)(?:≥|>=|不少于|至少)(\d+)场?$")


def minimums_text(minimums: tuple[Minimum, ...]) -> str:
    """How minimums are written in the plan editor, e.g. 示范性文艺演出≥10；示范性送电影≥20."""
    return "；".join(m.label.replace(" ≥ ", "≥").replace(" 场", "") for m in minimums)


def parse_minimums(text: str) -> tuple[Minimum, ...]:
    """Read minimums written as minimums_text writes them (活动≥N for any type).

    Raises:
        KnownError: a part cannot be read; the message quotes it.
    """
    result = []
    for part in re.split(r"[；;，,、]", normalize(text)):
        if not part:
            continue
        match = _MINIMUM.match(part)
        if not match or int(match[3]) < 1:
            raise KnownError(
                f"最低要求“{part}”无法识别，应写成 示范性文艺演出≥10 或 送讲座≥5", field="minimums"
            )
        words = match[2]
        kind = None if words in ("", "活动", "五送") else _type_of(words, part)
        result.append(Minimum(kind, bool(match[1]), int(match[3])))
    return tuple(result)


def _type_of(words: str, part: str) -> ActivityType:
    try:
        return parse_activity_type(words)
    except KnownError:
        raise KnownError(
            f"最低要求“{part}”中的活动类型“{words}”无法识别", field="minimums"
        ) from None


@dataclass(frozen=True)
class PlanLine:
    """One line of the plan editor: an existing unit (by code) or a new one (code None)."""

    code: str | None
    name: str
    short_name: str
    quota: int | None
    minimums: tuple[Minimum, ...] = ()


def save_plan(db: sqlite_utils.Database, year: int, lines: list[PlanLine]) -> int:
    """Make ``year``'s plan what ``lines`` say, in one transaction; returns the changes.

    Units left out are retired from this year's plan (their code and records stay); new
    lines become new units with a code of their own; renames keep the code, so merges
    still match. Every change is written to the audit log: who, when, old → new.

    Raises:
        KnownError: a unit's installation, an empty or duplicate name, a negative quota;
            nothing is changed then.
    """
    _refuse_on_unit_installation(db)
    names = [normalize(line.name) for line in lines]
    for line, name in zip(lines, names, strict=True):
        if not name:
            raise KnownError("单位名称不能为空", field="name")
        if names.count(name) > 1:
            raise KnownError(f"单位“{line.name}”出现了两次", field="name")
        if line.quota is not None and line.quota < 0:
            raise KnownError(f"{line.name}的任务场次不能为负数", field="quota")
    units = {unit.code: unit for unit in installation.all_units(db)}
    current = {entry.unit_code: entry for entry in plans.plan_entries(db, year)}
    now, by = installation.now_iso(), installation.current_user(db)
    changes = 0

    def log(code, what, old, new):
        nonlocal changes
        plans.audit(db, year=year, unit_code=code, what=what, old=old, new=new, by=by, at=now)
        changes += 1

    with db.atomic():
        if plans.ensure_plan_year(db, year, copy_from=None):
            log(None, "new_year", None, year)
        kept = set()
        for position, line in enumerate(lines):
            code = line.code or _new_unit(db, line, units)
            if line.code is None:
                log(code, "add_unit", None, line.name)
            unit = units.get(code)
            if unit is not None and (unit.name, unit.short_name) != (line.name, line.short_name):
                db.execute(
                    "UPDATE units SET name = ?, short_name = ? WHERE code = ?",
                    [line.name.strip(), line.short_name.strip(), code],
                )
                log(
                    code,
                    "rename",
                    f"{unit.name}/{unit.short_name}",
                    f"{line.name}/{line.short_name}",
                )
            entry = current.get(code)
            if entry is None or entry.quota != line.quota:
                plans.set_quota(db, year, code, line.quota)
                log(code, "quota", None if entry is None else entry.quota, line.quota)
            db.execute(
                "UPDATE plan_units SET sort_order = ? WHERE year = ? AND unit_code = ?",
                [position, year, code],
            )
            if (entry.minimums if entry else ()) != line.minimums:
                plans.set_minimums(db, year, code, line.minimums)
                log(
                    code,
                    "minimums",
                    None if entry is None else minimums_text(entry.minimums),
                    minimums_text(line.minimums),
                )
            kept.add(code)
        for code in set(current) - kept:
            plans.retire(db, year, code)
            log(code, "retire", units[code].name, None)
    return changes


def _new_unit(db, line: PlanLine, units: dict) -> str:
    numbers = [int(c[5:]) for c in units if re.fullmatch(r"unit-\d+", c)]
    code = f"unit-{max(numbers, default=0) + 1}"
    db.execute(
        "INSERT INTO units(code, name, short_name, kind, parent_code, sort_order) "
        "VALUES (?, ?, ?, ?, 'city', (SELECT COALESCE(MAX(sort_order) + 1, 0) FROM units))",
        [code, line.name.strip(), line.short_name.strip(), UnitKind.INDUSTRY.value],
    )
    units[code] = None
    return code


def start_year(db: sqlite_utils.Database, year: int) -> None:
    """A new year's plan as a copy of the latest earlier one (audited).

    Raises:
        KnownError: a unit's installation, the year already has a plan, or there is none
            before it.
    """
    _refuse_on_unit_installation(db)
    years = plans.plan_years(db)
    if year in years:
        raise KnownError(f"{year} 年的计划已经存在", field="year")
    earlier = [y for y in years if y < year]
    if not earlier:
        raise KnownError(f"{year} 年之前没有可以复制的计划", field="year")
    with db.atomic():
        plans.ensure_plan_year(db, year, copy_from=earlier[-1])
        plans.audit(
            db,
            year=year,
            unit_code=None,
            what="new_year",
            old=earlier[-1],
            new=year,
            by=installation.current_user(db),
            at=installation.now_iso(),
        )


def _refuse_on_unit_installation(db: sqlite_utils.Database) -> None:
    """The plan is the city's: a unit's installation only takes the city's plan file."""
    unit = installation.unit_installation(db)
    if unit is not None:
        raise KnownError(
            f"本机是{unit.name}的安装：任务分解表由市总工会制定，这里不能修改；"
            "请导入市总工会下发的计划文件（附件1）"
        )


# The year's plan changes, oldest first.
audit_log = plans.audit_log


# -- the plan file (附件1) the city sends the units ---------------------------------------


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
    names = {unit.code: unit.name for unit in installation.all_units(db)}
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
        rest = (
            f"；文件中没有的单位保持原任务：{'、'.join(self.not_in_file)}"
            if self.not_in_file
            else ""
        )
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
        raise KnownError(
            f"文件 {path.name} 是 {named_year} 年的任务分解表，与指定的 {year} 年不一致",
            field="year",
        )
    if year is None:
        raise KnownError(f"文件 {path.name} 的标题中没有年份，请用 --year 指定", field="year")
    if not 2000 <= year <= 2100:
        raise KnownError(f"年度 {year} 不在 2000–2100 之间", field="year")
    quotas, problems = {}, []
    for line in lines:
        try:
            unit = installation.resolve_unit(db, line.name)
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
    now, by = installation.now_iso(), installation.current_user(db)
    changed = unchanged = 0
    with db.atomic():
        created = plans.ensure_plan_year(db, year, copy_from=earlier[-1] if earlier else None)
        current = {e.unit_code: e.quota for e in plans.plan_entries(db, year)}
        for code, quota in quotas.items():
            if current.get(code, "absent") == quota:
                unchanged += 1
                continue
            plans.set_quota(db, year, code, quota)
            plans.audit(
                db,
                year=year,
                unit_code=code,
                what="quota",
                old=current.get(code),
                new=quota,
                by=by,
                at=now,
            )
            changed += 1
    names = {unit.code: unit.name for unit in installation.all_units(db)}
    missing = tuple(names[c] for c, q in current.items() if q is not None and c not in quotas)
    return QuotaImport(year, created, changed, unchanged, missing)
