"""Pilot documents claimed in a report but never filed (八: 报送试点工作方案, 完成试点工作)."""

from __future__ import annotations

from datetime import date

from fzzf_cli.errors import Problem
from fzzf_cli.read.yamlio import locate
from fzzf_cli.text import msg
from fzzf_cli.validate.subs_load import Submissions
from fzzf_cli.vocab import PilotDoc


def pilot_claims(subs: Submissions, as_of: date) -> list[Problem]:
    """ "p64-plan: done" in a report, with no pilot file: the report says how the pilot
    goes, but only the file under pilot-plans/ or pilot-completions/ is the document (八)."""
    files = {(f.record.unit, getattr(f.record, "pilot", 0), f.kind) for f in subs.pilot_files}
    steps = {d.step: d for d in PilotDoc}
    found = []
    for filed in subs.progress():
        if filed.filed is None or filed.filed > as_of:
            continue  # a draft claims nothing yet, nor a filing of a later day
        for i, item in enumerate(getattr(filed.record, "items", [])):
            thing = item.id.removesuffix(f".{filed.record.unit}")
            number, _, step = thing.partition("-")
            doc = steps.get(step)
            pilot = int(number[1:]) if number[1:].isdecimal() and number[1:].isascii() else 0
            if item.status != "done" or doc is None or not number.startswith("p") or not pilot:
                continue
            if (filed.record.unit, pilot, doc) not in files:
                text = msg("sub_pilot_claim", doc=msg(f"pilot_doc_{doc}"), command=doc.command,
                           pilot=pilot, unit=filed.record.unit)  # fmt: skip
                found.append(Problem(locate(filed.doc, ("items", i, "status")), text))
    return found
