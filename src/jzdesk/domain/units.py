"""The unions that take part: a stable code, a display name, a kind and a parent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from jzdesk.domain.text import normalize


class UnitKind(str, Enum):
    CITY = "city"
    COUNTY = "county"
    DISTRICT = "district"
    ZONE = "zone"
    INDUSTRY = "industry"
    ENTERPRISE = "enterprise"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    UnitKind.CITY: "市总工会",
    UnitKind.COUNTY: "县（市）总工会",
    UnitKind.DISTRICT: "区总工会",
    UnitKind.ZONE: "示范区工会",
    UnitKind.INDUSTRY: "产业工会",
    UnitKind.ENTERPRISE: "基层工会",
}


@dataclass(frozen=True)
class Unit:
    """A union. ``code`` never changes, so merges still match after a rename."""

    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent_code: str | None = None

    def names(self) -> set[str]:
        """Every normalised way of naming this unit: code, name, short name, name sans suffix."""
        bare = re.sub(r"(总工会|工会)(\(?本级\)?)?$", "", normalize(self.name))
        words = {self.code.casefold(), normalize(self.name), normalize(self.short_name), bare}
        return {word for word in words if word}


def name_key(text: str) -> str:
    """The form a typed unit name is compared in (see Unit.names)."""
    key = normalize(text)
    return key.casefold() if key.isascii() else key


# The city union and the 16 units of 附件1, in the order of the quota table.
CITY_CODE = "city"
BUILTIN_UNITS: tuple[Unit, ...] = (
    Unit("qinyang", "沁阳市总工会", "沁阳", UnitKind.COUNTY, CITY_CODE),
    Unit("mengzhou", "孟州市总工会", "孟州", UnitKind.COUNTY, CITY_CODE),
    Unit("boai", "博爱县总工会", "博爱", UnitKind.COUNTY, CITY_CODE),
    Unit("wuzhi", "武陟县总工会", "武陟", UnitKind.COUNTY, CITY_CODE),
    Unit("wenxian", "温县总工会", "温县", UnitKind.COUNTY, CITY_CODE),
    Unit("xiuwu", "修武县总工会", "修武", UnitKind.COUNTY, CITY_CODE),
    Unit("jiefang", "解放区总工会", "解放区", UnitKind.DISTRICT, CITY_CODE),
    Unit("shanyang", "山阳区总工会", "山阳区", UnitKind.DISTRICT, CITY_CODE),
    Unit("zhongzhan", "中站区总工会", "中站区", UnitKind.DISTRICT, CITY_CODE),
    Unit("macun", "马村区总工会", "马村区", UnitKind.DISTRICT, CITY_CODE),
    Unit("shifanqu", "示范区工会", "示范区", UnitKind.ZONE, CITY_CODE),
    Unit("jiaomei", "焦煤工会", "焦煤", UnitKind.INDUSTRY, CITY_CODE),
    Unit("jiaotong", "交通工会", "交通", UnitKind.INDUSTRY, CITY_CODE),
    Unit("jianshe", "建设工会", "建设", UnitKind.INDUSTRY, CITY_CODE),
    Unit("jiaoyu", "教育工会", "教育", UnitKind.INDUSTRY, CITY_CODE),
    Unit("caimao", "财贸工会", "财贸", UnitKind.INDUSTRY, CITY_CODE),
    Unit(CITY_CODE, "焦作市总工会", "市总本级", UnitKind.CITY, None),
)
