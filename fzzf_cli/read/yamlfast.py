"""Shortcuts that let an ordinary file skip the slow, line-by-line and event-by-event checks.

Each test here only ever answers "this file surely has nothing the full check would report";
anything it is unsure of goes through the full checks in ``yamlscan`` unchanged, so the
problems and their places are the same either way. An ordinary file (no tabs, no control or
look-alike characters in key position, no anchors, aliases, tags or document markers) is
then read with one pass of libyaml and one walk over its tree.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast

import yaml

_TAG = "tag:yaml.org,2002:"
# Characters some layout or character check is about, anywhere in the text. "\r": the full
# check splits lines on CR too, the line patterns below only on LF.
_SUSPECT_CHAR = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\u2060\ufeff\ufffe\uffff\t\u3000\u00a0]"
)
_LINE_START = r"(?m)^ *(?:-(?: +|$))*"
_KEY_START = "[^\\s:#\"'\\[\\]{},|>!&*%@`?-]"
# Lines where a key-position typo could stand: a full-width dash, a key before "：", a key
# glued to its value ("key:value"). The full check (yamlscan._Layout) reports only such lines.
_SUSPECT_LINE = re.compile(
    _LINE_START
    + "(?:[－—–−](?:[ \u3000]|$)|"
    + _KEY_START
    + "[^\\s:：]*? *：|"
    + _KEY_START
    + "[^\\s:]*:[^ \t:\n])"
)
# What the event pre-scan is about: anchors, aliases, tags, directives, document markers.
_SUSPECT_EVENT = re.compile(r"[&*!]|^(?:%|---|\.\.\.)", re.MULTILINE)


def plain_text(text: str) -> bool:
    """True when the character and layout scan (``yamlscan.scan_text``) surely finds nothing."""
    return _SUSPECT_CHAR.search(text) is None and _SUSPECT_LINE.search(text) is None


def plain_events(text: str) -> bool:
    """True when no event of the text can carry an anchor, alias or tag, nor start a second
    document; the pre-scan's size and depth limits are checked on the tree (``over_limits``)."""
    return _SUSPECT_EVENT.search(text) is None


def over_limits(root: yaml.Node, max_events: int, max_depth: int) -> bool:
    """Whether the events the parser emitted for this tree (as the pre-scan counts them:
    stream, document, one per scalar and two per collection) or its depth pass the limits.
    Only for trees without aliases."""
    events, deepest = 4, 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            events += 1
            continue
        events += 2
        depth += 1
        deepest = max(deepest, depth)
        children = node.value
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in children for part in pair]
        stack.extend((child, depth) for child in children if type(child) is not yaml.ScalarNode)
        events += sum(type(child) is yaml.ScalarNode for child in children)
    return events > max_events or deepest > max_depth


_BOOLS = {"true": True, "false": False}


def construct(root: yaml.Node) -> Any:
    """Plain values of a checked tree (keys are strings, met once; no merges, no explicit
    tags): what ``construct_document`` of the strict loader gives, without its generators.
    Iterative, so depth is no concern."""

    def scalar(node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _TAG + "str":  # one copy of what thousands of files repeat (ids, titles)
            return sys.intern(value)
        if tag == _TAG + "int":
            return int(value)
        if tag == _TAG + "float":
            return float(value)
        if tag == _TAG + "bool":
            return _BOOLS[value.lower()]
        if tag == _TAG + "null":
            return None
        raise ValueError(tag)  # the resolvers give no other tag

    def empty(node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return {}
        if isinstance(node, yaml.SequenceNode):
            return []
        return scalar(cast("yaml.ScalarNode", node))

    result = empty(root)
    stack: list[tuple[yaml.Node, Any]] = [(root, result)]
    while stack:
        node, target = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                made = empty(value)
                target[key.value] = made
                if not isinstance(value, yaml.ScalarNode):
                    stack.append((value, made))
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                made = empty(child)
                target.append(made)
                if not isinstance(child, yaml.ScalarNode):
                    stack.append((child, made))
    return result
