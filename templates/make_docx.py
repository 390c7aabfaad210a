"""Build the default Word templates, templates/notice.docx and templates/report.docx.

Run from the repository root after changing a style:  python templates/make_docx.py
The output is reproducible (fixed timestamps and properties), so an unchanged build shows
no diff. The templates hold no text: page setup (A4, the GB/T 9704-2012 margins: 天头 37 mm,
订口 28 mm, type area 156 x 225 mm), the page-number footer (— 1 —, odd pages right, even
pages left), and the named styles fzzf fills in (公文 正文 …). A data repository may ship
its own notice.docx/report.docx in templates/ with styles of the same names: edit these in
Word or WPS, keep the names.

Fonts are named as government offices have them (仿宋_GB2312, 方正小标宋简体 …); the font
table lists alternatives (w:altName) for machines without them, e.g. FangSong, STFangsong,
Noto Serif CJK SC.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fzzf_cli.present.docx_doc import repack

FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI = (
    "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体",
)  # fmt: skip
ALTERNATIVES = {
    FANGSONG: "FangSong,仿宋,STFangsong,FangSong_GB2312,Noto Serif CJK SC,Source Han Serif SC",
    XIAOBIAOSONG: "FZXiaoBiaoSong-B05S,华文中宋,STZhongsong,宋体,SimSun,Noto Serif CJK SC",
    HEITI: "SimHei,STHeiti,Noto Sans CJK SC,Source Han Sans SC",
    KAITI: "KaiTi,楷体,STKaiti,KaiTi_GB2312,Noto Serif CJK SC",
    SONGTI: "SimSun,STSong,Noto Serif CJK SC,Source Han Serif SC",
}
RED = RGBColor(0xFF, 0x00, 0x00)
LINE = Pt(29)  # 22 lines in the 225 mm type area
CHAR = Pt(16)  # one character of 三号


def fonts(element, east_asian: str) -> None:
    """Latin text in Times New Roman, Chinese in ``east_asian``."""
    props = element.get_or_add_rPr()
    found = props.find(qn("w:rFonts"))
    if found is None:
        found = props.makeelement(qn("w:rFonts"), {})
        props.insert(0, found)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        found.set(qn(attr), "Times New Roman")
    found.set(qn("w:eastAsia"), east_asian)
    found.set(qn("w:hint"), "eastAsia")
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = props.makeelement(qn("w:lang"), {})
        props.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def border(style, sides: dict[str, tuple[int, str]]) -> None:
    """Paragraph borders: side -> (width in eighths of a point, colour)."""
    props = style.element.get_or_add_pPr()
    box = props.makeelement(qn("w:pBdr"), {})
    for side, (size, colour) in sides.items():
        box.append(
            box.makeelement(
                qn(f"w:{side}"),
                {
                    qn("w:val"): "single",
                    qn("w:sz"): str(size),
                    qn("w:space"): "4",
                    qn("w:color"): colour,
                },
            )
        )
    props.append(box)


def paragraph_style(doc, name, font=FANGSONG, size=16, align=None, indent=0.0, before=0.0,
                    after=0.0, line=LINE, color=None, right=0.0):  # fmt: skip
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size)
    fonts(style.element, font)
    if color is not None:
        style.font.color.rgb = color
    form = style.paragraph_format
    if align is not None:
        form.alignment = align
    form.first_line_indent = Pt(indent * size) if indent else Pt(0)
    form.right_indent = Pt(right * size)
    form.space_before, form.space_after = Pt(before), Pt(after)
    if line is None:
        form.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        form.line_spacing_rule, form.line_spacing = WD_LINE_SPACING.EXACTLY, line
    form.widow_control = True
    return style


def build() -> Document:
    doc = Document()
    for paragraph in list(doc.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    run_props = defaults.find(qn("w:rPr"))
    if run_props is None:
        run_props = defaults.makeelement(qn("w:rPr"), {})
        defaults.append(run_props)
    for old in run_props.findall(qn("w:rFonts")):
        run_props.remove(old)
    run_props.insert(0, run_props.makeelement(qn("w:rFonts"), {
        qn("w:ascii"): "Times New Roman", qn("w:hAnsi"): "Times New Roman",
        qn("w:cs"): "Times New Roman", qn("w:eastAsia"): FANGSONG}))  # fmt: skip
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    fonts(normal.element, FANGSONG)
    form = normal.paragraph_format
    form.line_spacing_rule, form.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    form.space_before = form.space_after = Pt(0)
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    paragraph_style(doc, "公文 发文机关标志", XIAOBIAOSONG, 36, center, line=None, color=RED)
    number = paragraph_style(doc, "公文 发文字号", size=16, align=center, before=58, after=0)
    border(number, {"bottom": (12, "FF0000")})
    paragraph_style(doc, "公文 标题", XIAOBIAOSONG, 22, center, before=29, after=29, line=Pt(35))
    paragraph_style(doc, "公文 主送")
    paragraph_style(doc, "公文 正文", indent=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    paragraph_style(doc, "公文 一级标题", HEITI, indent=2)
    paragraph_style(doc, "公文 二级标题", KAITI, indent=2)
    paragraph_style(doc, "公文 附件说明", indent=2)
    paragraph_style(doc, "公文 署名", align=right, right=2)
    paragraph_style(doc, "公文 成文日期", align=right, right=4)
    paragraph_style(doc, "公文 附注", indent=2)
    paragraph_style(doc, "公文 附件标识", HEITI)
    paragraph_style(doc, "公文 附件标题", XIAOBIAOSONG, 22, center, after=29, line=Pt(35))
    paragraph_style(doc, "公文 表格文字", size=10.5, line=None)
    record = paragraph_style(doc, "公文 版记", size=14, line=Pt(29))
    record.paragraph_format.left_indent = Pt(14)
    record.paragraph_format.right_indent = Pt(14)
    record.paragraph_format.tab_stops.add_tab_stop(Mm(156) - Pt(14), WD_TAB_ALIGNMENT.RIGHT)
    border(record, {"top": (8, "000000"), "bottom": (8, "000000"), "between": (4, "000000")})
    grid = doc.styles.add_style("公文 表格", WD_STYLE_TYPE.TABLE)
    grid.base_style = doc.styles["Table Grid"]
    page_numbers(doc, section)
    font_table(doc)
    return doc


def page_numbers(doc, section) -> None:
    """— 1 —: 四号半角宋体, odd pages at the right, even at the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):  # fmt: skip
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        form = paragraph.paragraph_format
        form.left_indent = form.right_indent = Pt(14)
        for text, field in (("— ", None), (None, "PAGE"), (" —", None)):
            run = paragraph.add_run(text or "")
            run.font.size = Pt(14)
            fonts(run._r, SONGTI)
            if field:
                for kind, extra in (("begin", None), (None, f" {field} "), ("end", None)):
                    if kind:
                        char = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
                        run._r.append(char)
                    else:
                        code = run._r.makeelement(qn("w:instrText"), {})
                        code.text = extra
                        run._r.append(code)


def font_table(doc) -> None:
    """Declare each font with its alternatives, so that Word, WPS and LibreOffice pick a
    similar face where the named one is not installed."""
    part = next(p for p in doc.part.package.iter_parts() if p.partname.endswith("fontTable.xml"))
    entries = []
    for name, alternatives in ALTERNATIVES.items():
        entries.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alternatives}"/>'
            '<w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        )
    entries.append('<w:font w:name="Times New Roman"><w:charset w:val="00"/>'
                   '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>')  # fmt: skip
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    )
    part._blob = xml.encode("utf-8")


def main() -> None:
    import io

    here = Path(__file__).resolve().parent
    for name in ("notice.docx", "report.docx"):
        doc = build()
        props = doc.core_properties
        props.title, props.author, props.comments = name, "fzzf", "fzzf template"
        props.last_modified_by, props.revision = "", 1
        from datetime import datetime

        props.created = props.modified = datetime(2017, 1, 1)
        out = io.BytesIO()
        doc.save(out)
        (here / name).write_bytes(repack(out.getvalue()))
        print(f"wrote templates/{name}")


if __name__ == "__main__":
    main()
