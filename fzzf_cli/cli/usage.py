"""Usage errors in Chinese: what was typed wrong on the command line, and what to type.

Click (inside Typer) words its errors in English; this maps the common ones to the
messages catalogue and keeps the original only where no mapping applies.
"""

from __future__ import annotations

import re
from typing import Any

from fzzf_cli.cli.clickapi import BadParameter, is_error
from fzzf_cli.text import join, msg

_DETAILS = (
    (re.compile(r"Input should be greater than or equal to (-?\d+)"), "usage_ge"),
    (re.compile(r"Input should be less than or equal to (-?\d+)"), "usage_le"),
    (re.compile(r"Input should be a valid integer"), "usage_int"),
    (re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.+?)\.?$"), "usage_choice"),
    (re.compile(r"Input should be a valid boolean"), "usage_bool"),
)


_OTHERS = (
    (r"No such command '([^']+)'\. Did you mean '([^']+)'", "usage_no_command_close", "name"),
    (r"No such command '([^']+)'", "usage_no_command", "name"),
    (r"Option '(.+)' requires an argument", "usage_needs_value", "name"),
    (r"Got unexpected extra arguments? \((.+)\)", "usage_extra", "args"),
)


def _param_name(error: Any) -> str:
    param = getattr(error, "param", None)
    if param is None:
        return getattr(error, "param_hint", None) or ""
    opts = getattr(param, "opts", None) or []
    return " / ".join(opts) if opts else (param.human_readable_name or param.name or "")


def _detail(text: str) -> str:
    for pattern, key in _DETAILS:
        found = pattern.search(text)
        if found is None:
            continue
        if key == "usage_choice":
            choices = join([c.strip(" '") for c in found["choices"].split(",")])
            return msg(key, value=found["value"], choices=choices)
        return msg(key, n=found.group(1)) if found.groups() else msg(key)
    return text


def chinese(error: Any) -> str:
    """The message of a usage error, in Chinese where fzzf knows the case."""
    text = error.message
    if is_error(error, "NoSuchOption"):
        found = msg("usage_no_option", name=error.option_name)
        if error.possibilities:
            found += " " + msg("did_you_mean", candidates=join(sorted(error.possibilities)))
        return found
    if is_error(error, "MissingParameter"):
        return msg("usage_missing", name=_param_name(error).strip("{}"))
    if isinstance(error, BadParameter):
        return msg("usage_bad_value", name=_param_name(error), detail=_detail(text))
    for pattern, key, field in _OTHERS:
        match = re.match(pattern, text)
        if match:
            extra = {"close": match[2]} if match.re.groups > 1 else {}
            return msg(key, **{field: match[1]}, **extra)
    return text
