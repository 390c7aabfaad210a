"""Units that change, on the mini plan: 市编办 ends on 2016-06-30 and hands its duties on;
what was due by then stays with it, what falls due later passes on (derive/handover.py);
the successors are checked (validate/succession.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import derive
from fzzf_cli.select.names import resolve
from fzzf_cli.select.succession import ended_note, notes

from ..conftest import located
from ..miniplan import UNITS, dataset, load

U = "data/units.yaml"
ACT = "{title: 机构改革方案, number: 肇办发〔2016〕1号, date: 2016-06-01}"
NEW = "  - id: xinban\n    name: 市委编办\n    kind: city_department\n"


def _units(ended: str = "2016-06-30", heirs: str = "[xinban]", since: str = "2016-07-01",
           extra: str = "") -> str:  # fmt: skip
    listed = ", ".join(f"{{unit: {h}, from: {since}, act: {ACT}}}" for h in heirs[1:-1].split(", "))
    bianban = f"    name: 市编办\n    until: {ended}\n    successors: [{listed}]\n"
    return UNITS.replace("    name: 市编办\n", bianban).replace(
        "groups:\n", NEW + extra + "groups:\n"
    )


def _owed(tmp_path: Path, units: str) -> dict[str, tuple[str, ...]]:
    return {o.id: o.from_units for o in derive(dataset(tmp_path, units=units))}


def test_due_by_the_end_stays_due_later_passes(tmp_path: Path) -> None:
    owed = _owed(tmp_path, _units())
    # Due on or before 2016-06-30: 市编办's, even if still open.
    assert owed["p2-plan.bianban"] == () and owed["report-2016-H1.bianban"] == ()
    # Due later: 市委编办's, saying where it came from, under its own id.
    for thing in ("m1-2016-12-31", "report-2016-H2", "p2-done"):
        assert f"{thing}.bianban" not in owed
        assert owed[f"{thing}.xinban"] == ("bianban",)
    o = next(o for o in derive(dataset(tmp_path, units=_units())) if o.id == "p2-done.xinban")
    assert o.acts == ("《机构改革方案》（肇办发〔2016〕1号，2016-06-01）",)
    assert str(o.handed) == "2016-07-01" and o.unit == "市委编办"


def test_several_successors_each_owe_once(tmp_path: Path) -> None:
    obligations = derive(dataset(tmp_path, units=_units(heirs="[xinban, fazhiju]")))
    ids = [o.id for o in obligations]
    assert len(ids) == len(set(ids))
    mine = {o.id: o for o in obligations if o.thing == "m1-2016-12-31"}
    assert set(mine) == {"m1-2016-12-31.xinban", "m1-2016-12-31.fazhiju", "m1-2016-12-31.deqing"}
    # 市法制局 owed it already: its own record stays, noting what it also carries.
    assert mine["m1-2016-12-31.fazhiju"].from_units == ("bianban",)
    assert mine["m1-2016-12-31.fazhiju"].role == "co_unit"


def test_a_chain_of_successors(tmp_path: Path) -> None:
    later = "    until: 2016-12-31\n    successors: [{unit: fazhiju, from: 2017-01-01, act: "
    units = _units().replace(NEW, NEW + later + ACT + "}]\n")
    owed = _owed(tmp_path, units)
    assert owed["m1-2016-12-31.xinban"] == ("bianban",)  # 市委编办 still there on the day
    assert owed["p2-done.fazhiju"] == ("bianban",)  # due 2017-04-07: passed on twice
    assert not [i for i in owed if i.endswith(".xinban") and i.startswith("p2")]


def test_words_and_an_old_name_resolves(tmp_path: Path) -> None:
    ds = dataset(tmp_path, units=_units())
    assert resolve(ds, "市编办") == "bianban"
    assert notes(ds) == [
        "原市编办事项，2016年7月起由市委编办承担（依据《机构改革方案》（肇办发〔2016〕1号，2016-06-01））"
    ]
    assert ended_note(ds, "bianban") == f"市编办已于 2016-06-30 终止：{notes(ds)[0]}。"
    assert ended_note(ds, "xinban") is None


def test_without_changes_nothing_moves(tmp_path: Path) -> None:
    assert all(o.from_units == () for o in derive(dataset(tmp_path)))


LATER = "  - id: jiuban\n    name: 旧办\n    kind: city_department\n    until: 2016-03-31\n"


@pytest.mark.parametrize(
    ("units", "code", "where"),
    [
        (_units(heirs="[nosuch]"), "succ-unknown", f"{U}:10:25"),
        (_units(since="2016-06-30"), "succ-from-not-after", f"{U}:10:39"),
        (_units(heirs="[jiuban]", extra=LATER), "succ-ended", f"{U}:10:25"),
        (_units(heirs="[bianban]"), "succ-cycle", f"{U}:10:5"),
        (_units(heirs="[xinban, xinban]"), "succ-repeated", f"{U}:10:120"),
        (_units().replace("    until: 2016-06-30\n", ""), "succ-needs-until", f"{U}:9:5"),
    ],
)
def test_successors_are_checked(tmp_path: Path, units: str, code: str, where: str) -> None:
    _, problems = load(tmp_path, units=units)
    assert located(problems) == [(code, where)], [str(p) for p in problems]


def test_a_cycle_through_two_units(tmp_path: Path) -> None:
    back = "    until: 2016-12-31\n    successors: [{unit: bianban, from: 2017-01-01, act: "
    units = _units().replace(NEW, NEW + back + ACT + "}]\n")
    _, problems = load(tmp_path, units=units)
    # 市编办 had also ended before 市委编办 would hand back to it.
    assert located(problems) == [("succ-cycle", f"{U}:10:5"), ("succ-ended", f"{U}:23:25")]
    assert "市编办 → 市委编办 → 市编办" in problems[0].message
