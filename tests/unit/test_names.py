"""Unit names as people type them, on the mini plan: the index (model/names.py), its short
forms from units.yaml's ``naming:``, and resolving what was typed (select/names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.conventions import Naming
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.names import fold, labels, short_forms, unique
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg

from ..miniplan import UNITS, dataset

NAMING = Naming(prefixes=["肇庆市", "市"], suffixes=["人民政府", "县", "局", "办"])


@pytest.fixture
def ds(tmp_path: Path) -> Dataset:
    units = UNITS.replace("    name: 德庆县\n", "    name: 德庆县\n    full_name: 德庆县人民政府\n")
    return dataset(tmp_path, units=units)


def test_fold_ignores_width_case_and_blanks() -> None:
    assert fold("  ＦＡＺＨＩＪＵ ") == "fazhiju"
    assert fold("各县（市、区）") == fold("各县(市、区)")


@pytest.mark.parametrize(
    ("label", "forms"),
    [
        ("市法制局", {"市法制局", "法制局", "法制"}),
        ("肇庆市法制局", {"肇庆市法制局", "法制局", "法制"}),
        ("德庆县", {"德庆县", "德庆"}),
        ("德庆县人民政府", {"德庆县人民政府", "德庆县"}),
        ("市编办", {"市编办", "编办"}),  # 编 alone is too short to be a name
    ],
)
def test_short_forms_follow_the_naming_block(label: str, forms: set[str]) -> None:
    assert short_forms(label, NAMING) == forms


def test_no_naming_block_no_short_forms() -> None:
    assert short_forms("市法制局", Naming()) == {"市法制局"}


def test_labels_index_every_name_of_units_and_groups(ds: Dataset) -> None:
    table = labels(ds, units_only=False)
    assert table["deqing"] == {"deqing"} and table["德庆"] == {"deqing"}
    assert table["德庆县人民政府"] == {"deqing"} and table["市依法行政办"] == {"fazhiju"}
    assert table["counties"] == {"counties"}
    assert "counties" not in labels(ds, units_only=True)


def test_unique_by_name_or_prefix(ds: Dataset) -> None:
    assert unique(ds, "法制") == "fazhiju"
    assert unique(ds, "德") == "deqing"  # the only label starting so
    assert unique(ds, "市") is None  # 市法制局, 市编办, 市依法行政办 …
    assert unique(ds, "") is None


@pytest.mark.parametrize(
    "typed",
    ["deqing", "德庆县", "德庆", "德庆县人民政府", "德庆县人民", " 德庆 ", "ＤＥＱＩＮＧ"],
)
def test_a_county_by_any_of_its_names(ds: Dataset, typed: str) -> None:
    assert resolve(ds, typed) == "deqing"


@pytest.mark.parametrize(
    ("typed", "unit"),
    [("市依法行政办", "fazhiju"), ("法制局", "fazhiju"), ("编办", "bianban"), ("领导小组", None)],
)
def test_aliases_and_short_forms(ds: Dataset, typed: str, unit: str | None) -> None:
    if unit is None:
        with pytest.raises(FzzfError):
            resolve(ds, typed)
    else:
        assert resolve(ds, typed) == unit


def test_an_ambiguous_name_lists_the_candidates(ds: Dataset) -> None:
    with pytest.raises(FzzfError) as caught:
        resolve(ds, "市")
    assert caught.value.exit_code == EXIT_USAGE
    candidates = "市法制局（fazhiju）、市编办（bianban）、市依法行政工作领导小组（lingdaoxiaozu）"
    assert caught.value.message == msg("name_ambiguous", name="市", candidates=candidates)


def test_an_unknown_name_suggests_the_closest(ds: Dataset) -> None:
    with pytest.raises(FzzfError) as caught:
        resolve(ds, "德庆市")
    assert caught.value.message == "没有叫“德庆市”的单位，是否想写 德庆县（deqing）？"
    with pytest.raises(FzzfError) as caught:
        resolve(ds, "qwerty")  # nothing close: say where the names are
    assert caught.value.message == "没有叫“qwerty”的单位；全部单位及其写法见 fzzf units"


def test_a_group_where_a_unit_is_needed(ds: Dataset) -> None:
    with pytest.raises(FzzfError) as caught:
        resolve(ds, "各县")
    assert caught.value.message == msg(
        "name_is_group", name="各县(市、区)人民政府", members="德庆县"
    )
    assert resolve(ds, "各县", units_only=False) == "counties"
    assert resolve(ds, "counties", units_only=False) == "counties"


def test_an_empty_name(ds: Dataset) -> None:
    with pytest.raises(FzzfError) as caught:
        resolve(ds, "  ")
    assert caught.value.message == msg("name_empty")
