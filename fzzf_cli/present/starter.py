"""What ``fzzf init`` puts in a new data repository: the plan's data as fzzf ships it, the
CI examples pinned to the fzzf that wrote them, CODEOWNERS for both hosts, and the small
configuration files a repository of YAML filed by many hands needs (.gitignore, editor
settings, a pre-commit hook running ``fzzf validate``), with a README for the filers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.present.codeowners import DEFAULT_PATHS, generate
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

PRE_COMMIT = """\
# pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
      - id: fzzf-validate
        name: fzzf validate
        entry: fzzf validate
        language: system
        pass_filenames: false
        files: ^data/
"""


class Starter(NamedTuple):
    """One file of the new repository: its path inside it (with ``/``) and its content."""

    path: str
    content: str | bytes


def starter_files(shipped: Path, ds: Dataset, version: str) -> list[Starter]:
    """Every file of a new data repository. ``shipped`` is the folder fzzf's own plan and
    examples come from (``validate.load.embedded_root``), ``ds`` that plan."""
    data = shipped / "data"
    files = [
        Starter(path.relative_to(shipped).as_posix(), path.read_bytes())
        for path in sorted(data.rglob("*"))
        if path.is_file() and not path.is_symlink()
    ]
    for name, target in CI_FILES.items():
        files.append(Starter(target, pin(read_example(shipped, name), version)))
    for host, target in DEFAULT_PATHS.items():
        files.append(Starter(target, generate(ds, host).text))
    return [
        *files,
        Starter(".gitignore", GITIGNORE),
        Starter(".editorconfig", EDITORCONFIG),
        Starter(".vscode/settings.json", json.dumps(VSCODE, indent=2) + "\n"),
        Starter(".pre-commit-config.yaml", PRE_COMMIT),
        Starter("README.md", msg("init_readme", version=version)),
    ]


def read_example(shipped: Path, name: str) -> str:
    return (shipped / "examples" / "ci" / name).read_text(encoding="utf-8")


def pin(example: str, version: str) -> str:
    """The example's install line with the version that wrote it (``fzzf==0.1.0``); the
    ``FZZF_PACKAGE`` variable still says where an organisation keeps fzzf."""
    if INSTALL not in example:
        raise ValueError("the CI example no longer has the install line to pin")
    return example.replace(INSTALL, '"${FZZF_PACKAGE:-fzzf==' + version + '}"')
