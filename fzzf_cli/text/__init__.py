"""Every user-facing string, one catalogue per language (``zh.py``, the default)."""

from __future__ import annotations

from fzzf_cli.text.zh import ZH

_CATALOG = ZH


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
    return Said(_CATALOG[key].format(**fields), key)
