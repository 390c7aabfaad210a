"""Reporting periods in words, as documents for officials print them: ``2017-H1`` →
2017年上半年 (first half of 2017)."""

from __future__ import annotations

import re

from fzzf_cli.text import msg

_PERIOD = re.compile(r"^(\d{4})-H([12])$")


def period_label(period: str) -> str:
    """A period id in words; anything that is not one is returned as it is."""
    found = _PERIOD.match(period)
    if found is None:
        return period
    return msg(f"period_h{found.group(2)}", year=found.group(1))


_IN_TEXT = re.compile(r" ?\b(\d{4}-H[12])\b ?")


def periods_in_words(text: str) -> str:
    """``text`` with every period id in it put in words (报送 2016-H1 创建… → 报送2016年上半年创建…)."""
    return _IN_TEXT.sub(lambda m: period_label(m.group(1)), text)
