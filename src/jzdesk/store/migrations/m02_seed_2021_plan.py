"""Step 2: the units of 附件1 and the city union, and the 2021 plan with its minimums.

The rows are literals, not read from the domain's BUILTIN_UNITS and PLAN_2021: a database
seeded by this step holds what the program shipped with when the step was written, and a
later change to the built-in units is a later step.
"""

from __future__ import annotations

import sqlite_utils

# code, name, short_name, kind, parent_code, in the order of the quota table (sort_order).
UNITS = (
    ("qinyang", "沁阳市总工会", "沁阳", "county", "city"),
    ("mengzhou", "孟州市总工会", "孟州", "county", "city"),
    ("boai", "博爱县总工会", "博爱", "county", "city"),
    ("wuzhi", "武陟县总工会", "武陟", "county", "city"),
    ("wenxian", "温县总工会", "温县", "county", "city"),
    ("xiuwu", "修武县总工会", "修武", "county", "city"),
    ("jiefang", "解放区总工会", "解放区", "district", "city"),
    ("shanyang", "山阳区总工会", "山阳区", "district", "city"),
    ("zhongzhan", "中站区总工会", "中站区", "district", "city"),
    ("macun", "马村区总工会", "马村区", "district", "city"),
    ("shifanqu", "示范区工会", "示范区", "zone", "city"),
    ("jiaomei", "焦煤工会", "焦煤", "industry", "city"),
    ("jiaotong", "交通工会", "交通", "industry", "city"),
    ("jianshe", "建设工会", "建设", "industry", "city"),
    ("jiaoyu", "教育工会", "教育", "industry", "city"),
    ("caimao", "财贸工会", "财贸", "industry", "city"),
    ("city", "焦作市总工会", "市总本级", "city", None),
)

TITLE = "2021年“中国梦·劳动美·工会情”文化活动进基层任务分解表"

# unit_code, quota (None: no 五送 total), in the plan's order (sort_order).
PLAN_UNITS = (
    ("qinyang", 50),
    ("mengzhou", 50),
    ("boai", 50),
    ("wuzhi", 50),
    ("wenxian", 50),
    ("xiuwu", 50),
    ("jiefang", 30),
    ("shanyang", 30),
    ("zhongzhan", 30),
    ("macun", 30),
    ("shifanqu", 10),
    ("jiaomei", 25),
    ("jiaotong", 10),
    ("jianshe", 15),
    ("jiaoyu", 15),
    ("caimao", 15),
    ("city", None),
)

# unit_code, type (None: any), demonstration, at_least.
MINIMUMS = (
    ("qinyang", "art", 1, 10),
    ("mengzhou", "art", 1, 10),
    ("boai", "art", 1, 10),
    ("wuzhi", "art", 1, 10),
    ("wenxian", "art", 1, 10),
    ("xiuwu", "art", 1, 10),
    ("jiefang", "art", 1, 10),
    ("shanyang", "art", 1, 10),
    ("zhongzhan", "art", 1, 10),
    ("macun", "art", 1, 10),
    ("shifanqu", "art", 1, 10),
    ("city", "art", 1, 10),
    ("city", "film", 1, 20),
)


def apply(db: sqlite_utils.Database) -> None:
    for position, unit in enumerate(UNITS):
        db.execute(
            "INSERT INTO units (code, name, short_name, kind, parent_code, sort_order) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [*unit, position],
        )
    db.execute(
        "INSERT INTO plans (year, title, report_days) VALUES (2021, ?, 10)",
        [TITLE],
    )
    for position, (unit_code, quota) in enumerate(PLAN_UNITS):
        db.execute(
            "INSERT INTO plan_units (year, unit_code, quota, sort_order) VALUES (2021, ?, ?, ?)",
            [unit_code, quota, position],
        )
    for minimum in MINIMUMS:
        db.execute(
            "INSERT INTO plan_minimums (year, unit_code, type, demonstration, at_least) "
            "VALUES (2021, ?, ?, ?, ?)",
            list(minimum),
        )
