"""A separate program that registers complaints as fast as it can (for concurrency tests).

Usage: python -m tests.helpers.intake_worker URL USERNAME COUNT
Prints one JSON object: {"numbers": [...], "errors": [...]}.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from desktop_app.bootstrap import prepare_database
from desktop_app.services import auth, intake


def main(url: str, username: str, count: int) -> int:
    db, _info, _result = prepare_database(url)
    session = auth.session_for_username(username)
    numbers, errors = [], []
    for i in range(count):
        form = intake.IntakeForm(
            customer_name="并发测试",
            contact=f"139{i:08d}",
            channel="phone",
            complaint_time=session.now() - dt.timedelta(minutes=1),
            type="process_efficiency",
            subtype="delivery",
            urgency="normal",
            description=f"配送延迟第{i}单，请尽快处理",
            department="logistics",
        )
        try:
            numbers.append(intake.register_complaint(session, form).number)
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(f"{type(exc).__name__}: {exc}")
    db.close()
    print(json.dumps({"numbers": numbers, "errors": errors}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
