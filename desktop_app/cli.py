"""The command line (docs/rules.md#command-line): ``desktop-app [--database URL] [COMMAND ...]``.

With no command it opens the GUI. Every command calls the same services as the GUI and
works without a display. Exit codes: 0 done, 1 the work failed or found problems,
2 bad arguments or input.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop_app import __version__
from desktop_app.db.connection import ENV_DATABASE, DatabaseUrlError
from desktop_app.db.migrations import SchemaError

if TYPE_CHECKING:
    import datetime as dt

    from desktop_app.services.session import Session
    from desktop_app.services.users import UserInfo

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _operator_options(p: argparse.ArgumentParser, *, password_option: bool = True) -> None:
    """``--user NAME [--password-stdin]``: run as that account (docs/rules.md#command-line)."""
    p.add_argument(
        "--user",
        metavar="NAME",
        help="run as this account (its password from the terminal, or the first line of "
        "standard input with --password-stdin); without it the command runs as the local "
        "operator 'cli' and the audit log records your OS user name",
    )
    if password_option:
        p.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the --user account's password from the first line of standard input",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-app",
        description="Complaint Desk (投诉处理台). Without a command, opens the program window.",
    )
    parser.add_argument("--version", action="version", version=f"desktop-app {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"sqlite:///path.db or postgresql://user:pw@host:port/db "
        f"(default: ${ENV_DATABASE}, else a file in your data folder)",
    )
    parser.add_argument(
        "--allow-network-share",
        action="store_true",
        help="one PC only: let a SQLite file stay on a network share (rollback journal, "
        "other computers kept out); same as ?allow_network_share=1 on the URL",
    )
    parser.add_argument("--verbose", action="store_true", help="also log to the terminal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create or migrate the database, optionally add the admin")
    p.add_argument("--admin", metavar="NAME", help="create this administrator account")
    p.add_argument("--display-name", metavar="NAME")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the admin password from the first line of standard input",
    )

    p = sub.add_parser("user", help="manage accounts")
    user_sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = user_sub.add_parser("add", help="add an account")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["clerk", "supervisor", "manager", "admin"])
    p.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="D",
        help="department code or name (repeat for several)",
    )
    p.add_argument("--display-name", metavar="NAME")
    p.add_argument("--supervisor", metavar="USER", help="the account's direct supervisor")
    p.add_argument(
        "--senior-agent",
        action="store_true",
        help="a senior agent: handles complaints about a colleague's efficiency",
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (with --user: the "
        "operator's password on the first line, the new account's on the second)",
    )
    _operator_options(p, password_option=False)
    p = user_sub.add_parser("set", help="change an account (only the options given)")
    p.add_argument("name")
    _operator_options(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--supervisor", metavar="USER", help='the direct supervisor ("" removes it)')
    group.add_argument(
        "--no-supervisor",
        dest="supervisor",
        action="store_const",
        const="",
        help="remove the direct supervisor",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--senior-agent",
        dest="senior_agent",
        action="store_true",
        default=None,
        help="handles complaints about a colleague's efficiency",
    )
    group.add_argument(
        "--no-senior-agent", dest="senior_agent", action="store_false", help="no longer"
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--department",
        action="append",
        metavar="D",
        help="department code or name (repeat for several; replaces the account's list)",
    )
    group.add_argument(
        "--no-department",
        dest="department",
        action="store_const",
        const=[],
        help="remove the account from every department",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--active", dest="active", action="store_true", default=None, help="enable again"
    )
    group.add_argument(
        "--inactive", dest="active", action="store_false", help="disable: no sign-in"
    )
    p.add_argument("--role", choices=["clerk", "supervisor", "manager", "admin"])
    p.add_argument("--display-name", metavar="NAME")
    user_sub.add_parser("list", help="list accounts")

    p = sub.add_parser("demo", help="fill the database with realistic demo cases")
    p.add_argument("--count", type=int, required=True, metavar="N")
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed; the same seed gives the same data (default 1)",
    )

    sub.add_parser("check", help="check the database's integrity and consistency")
    p = sub.add_parser("report", help="the KPI report of a period")
    p.add_argument(
        "--from",
        dest="start",
        required=True,
        type=_report_day,
        metavar="D",
        help="first day of the period, YYYY-MM-DD",
    )
    p.add_argument(
        "--to",
        dest="end",
        required=True,
        type=_report_day,
        metavar="D",
        help="last day of the period (included), YYYY-MM-DD",
    )
    p.add_argument("--department", metavar="CODE", help="only this department's figures")
    p.add_argument(
        "--format",
        choices=["json", "xlsx"],
        help="json (the default, unless --out names an .xlsx file) or xlsx",
    )
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    p = sub.add_parser("import", help="import an exchange workbook, all or nothing")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="check every cell, write nothing")
    p.add_argument(
        "--errors-out",
        metavar="FILE.xlsx",
        help="when rejected, also save the problems as a workbook",
    )
    p = sub.add_parser("export-cases", help="write the exchange workbook")
    _operator_options(p)
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument(
        "--from",
        dest="start",
        type=_report_day,
        metavar="D",
        help="first registration day, YYYY-MM-DD",
    )
    p.add_argument(
        "--to",
        dest="end",
        type=_report_day,
        metavar="D",
        help="last registration day (included), YYYY-MM-DD",
    )
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="contacts and ID numbers in full (recorded in the audit log); managers only: "
        "needs --user NAME of a manager's account",
    )
    p = sub.add_parser(
        "config",
        help="the policy workbook: types, departments, channels, root causes, settings, staff hierarchy",
    )
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    p = config_sub.add_parser("export", help="write the policy workbook")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p = config_sub.add_parser("import", help="read a policy workbook, all or nothing")
    _operator_options(p)
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument(
        "--dry-run", action="store_true", help="check and list the changes, write nothing"
    )
    p.add_argument(
        "--errors-out",
        metavar="FILE.xlsx",
        help="when rejected, also save the problems as a workbook",
    )
    p = config_sub.add_parser("set", help="change one setting")
    p.add_argument("key", metavar="KEY")
    p.add_argument("value", metavar="VALUE")
    p = sub.add_parser("calendar", help="the official holiday calendar of a year")
    calendar_sub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    p = calendar_sub.add_parser(
        "import-notice",
        help="next year's days off and makeup working days from the State Council's notice "
        "(国务院办公厅关于20XX年部分节假日安排的通知), as a text file",
    )
    p.add_argument("file", metavar="FILE.txt")
    p.add_argument("--year", type=int, metavar="Y", help="when the text has no title naming it")
    p.add_argument("--dry-run", action="store_true", help="read and list the days, write nothing")
    p = calendar_sub.add_parser("list", help="a year's official days off and makeup days")
    p.add_argument("--year", type=int, required=True, metavar="Y")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p = sub.add_parser("backup", help="consistent online backup (SQLite copy, or pg_dump)")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write here (default: the backups folder next to the database)",
    )
    p = sub.add_parser(
        "restore",
        help="replace the database by a verified backup; close the program on every other PC first",
    )
    p.add_argument("file", metavar="FILE")
    _operator_options(p)
    p = sub.add_parser(
        "screenshots",
        help="render the main windows over demo data to PNG files (its own temporary database)",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="write DIR/<language>/<window>.png")
    p.add_argument(
        "--language",
        choices=["zh_CN", "en", "both"],
        default="both",
        help="the UI language of the pictures (default: both)",
    )
    p.add_argument(
        "--scale",
        type=float,
        choices=[1.0, 1.5],
        default=1.0,
        help="device pixel ratio (QT_SCALE_FACTOR; default 1)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a text has a character no installed font can draw",
    )
    p.add_argument(
        "--glyph-report",
        metavar="FILE.json",
        help="also write the glyph check and the files written as JSON",
    )
    # Hidden (no help): the packaged program's smoke test, see desktop_app/selftest.py.
    sub.add_parser("self-test")
    return parser


def _read_password(from_stdin: bool, prompt: str, *, repeat: bool = True) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input")
        return password
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass(prompt)
    if repeat and first != getpass.getpass("Repeat the password: "):
        raise CliError("the two passwords differ")
    return first


def _cmd_init(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.db.models import User
    from desktop_app.services import users

    result = args.migration
    if result.created:
        print(f"created database {args.db_info.display()} (schema version {result.to_version})")
    elif result.migrated:
        print(
            f"migrated database {args.db_info.display()} from schema version "
            f"{result.from_version} to {result.to_version}"
        )
        if result.backup:
            print(f"copy of the previous file: {result.backup}")
    else:
        print(
            f"database {args.db_info.display()} is up to date (schema version {result.to_version})"
        )
    if args.admin:
        if User.select().where(User.username == args.admin).exists():
            print(f"account {args.admin} already exists; password unchanged")
        else:
            password = _read_password(args.password_stdin, f"Password for {args.admin}: ")
            users.create_user(
                session, args.admin, "admin", password, display_name=args.display_name
            )
            print(f"created administrator {args.admin}")
    elif not User.select().where(User.role == "admin", User.active).exists():
        print("no administrator yet: run init --admin NAME")
    return EXIT_OK


def _cmd_user(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import users

    if args.user_command == "list":
        for info in users.list_users(session):
            print(
                f"{info.username}\t{info.role}\t{','.join(info.departments)}\t"
                f"{'active' if info.active else 'inactive'}\t{info.supervisor}\t"
                f"{'senior agent' if info.senior_agent else ''}".rstrip("\t")
            )
        return EXIT_OK
    if args.user_command == "set":
        return _user_set(args, session)
    password = _read_password(args.password_stdin, f"Password for {args.name}: ")
    info = users.create_user(
        session,
        args.name,
        args.role,
        password,
        display_name=args.display_name,
        departments=tuple(args.department),
        supervisor=args.supervisor,
        senior_agent=args.senior_agent,
    )
    print(
        f"created {info.role} {info.username}"
        + (f" in {', '.join(info.departments)}" if info.departments else "")
        + (" (senior agent)" if info.senior_agent else "")
    )
    return EXIT_OK


def _user_set(args: argparse.Namespace, session: Session) -> int:
    """``user set``: the options given, in one service call (all or nothing)."""
    from desktop_app.services import users

    options = (
        args.supervisor,
        args.senior_agent,
        args.department,
        args.active,
        args.role,
        args.display_name,
    )
    if all(option is None for option in options):
        raise CliError(
            "nothing to change: give --supervisor, --senior-agent, --department, --active, "
            "--inactive, --role or --display-name"
        )
    info = users.update_user(
        session,
        args.name,
        display_name=args.display_name,
        role=args.role,
        departments=tuple(args.department) if args.department is not None else None,
        supervisor=args.supervisor,
        senior_agent=args.senior_agent,
        active=args.active,
    )
    print(f"updated {info.role} {info.username}: {_account_line(info)}")
    return EXIT_OK


def _account_line(info: UserInfo) -> str:
    return (
        f"departments {','.join(info.departments) or '-'}; "
        f"supervisor {info.supervisor or '-'}; "
        f"senior agent {'yes' if info.senior_agent else 'no'}; "
        f"{'active' if info.active else 'inactive'}"
    )


def stderr_progress(unit: str = "cases") -> Callable[[int, int], bool]:
    """A progress callback ``(done, total) -> True`` printing every 10% to stderr."""
    last = [-1]

    def progress(done: int, total: int) -> bool:
        percent = done * 100 // max(total, 1)
        if percent >= last[0] + 10 or done == total:
            last[0] = percent
            print(f"  {done:>10,} / {total:,} {unit}", file=sys.stderr, flush=True)
        return True

    return progress


def _cmd_demo(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import demo

    if args.count < 0:
        raise CliError("--count must be 0 or more")
    stats = demo.generate(session, args.count, seed=args.seed, progress=stderr_progress())
    print(
        f"wrote {stats.cases:,} cases, {stats.progress_entries:,} progress entries, "
        f"{stats.surveys:,} surveys in {stats.seconds:.1f} s"
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import check

    report = check.run_checks(session)
    print(report.text())
    return EXIT_OK if report.ok else EXIT_FAILED


COMMANDS = {"init": _cmd_init, "user": _cmd_user, "demo": _cmd_demo, "check": _cmd_check}


def _report_day(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_report(args: argparse.Namespace, session: Session) -> int:
    import importlib.util
    import json
    from pathlib import Path

    from desktop_app.services import kpi

    fmt = args.format or ("xlsx" if (args.out or "").lower().endswith(".xlsx") else "json")
    # The workbook is built by desktop_app.services.report_workbook when that module exists:
    # write_report_workbook(session, report, path) -> the path written.
    if fmt == "xlsx" and importlib.util.find_spec("desktop_app.services.report_workbook") is None:
        raise CliError("xlsx report not built yet: use --format json")
    if fmt == "xlsx" and not args.out:
        raise CliError("--format xlsx needs --out FILE.xlsx")
    report = kpi.kpi_report(session, args.start, args.end, department_code=args.department)
    if fmt == "xlsx":
        from desktop_app.services import report_workbook

        print(f"wrote {report_workbook.write_report_workbook(session, report, Path(args.out))}")
        return EXIT_OK
    text = json.dumps(kpi.to_json_dict(report), ensure_ascii=False, sort_keys=True, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        print(text)
    return EXIT_OK


COMMANDS["report"] = _cmd_report


def _cmd_import(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import exchange

    report = exchange.import_workbook(
        session, args.file, dry_run=args.dry_run, progress=stderr_progress("rows")
    )
    for warning in report.warnings:
        print(f"warning: {warning.line()}", file=sys.stderr)
    counts = (
        f"{report.complaints:,} complaints, {report.progress:,} progress entries, "
        f"{report.surveys:,} surveys"
    )
    if not report.ok:
        for line in report.lines():
            print(line)
        if args.errors_out:
            print(f"error report: {exchange.write_error_report(report, args.errors_out)}")
        print(f"rejected: {report.error_count:,} problem(s); nothing was imported", file=sys.stderr)
        return EXIT_FAILED
    staff = (
        f"; {len(report.new_staff)} unknown staff name(s) as inactive accounts"
        if report.new_staff
        else ""
    )
    if args.dry_run:
        print(f"dry run: {counts} would be imported{staff}; nothing was written")
    else:
        print(
            f"imported {counts} ({report.customers_created:,} new customers, "
            f"{report.numbers_assigned:,} new numbers{staff})"
        )
    return EXIT_OK


def _cmd_export_cases(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import exchange

    # Unmasked exports are for managers (docs/rules.md#masking): the operator names their
    # account with --user; the export is recorded in the audit log like every unmasked one.
    if args.unmasked and session.is_system:
        raise CliError("--unmasked is for managers: add --user NAME --password-stdin")
    result = exchange.export_cases(
        session,
        args.out,
        start=args.start,
        end=args.end,
        unmasked=args.unmasked,
        progress=stderr_progress(),
    )
    print(
        f"wrote {result.complaints:,} complaints, {result.progress:,} progress entries, "
        f"{result.surveys:,} surveys to {result.path}" + (" (unmasked)" if result.unmasked else "")
    )
    return EXIT_OK


COMMANDS["import"] = _cmd_import
COMMANDS["export-cases"] = _cmd_export_cases


def _cmd_config(args: argparse.Namespace, session: Session) -> int:
    """``config export/import/set`` (docs/rules.md#policy-workbook)."""
    from desktop_app.services import policy_workbook

    if args.config_command == "export":
        exported = policy_workbook.export_policy(session, args.out)
        rows = ", ".join(f"{count:,} {key}" for key, count in exported.rows.items())
        print(f"wrote {rows} to {exported.path}")
        return EXIT_OK
    if args.config_command == "set":
        value = policy_workbook.set_setting(session, args.key, args.value)
        print(f"{args.key} = {value!r}")
        return EXIT_OK
    report = policy_workbook.import_policy(session, args.file, dry_run=args.dry_run)
    for warning in report.warnings:
        print(f"warning: {warning.line()}", file=sys.stderr)
    if not report.ok:
        for line in report.lines():
            print(line)
        if args.errors_out:
            print(f"error report: {policy_workbook.write_error_report(report, args.errors_out)}")
        print(f"rejected: {len(report.errors):,} problem(s); nothing was changed", file=sys.stderr)
        return EXIT_FAILED
    for line in report.change_lines():
        print(line)
    counts = ", ".join(f"{count:,} {key}" for key, count in report.changed.items()) or "nothing"
    if args.dry_run:
        print(f"dry run: {counts} would change; nothing was written")
    else:
        print(f"changed {counts}")
    return EXIT_OK


COMMANDS["config"] = _cmd_config


def _read_text(path: str) -> str:
    """A text file in UTF-8 (with or without a byte order mark), else GB18030."""
    try:
        from pathlib import Path

        data = Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CliError(f"{path} is not a UTF-8 or GB18030 text file")


def _day_list(days: Sequence[dt.date]) -> str:
    return ", ".join(d.isoformat() for d in days) or "none"


def _cmd_calendar(args: argparse.Namespace, session: Session) -> int:
    """``calendar import-notice`` and ``calendar list`` (docs/rules.md#calendar)."""
    import json

    from desktop_app.services import calendar as calendar_service
    from desktop_app.services import sla

    if args.calendar_command == "list":
        year = calendar_service.official_calendar(session, args.year)
        if args.format == "json":
            print(json.dumps(year.as_json(), ensure_ascii=False))
            return EXIT_OK
        source = {"notice": "imported notice", "library": "built-in library"}.get(year.source)
        print(f"{year.year}: " + (f"official ({source})" if year.official else "not official"))
        print(f"days off ({len(year.days_off)}): {_day_list(year.days_off)}")
        print(
            f"makeup working days ({len(year.makeup_workdays)}): {_day_list(year.makeup_workdays)}"
        )
        return EXIT_OK
    text = _read_text(args.file)
    preview = calendar_service.import_notice(session, text, year=args.year, dry_run=args.dry_run)
    print(
        f"{preview.year}: {len(preview.days_off)} days off, "
        f"{len(preview.makeup_workdays)} makeup working days"
    )
    print(f"days off: {_day_list(preview.days_off)}")
    print(f"makeup working days: {_day_list(preview.makeup_workdays)}")
    if preview.built_in.official:
        differences = sorted(preview.days_off_differences | preview.makeup_differences)
        print("differences from the built-in data: " + _day_list(differences))
    if args.dry_run:
        print("dry run: nothing was written")
        return EXIT_OK
    replaced = " (replacing the earlier import)" if preview.imported_before else ""
    print(f"imported as the official calendar of {preview.year}{replaced}")
    changed = sla.recompute_open_deadlines(session)
    print(f"open cases whose deadlines changed: {changed:,}")
    return EXIT_OK


COMMANDS["calendar"] = _cmd_calendar


def _cmd_backup(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import backup

    result = backup.create_backup(session, args.out)
    print(f"backup written to {result.path} ({result.size:,} bytes)")
    for old in result.removed:
        print(f"removed old backup {old.name} (retention)")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.services import backup

    result = backup.restore_backup(session, args.file)
    print(
        f"restored {result.path} from {result.source} (schema version "
        f"{result.from_version}{', migrated' if result.migrated else ''}); "
        + (f"previous file kept as {result.kept}" if result.kept else "there was no previous file")
    )
    return EXIT_OK


COMMANDS["backup"] = _cmd_backup
COMMANDS["restore"] = _cmd_restore


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment or the password file
        return "unknown"


def _operator(args: argparse.Namespace) -> Session:
    """Who runs the command (docs/rules.md#command-line): with ``--user NAME`` that
    account's session, signed in with its password (which the account's rights then
    limit); without, the machine's operator ``cli`` (an administrator) with the OS user
    name written into every audit entry."""
    from desktop_app.services import auth
    from desktop_app.services.session import Session

    name = getattr(args, "user", None)
    if not name:
        return Session.system(os_user=_os_user())
    # With ``user add --password-stdin`` the operator's password is the first line and the
    # new account's the second.
    password = _read_password(
        bool(getattr(args, "password_stdin", False)), f"Password of {name}: ", repeat=False
    )
    return auth.sign_in(name, password)


def modules_loaded() -> None:
    """The program's modules are loaded: when an entry point (``python -m desktop_app``, the
    built program) turned cyclic garbage collection off while they loaded, it starts again,
    and what was made so far (modules, classes, settings) is left out of every later
    collection (``gc.freeze``) (docs/rules.md#start-up). Nothing happens otherwise."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None:
        modules_loaded()  # the GUI starts collecting once its first window is made
    from desktop_app.bootstrap import setup_logging

    setup_logging(verbose=args.verbose)
    if args.allow_network_share:
        from desktop_app.db.connection import resolve_url, with_network_share_allowed

        try:
            args.database = with_network_share_allowed(resolve_url(args.database))
        except DatabaseUrlError as exc:
            print(f"desktop-app: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.command is None:
        from desktop_app.ui.app import run_gui

        return run_gui(args.database)
    if args.command == "self-test":  # no database
        from desktop_app.selftest import run_self_test

        return run_self_test()
    if args.command == "screenshots":  # its own temporary database, never the user's
        from desktop_app.ui.screenshots import run_command

        return run_command(
            args.out,
            language=args.language,
            scale=args.scale,
            strict=args.strict,
            glyph_report=args.glyph_report,
        )
    from desktop_app.bootstrap import open_checked, prepare_database
    from desktop_app.services.errors import NetworkShareRefused, ServiceError

    try:
        if args.command == "restore":
            # The database being replaced may be damaged, missing or too old: bind it
            # without opening or migrating it (the restored file is migrated).
            db, info = open_checked(args.database)
            result = None
        else:
            db, info, result = prepare_database(args.database)
        args.db_info, args.migration = info, result
        try:
            return COMMANDS[args.command](args, _operator(args))
        finally:
            db.close()
    except CliError as exc:
        print(f"desktop-app: error: {exc}", file=sys.stderr)
        return exc.code
    except NetworkShareRefused as exc:  # docs/rules.md#one-pc-or-several
        print(
            f"desktop-app: error: {exc.message}\n"
            "For one PC only, --allow-network-share keeps the file there.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except (ServiceError, DatabaseUrlError, SchemaError) as exc:
        text = exc.message if isinstance(exc, ServiceError) else str(exc)
        field = getattr(exc, "field", None)
        print(
            f"desktop-app: error: {text}" + (f" (field: {field})" if field else ""), file=sys.stderr
        )
        return EXIT_USAGE if getattr(exc, "field", None) else EXIT_FAILED
    except KeyboardInterrupt:
        print("desktop-app: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
