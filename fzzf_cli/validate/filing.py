"""The day each filing counts from: proven by git where it can be, declared where it cannot.

三(二) asks for reports "before the end of June and of December"; whether a unit met that
decides 通报表扬 or 通报批评 (三(三)), so the unit must not be able to choose the date by
typing it. In a git data repository a filing counts from the day it reached the main line
(history.py); its declared ``submitted`` is trusted only within the grace days before that
(the time a pull request waits for review). Further back, the filing is flagged and judged
on the day it reached the main line. A file not yet on the main line (a pull request being
checked, an uncommitted file) is being filed on the as-of day. A filed record rewritten on
the main line afterwards counts as it was first filed (rewrites.py). Without git, dates
are as declared, and every output says so.

Pure functions: the proofs, the grace and the as-of day are arguments.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from pydantic import ValidationError

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.history import Proof
from fzzf_cli.read.yamlio import locate, parse_yaml
from fzzf_cli.text import msg
from fzzf_cli.validate.rewrites import rewrites
from fzzf_cli.validate.subs_load import Filed, Submissions

# A declared date one day after the commit is allowed: the runner's clock and the plan's
# time zone (UTC+8) can disagree about which day it is.
TOLERANCE = timedelta(days=1)


class Dating(NamedTuple):
    """How filing dates are established for one run."""

    basis: str  # "git": proven from history; "declared": as the files say
    note: str  # one line for the reader: which commit proves the dates, or why none can
    proofs: dict[str, Proof]  # path -> when it reached the main line (git only)
    grace: int  # days a declared date may precede the proven one


def declared_only(note: str, grace: int = 0) -> Dating:
    return Dating("declared", note, {}, grace)


class Dated(NamedTuple):
    subs: Submissions  # with ``filed`` set; files dated impossibly are left out
    problems: list[Problem]  # make a file count for nobody until it is fixed
    flags: list[Problem]  # the file counts, on the proven date; CI still fails


def date_filings(subs: Submissions, dating: Dating, as_of: date) -> Dated:
    """Every filing with the day it counts from, and what dating it found wrong."""
    problems: list[Problem] = []
    flags: list[Problem] = []
    kept: dict[str, list[Filed]] = {"reports": [], "records": [], "pilot_files": [], "rounds": []}
    for group, files in (("reports", subs.reports), ("records", subs.records),
                         ("pilot_files", subs.pilot_files), ("rounds", subs.rounds)):  # fmt: skip
        for filed in files:
            proof = dating.proofs.get(filed.path)
            filed, rewritten = _as_first_filed(filed, proof, as_of)
            day, problem, found = _date_one(filed, dating, as_of)
            if problem is not None:
                problems.append(problem)
                continue
            flags += rewritten + found
            kept[group].append(filed._replace(filed=day, proof=proof))
    dated = Submissions(kept["reports"], kept["pilot_files"], kept["records"], kept["rounds"])
    return Dated(dated, problems, flags)


class _Where(NamedTuple):
    filed: Filed

    def __call__(self) -> Location:
        return locate(self.filed.doc, ("submitted",))


def _date_one(
    filed: Filed, dating: Dating, as_of: date
) -> tuple[date | None, Problem | None, list[Problem]]:
    """(the day it counts from, None for a draft; an invalidating problem; a flag).
    A filing counts as of a day only if it counts from that day or earlier (status.py)."""
    submitted = filed.record.submitted
    if submitted is None:
        return None, None, []  # a draft
    if dating.basis != "git":
        return submitted, None, []
    where = _Where(filed)  # located only for a problem: the file is parsed again for it
    proof = dating.proofs.get(filed.path)
    if proof is None:  # not on the main line yet: it is being filed on the as-of day
        if submitted > as_of + TOLERANCE:
            text = msg("filing_after_as_of", declared=submitted, as_of=as_of)
            return None, Problem(where(), text, msg("filing_hint_after")), []
        if (as_of - submitted).days > dating.grace:
            text = msg("filing_backdated_new", declared=submitted, as_of=as_of,
                       days=(as_of - submitted).days, grace=dating.grace)  # fmt: skip
            return as_of, None, [Problem(where(), text, msg("filing_hint_backdated"))]
        return submitted, None, []
    claimed = proof.declared or submitted
    short = proof.commit[:10]
    if claimed > proof.day + TOLERANCE:
        text = msg("filing_after_commit", declared=claimed, day=proof.day, commit=short)
        return None, Problem(where(), text, msg("filing_hint_after")), []
    counted = claimed if (proof.day - claimed).days <= dating.grace else proof.day
    if proof.day > as_of:
        return counted, None, []  # it reached the line later: nothing to say as of that day
    if proof.forged:
        text = msg("filing_forged", commit=short, author=proof.author, day=proof.day)
        flag = Problem(where(), text, msg("filing_hint_forged"))
        return counted, None, [flag] if counted == claimed else [flag, _backdated(
            where(), claimed, proof, dating.grace)]  # fmt: skip
    if counted != claimed:
        return counted, None, [_backdated(where(), claimed, proof, dating.grace)]
    return counted, None, []


def _backdated(where: Location, claimed: date, proof: Proof, grace: int) -> Problem:
    text = msg("filing_backdated", declared=claimed, day=proof.day, commit=proof.commit[:10],
               author=proof.author, days=(proof.day - claimed).days, grace=grace)  # fmt: skip
    return Problem(where, text, msg("filing_hint_backdated"))


def _as_first_filed(filed: Filed, proof: Proof | None, as_of: date) -> tuple[Filed, list[Problem]]:
    """A record rewritten on the main line after it was filed counts as it was filed; each
    change is flagged (once the rewrite is on the line by the as-of day). Notes and
    evidence added since are amendments, and stay."""
    if proof is None or proof.original is None:
        return filed, []
    doc, _ = parse_yaml(proof.original, filed.path)
    if doc is None or not isinstance(doc.data, dict):
        return filed, []
    changes = rewrites(doc.data, filed.doc)
    if not changes:
        return filed, []
    if proof.rewritten_on is not None and proof.rewritten_on > as_of:
        changes = []  # rewritten later than the day asked about
    flags = [
        Problem(c.location, msg("filing_rewritten", field=c.field, was=c.was, now=c.now,
                                commit=proof.commit[:10]), msg("amend_hint"))
        for c in changes
    ]  # fmt: skip
    try:
        original = type(filed.record).model_validate(doc.data)
    except ValidationError:  # cannot happen: the first filing was accepted as valid
        return filed, flags
    return filed._replace(record=original), flags


def contradicted(subs: Submissions, as_of: date) -> list[Problem]:
    """A claim dated back past the unit's own word: a report says an item was done on a
    day on or before an earlier filed report in which the unit still had it open. The
    claim counts from the day after that report (status.py) and is flagged here."""
    flags: list[Problem] = []
    open_on: dict[tuple[str, str], date] = {}  # the latest filing that said "not done"
    progress = sorted(
        (f for f in subs.progress() if f.filed is not None and f.filed <= as_of),
        key=lambda f: (f.filed, f.path),
    )
    for filed in progress:
        report = filed.record
        for i, item in enumerate(getattr(report, "items", [])):
            key = (report.unit, item.id.removesuffix(f".{report.unit}"))
            said = open_on.get(key)
            if item.status != "done":
                open_on[key] = filed.filed  # type: ignore[assignment]
            elif said is not None and item.done is not None and item.done <= said:
                text = msg("filing_done_contradicted", done=item.done, said=said, id=key[1])
                where = locate(filed.doc, ("items", i, "done"))
                flags.append(Problem(where, text, msg("filing_hint_contradicted")))
    return flags
