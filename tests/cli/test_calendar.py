"""``fzzf calendar``: RFC 5545 feeds read back by icalendar, by ``ics`` and by a small
line-unfolding reader of our own; stable bytes for a fixed --as-of."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ..miniplan import write_plan


def unfold(text: str) -> list[str]:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the line."""
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def own_events(text: str) -> dict[str, dict[str, str]]:
    """UID → {DTSTART, SUMMARY, alarms} read line by line, no library."""
    events: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    depth = ""
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current, depth = {"alarms": ""}, "event"
        elif line == "BEGIN:VALARM":
            depth = "alarm"
        elif line == "END:VALARM":
            depth = "event"
        elif line == "END:VEVENT" and current is not None:
            events[current["UID"]] = current
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            key = name.split(";")[0]
            if depth == "alarm" and key == "TRIGGER":
                current["alarms"] += value + " "
            elif depth == "event":
                current[key] = value.replace("\\,", ",").replace("\\n", "\n")
    return events


def test_unit_calendar_three_parsers(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    icalendar = pytest.importorskip("icalendar")
    out = tmp_path / "deqing.ics"
    code, _, err = cli("calendar", "德庆县", "-o", str(out), "--as-of", "2017-09-25")
    assert code == 0, err
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    ours = own_events(text)
    parsed = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == set(ours) and len(ours) > 10
    uid = "report-2017-H2.deqing@fzzf.invalid"
    event = events[uid]
    assert (
        event.decoded("dtstart")
        == date(2017, 12, 31)
        == date.fromisoformat("-".join(re.findall(r"(\d{4})(\d\d)(\d\d)", ours[uid]["DTSTART"])[0]))
    )
    assert str(event["summary"]) == ours[uid]["SUMMARY"]
    assert "德庆县" in event["summary"] and "方案原文" in str(event["description"])
    assert "20170925T000000Z" in ours[uid]["DTSTAMP"]  # the as-of day, not the clock
    assert ours[uid]["alarms"].split() == ["-P7D", "-P1D"]
    assert all("措施：第" in e["DESCRIPTION"] for e in ours.values() if e["UID"].startswith("m"))
    ics = pytest.importorskip("ics")
    # ics parses with TatSu, which calls colorama.init() once per line when colorama is
    # installed; under pytest's captured stdout the wrappers nest until Python's recursion
    # limit. Colour is irrelevant to parsing: switch it off for this parse.
    tatsu_color = pytest.importorskip("tatsu.color")
    monkeypatch.setattr(tatsu_color, "init", lambda: None)
    other = {e.uid: e for e in ics.Calendar(text).events}
    assert set(other) == set(ours)
    assert other[uid].begin.date() == date(2017, 12, 31) and other[uid].name == ours[uid]["SUMMARY"]


def test_same_bytes_for_same_as_of_and_weekend_marked(cli: Any, tmp_path: Path) -> None:
    runs = [cli("calendar", "德庆县", "--as-of", "2017-09-25")[1] for _ in range(2)]
    assert runs[0] == runs[1]
    # 2016-12-31 was a Saturday: the H2 report's deadline is marked.
    event = own_events(runs[0].replace("\n", "\r\n").replace("\r\r\n", "\r\n"))
    assert "周末或法定节假日" in event["report-2016-H2.deqing@fzzf.invalid"]["DESCRIPTION"]
    assert "周末" not in event["report-2017-H1.deqing@fzzf.invalid"]["DESCRIPTION"]  # a Friday


def test_all_writes_one_feed_per_unit(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    code, _, err = cli("calendar", "--all", "-o", f"{folder}/", "--as-of", "2017-09-25")
    assert code == 0, err
    names = {p.name for p in folder.iterdir()}
    assert {"all.ics", "deqing.ics"} <= names and len(names) > 20
    every = own_events((folder / "all.ics").read_bytes().decode())
    for name in names - {"all.ics"}:
        one = own_events((folder / name).read_bytes().decode())
        assert set(one) <= set(every)
    assert cli("calendar", "--all", "--as-of", "2017-09-25")[0] == 2
    assert cli("calendar", "德庆县", "--all", "-o", str(folder))[0] == 2
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for target in (tmp_path / "file", tmp_path / "file" / "feeds"):  # a file, not a folder
        code, _, err = cli("calendar", "--all", "-o", str(target), "--as-of", "2017-09-25")
        assert code == 2 and "file" in err and "Error" not in err, err


def test_rewrites_its_own_feed_but_not_a_stranger(cli: Any, tmp_path: Path) -> None:
    """A feed is republished every day: fzzf replaces the .ics it wrote (one file, or the
    --all folder), never someone else's file of that name."""
    one, folder = tmp_path / "deqing.ics", tmp_path / "feeds"
    small = ("--data", str(write_plan(tmp_path / "plan")))  # --all on a small plan: quicker
    for as_of in ("2017-09-25", "2017-09-26"):
        assert cli("calendar", "德庆县", "-o", str(one), "--as-of", as_of)[0] == 0
        assert cli("calendar", "--all", "-o", f"{folder}/", "--as-of", as_of, *small)[0] == 0
    assert b"20170926T000000Z" in one.read_bytes()
    assert b"20170926T000000Z" in (folder / "all.ics").read_bytes()
    stranger = tmp_path / "mine.ics"
    stranger.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert cli("calendar", "德庆县", "-o", str(stranger), "--as-of", "2017-09-25")[0] == 1
    assert stranger.read_text(encoding="utf-8").count("\n") == 2


def test_notice_within_workdays_skips_national_day(cli: Any, plan_repo: Path) -> None:
    args = ("notice", "德庆县", "--data", str(plan_repo), "--within", "15", "-f", "md", "-o", "-")
    args = (*args, "--as-of")
    code, out, err = cli(*args, "2017-09-25", "--workdays")
    assert code == 0, err
    assert "2017年10月20日（星期五）" in out  # 9-30 worked (调休), 10-1..10-8 off
    assert "2017年10月10日（星期二）" in cli(*args, "2017-09-25")[1]  # calendar days
    code, _, err = cli(*args, "2026-12-20", "--workdays")
    assert code == 2 and "2027" in err


def test_soon_in_workdays(cli: Any) -> None:
    from fzzf_cli.cli.holidays import soon_span

    assert soon_span(date(2017, 9, 25), 6, workdays=True) == 14  # to 10-9, past the holiday
    assert soon_span(date(2017, 9, 25), 6, workdays=False) == 6
    assert cli("owes", "德庆县", "--soon", "6", "--workdays", "--as-of", "2017-09-25")[0] == 0


def test_a_year_the_holiday_data_lacks_is_a_usage_error_naming_the_package(cli: Any) -> None:
    """Working days past the holiday package's last year cannot be counted: say which year
    and the package by the name pip installs it under, never a traceback."""
    code, out, err = cli("owes", "德庆县", "--soon", "5", "--workdays", "--as-of", "2099-01-01")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "2099年" in err and "chinesecalendar 软件包" in err
    assert "pip install -U chinesecalendar" in err


def test_hostile_names_stay_values_in_every_feed(cli: Any, tmp_path: Path) -> None:
    """A unit name with a newline (units.yaml accepts one) and a title holding the words
    of a component line: each feed still parses to the same events, its name one line,
    and the site's feeds (assembled from pieces) are the command's bytes."""
    from .. import miniplan

    icalendar = pytest.importorskip("icalendar")
    evil = r"\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x"
    units = miniplan.UNITS.replace("name: 德庆县", f'name: "德庆县{evil}"')
    measures = miniplan.MEASURES.replace("title: 县里做", f'title: "县里做{evil}"')
    repo = miniplan.write_plan(tmp_path / "repo", units=units, measures=measures)
    args = ("--as-of", "2017-09-25", "--data", str(repo))
    code, _, err = cli("calendar", "deqing", "-o", str(tmp_path / "d.ics"), *args)
    assert code == 0, err
    raw = (tmp_path / "d.ics").read_bytes()
    ours = own_events(raw.decode())
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == len(ours) == 6 and all("BEGIN:VEVENT" in e["summary"] for e in events)
    assert re.search(rb"\r\nX-WR-CALNAME:[^\r\n]*BEGIN:VEVENT", raw.replace(b"\r\n ", b""))
    code, _, err = cli("site", "-o", str(tmp_path / "site"), *args)
    assert code == 0, err
    assert (tmp_path / "site" / "calendar" / "deqing.ics").read_bytes() == raw
