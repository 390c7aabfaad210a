"""What keeps thousands of records small changes nothing they say: records share their set of
field names without one copy changing another's, JSON written in pieces is the same text, and
the submission cache written an entry at a time reads back whole."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fzzf_cli.model.filings import Item
from fzzf_cli.present import jsonout
from fzzf_cli.validate.subs_cache import SubsCache


def test_records_share_field_names_and_a_copy_keeps_its_own() -> None:
    a = Item.model_validate({"id": "m1-2016-12-31", "status": "in_progress"})
    b = Item.model_validate({"id": "m2-2016-12-31", "status": "not_started"})
    assert a.model_fields_set is b.model_fields_set == {"id", "status"}
    c = a.model_copy(update={"status": "not_applicable", "reason": "无"})
    assert c.model_fields_set == {"id", "status", "reason"}
    assert a.model_fields_set == b.model_fields_set == {"id", "status"}


@pytest.mark.parametrize("pieces", [1, 3, 8192])
def test_json_in_pieces_is_json_dumps(monkeypatch: pytest.MonkeyPatch, pieces: int) -> None:
    monkeypatch.setattr(jsonout, "_PIECES", pieces)
    data = {"单位": ["德庆县", {"a": 1.5, "b": None, "c": [True, "=1+1", "\u2028"]}], "e": []}
    out = io.StringIO()
    jsonout.write_json(data, out)
    assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_cache_written_in_pieces_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    values = [{"unit": "德庆县", "note": 'a "quoted"\nline'}, {"n": [1, 2]}, "x"]
    first = SubsCache(folder, folder, "context")
    for n, value in enumerate(values):
        first.put(f"k{n}", value)
    first.save()
    again = SubsCache(folder, folder, "context")
    assert [again.get(f"k{n}") for n in range(3)] == values
    assert SubsCache(folder, folder, "other").get("k0") is None


def test_equal_messages_are_one_object_in_each_language() -> None:
    from fzzf_cli.text import msg, spoken, use

    before = spoken()
    try:
        use("zh")
        zh = msg("ref_measure", n=12)
        assert zh is msg("ref_measure", n=12) and zh.key == "ref_measure"  # type: ignore[attr-defined]
        assert msg("ref_measure", n=13) != zh
        use("en")
        assert msg("ref_measure", n=12) != zh  # not the other language's, kept from before
    finally:
        use(before)


def test_a_valid_file_keeps_its_bytes_deflated_and_locates_as_read() -> None:
    from fzzf_cli.read.reread import Reread
    from fzzf_cli.read.yamlio import locate, parse_yaml

    raw = "".join(f"- id: m{n}-2016-12-31\n  note: 样例进展说明 {n}\n" for n in range(50))
    raw = ("unit: deqing\nitems:\n" + raw).encode()
    kept = Reread.of(raw, "data/x.yaml")
    doc, _ = parse_yaml(raw, "data/x.yaml")
    assert doc is not None and len(kept.packed) < len(raw) / 3
    assert kept.load().data == doc.data
    assert locate(kept, ("items", 49, "note")) == locate(doc, ("items", 49, "note"))


def test_cache_entries_are_saved_and_read_back_intact(tmp_path: Path) -> None:
    store = SubsCache(tmp_path / "cache", tmp_path, "context")
    value = {"items": [{"id": f"m{n}-2016-12-31", "note": "样例进展说明"} for n in range(40)]}
    store.put("k", value)
    assert json.loads(store.new["k"]) == value
    store.save()
    assert SubsCache(tmp_path / "cache", tmp_path, "context").get("k") == value
