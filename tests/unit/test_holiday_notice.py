"""The State Council's holiday notice read as the official calendar of its year
(docs/rules.md#calendar): the real 2024, 2025 and 2026 notices give exactly the days of
``chinesecalendar``; a wrong weekday or count is refused with the line named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from chinese_calendar.constants import holidays as cc_holidays
from chinese_calendar.constants import workdays as cc_workdays

from desktop_app.cli import main
from desktop_app.db.models import AuditLog, Complaint, OfficialCalendarYear
from desktop_app.domain.holiday_notice import NoticeError, parse_notice
from desktop_app.services import calendar, sla
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied, ValidationError
from tests.helpers.cases import make_case

NOTICES = Path(__file__).resolve().parents[1] / "data" / "holiday_notices"

# Made up for the tests (no 2027 notice is known to this program): the shape of a real one.
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至
2月12日（农历正月初七、周五）放假调休，共8天。2月14日（周日）上班。
三、中秋节、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""


def notice(year: int) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_published_notices_give_the_official_calendar(year):
    parsed = parse_notice(notice(year))
    assert parsed.year == year
    assert parsed.days_off == {d for d in cc_holidays if d.year == year}
    assert parsed.makeup_workdays == {d for d in cc_workdays if d.year == year}


def test_ranges_across_months_combined_lines_and_names():
    parsed = parse_notice(notice(2025))
    spring = next(h for h in parsed.holidays if h.name == "春节")
    assert (spring.days_off[0], spring.days_off[-1], len(spring.days_off)) == (
        dt.date(2025, 1, 28),
        dt.date(2025, 2, 4),
        8,
    )
    assert spring.makeup_workdays == (dt.date(2025, 1, 26), dt.date(2025, 2, 8))
    assert parsed.names[dt.date(2025, 10, 6)] == "国庆节、中秋节"
    # 2024: the 除夕 the notice only encourages to give off is a working day.
    assert dt.date(2024, 2, 9) not in parse_notice(notice(2024)).days_off


def test_a_wrong_weekday_is_refused_naming_the_line():
    text = notice(2026).replace("2月28日（周六）", "2月28日（周日）")
    with pytest.raises(NoticeError) as caught:
        parse_notice(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("二、春节"))
    assert caught.value.line == line
    assert caught.value.message.startswith(f"Line {line} (春节): 2026-02-28 is a 周六")
    assert "周日" in caught.value.message


def test_a_wrong_count_and_a_wrong_year_are_refused():
    with pytest.raises(NoticeError, match=r"Line \d+ \(国庆节\).* 7 days.*共8天"):
        parse_notice(notice(2024).replace("共7天", "共8天"))
    with pytest.raises(NoticeError, match="about 2025, not 2026"):
        parse_notice(notice(2025), 2026)
    untitled = "\n".join(t for t in notice(2025).splitlines() if "2025年" not in t)
    with pytest.raises(NoticeError, match="names no year"):
        parse_notice(untitled)
    assert parse_notice(untitled, 2025).days_off == parse_notice(notice(2025)).days_off


def test_importing_a_new_year_makes_it_official(manager_session, clerk_session, clock):
    # The test clock is late November 2026: 2027 is unofficial and managers are warned.
    assert calendar.year_view(manager_session, 2027).unofficial_years == (2027,)
    with pytest.raises(PermissionDenied):
        calendar.import_notice(clerk_session, NOTICE_2027)
    dry = calendar.import_notice(manager_session, NOTICE_2027, dry_run=True)
    assert not dry.imported and not dry.built_in.official and len(dry.days_off) == 18
    assert OfficialCalendarYear.select().count() == 0

    calendar.set_override(manager_session, dt.date(2027, 2, 8), "workday", "值班")
    result = calendar.import_notice(manager_session, NOTICE_2027)
    assert result.imported and result.year == 2027
    view = calendar.year_view(manager_session, 2027)
    assert view.official and view.unofficial_years == () and view.warnings == ()
    days = {d.day: d for d in view.days}
    assert (days[dt.date(2027, 2, 10)].mark, days[dt.date(2027, 2, 10)].working) == (
        "holiday",
        False,
    )
    assert days[dt.date(2027, 2, 10)].note == "春节"
    assert (days[dt.date(2027, 2, 14)].mark, days[dt.date(2027, 2, 14)].working) == (
        "makeup",
        True,
    )
    # A manager's override still wins over the notice.
    assert (
        days[dt.date(2027, 2, 8)].mark == "override_workday" and days[dt.date(2027, 2, 8)].working
    )
    entry = AuditLog.get(AuditLog.action == "calendar_notice_imported")
    assert json.loads(entry.details) == {
        "year": 2027,
        "days_off": 18,
        "makeup_workdays": 3,
        "replaced": False,
    }
    official = calendar.official_calendar(clerk_session, 2027)
    assert official.source == "notice" and official.imported_by == "manager1"


def test_an_imported_notice_replaces_the_library_for_its_year(manager_session, clerk_session):
    # A case registered just before the National Day week: its 3-working-day solution
    # deadline is the makeup Saturday 10 October (8, 9, 10 October).
    case = make_case(at=dt.datetime(2026, 9, 30, 10, 0), owner="clerk1")
    assert Complaint.get_by_id(case.id).solution_due == dt.datetime(2026, 10, 10, 18, 0)
    # A (wrong) notice that keeps 10 October free: the notice wins over the library.
    changed = notice(2026).replace("、10月10日（周六）上班", "上班")
    preview = calendar.import_notice(manager_session, changed)
    assert preview.makeup_differences == {dt.date(2026, 10, 10)}
    assert not settings_service.load_calendar().is_working_day(dt.date(2026, 10, 10))
    assert sla.recompute_open_deadlines(manager_session) == 1
    assert Complaint.get_by_id(case.id).solution_due == dt.datetime(2026, 10, 12, 18, 0)
    # The real notice again: same as the library, replaces the earlier import.
    again = calendar.import_notice(manager_session, notice(2026))
    assert again.imported_before and not again.days_off_differences
    assert OfficialCalendarYear.select().count() == 1


def test_a_bad_notice_is_a_validation_error_naming_the_line(manager_session):
    with pytest.raises(ValidationError) as caught:
        calendar.import_notice(
            manager_session, notice(2025).replace("（周三）放假1天", "（周四）放假1天")
        )
    assert caught.value.field == "notice" and caught.value.params["line"] == 7
    assert caught.value.message.startswith("Line 7 (元旦): 2025-01-01 is a 周三")
    assert OfficialCalendarYear.select().count() == 0


def test_cli_import_notice_and_list(db, db_url, tmp_path, capsys):
    base = ["--database", db_url, "calendar"]
    assert main([*base, "list", "--year", "2025", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == {
        "year": 2025,
        "official": True,
        "days_off": sorted(d.isoformat() for d in cc_holidays if d.year == 2025),
        "makeup_workdays": sorted(d.isoformat() for d in cc_workdays if d.year == 2025),
    }
    assert main([*base, "list", "--year", "2027", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "year": 2027,
        "official": False,
        "days_off": [],
        "makeup_workdays": [],
    }
    path = tmp_path / "2027.txt"
    path.write_text(NOTICE_2027, encoding="gb18030")
    assert main([*base, "import-notice", str(path), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert OfficialCalendarYear.select().count() == 0
    assert main([*base, "import-notice", str(path)]) == 0
    assert "imported as the official calendar of 2027" in capsys.readouterr().out
    assert main([*base, "list", "--year", "2027", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["official"] and listed["makeup_workdays"] == [
        "2027-02-14",
        "2027-09-26",
        "2027-10-09",
    ]
    assert "2027-02-06" in listed["days_off"]  # a Saturday inside the range
    bad = tmp_path / "bad.txt"
    bad.write_text(notice(2024).replace("5月11日（星期六）", "5月11日（星期日）"), encoding="utf-8")
    assert main([*base, "import-notice", str(bad)]) == 2
    assert "Line 10 (劳动节): 2024-05-11 is a 周六" in capsys.readouterr().err
    assert main([*base, "import-notice", str(path), "--year", "2028"]) == 2
    assert "not 2028" in capsys.readouterr().err
