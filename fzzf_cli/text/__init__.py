"""Every user-facing string, one catalogue per language: ``zh.py`` (the default) and
``en.py``. The language is chosen once, before the commands are built (their help texts
are catalogue entries): ``fzzf --lang en …`` or ``FZZF_LANG=en`` (cli/launch.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from importlib import import_module

from fzzf_cli.text.zh import ZH

# Each language's catalogue, imported only when chosen.
LANGUAGES = {"zh": ("fzzf_cli.text.zh", "ZH"), "en": ("fzzf_cli.text.en", "EN")}
DEFAULT = "zh"

_CATALOG: Mapping[str, str] = ZH
_LANG = DEFAULT
# Each message made once per language: views say 已完成 or 第12项 for thousands of rows, and a
# ``Said`` is a str with an instance dict (about 230 bytes), so equal ones are shared.
_SAID: dict[tuple[str, str], Said] = {}


class Said(str):
    """A message that remembers which catalogue entry it came from: a problem's code is
    its message's key (``sub_wrong_unit`` → ``sub-wrong-unit``), in every language."""

    key: str

    def __new__(cls, text: str, key: str) -> Said:
        said = super().__new__(cls, text)
        said.key = key
        return said


def msg(key: str, **fields: object) -> str:
    """Return the message ``key`` filled with ``fields``."""
    text = _CATALOG[key].format(**fields)
    found = _SAID.get((key, text))
    if found is None:
        found = _SAID[key, text] = Said(text, key)
    return found


def catalogue(lang: str) -> Mapping[str, str]:
    module, name = LANGUAGES[lang]
    found: Mapping[str, str] = getattr(import_module(module), name)
    return found


def every(key: str) -> frozenset[str]:
    """The entry ``key`` as every language has it, unfilled: to recognise text that fzzf
    wrote into a file (a scaffold's placeholder) whichever language wrote it."""
    return frozenset(catalogue(lang)[key] for lang in LANGUAGES)


def use(lang: str) -> None:
    """Speak ``lang`` from now on (one of ``LANGUAGES``)."""
    global _CATALOG, _LANG
    _CATALOG, _LANG = catalogue(lang), lang
    _SAID.clear()


def spoken() -> str:
    """The language ``use`` chose: text derived in one is not reused in another."""
    return _LANG


def language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language asked for: ``--lang X`` (or ``--lang=X``) before the command, else
    ``FZZF_LANG``, else Chinese. Its value is checked by the caller."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
        if not arg.startswith("-"):
            break  # the command: options after it are the command's
    return environ.get("FZZF_LANG") or DEFAULT


def long_date(day: date) -> str:
    """A date as written in running text and documents: 2017年7月15日 / 7/15/2017."""
    return msg("date_long", year=day.year, month=day.month, day=day.day)


def long_period(period: str) -> str:
    """A reporting period as documents name it: 2017-H1 → 2017年上半年 / first half of 2017."""
    year, half = period.split("-H")
    return msg(f"period_long_h{half}", year=year)


def join(items: Sequence[object]) -> str:
    """A list in running text: 甲、乙、丙 / A, B, C."""
    return msg("list_sep").join(str(item) for item in items)
