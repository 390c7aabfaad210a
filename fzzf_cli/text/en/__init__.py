"""The English catalogue: the same keys as the Chinese one (``text.zh``) with the same ``{field}`` placeholders,
chosen with ``fzzf --lang en …`` or ``FZZF_LANG=en``. Values from the data (unit names,
measure texts, quotes from the source) stay as the data has them."""

from __future__ import annotations

from fzzf_cli.text.en.calendar import EN_CALENDAR
from fzzf_cli.text.en.changes import EN_CHANGES
from fzzf_cli.text.en.diff import EN_DIFF
from fzzf_cli.text.en.due_from import EN_DUE_FROM
from fzzf_cli.text.en.files import EN_FILES
from fzzf_cli.text.en.hardening import EN_HARDENING
from fzzf_cli.text.en.lights import EN_LIGHTS
from fzzf_cli.text.en.nil_returns import EN_NIL
from fzzf_cli.text.en.output import EN_OUTPUT
from fzzf_cli.text.en.reports import EN_REPORTS
from fzzf_cli.text.en.schema import EN_SCHEMA
from fzzf_cli.text.en.site import EN_SITE
from fzzf_cli.text.en.starter import EN_STARTER
from fzzf_cli.text.en.units import EN_UNITS
from fzzf_cli.text.en.ux import EN_UX
from fzzf_cli.text.en.verdicts import EN_VERDICTS
from fzzf_cli.text.en.word import EN_WORD
from fzzf_cli.text.en.workbook import EN_WORKBOOK
from fzzf_cli.text.en.xlsx import EN_XLSX

EN: dict[str, str] = {
    **EN_FILES,
    **EN_HARDENING,
    **EN_VERDICTS,
    **EN_OUTPUT,
    **EN_LIGHTS,
    **EN_REPORTS,
    **EN_WORKBOOK,
    **EN_XLSX,
    **EN_WORD,
    **EN_CHANGES,
    **EN_NIL,
    **EN_DIFF,
    **EN_UNITS,
    **EN_CALENDAR,
    **EN_STARTER,
    **EN_SITE,
    **EN_SCHEMA,
    **EN_DUE_FROM,
    **EN_UX,
}
