"""Step 1: units, plans, records and their media, unit settings; the allowed values frozen.

The lists in the CHECKs are the ones the program allowed when this step was written; they
are literals on purpose: a database made by this step must be the same whenever it is made.
A value allowed later is a later step, which brings older databases along with it.
"""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
CREATE TABLE units (
    code TEXT PRIMARY KEY CHECK (code <> ''),
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('city', 'county', 'district', 'zone', 'industry', 'enterprise')),
    parent_code TEXT REFERENCES units(code),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE plans (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    title TEXT NOT NULL,
    report_days INTEGER NOT NULL DEFAULT 10 CHECK (report_days >= 0)
);
CREATE TABLE plan_units (
    year INTEGER NOT NULL REFERENCES plans(year) ON DELETE CASCADE,
    unit_code TEXT NOT NULL REFERENCES units(code),
    quota INTEGER CHECK (quota IS NULL OR quota >= 0),
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (year, unit_code)
) WITHOUT ROWID;
CREATE TABLE plan_minimums (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    unit_code TEXT NOT NULL,
    type TEXT CHECK (type IS NULL OR type IN ('art', 'film', 'calligraphy', 'training', 'lecture')),
    demonstration INTEGER NOT NULL CHECK (demonstration IN (0, 1)),
    at_least INTEGER NOT NULL CHECK (at_least >= 1),
    FOREIGN KEY (year, unit_code) REFERENCES plan_units(year, unit_code) ON DELETE CASCADE
);
CREATE INDEX plan_minimums_by_unit ON plan_minimums(year, unit_code);
CREATE TABLE records (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    unit_code TEXT NOT NULL REFERENCES units(code),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    type TEXT NOT NULL CHECK (type IN ('art', 'film', 'calligraphy', 'training', 'lecture')),
    sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 1),
    title TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    venue_category TEXT NOT NULL DEFAULT ''
        CHECK (venue_category IN ('', '厂矿企业', '基层社区', '重点工程及建设项目工地', '偏远农村', '车间/班组', '其他')),
    audience INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),
    delivery TEXT NOT NULL DEFAULT '' CHECK (delivery IN ('', '购买服务', '志愿服务', '自办')),
    presenter TEXT NOT NULL DEFAULT '',
    demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
    original INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0, 1)),
    logo_shown INTEGER NOT NULL DEFAULT 0 CHECK (logo_shown IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    base_revision INTEGER NOT NULL DEFAULT 0
        CHECK (base_revision >= 0 AND base_revision < revision),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
-- Progress: a range scan over dates that never touches the table itself.
CREATE INDEX records_progress
    ON records(date, unit_code, type, sessions, audience, demonstration, deleted)
    WHERE deleted = 0;
-- A unit's records for a period, newest first.
CREATE INDEX records_by_unit ON records(unit_code, date) WHERE deleted = 0;
CREATE TABLE record_media (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('报纸', '电视', '广播', '网络', '微博微信', 'APP')),
    link TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE TABLE unit_settings (
    unit_code TEXT PRIMARY KEY REFERENCES units(code),
    filler TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT ''
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
