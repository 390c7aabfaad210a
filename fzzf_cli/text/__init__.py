"""Every user-facing string, one catalogue per language (``zh.py``, the default)."""

from __future__ import annotations

from fzzf_cli.text.zh import ZH

_CATALOG = ZH


def msg(key: str, **fields: object) -> str:
    """Return the message ``key`` filled with ``fields``."""
    return _CATALOG[key].format(**fields)
