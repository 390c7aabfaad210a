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

# Draft 7: what yaml-language-server (VS Code's YAML extension) reads.
DRAFT = "http://json-schema.org/draft-07/schema#"
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

# Which files of a data repository each schema checks: a glob for yaml-language-server
# (from the repository's root) and a regular expression for pre-commit's ``files``.
WHERE: dict[str, tuple[str, str]] = {
    "measures": ("/data/measures.yaml", r"^data/measures\.yaml$"),
    "units": ("/data/units.yaml", r"^data/units\.yaml$"),
    "pilots": ("/data/pilots.yaml", r"^data/pilots\.yaml$"),
    "extensions": ("/data/extensions.yaml", r"^data/extensions\.yaml$"),
    "rounds": ("/data/rounds.yaml", r"^data/rounds\.yaml$"),
    "documents": ("/data/documents.yaml", r"^data/documents\.yaml$"),
    "register": ("/data/register.yaml", r"^data/register\.yaml$"),
    "report": ("/data/submissions/2*-H*/*.yaml", r"^data/submissions/\d{4}-H[12]/[^/]+\.ya?ml$"),
    "record": (
        "/data/submissions/records/*/*.yaml",
        r"^data/submissions/records/[^/]+/[^/]+\.ya?ml$",
    ),
    "pilot_file": (
        "/data/submissions/pilot-*/*/*.yaml",
        r"^data/submissions/pilot-(plans|completions)/[^/]+/[^/]+\.ya?ml$",
    ),
    "round_file": (
        "/data/submissions/rounds/*/*.yaml",
        r"^data/submissions/rounds/[^/]+/[^/]+\.ya?ml$",
    ),
    "review": ("/data/reviews/*.yaml", r"^data/reviews/[^/]+\.ya?ml$"),
}
# The check-jsonschema release the example pre-commit configuration pins.
CHECK_JSONSCHEMA = ("https://github.com/python-jsonschema/check-jsonschema", "0.39.0")


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


def editor_mapping(folder: str = "schemas") -> dict[str, list[str]]:
    """yaml-language-server's ``yaml.schemas``: each schema file (relative to the
    repository's root) for the files it describes."""
    return {f"./{folder}/{file_name(stem)}": [glob] for stem, (glob, _) in WHERE.items()}


def editor_settings(folder: str = "schemas") -> str:
    """``.vscode/settings.json`` for the data repository: each schema for its files."""
    mapping = editor_mapping(folder)
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"


def precommit_hooks(folder: str = "schemas") -> list[dict[str, Any]]:
    """check-jsonschema hooks for pre-commit: one per schema, on the files it describes."""
    return [
        {
            "id": "check-jsonschema",
            "name": f"check-jsonschema {file_name(stem)}",
            "files": regex,
            "args": ["--schemafile", f"{folder}/{file_name(stem)}"],
        }
        for stem, (_, regex) in WHERE.items()
    ]
