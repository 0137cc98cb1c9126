"""The signed-in user, passed to every service call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.clock import SYSTEM_CLOCK, Clock


@dataclass(frozen=True)
class Session:
    user_id: int | None
    username: str
    display_name: str
    role: str
    department_ids: frozenset[int] = frozenset()
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False, repr=False)
    language: str = "zh_CN"
    # The operating-system account of a command-line operator without a program account:
    # written into each audit entry (docs/rules.md#command-line).
    os_user: str = ""

    @classmethod
    def system(
        cls, clock: Clock = SYSTEM_CLOCK, name: str = "cli", *, os_user: str = ""
    ) -> Session:
        """The operator at the command line of this machine (or the program's own background
        routine): acts as an administrator."""
        return cls(None, name, name, "admin", frozenset(), clock, os_user=os_user)

    def now(self) -> dt.datetime:
        return self.clock.now()

    @property
    def is_clerk(self) -> bool:
        return self.role == "clerk"

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def label_column(self) -> str:
        """The column of a reference table's name in the session's language (``name_zh``
        or ``name_en``), for SQL that reads labels."""
        return "name_zh" if self.language.startswith("zh") else "name_en"

    @property
    def is_system(self) -> bool:
        return self.user_id is None
