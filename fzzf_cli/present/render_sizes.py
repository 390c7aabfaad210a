"""How large a value a template operation would make, estimated before it is made.

A template of a few bytes can ask for gigabytes in one step (``'a' * 10**9``,
``'a'.ljust(10**9)``, ``2 ** (10**8)``, ``'{:>1000000000}'.format(1)``) or by doubling a value
in a loop. The sandbox in render_bounds.py asks these functions first and refuses, with
``TemplateLimit``, anything over ``MAX_ITEMS`` characters or items, or an integer over
``MAX_INT_BITS``. The estimates are upper bounds that are cheap to compute.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from itertools import chain, compress
from typing import Any

from jinja2 import TemplateError

from fzzf_cli.text import msg

MAX_ITEMS = 5_000_000  # characters of one string, or items of one list counted all the way down
# Python will not even print an int of more than 4300 digits (about 14,300 bits); arithmetic
# up to 100,000 bits still takes well under a millisecond.
MAX_INT_BITS = 100_000

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.S)


class TemplateLimit(TemplateError):
    """A template went over a bound; raised inside template code so that Jinja2 adds the
    template's file and line to the traceback."""


def size_of(*values: object) -> int:
    """Characters and items in ``values``, nested containers counted all the way down (each
    container as one item more; a part that appears twice counts twice, as it prints twice);
    counting stops past ``MAX_ITEMS``. One level of nesting at a time, in C: five million
    numbers, or one list repeated five million times, take a fraction of a second."""
    if all(type(value) is str for value in values):
        return sum(map(len, values))  # type: ignore[arg-type]
    total = sum(_kind(type(value)) == _SCALAR for value in values)
    level: list[Any] = list(values)
    while level and total <= MAX_ITEMS:
        texts, seqs, maps = _by_kind(level)
        total += sum(map(len, chain(texts, seqs, maps))) + len(seqs) + len(maps)
        if total > MAX_ITEMS:  # before the next level is made: it has that many items
            break
        values_of = (m.values() for m in maps)
        level = [*chain.from_iterable(seqs), *chain.from_iterable(maps), *chain(*values_of)]
    return total


def _by_kind(level: list[Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """The strings, sequences and mappings in ``level`` (other values are one item each,
    counted by the container they are in)."""
    kinds = set(map(type, level))
    if len(kinds) == 1:  # the usual case: all numbers, all strings or all lists
        kind = _kind(kinds.pop())
        return tuple(level if kind == sized else [] for sized in _SIZED)  # type: ignore[return-value]
    code = {kind: _kind(kind) for kind in kinds}
    codes = list(map(code.__getitem__, map(type, level)))
    texts, seqs, maps = (list(compress(level, map(sized.__eq__, codes))) for sized in _SIZED)
    return texts, seqs, maps


_SCALAR, _TEXT, _SEQ, _MAP = range(4)
_SIZED = (_TEXT, _SEQ, _MAP)


def _kind(cls: type) -> int:
    if issubclass(cls, str | bytes | bytearray | range):
        return _TEXT
    if issubclass(cls, list | tuple | set | frozenset):
        return _SEQ
    return _MAP if issubclass(cls, dict) else _SCALAR


def check_size(size: int, what: str, **fields: object) -> None:
    """Refuse a result of ``size`` over the limit; ``what`` made it (a message key)."""
    if size > MAX_ITEMS:
        text = msg("template_value_too_large", what=msg(what, **fields), size=size, limit=MAX_ITEMS)
        raise TemplateLimit(text)


def check_binop(operator: str, left: Any, right: Any) -> None:
    """``*``, ``**``, ``+`` and ``%`` on values that could make a huge result."""
    if isinstance(left, int) and isinstance(right, int):
        if operator == "**" and right > 0:
            bits = max(abs(left).bit_length(), 1) * right
        elif operator == "*":
            bits = left.bit_length() + right.bit_length()
        else:
            return
        if bits > MAX_INT_BITS:
            what = msg("template_operator", operator=operator)
            text = msg("template_int_too_large", what=what, bits=bits, limit=MAX_INT_BITS)
            raise TemplateLimit(text)
    elif operator == "*" and isinstance(right, int) and _sequence(left):
        check_size(size_of(left) * right, "template_operator", operator=operator)
    elif operator == "*" and isinstance(left, int) and _sequence(right):
        check_size(size_of(right) * left, "template_operator", operator=operator)
    elif operator == "+" and _sequence(left) and _sequence(right):
        check_size(size_of(left, right), "template_operator", operator=operator)
    elif operator == "%" and isinstance(left, str | bytes):
        check_size(percent_size(left, right), "template_operator", operator=operator)


def check_concat(parts: tuple[Any, ...]) -> None:
    """The ``~`` operator: the parts' text together."""
    check_size(size_of(*parts), "template_operator", operator="~")


def percent_size(template: str | bytes, args: Any) -> int:
    """``template % args``: the template, every width and precision, and the arguments (each
    once when they are a tuple, else once per conversion)."""
    text = template.decode("latin-1") if isinstance(template, bytes) else template
    specs = [s for s in _PERCENT_SPEC.findall(text) if s[2] != "%"]
    if any("*" in (width, precision) for width, precision, _ in specs):
        raise TemplateLimit(msg("template_nested_format"))
    widths = sum(_number(width) + _number(precision) for width, precision, _ in specs)
    payload = size_of(args) if isinstance(args, tuple) else len(specs) * size_of(args)
    return len(text) + widths + payload


def format_size(template: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """``template.format(*args, **kwargs)``: the template, every width in a format spec, and the
    largest argument once per replacement field. A field inside a spec (``{0:{1}}``) is
    refused: its width could be anything."""
    try:
        fields = [
            spec for _, name, spec, _ in string.Formatter().parse(template) if name is not None
        ]
    except ValueError:
        return len(template)  # format() itself says what is wrong
    if any("{" in (spec or "") for spec in fields):
        raise TemplateLimit(msg("template_nested_format"))
    widths = sum(_number(n) for spec in fields for n in re.findall(r"\d+", spec or ""))
    largest = max((size_of(a) for a in (*args, *kwargs.values())), default=0)
    return len(template) + widths + len(fields) * largest


def call_size(owner: object, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The size of what a method of a string returns, or of what a list, dict or set holds
    after a method adds to it; 0 for methods that cannot make much more than they are given."""
    if isinstance(owner, str | bytes):
        tab = "\t" if isinstance(owner, str) else b"\t"
        if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
            return max(len(owner), args[0])
        if name == "expandtabs":
            tabsize = args[0] if args else kwargs.get("tabsize", 8)
            return len(owner) + owner.count(tab) * max(tabsize, 0)  # type: ignore[arg-type]
        if name == "replace" and len(args) >= 2:
            count = args[2] if len(args) > 2 else kwargs.get("count", -1)
            return replaced_size(owner, args[0], args[1], count)
        if name == "join" and args:
            return size_of(args[0]) + len(args[0]) * len(owner)
        if name == "translate" and args and isinstance(args[0], dict):
            widest = max((size_of(v) for v in args[0].values()), default=1)
            return len(owner) * max(widest, 1)
    if isinstance(owner, list | dict | set) and name in _GROWING:
        return size_of(owner, *args, *kwargs.values())  # what the container will hold
    return 0


# Methods that put more into a list, dict or set: a loop could grow one without end.
_GROWING = {"append", "extend", "insert", "add", "update", "setdefault"}


def replaced_size(text: Any, old: Any, new: Any, count: Any) -> int:
    """``text.replace(old, new, count)``: each replacement may add all of ``new``."""
    times = text.count(old) if len(old) else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * len(new)


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _indent_size(a: dict[str, Any]) -> int:
    text, width = str(a["s"]), a["width"]
    unit = width if isinstance(width, int) else len(str(width))
    return len(text) + (text.count("\n") + 1) * max(unit, 0)


def _wordwrap_size(a: dict[str, Any]) -> int:
    text, width = str(a["s"]), max(_int(a["width"]), 1)
    return len(text) + (len(text) // width + 1) * len(str(a["wrapstring"] or "\n"))


def _join_size(a: dict[str, Any]) -> int:
    a["value"] = items = list(a["value"])  # counted once, then joined
    return size_of(items) + len(items) * len(str(a["d"]))


def _tojson_size(a: dict[str, Any]) -> int:
    indent = a["indent"]
    unit = indent if isinstance(indent, int) else len(indent) if isinstance(indent, str) else 0
    return size_of(a["value"]) * (1 + max(unit, 0))


# Filters that can make a value much larger than their input, and the size each would make
# (their arguments by name, defaults filled in); the others are linear in their input.
FILTER_SIZES: dict[str, Callable[[dict[str, Any]], int]] = {
    "center": lambda a: max(len(str(a["value"])), _int(a["width"])),
    "indent": _indent_size,
    "wordwrap": _wordwrap_size,
    "replace": lambda a: replaced_size(str(a["s"]), str(a["old"]), str(a["new"]), a["count"]),
    "join": _join_size,
    "format": lambda a: percent_size(str(a["value"]), a["kwargs"] or a["args"]),
    "batch": lambda a: _int(a["linecount"]),
    "slice": lambda a: _int(a["slices"]),
    "tojson": _tojson_size,
}


def _sequence(value: object) -> bool:
    return isinstance(value, str | bytes | list | tuple)


def _number(digits: str) -> int:
    """A width written in a format (none is 0); one too long to read is certainly too large."""
    if not digits:
        return 0
    return int(digits) if len(digits) <= 12 else MAX_ITEMS + 1
