"""What ``fzzf init`` puts in a new data repository: the plan's data as fzzf ships it, the
CI examples pinned to the fzzf that wrote them and gating from the day it ran, CODEOWNERS
for both hosts, and the small configuration files a repository of YAML filed by many hands
needs (.gitignore, the JSON Schemas with the editor settings naming them, pre-commit hooks
running ``fzzf validate`` and check-jsonschema on those schemas), with a README for the
filers."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from fzzf_cli.present.codeowners import DEFAULT_PATHS, generate
from fzzf_cli.present.schemas import CHECK_JSONSCHEMA, all_schemas, editor_mapping, precommit_hooks
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset

# The examples shipped with fzzf (examples/ci, in the wheel under _embedded/examples/ci)
# and where each host reads its CI configuration.
CI_FILES = {
    "github-workflow.yml": ".github/workflows/fzzf.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
# The install line of both examples; pinned, a repository keeps the fzzf it was set up for
# until someone changes the line on purpose.
INSTALL = '"${FZZF_PACKAGE:-fzzf}"'
# The gate's command lines in both examples (a step's ``run:`` or a script's ``- ``).
GATE_LINE = re.compile(r"^(\s*(?:run:|-)\s+)fzzf check\b", re.MULTILINE)
# Where the JSON Schemas go, as ``fzzf schema`` writes them by default.
SCHEMAS = "schemas"

GITIGNORE = """\
# fzzf's outputs: reports, the published site, CI results
reports/
public/
fzzf-check.xml
fzzf-diff.md
# local tools
.venv/
__pycache__/
~$*
"""

EDITORCONFIG = """\
root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2
"""

VSCODE = {
    "files.encoding": "utf8",
    "files.eol": "\n",
    "files.insertFinalNewline": True,
    "files.trimTrailingWhitespace": True,
    "[yaml]": {
        "editor.insertSpaces": True,
        "editor.tabSize": 2,
        "editor.detectIndentation": False,
    },
}

FZZF_HOOK = {
    "id": "fzzf-validate",
    "name": "fzzf validate",
    "entry": "fzzf validate",
    "language": "system",
    "pass_filenames": False,
    "files": "^data/",
}


class Starter(NamedTuple):
    """One file of the new repository: its path inside it (with ``/``) and its content."""

    path: str
    content: str | bytes


def starter_files(shipped: Path, ds: Dataset, version: str, due_from: date) -> list[Starter]:
    """Every file of a new data repository. ``shipped`` is the folder fzzf's own plan and
    examples come from (``validate.load.embedded_root``), ``ds`` that plan; the CI examples
    gate the documents due from ``due_from`` on."""
    data = shipped / "data"
    files = [
        Starter(path.relative_to(shipped).as_posix(), path.read_bytes())
        for path in sorted(data.rglob("*"))
        if path.is_file() and not path.is_symlink()
    ]
    for name, target in CI_FILES.items():
        example = pin(read_example(shipped, name), version)
        files.append(Starter(target, gate_from(example, due_from)))
    for host, target in DEFAULT_PATHS.items():
        files.append(Starter(target, generate(ds, host).text))
    files += [Starter(f"{SCHEMAS}/{name}", text) for name, text in all_schemas().items()]
    return [
        *files,
        Starter(".gitignore", GITIGNORE),
        Starter(".editorconfig", EDITORCONFIG),
        Starter(".vscode/settings.json", vscode_settings()),
        Starter(".pre-commit-config.yaml", pre_commit()),
        Starter("README.md", msg("init_readme", version=version, day=due_from.isoformat())),
    ]


def read_example(shipped: Path, name: str) -> str:
    return (shipped / "examples" / "ci" / name).read_text(encoding="utf-8")


def pin(example: str, version: str) -> str:
    """The example's install line with the version that wrote it (``fzzf==0.1.0``); the
    ``FZZF_PACKAGE`` variable still says where an organisation keeps fzzf."""
    if INSTALL not in example:
        raise ValueError("the CI example no longer has the install line to pin")
    return example.replace(INSTALL, '"${FZZF_PACKAGE:-fzzf==' + version + '}"')


def gate_from(example: str, day: date) -> str:
    """The example with ``--due-from DAY`` on every ``fzzf check`` line, said at its top:
    a repository set up years after the plan's first deadlines would otherwise fail its own
    gate on its first day, for documents nobody can file on time any more."""
    gated, count = GATE_LINE.subn(rf"\1fzzf check --due-from {day.isoformat()}", example)
    if count == 0:
        raise ValueError("the CI example no longer has a fzzf check line")
    return msg("init_ci_due_from", day=day.isoformat()) + gated


def vscode_settings() -> str:
    """The editor settings: plain UTF-8 YAML, and each file checked by its local schema."""
    settings: dict[str, Any] = {**VSCODE, "yaml.schemas": editor_mapping(SCHEMAS)}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def pre_commit() -> str:
    """fzzf's validation, then check-jsonschema on each file with the repository's own
    schema files (nothing fetched when it runs)."""
    repo, rev = CHECK_JSONSCHEMA
    config = {
        "repos": [
            {"repo": "local", "hooks": [FZZF_HOOK]},
            {"repo": repo, "rev": rev, "hooks": precommit_hooks(SCHEMAS)},
        ]
    }
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    return msg("init_precommit_head") + body
