"""Reviewer handles: the people a unit names in ``units.yaml`` to approve its own files.

A handle is copied into the repository's CODEOWNERS file (``fzzf codeowners``), where a
space separates owners, ``#`` starts a comment, ``[`` a GitLab section and a line break a
new rule. Units write these values, so each one must match a strict pattern before it is
accepted: ``@user``, ``@org/team`` (GitLab subgroups: ``@group/sub/team``) or an e-mail
address, in ASCII letters, digits and ``-`` ``_`` ``.`` only. Nothing else can reach the file.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from fzzf_cli.text import msg

# A GitHub or GitLab user, organisation, group or team name: starts with a letter or digit.
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}"
_ACCOUNT = rf"@{_NAME}(?:/{_NAME}){{0,20}}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = rf"[A-Za-z0-9][A-Za-z0-9._+-]{{0,63}}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
_HANDLE = re.compile(rf"{_ACCOUNT}|{_EMAIL}")
_MAX_LENGTH = 254


def shown(value: str, limit: int = 40) -> str:
    """``value`` on one line as a person can read it: ``\\n``, ``\\u202e`` for what is invisible."""
    text = "".join(
        ch if ch.isprintable() else ("\\n" if ch == "\n" else f"\\u{ord(ch):04x}") for ch in value
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_handle(value: str) -> str:
    """Accept a handle only when all of it matches the pattern (``fullmatch``: no trailing
    newline slips through as it would past ``$``)."""
    if len(value) > _MAX_LENGTH or _HANDLE.fullmatch(value) is None:
        raise ValueError(msg("handle_invalid", value=shown(value)))
    return value


Handle = Annotated[str, AfterValidator(check_handle)]
