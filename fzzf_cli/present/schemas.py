"""JSON Schemas of the files a data repository holds, generated from the pydantic models,
for editors (yaml-language-server) and for check-jsonschema (``fzzf schema``).

A schema says what the model says about one value: its type, its pattern, the keys a
record allows (``extra="forbid"``: ``additionalProperties: false``), which are required.
Dates are ISO ``YYYY-MM-DD`` text, as YAML editors read them. What only the whole plan can
tell (a unit id that exists, a measure number inside the plan's range, a verdict's reason
when returned) is left to ``fzzf validate``. Descriptions come from the catalogue
(``schema_field_<Model>_<key>`` first, then ``schema_field_<key>``); the models' English
docstrings are not shown.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from fzzf_cli import __version__
from fzzf_cli.model.changes import ExtensionsFile, RoundFile, RoundsFile
from fzzf_cli.model.documents import DocumentSettings, Register
from fzzf_cli.model.filings import PilotFile, Report, ReviewFile
from fzzf_cli.model.plan import MeasuresFile, PilotsFile, UnitsFile
from fzzf_cli.text import msg

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

# File name stem → the model of that file. Records of a unit's own progress are reports.
MODELS: dict[str, type[BaseModel]] = {
    "measures": MeasuresFile,
    "units": UnitsFile,
    "pilots": PilotsFile,
    "extensions": ExtensionsFile,
    "rounds": RoundsFile,
    "documents": DocumentSettings,
    "register": Register,
    "report": Report,
    "record": Report,
    "pilot_file": PilotFile,
    "round_file": RoundFile,
    "review": ReviewFile,
}

# Which schema checks which files of a data repository (paths relative to its root):
# the settings for yaml-language-server and the check-jsonschema hooks are built from it.
GLOBS: dict[str, tuple[str, ...]] = {
    "measures": ("data/measures.yaml",),
    "units": ("data/units.yaml",),
    "pilots": ("data/pilots.yaml",),
    "extensions": ("data/extensions.yaml",),
    "rounds": ("data/rounds.yaml",),
    "documents": ("data/documents.yaml",),
    "register": ("data/register.yaml",),
    "report": ("data/submissions/[0-9][0-9][0-9][0-9]-H[12]/*.yaml",),
    "record": ("data/submissions/records/*/*.yaml",),
    "pilot_file": (
        "data/submissions/pilot-plans/*/*.yaml",
        "data/submissions/pilot-completions/*/*.yaml",
    ),
    "round_file": ("data/submissions/rounds/*/*.yaml",),
    "review": ("data/reviews/*.yaml",),
}


def file_name(stem: str) -> str:
    return stem.replace("_", "-") + ".schema.json"


def _said(key: str) -> str | None:
    try:
        return msg(key)
    except KeyError:
        return None


def _dates(node: Any) -> None:
    """Every date is ``YYYY-MM-DD`` text: a pattern, since ``format`` is only a hint."""
    if isinstance(node, dict):
        if node.get("format") == "date" and node.get("type") == "string":
            node["pattern"] = ISO_DATE
        for value in node.values():
            _dates(value)
    elif isinstance(node, list):
        for value in node:
            _dates(value)


def _describe(record: dict[str, Any], model: str) -> None:
    """The catalogue's words for a record and each of its keys, in place of English."""
    record.pop("description", None)
    record.pop("title", None)
    said = _said(f"schema_model_{model}")
    if said is not None:
        record["description"] = said
    for key, prop in record.get("properties", {}).items():
        prop.pop("title", None)
        name = key.rstrip("_")
        text = _said(f"schema_field_{model}_{name}") or _said(f"schema_field_{name}")
        if text is not None:
            prop["description"] = text


def schema(stem: str) -> dict[str, Any]:
    """The JSON Schema of the files ``stem`` names (a key of ``MODELS``)."""
    model = MODELS[stem]
    body = model.model_json_schema(mode="validation", by_alias=True)
    for name, record in body.get("$defs", {}).items():
        _describe(record, name)
    _describe(body, model.__name__)
    _dates(body)
    head = {
        "$schema": DRAFT,
        "$comment": msg("schema_comment", version=__version__),
        "title": msg(f"schema_title_{stem}"),
    }
    return {**head, **body}


def schema_text(stem: str) -> str:
    return json.dumps(schema(stem), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → text, for every file a data repository holds."""
    return {file_name(stem): schema_text(stem) for stem in MODELS}
