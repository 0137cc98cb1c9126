"""A separate program that tests kill (SIGKILL) in the middle of its work.

    python -m tests.helpers.crash_worker save URL USERNAME COUNT NOW
    python -m tests.helpers.crash_worker import URL USERNAME FILE NOW [hold]

``save`` registers COUNT complaints one after the other and prints each number on its own
line (flushed) only after ``register_complaint`` returned, i.e. after its commit.

``import`` prints ``started`` before calling ``import_workbook``, then ``progress DONE
TOTAL`` at each of its progress calls (both passes: TOTAL is twice the data rows, so DONE
above TOTAL / 2 is the writing pass, inside the import's transaction) and ``done`` when
it returned. With ``hold`` it stops at its first progress call of the writing pass, after
printing ``writing``, and waits there to be killed: the kill then lands with part of the
import written and not committed.

NOW (ISO time) is the clock of the worker's session, so its cases fall on the test's day.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import openpyxl

from desktop_app.bootstrap import prepare_database
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.exchange_columns import COMPLAINTS, PROGRESS
from desktop_app.services import auth, exchange_import, intake

RECORDINGS = 2  # recording IDs given with every saved complaint (attachment rows)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def intake_form(i: int, now: dt.datetime) -> intake.IntakeForm:
    return intake.IntakeForm(
        customer_name=f"崩溃测试{i}",
        contact=f"137{i:08d}",
        member_number=f"M{i:07d}",
        channel="phone",
        complaint_time=now - dt.timedelta(minutes=1),
        type="process_efficiency",
        subtype="delivery",
        urgency="normal",
        description=f"配送延迟第{i}单，运单 W{i:07d}，请尽快处理",
        department="logistics",
        customer_requests=["refund"],
        recording_ids="、".join(f"REC-{i}-{k}" for k in range(RECORDINGS)),
    )


def save(url: str, username: str, count: int, now: dt.datetime) -> None:
    prepare_database(url)
    session = auth.session_for_username(username, clock=FixedClock(now))
    for i in range(count):
        registered = intake.register_complaint(session, intake_form(i, now))
        say(registered.number)
    say("done")


def import_file(url: str, username: str, path: str, now: dt.datetime, hold: bool) -> None:
    prepare_database(url)
    session = auth.session_for_username(username, clock=FixedClock(now))

    def progress(done: int, total: int) -> bool:
        say(f"progress {done} {total}")
        if hold and done > total // 2:
            say("writing")
            while True:  # wait for the kill, the import's transaction open
                time.sleep(1)
        return True

    say("started")
    report = exchange_import.import_workbook(session, path, progress=progress)
    say("done" if report.written else f"rejected {report.errors[:3]}")


# --- the workbook the import worker reads ------------------------------------------------

IMPORT_STAFF = "王五"  # matches no account: the import creates it (inactive)


def write_import_book(path: Path, count: int, day: dt.datetime) -> Path:
    """An exchange workbook of ``count`` complaints (numbered ``TS-<day>-0001`` on) with
    one progress entry each, by a member of staff the database does not know yet."""
    book = openpyxl.Workbook(write_only=True)
    complaints = book.create_sheet(COMPLAINTS.zh)
    keys = [
        "complaint_number",
        "customer_name",
        "contact",
        "complaint_time",
        "registration_time",
        "channel",
        "type",
        "subtype",
        "urgency",
        "level",
        "description",
        "customer_requests",
        "department",
        "receiver",
        "stage",
        "owner",
    ]
    complaints.append([COMPLAINTS.column(k).zh for k in keys])
    for i in range(1, count + 1):
        at = day + dt.timedelta(seconds=i)
        complaints.append(
            [
                f"TS-{day:%Y%m%d}-{i:04d}",
                f"导入客户{i}",
                f"136{i:08d}",
                at,
                at + dt.timedelta(minutes=1),
                "电话",
                "产品质量类",
                "功能缺陷",
                "一般",
                "I",
                f"第{i}号投诉：屏幕有划痕，要求换货",
                "换货",
                "客服部",
                IMPORT_STAFF,
                "已分派",
                IMPORT_STAFF,
            ]
        )
    progress = book.create_sheet(PROGRESS.zh)
    pkeys = ["complaint_number", "stage", "owner", "result", "updated_at", "updated_by"]
    progress.append([PROGRESS.column(k).zh for k in pkeys])
    for i in range(1, count + 1):
        progress.append(
            [
                f"TS-{day:%Y%m%d}-{i:04d}",
                "已分派",
                IMPORT_STAFF,
                f"已联系客户{i}",
                day + dt.timedelta(hours=2, seconds=i),
                IMPORT_STAFF,
            ]
        )
    book.save(path)
    return path


def main(argv: list[str]) -> int:
    mode, url, username = argv[:3]
    if mode == "save":
        save(url, username, int(argv[3]), dt.datetime.fromisoformat(argv[4]))
    elif mode == "import":
        import_file(
            url, username, argv[3], dt.datetime.fromisoformat(argv[4]), hold=argv[5:] == ["hold"]
        )
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
