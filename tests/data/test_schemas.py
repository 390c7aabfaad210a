"""The JSON Schemas of ``fzzf schema``: every bundled and example file passes them, the
type errors of the bad-input corpus fail them, and the editor settings and pre-commit
example name them as the command writes them."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from fzzf_cli.present.schemas import (
    CHECK_JSONSCHEMA,
    MODELS,
    WHERE,
    editor_settings,
    file_name,
    precommit_hooks,
    schema,
)
from fzzf_cli.read.yamlio import parse_yaml

from ..conftest import DATA, REPO
from ..corpus.test_bad_inputs import FOLDERS, load_case, prepare

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")

EXAMPLES = REPO / "examples"
# Where an example file would be in a data repository: its path from ``data/`` on.
_IN_DATA = re.compile(r"(?:^|/)(?:data/)?((?:submissions|reviews)/.*|[a-z]+\.yaml)$")
# Every YAML file under examples/: the CI configurations, and data files of a repository.
ALL_EXAMPLES = sorted(p for pattern in ("*.yaml", "*.yml") for p in EXAMPLES.rglob(pattern))
EXAMPLE_FILES = [p for p in ALL_EXAMPLES if "ci" not in p.relative_to(EXAMPLES).parts]
PLAN_FILES = sorted(p for pattern in ("*.yaml", "*.yml") for p in DATA.rglob(pattern))
# The corpus's type errors: a value or a key the model refuses while reading one file.
TYPE_ERRORS = [
    f
    for f in FOLDERS
    if str(load_case(f)["expect"].get("code") or "").startswith(("field-", "date-format"))
]


@cache
def validator(stem: str) -> Any:
    body = schema(stem)
    jsonschema.Draft7Validator.check_schema(body)
    return jsonschema.Draft7Validator(body)


def stem_of(data_path: str) -> str:
    """The schema for a file at ``data_path`` (from the repository's root), by the
    pre-commit patterns: exactly one must match."""
    found = [stem for stem, (_, regex) in WHERE.items() if re.search(regex, data_path)]
    assert len(found) == 1, (data_path, found)
    return found[0]


def errors(path: Path, data_path: str) -> list[str]:
    doc, problems = parse_yaml(path.read_bytes(), data_path)
    assert doc is not None, problems
    found = validator(stem_of(data_path)).iter_errors(doc.data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


@pytest.mark.parametrize(
    "path", PLAN_FILES + EXAMPLE_FILES, ids=lambda p: p.relative_to(REPO).as_posix()
)
def test_bundled_and_example_files_pass(path: Path) -> None:
    if path.is_relative_to(DATA):
        data_path = path.relative_to(REPO).as_posix()
    else:
        match = _IN_DATA.search(path.relative_to(EXAMPLES).as_posix())
        assert match, path
        data_path = "data/" + match.group(1)
    assert errors(path, data_path) == []


def test_every_yaml_example_is_checked() -> None:
    """What is not a data file checked above is a CI configuration, and parses."""
    ci = [p for p in ALL_EXAMPLES if p not in EXAMPLE_FILES]
    assert {p.parent.name for p in ci} == {"ci"} and len(EXAMPLE_FILES) >= 30
    for path in ci:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path
    assert {p.relative_to(EXAMPLES).parts[0] for p in EXAMPLE_FILES} == {
        "broken",
        "documents",
        "plan-changes",
        "reorganisation",
        "reviews",
        "submissions",
    }


def test_every_kind_of_file_has_an_example() -> None:
    """Every schema is exercised above, by a bundled file or an example."""
    seen = {stem_of(p.relative_to(REPO).as_posix()) for p in PLAN_FILES}
    for path in EXAMPLE_FILES:
        match = _IN_DATA.search(path.relative_to(EXAMPLES).as_posix())
        assert match
        seen.add(stem_of("data/" + match.group(1)))
    assert set(MODELS) - seen == set()


@pytest.mark.parametrize("folder", TYPE_ERRORS, ids=lambda f: f.name)
def test_corpus_type_errors_fail(folder: Path, plan_repo: Path) -> None:
    case = load_case(folder)
    prepare(case, folder, plan_repo)
    data_path = str(case["expect"]["location"]).split(":")[0]
    assert errors(plan_repo / data_path, data_path) != []


def test_corpus_has_type_errors() -> None:
    assert len(TYPE_ERRORS) >= 14


@pytest.mark.parametrize(
    ("stem", "data", "bad"),
    [
        ("documents", {"sender": "肇庆市人民政府法制局"}, {"sender": "甲", "seal": "乙"}),
        ("register", {"issued": []}, {"issued": [{"prefix": "肇法督", "year": "2017"}]}),
        ("report", {"unit": "deqing", "period": "2017-H1"}, {"unit": "deqing", "period": 2017}),
        ("units", None, {"units": [{"id": "a", "name": "甲", "kind": "x"}]}),
    ],
)
def test_schemas_tell_good_from_bad(stem: str, data: Any, bad: Any) -> None:
    if data is not None:
        assert list(validator(stem).iter_errors(data)) == []
    assert list(validator(stem).iter_errors(bad)) != []


@pytest.mark.parametrize("value", ["2017-6-30", "2017/06/30", "2017-06-30 10:00", 20170630])
def test_dates_are_iso_text(value: object) -> None:
    report = {"unit": "deqing", "period": "2017-H1", "submitted": value}
    assert list(validator("report").iter_errors(report)) != []
    report["submitted"] = "2017-06-30"
    assert list(validator("report").iter_errors(report)) == []


def _objects(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        here = [node] if node.get("type") == "object" else []
        return here + [o for v in node.values() for o in _objects(v)]
    if isinstance(node, list):
        return [o for v in node for o in _objects(v)]
    return []


@pytest.mark.parametrize("stem", list(MODELS))
def test_records_are_closed_and_described(stem: str) -> None:
    body = schema(stem)
    for record in _objects(body):
        assert record["additionalProperties"] is False
        for key, prop in record["properties"].items():
            assert re.search(r"[\u4e00-\u9fff]", prop.get("description", "")), (stem, key)


def test_editor_settings_example_is_current() -> None:
    path = EXAMPLES / "editor" / ".vscode" / "settings.json"
    assert path.read_text(encoding="utf-8") == editor_settings()
    named = json.loads(editor_settings())["yaml.schemas"]
    assert sorted(named) == sorted(f"./schemas/{file_name(s)}" for s in MODELS)


def test_pre_commit_example_checks_every_schema() -> None:
    config = yaml.safe_load(
        (EXAMPLES / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8")
    )
    ours, checks = config["repos"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in ours["hooks"]} <= {h["id"] for h in hooks}
    assert (checks["repo"], checks["rev"]) == CHECK_JSONSCHEMA
    assert checks["hooks"] == precommit_hooks()
