"""Reviewer handles (units.yaml ``reviewers``): what may reach a CODEOWNERS file and what
may not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fzzf_cli.model.handles import check_handle, shown

HOSTILE = [
    "@a b",
    "@x\n* @evil",
    "#x",
    "@a\u202e",
    "@a\n",
    "@@maintainer",
    "@",
    "@-x",
    "@a/../b",
    "@a/",
    "[Section]",
    "a@b",
    "a b@example.gov.cn",
    "@ａ",
    "",
    "@" + "a" * 300,
]
ACCEPTED = [
    "@dq-li",
    "@Zhaoqing_Gov",
    "@zhaoqing/deqing",
    "@group/sub.group/team",
    "fzb@example.gov.cn",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_handles_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="审阅人"):
        check_handle(value)


@pytest.mark.parametrize("value", ACCEPTED)
def test_plain_handles_are_accepted(value: str) -> None:
    assert check_handle(value) == value


def test_refusal_shows_the_value_on_one_line() -> None:
    with pytest.raises(ValueError) as caught:
        check_handle("@x\n* @evil\u202e")
    text = str(caught.value)
    assert "“@x\\n* @evil\\u202e”" in text and "\n" not in text and "\u202e" not in text
    assert "@zhaoqing/deqing" in text  # an example of what to write


def test_shown_cuts_long_values() -> None:
    assert shown("@" + "a" * 100) == "@" + "a" * 38 + "…"


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=40) | st.from_regex(r"@[A-Za-z0-9/._ #\n-]{1,20}"))
def test_whatever_passes_is_plain_ascii(value: str) -> None:
    """Anything accepted is one CODEOWNERS token: no space, #, bracket, ! or line break."""
    try:
        check_handle(value)
    except ValueError:
        return
    assert value.isascii() and value.isprintable()
    assert not set(value) & set(" \t\r\n#[]!\\`*?")
