"""The 督办通知 as a Word 公文 (GB/T 9704-2012), from the notice context (report_unit.py).

版头: 发文机关标志 (red) and 发文字号 over the red line. 主体: 标题, 主送机关, 正文, 附件说明,
发文机关署名, 成文日期, 附注. Then the 附件 on a page of its own: the overdue items with the
plan's words (each quote once; later rows point to the first), and the 版记: 抄送, 印发机关
and 印发日期. Layout and fonts are the template's styles (docx_doc.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fzzf_cli.present.docx_doc import (
    finish,
    keep_together,
    open_template,
    page_break,
    para,
    start,
    table,
)
from fzzf_cli.text import join, msg

# Column widths of the 附件 table, in mm: they add up to the 156 mm type area.
ATTACHMENT_WIDTHS = [13.0, 37.0, 15.0, 37.0, 41.0, 13.0]  # 期限 fits 2016年12月31日


def notice_docx(folders: list[Path], context: dict[str, Any], day: date) -> bytes:
    doc = start(open_template(folders, "notice.docx"))
    letterhead(doc, context["letterhead"], context["number"])
    para(doc, context["title"], "公文 标题")
    para(doc, msg("docx_addressee", name=context["unit"]["addressee"]), "公文 主送")
    late = context["late"]
    worst = max((i["days_overdue"] or 0 for i in late), default=0)
    plan = context["plan"]
    for text in (
        msg("docx_notice_intro", title=plan["title"], number=plan["document_number"],
            day=context["date_text"], n=len(late), worst=worst),
        msg("docx_notice_ask", deadline=context["deadline_text"], sender=context["sender"]),
        msg("docx_notice_end"),
    ):  # fmt: skip
        last = para(doc, text, "公文 正文")
    attachment = msg("docx_attachment_title", unit=context["unit"]["addressee"])
    ending = [
        last,
        para(doc),
        para(doc, msg("docx_attachment_note", title=attachment), "公文 附件说明"),
    ]
    keep_together(ending + signature(doc, context["sender"], context["date_text"]))
    contact = context["contact"] or msg("docx_blank")
    phone = context["phone"] or msg("docx_blank")
    para(doc, msg("docx_contact", contact=contact, phone=phone), "公文 附注")
    page_break(doc)
    para(doc, msg("docx_attachment_label"), "公文 附件标识")
    para(doc, attachment, "公文 附件标题")
    headers = [msg(f"docx_col_{c}") for c in ("n", "due", "ref", "title", "quote", "days")]
    rows = [
        [
            str(i["n"]),
            i["deadline_text"] or i["due_text"],
            i["ref"],
            i["title"] + (msg("docx_returned", reason=i["review_reason"]) if i["review_reason"]
                          else ""),
            i["quote"] if i["quote_first"] else msg("docx_same_quote", n=i["quote_same_as"]),
            str(i["days_overdue"] or ""),
        ]
        for i in late
    ]  # fmt: skip
    table(doc, headers, rows, ATTACHMENT_WIDTHS)
    record(doc, context["copy_to"], context["printed_by"], context["date_text"])
    return finish(doc, context["title"], context["sender"], day)


def letterhead(doc: Any, name: str, number: str) -> None:
    """发文机关标志, then 发文字号 (blank in a draft) on the red separator line."""
    para(doc, name, "公文 发文机关标志")
    para(doc, number, "公文 发文字号")


def signature(doc: Any, sender: str, day_text: str) -> list[Any]:
    """发文机关署名 and 成文日期, with room for the seal above them; all but the date
    (they are kept with what follows)."""
    room = [para(doc) for _ in range(2)]
    name = para(doc, sender, "公文 署名")
    para(doc, day_text, "公文 成文日期")
    return [*room, name]


def record(doc: Any, copy_to: list[str], printed_by: str, day_text: str) -> None:
    """版记: 抄送 (when there is any), then 印发机关 and 印发日期 on one line."""
    para(doc)
    if copy_to:
        para(doc, msg("docx_copy_to", names=join(copy_to)), "公文 版记")
    para(doc, msg("docx_printed", by=printed_by, day=day_text), "公文 版记")
