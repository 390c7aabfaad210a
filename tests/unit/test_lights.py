"""三色预警 on the mini plan: 绿 done, 蓝 not yet due, 黄 due within --soon days or waiting
on someone (a claim on its verdict, a returned item on its redo), 红 overdue."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from fzzf_cli.derive.status import LIGHTS, SETTLED, assess
from fzzf_cli.vocab import SOON, Light, Status

from .scenario import assessed, file_all, workspace


def test_every_status_has_its_light() -> None:
    assert set(LIGHTS) == set(Status)
    assert {s for s, light in LIGHTS.items() if light is Light.RED} == {
        Status.OVERDUE,
        Status.MISSING,
    }
    # Done means green; a claim is not done until the coordinator accepts it.
    assert {s for s, light in LIGHTS.items() if light is Light.GREEN} == set(SETTLED) - {
        Status.CLAIMED,
        Status.NA_CLAIMED,
        Status.NOT_APPLICABLE,
    }
    assert LIGHTS[Status.UNASSIGNED] is None  # an open group: nobody to chase
    # 不适用: waits on the verdict (黄); confirmed, not owed: nobody to chase, and not done
    assert LIGHTS[Status.NA_CLAIMED] is Light.YELLOW and LIGHTS[Status.NOT_APPLICABLE] is None
    assert LIGHTS[Status.NIL_RETURN] is Light.BLUE  # 本期无进展, not yet due


def test_lights_in_the_scenario(mini_repo: Path) -> None:
    file_all(mini_repo)
    ws = workspace(mini_repo)
    lights = {a.obligation.id: a.light for a in assessed(ws)}
    assert lights["p2-plan.deqing"] is Light.GREEN  # the pilot plan, filed on time
    assert lights["report-2016-H1.deqing"] is Light.GREEN  # filed, if late: done
    assert lights["m1-2016-12-31.deqing"] is Light.YELLOW  # returned, before its new deadline
    assert lights["report-2016-H2.deqing"] is Light.RED  # not filed, past due
    assert lights["m1-2017-12-31.deqing"] is Light.BLUE


@pytest.mark.parametrize(
    ("days_before", "light"),
    [(0, Light.YELLOW), (SOON, Light.YELLOW), (SOON + 1, Light.BLUE), (-1, Light.RED)],
)
def test_yellow_is_due_within_soon_days(mini_repo: Path, days_before: int, light: Light) -> None:
    ws = workspace(mini_repo)
    target = next(o for o in ws.obligations if o.id == "m1-2017-12-31.deqing")
    as_of = target.due - timedelta(days=days_before)
    (found,) = assess([target], ws.subs, as_of, SOON)
    assert found.light is light


def test_a_shorter_soon_turns_yellow_blue(mini_repo: Path) -> None:
    ws = workspace(mini_repo)
    target = next(o for o in ws.obligations if o.id == "m1-2017-12-31.deqing")
    (found,) = assess([target], ws.subs, target.due - timedelta(days=10), soon=7)
    assert found.light is Light.BLUE
    assert date(2017, 12, 31) == target.due
