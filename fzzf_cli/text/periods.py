"""Reporting periods in words, as documents for officials print them: ``2017-H1`` →
2017年上半年 (first half of 2017)."""

from __future__ import annotations

import re

from fzzf_cli.text import long_period

_PERIOD = re.compile(r"^(\d{4})-H([12])$")


def period_label(period: str) -> str:
    """A period id in words; anything that is not one is returned as it is."""
    return long_period(period) if _PERIOD.match(period) else period


_IN_TEXT = re.compile(r" ?\b(\d{4}-H[12])\b ?")


def periods_in_words(text: str) -> str:
    """``text`` with every period id in it put in words (报送 2016-H1 创建… → 报送2016年上半年创建…)."""
    return _IN_TEXT.sub(lambda m: period_label(m.group(1)), text)
