"""The overall progress report as a Word 公文: a thin renderer over the report context
(report.py). Which parts of the context become which headings and tables is the ``TABLES``
list below, so a change in the context is a change of a line here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from fzzf_cli.present.docx_doc import finish, open_template, para, start, table
from fzzf_cli.present.docx_notice import letterhead, record, signature
from fzzf_cli.text import join, long_date, long_period, msg

# The headline's figures, in order; 不适用(已确认) only when there is any.
HEADLINE_KEYS = ("due", "done", "claimed", "overdue", "reports_due", "reports_missing",
                 "not_applicable")  # fmt: skip


def _day(value: object) -> str:
    try:
        return long_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value or "")


def _percent(value: object) -> str:
    return "—" if not isinstance(value, int | float) else f"{value * 100:.0f}%"


def _text(value: object) -> str:
    if isinstance(value, list):
        return join(value)
    return "" if value is None else str(value)


Column = tuple[str, Callable[[dict[str, Any]], str]]  # catalogue key of the header, cell


def _field(name: str, shown: Callable[[object], str] = _text) -> Callable[[dict[str, Any]], str]:
    return lambda row: shown(row.get(name))


# (heading, where the rows are in the context, columns, widths in mm: 156 in all)
TABLES: list[tuple[str, tuple[str, ...], list[Column], list[float]]] = [
    ("docx_report_areas", ("areas",), [
        ("docx_col_area", lambda r: msg("docx_area", numeral=r["numeral"], title=r["title"])),
        ("docx_col_total", _field("total")),
        ("docx_col_due_count", _field("due")),
        ("docx_col_done", _field("done")),
        ("docx_col_share", _field("share_done", _percent)),
    ], [72, 21, 21, 21, 21]),
    ("docx_report_units", ("ranking", "units"), [
        ("docx_col_rank", _field("rank")),
        ("docx_col_unit", _field("unit")),
        ("docx_col_on_time", _field("on_time_rate", _percent)),
        ("docx_col_overdue", _field("overdue")),
        ("docx_col_done_of_due", lambda r: f"{r.get('done', '')}/{r.get('due', '')}"),
    ], [16, 62, 26, 26, 26]),
    ("docx_report_overdue", ("overdue",), [
        ("docx_col_unit", _field("unit")),
        ("docx_col_count", _field("count")),
        ("docx_col_oldest", _field("oldest", _day)),
        ("docx_col_worst", _field("worst_days")),
    ], [66, 26, 36, 28]),
    ("docx_report_upcoming", ("upcoming",), [
        ("docx_col_due", _field("due", _day)),
        ("docx_col_ref", _field("ref")),
        ("docx_col_title", _field("title")),
        ("docx_col_units", _field("units")),
    ], [30, 18, 60, 48]),
]  # fmt: skip


def _rows(context: dict[str, Any], path: tuple[str, ...]) -> list[dict[str, Any]]:
    found: Any = context
    for key in path:
        found = found.get(key, []) if isinstance(found, dict) else []
    return found if isinstance(found, list) else []


def report_docx(
    folders: list[Path], context: dict[str, Any], sender: dict[str, Any], day: date
) -> bytes:
    """``sender``: letterhead, sender, copy_to, printed_by (as the notice context has them)."""
    doc = start(open_template(folders, "report.docx"))
    plan = context["plan"]
    letterhead(doc, sender["letterhead"], "")
    period = plan.get("period")
    title = msg("docx_report_title", plan=plan["title"])
    if period:
        title += msg("docx_report_period", period=long_period(period))
    para(doc, title, "公文 标题")
    para(doc, msg("docx_report_intro", day=long_date(day)), "公文 正文")
    headline = context.get("headline", {})
    para(doc, msg("docx_report_overall"), "公文 一级标题")
    measures = context.get("measures_headline")
    if measures:  # the plan's measures first, then the unit duties
        para(doc, msg("docx_measures", **measures), "公文 正文")
    summary = [
        msg(f"docx_headline_{key}", n=headline[key])
        for key in HEADLINE_KEYS
        if isinstance(headline.get(key), int) and (key != "not_applicable" or headline[key])
    ]
    if summary:
        para(doc, msg("docx_headline", items=join(summary)), "公文 正文")
    for number, (heading, path, columns, widths) in enumerate(TABLES, 2):
        rows = _rows(context, path)
        para(doc, msg("docx_heading", n=msg(f"docx_numeral_{number}"), text=msg(heading)),
             "公文 一级标题")  # fmt: skip
        if not rows:
            para(doc, msg("docx_none"), "公文 正文")
            continue
        table(doc, [msg(h) for h, _ in columns], [[cell(r) for _, cell in columns] for r in rows],
              widths)  # fmt: skip
    ranking = context.get("ranking", {})
    for key, units in (("commended", ranking.get("commended")),
                       ("criticised", ranking.get("criticised"))):  # fmt: skip
        if units:
            names = join([u.get("unit", "") for u in units])
            para(doc, msg(f"docx_report_{key}", names=names), "公文 正文")
    for rule in (ranking.get("rule"), ranking.get("commend_rule"), ranking.get("criticise_rule")):
        if rule:
            para(doc, rule, "公文 正文")
    signature(doc, sender["sender"], long_date(day))
    record(doc, sender["copy_to"], sender["printed_by"], long_date(day))
    return finish(doc, title, sender["sender"], day)
