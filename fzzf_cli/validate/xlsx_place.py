"""The loader's problems with a report imported from a form, moved from the YAML text
they were found in back to the cells the values came from."""

from __future__ import annotations

import re

import yaml

from fzzf_cli.errors import Problem
from fzzf_cli.read.yamlio import YamlDoc
from fzzf_cli.text import Said
from fzzf_cli.validate.xlsx_import import Form
from fzzf_cli.validate.xlsx_sheets import Loc

_PATH = re.compile(r"^[a-z_]+(?:\[\d+\])*(?:\.[a-z_]+(?:\[\d+\])*)*[：:]\s*")


def placed(problems: list[Problem], doc: YamlDoc, form: Form) -> list[Problem]:
    """The loader's problems with the YAML text moved to the cells the values came from;
    those at a cell that already has a problem are left out (one problem per mistake)."""
    spots: dict[tuple[int, int], Loc] = {}
    _walk(doc.root, (), spots)
    found = []
    for problem in problems:
        line, col = problem.location.line, problem.location.col
        loc = spots.get((line, col))
        if loc is None:
            loc = next((v for (ln, _), v in sorted(spots.items()) if ln == line), ())
        if any(loc[:n] in form.quiet for n in range(1, len(loc) + 1)):
            continue
        while loc not in form.cells:
            loc = loc[:-1]
        found.append(problem._replace(location=form.cells[loc], message=_unpathed(problem.message)))
    return found


def _unpathed(message: str) -> str:
    """The message without the YAML path the loader puts first (``items[0].note：``): the
    cell says where. The code stays the message's."""
    text = _PATH.sub("", message, count=1)
    key = getattr(message, "key", None)
    return Said(text, key) if key else text


def _walk(node: yaml.Node, path: Loc, spots: dict[tuple[int, int], Loc]) -> None:
    """Each node's and key's position in the text, with the loc of the value it belongs to
    (a container before what it holds: a mapping starts where its first key does)."""
    spots.setdefault((node.start_mark.line + 1, node.start_mark.column + 1), path)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            spots.setdefault((key.start_mark.line + 1, key.start_mark.column + 1), sub)
            _walk(value, sub, spots)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _walk(value, (*path, index), spots)
