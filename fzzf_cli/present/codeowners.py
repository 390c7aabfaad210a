"""The repository's CODEOWNERS file: who must approve a change to which data file.

Each unit's own filings belong to the reviewers it names in ``units.yaml``; everything
else — the plan files, the coordinator's reviews, the source text, templates, CI
configuration, CODEOWNERS itself — belongs to the coordinator (``plan.coordinator``).

What the two hosts do with the file (checked against their documentation):

- GitHub: "the last matching pattern takes the most precedence", so the catch-all ``*``
  comes first and each unit's lines after it: a unit's filing needs only its reviewers.
  A pattern with no owners makes its files *unowned*, so a unit without reviewers gets a
  comment, never an empty rule.
- GitLab: the same order inside a section, but "sections are analyzed separately, and
  always enforced": the coordinator's section (with ``*``) and a unit's section each
  have to approve that unit's filing. GitLab auto-approves a rule nobody can satisfy
  (gitlab-org/gitlab#390121), another reason never to write one without owners.
- Both: ``*`` does not match ``/`` (GitLab's ``FNM_PATHNAME``, GitHub's gitignore rules), so
  every submission folder depth is spelled out; paths are case-sensitive.

Everything taken from the data is either checked (handles: ``handles.py``; ids: ``fields.Id``)
or reduced to a safe label before it is written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.plan import Unit

FORMATS = ("github", "gitlab")
DEFAULT_PATHS = {"github": ".github/CODEOWNERS", "gitlab": ".gitlab/CODEOWNERS"}
PLATFORMS = {"github": "GitHub", "gitlab": "GitLab"}

# The coordinator's own files besides the catch-all; reviews are its verdicts on filings.
COORDINATOR_PATHS = (
    "/data/units.yaml",
    "/data/measures.yaml",
    "/data/pilots.yaml",
    "/data/reviews/",
)
# Where a unit's files live (subs_load.py): half-year reports, pilot documents, records.
UNIT_FOLDERS = (
    "/data/submissions/*",
    "/data/submissions/pilot-plans/*",
    "/data/submissions/pilot-completions/*",
    "/data/submissions/records/*",
)
SUFFIXES = (".yaml", ".yml")

# A name shown in a comment or a GitLab section heading: letters (any script), digits and a
# few marks the plan's names use. Anything else (brackets, @, #, spaces, line breaks,
# invisible characters) and the unit is shown by its id alone.
_SAFE_NAME = re.compile(r"[\w()（）、·.-]{1,60}")


class Generated(NamedTuple):
    """The CODEOWNERS text and the warnings for stderr (units nobody will review)."""

    text: str
    warnings: list[str]


class _Block(NamedTuple):
    heading: str  # a comment (GitHub) or a section name (GitLab)
    rules: list[str]  # "pattern @owner …" lines; empty when nobody owns these files
    note: str  # the comment written instead of rules


def unit_patterns(unit_id: str) -> list[str]:
    """Every path a unit's files may have, in subs_load's layout, both suffixes."""
    return [f"{folder}/{unit_id}{suffix}" for folder in UNIT_FOLDERS for suffix in SUFFIXES]


def label(unit: Unit) -> str:
    """``德庆县（deqing）``, or the id alone when the name holds anything unsafe."""
    if not _SAFE_NAME.fullmatch(unit.name):
        return unit.id
    return msg("owners_label", name=unit.name, id=unit.id)


def generate(ds: Dataset, fmt: str) -> Generated:
    """CODEOWNERS for ``ds`` in ``fmt`` (``github`` or ``gitlab``): units in units.yaml order."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    coordinator = ds.units[ds.plan.coordinator]
    others = [u for u in ds.units_file.units if u.id != coordinator.id]
    named = sum(1 for u in others if u.reviewers)
    header = msg(
        "owners_header",
        platform=PLATFORMS[fmt],
        with_reviewers=named,
        units=len(others),
        fmt=fmt,
        path=DEFAULT_PATHS[fmt],
    )
    lines = [*_comment(header), *_comment(msg(f"owners_rule_{fmt}")), ""]
    lines += _render(_coordinator_block(coordinator), fmt)
    noted = False  # units without reviewers: one comment line after another
    for block in map(_unit_block, others):
        if not (noted and not block.rules):
            lines.append("")
        noted = not block.rules
        lines += _render(block, fmt)
    return Generated("\n".join(lines) + "\n", _warnings(coordinator, others))


def _render(block: _Block, fmt: str) -> list[str]:
    if not block.rules:
        return _comment(block.note)
    heading = f"[{block.heading}]" if fmt == "gitlab" else f"# {block.heading}"
    return [heading, *block.rules]


def _owners(unit: Unit) -> str:
    return " ".join(dict.fromkeys(unit.reviewers))  # each once, in the order written


def _coordinator_block(unit: Unit) -> _Block:
    owners = _owners(unit)
    rules = [f"{path} {owners}" for path in ("*", *COORDINATOR_PATHS)] if owners else []
    heading = msg("owners_coordinator", label=label(unit))
    return _Block(heading, rules, msg("owners_coordinator_none", label=label(unit)))


def _unit_block(unit: Unit) -> _Block:
    owners = _owners(unit)
    rules = [f"{path} {owners}" for path in unit_patterns(unit.id)] if owners else []
    return _Block(label(unit), rules, msg("owners_unit_none", label=label(unit)))


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in text.splitlines()]


def _warnings(coordinator: Unit, others: list[Unit]) -> list[str]:
    found = []
    if not coordinator.reviewers:
        found.append(msg("owners_warn_coordinator", label=label(coordinator)))
    found += [msg("owners_warn_unit", label=label(u)) for u in others if not u.reviewers]
    return [*found, msg("owners_hint")] if found else []
