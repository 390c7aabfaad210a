"""Find the data repository and read the plan from it: ``(dataset, problems)``.

The loader never prints and never raises for bad data. Each file is read strictly
(``yamlio``), checked against its model, and every pydantic error is mapped back to the
line and column of the value at fault. Cross-checks run only when all three files
passed their models, because they need the whole plan.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli.errors import Problem
from fzzf_cli.model.dataset import EXTENSIONS, MEASURES, PILOTS, ROUNDS, UNITS, Dataset
from fzzf_cli.text import Said, join, msg
from fzzf_cli.validate import cache

if TYPE_CHECKING:  # pydantic and the models only when the plan is validated, not from the cache
    from pydantic import BaseModel, ValidationError

    from fzzf_cli.model.fields import Record
    from fzzf_cli.read.yamlio import YamlDoc

PLAN_FILES = (UNITS, MEASURES, PILOTS)
OPTIONAL_PLAN_FILES = (EXTENSIONS, ROUNDS)  # validate/changes.py


def data_files() -> dict[str, type[Record]]:
    """The model of each plan file, optional ones included."""
    from fzzf_cli.model.plan import MeasuresFile, PilotsFile, UnitsFile
    from fzzf_cli.validate.changes import OPTIONAL_FILES

    return {UNITS: UnitsFile, MEASURES: MeasuresFile, PILOTS: PilotsFile, **OPTIONAL_FILES}


@dataclass(frozen=True)
class DataRoot:
    """A data repository: ``path/data/measures.yaml`` …; ``origin`` says how it was found."""

    path: Path
    origin: str  # "option", "env", "cwd" or "embedded"

    @property
    def data(self) -> Path:
        return self.path / "data"


def embedded_root() -> Path:
    """The plan shipped with fzzf: inside the wheel, or the checkout it runs from."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_embedded"
    if (bundled / "data" / "measures.yaml").is_file():
        return bundled
    return package.parent


def find_root(option: Path | None, env: str | None, cwd: Path) -> DataRoot | None:
    """``--data``, then ``FZZF_DATA``, then the nearest folder upwards with
    ``data/measures.yaml`` (as git finds ``.git``), then the embedded plan.

    ``option`` and ``env`` may name the repository or its ``data`` folder. Returns None
    when an explicitly named folder holds no plan.
    """
    for given, origin in ((option, "option"), (Path(env) if env else None, "env")):
        if given is None:
            continue
        folder = given.parent if given.is_file() else given  # data/measures.yaml works too
        for candidate in (folder, folder.parent, folder.parent.parent):
            if (candidate / "data" / "measures.yaml").is_file():
                return DataRoot(candidate, origin)
        return None
    for folder in (cwd, *cwd.parents):
        if not trusted_folder(folder):
            break  # as git's safe.directory: another user's folder is not searched further
        if (folder / "data" / "measures.yaml").is_file():
            return DataRoot(folder, "cwd")
    return DataRoot(embedded_root(), "embedded")


def trusted_folder(folder: Path, uid: int | None = None) -> bool:
    """A folder fzzf may take a data repository from without being told: owned by the user
    (or by root, whom only root can impersonate) and not writable by everyone unless
    sticky. Someone else's folder on a shared machine could plant a plan that every
    command would then judge by. Windows has no such owners: always true there."""
    if not hasattr(os, "geteuid"):
        return True
    try:
        info = folder.stat()
    except OSError:
        return False
    me = os.geteuid() if uid is None else uid
    if info.st_uid not in (me, 0):
        return False
    return not (info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX)


def load_dataset(root: Path, cache_dir: Path | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Read ``root/data/{units,measures,pilots}.yaml``, validate, cross-check.

    With ``cache_dir``, a plan whose files are byte for byte one that loaded cleanly
    before comes from the cache (see cache.py), and a clean load is stored there. Each file
    is read once: the bytes hashed for the key are the bytes parsed, so a file changed while
    fzzf runs is never validated as one content and cached under the other's key.
    """
    contents, problems = read_plan(root)
    key = cache.plan_key(contents) if cache_dir is not None and not problems else None
    if cache_dir is not None and key is not None:
        cached = cache.load(cache_dir, key)
        if cached is not None:
            return cached, []
    dataset, problems = check_plan(contents, problems)
    if cache_dir is not None and key is not None and dataset is not None and not problems:
        cache.store(cache_dir, key, dataset)
    return dataset, problems


def read_plan(root: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of each plan file that could be read (links, special files and files over
    the size limit are refused unread), and the problems of those that could not."""
    from fzzf_cli.read.yamlbytes import read_bytes

    contents: dict[str, bytes] = {}
    problems: list[Problem] = []
    for key in [*PLAN_FILES, *OPTIONAL_PLAN_FILES]:
        if key in OPTIONAL_PLAN_FILES and not os.path.lexists(root / "data" / f"{key}.yaml"):
            continue
        raw, found = read_bytes(root / "data" / f"{key}.yaml", f"data/{key}.yaml", root / "data")
        problems.extend(found)
        if raw is not None:
            contents[key] = raw
    return contents, problems


def check_plan(
    contents: dict[str, bytes], problems: list[Problem]
) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate the bytes ``read_plan`` gave, then cross-check the whole plan;
    ``problems`` are the reading problems, reported with the rest."""
    # Imported here: a query answered from the cache never needs the strict reader.
    from pydantic import ValidationError

    from fzzf_cli.model.conventions import declared_bounds
    from fzzf_cli.read.yamlio import parse_yaml
    from fzzf_cli.validate import checks
    from fzzf_cli.validate.changes import check_rounds, with_changes

    problems = list(problems)
    records: dict[str, Any] = {}
    docs: dict[str, YamlDoc] = {}
    models = data_files()
    for key in models:
        if key not in contents:
            continue
        doc, found = parse_yaml(contents[key], f"data/{key}.yaml")
        problems.extend(found)
        if doc is not None:
            docs[key] = doc
    bounds = declared_bounds(docs[MEASURES].data if MEASURES in docs else None)
    for key, doc in docs.items():
        model = models[key]
        try:
            records[key] = model.model_validate(doc.data, context=bounds)
        except ValidationError as error:
            problems.extend(pydantic_problems(error, doc, model))
    if any(key not in records for key in PLAN_FILES):
        return None, sorted(set(problems), key=Problem.sort_key)
    dataset = Dataset(records[UNITS], records[MEASURES], records[PILOTS], docs)
    dataset = with_changes(dataset, records)
    problems.extend(checks.run_all(dataset))
    problems.extend(check_rounds(dataset))
    return dataset, sorted(set(problems), key=Problem.sort_key)


# --- pydantic errors → problems -------------------------------------------------------


def pydantic_problems(
    error: ValidationError, doc: YamlDoc, model: type[BaseModel]
) -> Iterator[Problem]:
    """One Problem per pydantic error, at the line of the value (or key) at fault."""
    from fzzf_cli.read.yamlio import locate

    known = sorted(_field_names(model))
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        at_key = kind == "extra_forbidden"
        location = locate(doc, loc, at_key=at_key)
        path = _dotted(doc, loc)
        hint = ""
        if at_key and loc and isinstance(loc[-1], str):
            import difflib  # only for a problem: a clean load never needs it

            close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6)
            hint = msg("did_you_mean", candidates=close[0]) if close else ""
        yield Problem(location, _describe(kind, path, item), hint)


# What a field checked by a pattern should look like, by the pattern (model.py, subs_model.py).
_PATTERN_EXAMPLES = {
    r"^\d{4}-H[12]$": "pattern_period",
    r"^[a-z][a-z0-9-]{0,39}$": "pattern_id",
    r"^[a-z][a-z0-9_]{0,39}$": "pattern_tag",
}


def _describe(kind: str, path: str, item: Any) -> str:
    ctx = item.get("ctx") or {}
    if item.get("input", "") is None and kind.endswith("_type"):
        return msg("field_empty", field=path)
    if kind == "value_error":
        error = ctx.get("error", item["msg"])
        text = msg("field_invalid", field=path, reason=str(error))
        inner = (
            getattr(error.args[0], "key", None)
            if isinstance(error, Exception) and error.args
            else None
        )
        return Said(text, inner) if inner else text  # its code is the validator's own
    if kind == "string_pattern_mismatch":
        example = _PATTERN_EXAMPLES.get(str(ctx.get("pattern")), "pattern_thing")
        return msg(
            "field_pattern", field=path, value=_short(item.get("input")), expected=msg(example)
        )
    if kind == "literal_error":
        choices = join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return msg("field_choice", field=path, expected=choices, value=_short(item.get("input")))
    if kind in ("missing", "extra_forbidden"):
        parent, _, name = path.rpartition(".")
        where = msg("field_in", parent=parent) if parent else ""
        return msg(f"pyd_{kind}", field=name, where=where)
    key = f"pyd_{kind}"
    if key in _KNOWN:
        return msg(key, field=path, value=_short(item.get("input")), **ctx)
    return msg("field_other", field=path, reason=item["msg"])


_KNOWN = {f"pyd_{kind}" for kind in (
    "missing", "extra_forbidden", "string_type", "int_type", "float_type", "bool_type",
    "list_type", "dict_type", "model_type", "string_too_short", "too_short",
    "greater_than_equal", "less_than_equal", "finite_number",
)}  # fmt: skip


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def _dotted(doc: YamlDoc, loc: tuple[str | int, ...]) -> str:
    """``measures[3].milestones[0].due``: union member names pydantic adds are dropped."""
    parts: list[str] = []
    node: Any = doc.data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            parts.append(f"[{part}]")
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part in node:
            parts.append(("." if parts else "") + part)
            node = node[part]
        elif isinstance(part, str) and part not in _MEMBER_NAMES:
            parts.append(("." if parts else "") + part)
            node = None
    return "".join(parts) or msg("path_whole_file")


# Names pydantic inserts into ``loc`` for union members and constrained types.
_MEMBER_NAMES = {"str", "int", "float", "bool", "date", "list", "dict", "none", "function-after"}


def _field_names(model: type[BaseModel]) -> set[str]:
    """Every key any model reachable from ``model`` accepts, for "did you mean" hints."""
    names: set[str] = set()
    stack: list[type[BaseModel]] = [model]
    seen: set[type[BaseModel]] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(name)
            stack.extend(_models_in(info.annotation))
    return names


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _models_in(arg)
