"""``fzzf due`` and ``fzzf owes`` end to end: golden outputs, every format, every option."""

from __future__ import annotations

import csv
import io
import json

import pytest

AS_OF = "2017-07-15"


def test_due_2017_golden_table(cli, golden) -> None:
    code, out, err = cli("due", "--year", "2017", "--as-of", AS_OF)
    assert code == 0 and err == ""
    golden("due-2017.txt", out)
    assert out.startswith("截至 2017-07-15：2017 年到期")
    count = "共 28 项事项，387 条单位义务，涉及 48 个单位及 5 个成员待指定的单位组。"
    assert out.rstrip().endswith(count + "其中 11 项已过期限。")


def test_due_2017_golden_markdown(cli, golden) -> None:
    code, out, _ = cli("due", "--year", "2017", "--as-of", AS_OF, "--format", "md")
    assert code == 0
    golden("due-2017.md", out)
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 28
    assert all(line.count(" | ") == 6 for line in table if not line.startswith("|---"))


def test_due_json_is_one_record_per_owing_unit(cli) -> None:
    code, out, _ = cli("due", "--year", "2017", "--as-of", AS_OF, "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert data["as_of"] == AS_OF
    records = data["obligations"]
    assert len(records) == 387
    by_id = {r["id"]: r for r in records}
    assert by_id["m16-2017-12-31.deqing"] == {
        "id": "m16-2017-12-31.deqing",
        "due": "2017-12-31",
        "kind": "milestone",
        "measure": 16,
        "pilot": None,
        "unit_id": "deqing",
        "unit": "德庆县",
        "via": "counties",
        "lead": False,
        "title": "各县(市、区)和两区推广重大行政决策目录管理",
        "quote": "2017年,各县(市、区)、肇庆高新区、肇庆新区推广实施",
        "implied": False,
        "period": None,
        "thing": "m16-2017-12-31",
        "role": "group",
        "stage": "rollout",
        "past": False,
        "due_original": "2017-12-31",
        "revisions": [],
        "from_units": None,
        "acts": None,
        "handed": None,
    }
    report = by_id["report-2017-H1.huaiji"]
    assert (report["kind"], report["period"], report["due"], report["past"]) == (
        "report",
        "2017-H1",
        "2017-06-30",
        True,
    )
    pilot = by_id["p63-done.deqing"]
    assert (pilot["kind"], pilot["pilot"], pilot["measure"], pilot["due"]) == (
        "pilot_done",
        63,
        63,
        "2017-04-07",
    )
    assert by_id["m40-every-2017-09-30.fagaiju"]["lead"] is True
    open_group = by_id["m8-2017-12-31.market-regulators"]
    assert (open_group["unit"], open_group["role"]) == ("负有市场监管职责的部门", "open_group")
    assert all(r["due"].startswith("2017-") for r in records)


def test_due_csv_has_bom_and_a_row_per_unit(cli) -> None:
    code, out, _ = cli("due", "--year", "2017", "--as-of", AS_OF, "-f", "csv")
    assert code == 0 and out.startswith("\ufeffid,due,kind,measure")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 387
    assert rows[0]["id"] == "m40-every-2017-03-31.fagaiju" and rows[0]["lead"] == "true"


def test_due_default_is_from_the_as_of_date(cli) -> None:
    code, out, _ = cli("due", "--as-of", "2018-10-01", "-f", "json")
    dues = {r["due"] for r in json.loads(out)["obligations"]}
    assert code == 0 and min(dues) == "2018-12-31"
    code, out, _ = cli("due", "--as-of", "2018-10-01")
    assert out.startswith("截至 2018-10-01：2018-10-01 起尚未到期")


def test_due_as_of_from_environment(cli, monkeypatch) -> None:
    monkeypatch.setenv("FZZF_AS_OF", "2018-12-01")
    _, out, _ = cli("due", "-f", "json")
    assert json.loads(out)["as_of"] == "2018-12-01"
    monkeypatch.setenv("FZZF_AS_OF", "2018-02-30")
    code, _, err = cli("due")
    assert code == 2 and "FZZF_AS_OF" in err


def test_nothing_left_names_the_last_deadline(cli) -> None:
    code, out, err = cli("due", "--as-of", "2019-03-01")
    assert code == 0 and out == ""
    assert "方案已没有尚未到期的事项；方案最后的期限是 2018-12-31" in err
    code, out, _ = cli("due", "--as-of", "2019-03-01", "-f", "json")
    assert json.loads(out) == {"as_of": "2019-03-01", "obligations": []}


def test_due_nothing_in_window(cli) -> None:
    code, _, err = cli("due", "--month", "2017-02", "--as-of", AS_OF)
    assert code == 0 and "2017-02-01 至 2017-02-28 到期没有事项" in err


@pytest.mark.parametrize(
    ("args", "things"),
    [
        (("--quarter", "2017Q2"), 10),
        (("--month", "2017-06"), 2),
        (("--from", "2016-04-01", "--to", "2016-04-30"), 8),
        (("--year", "2016", "--kind", "pilot_plan"), 8),
        (("--year", "2018", "--measure", "40"), 5),
    ],
)
def test_due_windows_and_filters(cli, args: tuple[str, ...], things: int) -> None:
    code, out, _ = cli("due", *args, "--as-of", AS_OF, "-f", "md")
    rows = [line for line in out.splitlines() if line.startswith("| 20")]
    assert code == 0 and len(rows) == things


def test_due_unit_lists_one_row_per_owing_unit(cli) -> None:
    code, out, _ = cli("due", "--year", "2017", "--unit", "德庆", "--as-of", AS_OF)
    assert code == 0
    assert "经由“各县(市、区)人民政府”" in out and "试点地区" in out
    assert out.rstrip().endswith("共 17 条义务，涉及 1 个单位。其中 2 项已过期限。")


def test_due_lead_only(cli) -> None:
    _, out, _ = cli("due", "--year", "2017", "-u", "市法制局", "--lead", "-f", "json")
    records = json.loads(out)["obligations"]
    assert records and all(r["lead"] and r["unit_id"] == "fazhiju" for r in records)
    # 42's 2017 milestone binds the counties only: 市法制局 leads the measure, not that step.
    assert {r["measure"] for r in records} == {15, 25, 36, 37, 38, 41}


def test_due_expand_and_by_unit(cli) -> None:
    _, grouped, _ = cli("due", "--month", "2017-06", "--as-of", AS_OF, "-f", "md")
    _, expanded, _ = cli("due", "--month", "2017-06", "--as-of", AS_OF, "-f", "md", "--expand")
    _, by_unit, _ = cli("due", "--month", "2017-06", "--as-of", AS_OF, "-f", "md", "--by", "unit")
    assert expanded == by_unit
    assert grouped.count("\n| 2017") == 2 and expanded.count("\n| 2017") == 48


def test_until_moves_the_horizon_of_recurring_duties(cli) -> None:
    _, out, _ = cli("due", "--measure", "15", "--kind", "recurring", "--from", "2016-01-01",
                    "--until", "2030-12-31", "-f", "json")  # fmt: skip
    assert [r["due"] for r in json.loads(out)["obligations"]] == ["2018-12-31", "2023-12-31",
                                                                  "2028-12-31"]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--year", "20x7"), "--year 的值“20x7”应为四位年份"),
        (("--as-of", "2017-13-01"), "as-of 日期“2017-13-01”无效"),
        (("--quarter", "2017Q5"), "--quarter 的值“2017Q5”"),
        (("--month", "2017-13"), "--month 的值“2017-13”"),
        (("--from", "2017-02-30"), "--from 的值“2017-02-30”不是有效日期"),
        (("--from", "2017-05-01", "--to", "2017-04-01"), "--from 晚于 --to"),
        (("--year", "2017", "--month", "2017-01"), "时间范围只能用一种方式给出"),
        (("--unit", "德清县"), "没有叫“德清县”的单位"),
        (("--unit", "市"), "可指多个单位"),
        (("--format", "pdf"), "pdf"),
        (("--kind", "reports"), "reports"),
    ],
)
def test_due_bad_usage_exits_2(cli, args: tuple[str, ...], fragment: str) -> None:
    code, out, err = cli("due", *args)
    assert code == 2 and out == ""
    assert fragment in err and "Traceback" not in err


def test_owes_deqing_golden(cli, golden) -> None:
    code, out, err = cli("owes", "德庆县", "--as-of", AS_OF)
    assert code == 0 and err == ""
    golden("owes-deqing.txt", out)
    assert out.startswith("德庆县（deqing）应承担的事项，截至 2017-07-15")
    for year in ("2016 年", "2017 年", "2018 年"):
        assert year in out
    assert "试点地区" in out and "各地各部门半年报送" in out and "经由“各县(市、区)人民政府”" in out


def test_owes_huaiji_golden_markdown(cli, golden) -> None:
    code, out, _ = cli("owes", "怀集", "--as-of", AS_OF, "-f", "md")
    assert code == 0
    golden("owes-huaiji.md", out)
    assert out.startswith("## 怀集县（huaiji）应承担的事项，截至 2017-07-15")
    _, data, _ = cli("owes", "怀集", "--as-of", AS_OF, "-f", "json")
    records = json.loads(data)["obligations"]
    assert records and not [r for r in records if r["pilot"] is not None]
    assert {r["role"] for r in records} == {"group", "reporter"}


def test_owes_json_field_by_field(cli) -> None:
    code, out, _ = cli("owes", "deqing", "--year", "2016", "--as-of", AS_OF, "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == AS_OF and data["unit_id"] == "deqing"
    records = data["obligations"]
    assert all(r["unit_id"] == "deqing" and r["due"].startswith("2016") for r in records)
    first = records[0]
    assert first["id"] == "p63-plan.deqing" and first["role"] == "pilot_area"
    assert first["title"] == "报送试点工作方案：落实行政执法人员资格管理制度"
    assert first["quote"] == "于2016年4月20日前将试点方案报市法制局(市依法行政办)汇总"
    assert {r["kind"] for r in records} == {"pilot_plan", "report", "milestone"}


def test_pilots_for_units_with_conditions_are_not_owed_by_every_county(cli) -> None:
    """Measures 25, 32, 37 pilot only 在有条件的…: the lead organises the pilot, and a group
    of units still to be designated owes it, not every county."""
    pilots = {"m25-2016-12-31", "m32-2016-12-31", "m37-2016-12-31"}
    code, out, _ = cli("owes", "德庆县", "--as-of", AS_OF, "-f", "json")
    assert code == 0
    assert not pilots & {r["thing"] for r in json.loads(out)["obligations"]}
    _, out, _ = cli("owes", "德庆县", "--as-of", AS_OF)
    assert "措施 25 " not in out.split("2017 年")[0]
    _, out, _ = cli("due", "--year", "2016", "--as-of", AS_OF, "-f", "json")
    owing = {
        (r["thing"], r["unit_id"], r["role"])
        for r in json.loads(out)["obligations"]
        if r["thing"] in pilots
    }
    assert owing == {
        ("m25-2016-12-31", "fazhiju", "lead"),
        ("m25-2016-12-31", "m25-pilot-units", "open_group"),
        ("m32-2016-12-31", "bianban", "lead"),
        ("m32-2016-12-31", "m32-pilot-units", "open_group"),
        ("m37-2016-12-31", "fazhiju", "lead"),
        ("m37-2016-12-31", "m37-pilot-units", "open_group"),
    }


def test_owes_same_for_every_way_of_naming(cli) -> None:
    outputs = {cli("owes", name, "--as-of", AS_OF, "-f", "json")[1]
               for name in ("deqing", "德庆", "德庆县", "德庆县人民政府", "DEQING")}  # fmt: skip
    assert len(outputs) == 1


def test_owes_kind_filter_and_group(cli) -> None:
    _, out, _ = cli("owes", "fazhiju", "--kind", "review", "-f", "json", "--as-of", AS_OF)
    assert [r["id"] for r in json.loads(out)["obligations"]] == ["review-2018-12-31.fazhiju"]
    _, out, _ = cli("owes", "市政府有关部门", "--year", "2016", "-f", "json", "--as-of", AS_OF)
    records = json.loads(out)["obligations"]
    assert records and all(r["role"] == "open_group" for r in records)


def test_owes_unknown_and_ambiguous(cli) -> None:
    code, out, err = cli("owes", "德清")
    assert code == 2 and out == "" and "没有叫“德清”的单位" in err and "德庆县（deqing）" in err
    code, _, err = cli("owes", "市")
    assert code == 2 and "可指多个单位" in err and "等 49 个" in err
