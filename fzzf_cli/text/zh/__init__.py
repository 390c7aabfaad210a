"""The Chinese catalogue (the default): ``str.format`` templates keyed by stable English
names. Code calls ``msg("key", **fields)`` (``fzzf_cli.text``); a translation is another
dict with the same keys."""

from __future__ import annotations

from fzzf_cli.text.zh.calendar import ZH_CALENDAR
from fzzf_cli.text.zh.changes import ZH_CHANGES
from fzzf_cli.text.zh.diff import ZH_DIFF
from fzzf_cli.text.zh.due_from import ZH_DUE_FROM
from fzzf_cli.text.zh.files import ZH_FILES
from fzzf_cli.text.zh.hardening import ZH_HARDENING
from fzzf_cli.text.zh.lights import ZH_LIGHTS
from fzzf_cli.text.zh.nil_returns import ZH_NIL
from fzzf_cli.text.zh.output import ZH_OUTPUT
from fzzf_cli.text.zh.reports import ZH_REPORTS
from fzzf_cli.text.zh.schema import ZH_SCHEMA
from fzzf_cli.text.zh.site import ZH_SITE
from fzzf_cli.text.zh.starter import ZH_STARTER
from fzzf_cli.text.zh.units import ZH_UNITS
from fzzf_cli.text.zh.ux import ZH_UX
from fzzf_cli.text.zh.verdicts import ZH_VERDICTS
from fzzf_cli.text.zh.word import ZH_WORD
from fzzf_cli.text.zh.workbook import ZH_WORKBOOK
from fzzf_cli.text.zh.xlsx import ZH_XLSX

ZH: dict[str, str] = {
    **ZH_FILES,
    **ZH_HARDENING,
    **ZH_VERDICTS,
    **ZH_OUTPUT,
    **ZH_LIGHTS,
    **ZH_REPORTS,
    **ZH_WORKBOOK,
    **ZH_XLSX,
    **ZH_WORD,
    **ZH_CHANGES,
    **ZH_NIL,
    **ZH_DIFF,
    **ZH_UNITS,
    **ZH_CALENDAR,
    **ZH_STARTER,
    **ZH_SITE,
    **ZH_SCHEMA,
    **ZH_DUE_FROM,
    **ZH_UX,
}
