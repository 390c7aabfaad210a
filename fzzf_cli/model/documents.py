"""The coordinator's document settings and its register of issued numbers, as typed records.

``data/documents.yaml`` (optional) says who signs the documents fzzf writes as Word 公文
(GB/T 9704-2012): the sender's full name, the 发文机关标志, the 机关代字 of the 发文字号
(``肇法督`` in ``肇法督〔2017〕3号``), 抄送, the 印发机关 and the 附注's contact. Anything not
written takes a default from the plan (the coordinator's full name).

``data/register.yaml`` is the 发文登记簿: one entry per numbered notice fzzf issued. fzzf
appends to it; a number in it is never given again, whether or not the document still
exists. Both files are data from a pull request, read as strictly as the plan.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from fzzf_cli.model.fields import Id, IsoDate, Record, Text

SETTINGS_FILE = "data/documents.yaml"
REGISTER_FILE = "data/register.yaml"

# A 机关代字: a few characters, no brackets or digits that would make a number ambiguous.
Prefix = Annotated[str, Field(min_length=1, max_length=12, pattern=r"^[^\s\d〔〕\[\]()（）]+$")]
ShortText = Annotated[Text, Field(max_length=60)]


class DocumentSettings(Record):
    sender: ShortText | None = None  # 发文机关全称: 落款 and 印发机关 by default
    letterhead: ShortText | None = None  # 发文机关标志 (red), e.g. 肇庆市人民政府法制局文件
    number_prefix: Prefix | None = None  # 机关代字 of the 发文字号
    copy_to: list[ShortText] = Field(default=[], max_length=20)  # 抄送
    printed_by: ShortText | None = None  # 印发机关
    contact: ShortText | None = None  # 附注: 联系人
    phone: ShortText | None = None  # 附注: 联系电话


class Issued(Record):
    """One numbered document: ``prefix〔year〕number号``, issued on ``date`` to ``unit``."""

    prefix: Prefix
    year: Annotated[int, Field(ge=1970, le=2999)]
    number: Annotated[int, Field(ge=1, le=99999)]
    date: IsoDate
    unit: Id
    title: Text | None = None


class Register(Record):
    issued: list[Issued] = []


def document_number(prefix: str, year: int, number: int) -> str:
    """The 发文字号 as GB/T 9704 writes it: 肇法督〔2017〕3号 (no leading zeros)."""
    return f"{prefix}〔{year}〕{number}号"
