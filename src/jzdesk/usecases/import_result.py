"""What importing one file did, for the window, the command line and the import log."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did, in the shape of ``import --json``."""

    file: str
    status: str  # imported | unchanged | rejected
    reason: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    unit: str = ""
    deleted: int = 0  # of the updated, how many were deletions
    period: str = ""
    sheet_code: str = ""  # the 校验码 of the sheet the file corresponds to
    import_id: int | None = None
    reason_code: str = ""  # a rejection's kind, for the window to act on (KnownError.code)
    kind: str = "records"  # records (a .jzsub or sheet) | reply (review decisions)

    def summary(self) -> str:
        """The result in one or two lines of plain Chinese."""
        if self.status == "rejected":
            return f"✘ {self.file}：未导入。{self.reason}"
        if self.kind == "reply":
            return f"✔ {self.file}：{self.reason}"
        note = f"；{self.reason}" if self.reason else ""
        held = f"，无变化 {self.unchanged} 条" if self.unchanged else ""
        return f"✔ {self.file}：新增 {self.added} 条，更新 {self.updated} 条{held}{note}"

    @property
    def status_label(self) -> str:
        return {"imported": "已导入", "unchanged": "无变化", "rejected": "未导入"}[self.status]

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "reason": self.reason,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }
