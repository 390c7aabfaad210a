"""Every key the code asks for is in every catalogue, with the same placeholders.

A second language is a catalogue, not a code change (fzzf_cli/text/): so each catalogue has
exactly the keys of the Chinese one, each with the same ``{field}`` names, and every key
the code or a template passes to ``msg`` (or ``every``), and every column heading named by
``columns(prefix, key, …)``, exists in all of them. Keys built at run time count by their
literal start: ``msg(f"status_{status}")`` needs some key starting with ``status_``. A key
held in a variable (``msg(key)``) is not seen here.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

from fzzf_cli.text import DEFAULT, LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[2]
CALLS = {"msg", "every"}  # fzzf_cli.text's functions that take a key first
# msg("key") or msg("prefix_" ~ rest) in a Jinja template (the context passes msg).
_JINJA = re.compile(r"""\bmsg\(\s*(["'])((?:(?!\1).)*)\1\s*(~)?""")


class Use(NamedTuple):
    key: str  # the key, or the literal start of one built at run time
    prefix: bool
    where: str  # path:line


def _fields(template: str) -> list[str]:
    return sorted({f for _, f, _, _ in string.Formatter().parse(template) if f is not None})


def _literal_start(node: ast.expr) -> str | None:
    """The text a key expression starts with: a string, an f-string's leading text, the
    left side of ``"prefix_" + x``; None when the expression is opaque."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_start(node.left)
    return None


def python_uses(source: str, where: str) -> Iterator[Use]:
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "columns":  # present/view.columns("col_", "no", …): headings col_no, …
            words = [_literal_start(a) if isinstance(a, ast.Constant) else None for a in node.args]
            if None not in words:
                prefix, *keys = words
                yield from (Use(f"{prefix}{k}", False, f"{where}:{node.lineno}") for k in keys)
            continue
        if name not in CALLS:
            continue
        arg = node.args[0]
        start = _literal_start(arg)
        if start is None:
            continue
        whole = isinstance(arg, ast.Constant)
        yield Use(start, not whole, f"{where}:{node.lineno}")


def template_uses(source: str, where: str) -> Iterator[Use]:
    for found in _JINJA.finditer(source):
        line = source.count("\n", 0, found.start()) + 1
        yield Use(found[2], found[3] is not None, f"{where}:{line}")


def all_uses() -> list[Use]:
    uses: list[Use] = []
    for path in sorted((ROOT / "fzzf_cli").rglob("*.py")):
        uses += python_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    for path in sorted((ROOT / "templates").rglob("*.j2")):
        uses += template_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    return uses


def missing(uses: list[Use], keys: Mapping[str, str]) -> list[str]:
    """``key (path:line)`` for each use that no key of ``keys`` answers."""
    return [
        f"{use.key}{'…' if use.prefix else ''} ({use.where})"
        for use in uses
        if not (any(k.startswith(use.key) for k in keys) if use.prefix else use.key in keys)
    ]


OTHERS = sorted(set(LANGUAGES) - {DEFAULT})


@pytest.mark.parametrize("lang", OTHERS)
def test_every_catalogue_has_the_default_ones_keys(lang: str) -> None:
    base, other = catalogue(DEFAULT), catalogue(lang)
    lacking, extra = sorted(set(base) - set(other)), sorted(set(other) - set(base))
    assert not lacking, f"missing from {lang}: {', '.join(lacking)}"
    assert not extra, f"in {lang} but not in {DEFAULT}: {', '.join(extra)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_entry_has_the_same_placeholders(lang: str) -> None:
    base, other = catalogue(DEFAULT), catalogue(lang)
    differ = {
        key: (_fields(base[key]), _fields(other[key]))
        for key in base
        if key in other and _fields(base[key]) != _fields(other[key])
    }
    shown = "; ".join(
        f"{key}: {ours} in {DEFAULT}, {theirs} in {lang}" for key, (ours, theirs) in differ.items()
    )
    assert not differ, f"other placeholders: {shown}"


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_entry_is_a_valid_template(lang: str) -> None:
    for key, template in catalogue(lang).items():
        fields = dict.fromkeys(_fields(template), "x")
        assert isinstance(template.format(**fields), str), key


def test_the_code_uses_keys():
    """The scan below finds something: a change in how the code calls msg cannot make
    it pass by finding nothing."""
    uses = all_uses()
    assert len({u.key for u in uses if not u.prefix}) > 400
    assert any(u.prefix and u.key == "status_" for u in uses)
    assert any(u.key == "dcol_due" for u in uses)
    assert any(u.where.startswith("templates/") for u in uses)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_key_used_is_in_the_catalogue(lang: str) -> None:
    gaps = missing(all_uses(), catalogue(lang))
    assert not gaps, f"keys used but not in {lang}: {', '.join(gaps)}"


def test_the_scan_reports_what_is_missing_by_name() -> None:
    """The checks above can fail: keys and prefixes that are not there are named, with
    where they are used; keys that are there pass."""
    code = (
        'msg("list_sep")\nmsg("no_such_key", n=1)\ntext.msg(f"status_{s}")\n'
        'msg(f"nowhere_{s}")\nmsg("kind_" + k)\nevery("gone")\nmsg(key)\n'
        'columns("dcol_", "due", "nope")\n'
    )
    template = '{{ msg("gate_pass") }} {{ msg("absent") }} {{ msg("status_" ~ c) }}'
    uses = [*python_uses(code, "a.py"), *template_uses(template, "t.j2")]
    assert missing(uses, catalogue(DEFAULT)) == [
        "no_such_key (a.py:2)",
        "nowhere_… (a.py:4)",
        "gone (a.py:6)",
        "dcol_nope (a.py:8)",
        "absent (t.j2:1)",
    ]
    short = {k: v for k, v in catalogue(DEFAULT).items() if k != "list_sep"}
    assert "list_sep (a.py:1)" in missing(uses, short)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_key_is_written_in_two_modules(lang: str) -> None:
    """The catalogue is the union of its modules: a key in two of them would silently give
    one command the other's words (``--within`` of notice once read as remind's)."""
    import importlib
    import pkgutil

    package = importlib.import_module(f"fzzf_cli.text.{lang}")
    owners: dict[str, list[str]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, dict):
                for key in value:
                    owners.setdefault(key, []).append(info.name)
    assert len(owners) > 500
    twice = {key: names for key, names in owners.items() if len(names) > 1}
    assert twice == {}
