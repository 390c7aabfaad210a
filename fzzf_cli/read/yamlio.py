"""Read one YAML data file into plain values, turning every problem into a located ``Problem``.

The pipeline (see research/reliability.md §1.11): safe read and size cap (``yamlbytes``) →
strict UTF-8 decode → character scan (``yamlscan``) → streaming event pre-scan (one document,
no anchors/aliases, no tags, depth cap) → compose + construct with YAML-1.2-like resolvers →
key checks → top-level checks. An ordinary file skips the scans (``yamlfast`` rules them out).
Anything about the file's content becomes a Problem; nothing here raises for bad data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.yamlbytes import MAX_BYTES, decode, read_bytes, too_large
from fzzf_cli.read.yamlfast import construct, over_limits, plain_events, plain_text
from fzzf_cli.read.yamlscan import MAX_EVENTS, at_mark, cap, prescan, scan_text
from fzzf_cli.read.yamlsyntax import syntax_problem
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.read.reread import Reread

MAX_DEPTH: int = 64  # nesting deeper than this is refused (event pre-scan, before composing)

_TAG = "tag:yaml.org,2002:"
# YAML 1.2 core-schema-like: `yes`, `0123`, `1:30`, `0x1F`, `2024-01-05` all stay strings; ints
# are bounded so a 5000-digit number cannot hit Python's int-string limit.
_RESOLVERS: tuple[tuple[str, str, list[str]], ...] = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?(?:0|[1-9][0-9]{0,17})$", list("-+0123456789")),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", list("-+.0123456789")),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^<<$", ["<"]),  # resolved only so that `<<` can be refused, never merged
)
_KINDS = {"int": "yaml_kind_number", "float": "yaml_kind_number", "bool": "yaml_kind_bool"}


def _strict_loader(base: type) -> type:
    """Subclass ``base`` with our own resolver and constructor tables (the base is untouched)."""
    plain = ("str", "int", "float", "bool", "null", "seq", "map")
    tables: dict[str, Any] = {
        "yaml_implicit_resolvers": {},
        "yaml_constructors": {
            **{_TAG + t: SafeConstructor.yaml_constructors[_TAG + t] for t in plain},
            None: SafeConstructor.construct_undefined,
        },
    }
    loader: Any = type("StrictLoader", (base,), tables)
    for tag, pattern, first in _RESOLVERS:
        loader.add_implicit_resolver(_TAG + tag, re.compile(pattern), first)
    return loader


# Never fall back to an unsafe loader when libyaml is missing: only the Safe ones.
_LOADERS = {
    False: _strict_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
    True: _strict_loader(yaml.SafeLoader),
}


class _Dumper(yaml.SafeDumper):
    """Quotes any string that *either* YAML 1.1 or our loader would read as a non-string."""

    yaml_implicit_resolvers = {  # our own copy: SafeDumper stays untouched
        k: list(v) for k, v in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key (``key:`` then ``  - x``), as people write them."""
        super().increase_indent(flow, False)


for _tag, _pattern, _first in _RESOLVERS:
    _Dumper.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), _first)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # emitter falls back to quotes when | can't hold it
    return dumper.represent_scalar(_TAG + "str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_multi_representer(str, _represent_str)  # messages are a str subclass (text.Said)


class YamlDoc(NamedTuple):
    """A loaded file: plain values, the node tree (for line numbers) and the display path."""

    data: Any
    root: yaml.Node
    path: str

    def load(self) -> YamlDoc:
        return self


def read_yaml(
    file: Path, display: str, root: Path | None = None
) -> tuple[YamlDoc | None, list[Problem]]:
    """Read one file (``yamlbytes.read_bytes``: links and oversized files refused unread) and
    parse it. `display` is the path printed in messages. Never raises for anything about the
    file's content."""
    raw, problems = read_bytes(file, display, root)
    if raw is None:
        return None, problems
    return parse_yaml(raw, display)


def parse_yaml(
    raw: bytes, display: str, *, pure: bool = False
) -> tuple[YamlDoc | None, list[Problem]]:
    """Same for bytes already read (used by read_yaml and by tests).

    ``pure=True`` forces the pure-Python SafeLoader, so tests can prove that hosts without
    libyaml give the same results; callers leave it alone.
    """
    if len(raw) > MAX_BYTES:
        return None, [too_large(display, len(raw))]
    text, problems = decode(raw, display)
    if text is None:
        return None, problems
    problems = [] if plain_text(text) else scan_text(text, display)
    if problems:
        return None, problems
    loader_class = _LOADERS[pure]
    # One libyaml pass for an ordinary file; the pre-scan first when unsure, or when the file
    # could pass the event limit (the pre-scan stops there; composing would not).
    quick = not pure and len(text) <= MAX_EVENTS and plain_events(text)
    problems = [] if quick else prescan(text, display, loader_class, MAX_DEPTH)
    if problems:
        return None, problems
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if quick and root is not None and over_limits(root, MAX_EVENTS, MAX_DEPTH):
            problems = prescan(text, display, loader_class, MAX_DEPTH)  # as it says it
            if problems:
                return None, problems
        if root is None or (root.tag == _TAG + "null" and root.value == ""):
            return None, [Problem(Location(display), msg("yaml_empty"), msg("yaml_hint_empty"))]
        if not isinstance(root, yaml.MappingNode):
            where = at_mark(display, root.start_mark)
            return None, [Problem(where, msg("yaml_top_not_mapping"), msg("yaml_hint_top"))]
        problems = _check_keys(root, display)
        if problems:
            return None, problems
        data = construct(root) if quick else loader.construct_document(root)
        return YamlDoc(data, root, display), []
    except yaml.MarkedYAMLError as err:
        found = prescan(text, display, loader_class, MAX_DEPTH) if quick else []  # as it says it
        return None, found or [syntax_problem(err, text, display, MAX_DEPTH)]
    except (yaml.YAMLError, ValueError, RecursionError):  # should not happen after the scans
        return None, [Problem(Location(display), msg("yaml_syntax"), msg("yaml_hint_syntax"))]
    finally:
        loader.dispose()


def _check_keys(root: yaml.Node, display: str) -> list[Problem]:
    """Every mapping key must be a string, appear once, and not be a merge (``<<``).

    PyYAML keeps the last of two equal keys without a word (the check is commented out in its
    composer), so a duplicate is reported here, at the second key, naming the first one's line.
    """
    problems: list[Problem] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "merge":
            node.tag = _TAG + "str"  # ``<<`` as a value is text (YAML 1.2); only a key merges
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        if not isinstance(node, yaml.MappingNode):
            continue
        first_line: dict[str, int] = {}
        for key, value in node.value:
            stack.append(value)
            usual = isinstance(key, yaml.ScalarNode) and key.tag == _TAG + "str"
            if usual and key.value not in first_line:
                first_line[key.value] = key.start_mark.line + 1
                continue
            where = at_mark(display, key.start_mark)
            if key.tag == _TAG + "merge":
                problems.append(Problem(where, msg("yaml_merge"), msg("yaml_hint_anchor")))
            elif not isinstance(key, yaml.ScalarNode):
                problems.append(Problem(where, msg("yaml_key_collection")))
            elif key.tag != _TAG + "str":
                kind = msg(_KINDS.get(key.tag[len(_TAG) :], "yaml_kind_null"))
                problems.append(
                    Problem(
                        where,
                        msg("yaml_key_not_str", name=key.value, kind=kind),
                        msg("yaml_hint_quote_key", name=key.value),
                    )
                )
            elif key.value in first_line:
                first = first_line[key.value]
                problems.append(
                    Problem(where, msg("yaml_duplicate_key", name=key.value, first=first))
                )
            else:
                first_line[key.value] = key.start_mark.line + 1
    return cap(sorted(problems, key=Problem.sort_key), display)


def locate(doc: YamlDoc | Reread, loc: tuple[str | int, ...], *, at_key: bool = False) -> Location:
    """Map a pydantic error `loc` to the node it names.

    Walk MappingNode by key (compare str(part) to the key scalar's value), SequenceNode by
    index; a str part that matches no key while more parts remain is skipped (pydantic inserts
    union member / tag names); stop at the deepest node found. `at_key=True` points at the key
    node of the last part (for unknown keys). A ``"[key]"`` part (pydantic's marker for a bad
    dict key) points at the key just walked. Returns 1-based line/col.
    """
    doc = doc.load()
    node: yaml.Node = doc.root
    key_node: yaml.Node | None = None
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if part == "[key]" and key_node is not None:  # pydantic's marker for an invalid dict key
            return at_mark(doc.path, key_node.start_mark)
        child = _child(node, part)
        if child is None:
            if isinstance(part, str) and not last:
                continue
            break
        key_node, node = child
    else:
        if at_key and key_node is not None:
            return at_mark(doc.path, key_node.start_mark)
    return at_mark(doc.path, node.start_mark)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node or None, value node) for one `loc` part, or None when nothing matches."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        items = node.value
        return (None, items[part]) if 0 <= part < len(items) else None
    return None


def dump_yaml(data: Any) -> str:
    """Serialise plain data as YAML that loads back (with parse_yaml) to exactly the same values.

    allow_unicode (Chinese written literally), keys in the given order, no line folding, block
    style (multi-line strings as ``|`` blocks). Re-parse the output and raise ValueError if the
    values differ (e.g. U+0085 / control characters) or the data is not a mapping of plain values.

    Strings that YAML 1.1 tools would read as booleans, numbers or dates are quoted too, so the
    file means the same to other tools as to ours.
    """
    try:
        text = yaml.dump(
            data,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=2**30,
        )
    except yaml.YAMLError as err:
        raise ValueError(msg("yaml_dump_failed", reason=err)) from err
    doc, problems = parse_yaml(text.encode("utf-8"), "<dump>")
    if doc is None or not _same(doc.data, data):
        reason = problems[0].message if problems else msg("yaml_dump_changed")
        raise ValueError(msg("yaml_dump_failed", reason=reason))
    return text


def _same(a: Any, b: Any) -> bool:
    """Equal values of identical types (``1 == 1.0 == True`` would hide a changed type;
    a message's text is a ``str`` like any other)."""
    if isinstance(a, str) and isinstance(b, str):
        return str(a) == str(b)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
