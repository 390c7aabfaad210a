"""yamlio: every way a hand-edited file can be wrong becomes a Problem at the right line:col.

Cases follow research/reliability.md (b) A–E. The main table runs with both the libyaml loader
and the pure-Python one, and both must give exactly the same problems.
"""

from __future__ import annotations

import codecs
import datetime
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.yamlbytes import read_bytes
from fzzf_cli.read.yamlio import MAX_BYTES, MAX_DEPTH, dump_yaml, locate, parse_yaml, read_yaml
from fzzf_cli.text import msg

LOADERS = pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure"])


def problems(raw: bytes, pure: bool = False) -> list[Problem]:
    doc, found = parse_yaml(raw, "d/x.yaml", pure=pure)
    assert (doc is None) == bool(found)
    return found


def load(raw: bytes, pure: bool = False) -> object:
    doc, found = parse_yaml(raw, "d/x.yaml", pure=pure)
    assert found == [], [str(p) for p in found]
    assert doc is not None
    return doc.data


# (name, bytes, line, col, code, a value from the input that the message or hint shows) — line 0
# means "the whole file". The wording of each code is reviewed in tests/golden/problems.txt.
CASES = [
    # A. encoding and bytes
    ("gbk", "名称: 北京\n".encode("gbk"), 1, 1, "yaml-not-utf8", "GBK"),
    (
        "gbk-later-line",
        b"id: a\nx: 1\n" + "名称: 北京\n".encode("gbk"),
        3,
        1,
        "yaml-not-utf8",
        "GBK",
    ),
    ("latin1", "name: café\n".encode("latin-1"), 1, 10, "yaml-not-utf8", ""),
    (
        "utf16-bom",
        codecs.BOM_UTF16_LE + "id: a\n".encode("utf-16-le"),
        0,
        0,
        "yaml-wide-encoding",
        "UTF-16",
    ),
    (
        "utf16-no-bom",
        "id: a\n名称: 北京\n".encode("utf-16-be"),
        0,
        0,
        "yaml-wide-encoding",
        "UTF-16",
    ),
    (
        "utf32-bom",
        codecs.BOM_UTF32_LE + "id: a\n".encode("utf-32-le"),
        0,
        0,
        "yaml-wide-encoding",
        "UTF-32",
    ),
    ("bom-mid-file", "id: a\n\ufeffname: b\n".encode(), 2, 1, "yaml-bad-char", "U+FEFF"),
    ("nul-byte", b"id: a\x00\n", 1, 6, "yaml-binary", "U+0000"),
    ("ctrl-char", b"name: a\x07b\n", 1, 8, "yaml-bad-char", "U+0007"),
    ("nel", "name: a\x85b\n".encode(), 1, 8, "yaml-bad-char", "U+0085"),
    ("del", b"name: a\x7fb\n", 1, 8, "yaml-bad-char", "U+007F"),
    ("line-separator", "a: x\u2028y\n".encode(), 1, 5, "yaml-bad-char", "U+2028"),
    ("crlf-dup", b"id: a\r\nname: b\r\nid: c\r\n", 3, 1, "yaml-duplicate-key", ""),
    ("lone-cr-dup", b"id: a\rname: b\rid: c\r", 3, 1, "yaml-duplicate-key", ""),
    ("empty", b"", 0, 0, "yaml-empty", ""),
    ("comments-only", "# TODO 填写\n".encode(), 0, 0, "yaml-empty", ""),
    ("only-doc-start", b"---\n", 0, 0, "yaml-empty", ""),
    # B. layout and syntax
    ("tab-indent", b"a:\n\tb: 1\n", 2, 1, "yaml-tab-indent", ""),
    ("tab-after-colon", b"a:\t1\n", 1, 3, "yaml-tab", ""),
    ("bad-indent", b"a:\n  b: 1\n c: 2\n", 3, 2, "yaml-err-indent", ""),
    ("unclosed-quote", b'name: "abc\nid: 2\n', 1, 7, "yaml-err-unclosed-quote", ""),
    ("fullwidth-colon", "name：北京\nid: 1\n".encode(), 1, 5, "yaml-fullwidth-colon", ""),
    ("fullwidth-colon-only", "name：北京\n".encode(), 1, 5, "yaml-fullwidth-colon", ""),
    (
        "fullwidth-colon-nested",
        "owner:\n  id: 1\n  名称：北京\n".encode(),
        3,
        5,
        "yaml-fullwidth-colon",
        "",
    ),
    ("fullwidth-colon-list", "- id: 1\n- name：北京\n".encode(), 2, 7, "yaml-fullwidth-colon", ""),
    (
        "ideographic-indent",
        "a:\n\u3000\u3000b: 1\n".encode(),
        2,
        1,
        "yaml-wide-space-indent",
        "U+3000",
    ),
    ("nbsp-indent", "a:\n\xa0b: 1\n".encode(), 2, 1, "yaml-wide-space-indent", "U+00A0"),
    ("nbsp-after-colon", "id:\xa0a\n".encode(), 1, 4, "yaml-wide-space-after-colon", "U+00A0"),
    ("fullwidth-dash", "items:\n－ a\n".encode(), 2, 1, "yaml-fullwidth-dash", ""),
    ("no-space-after-colon", b"id:a\nname: x\n", 1, 3, "yaml-colon-no-space", ""),
    ("multi-document", b"id: a\n---\nid: b\n", 2, 1, "yaml-multi-doc", ""),
    ("unclosed-flow", b"tags: [a, b\n", 1, 7, "yaml-err-unclosed-bracket", "]"),
    ("unclosed-brace", b"tags: {a: b\n", 1, 7, "yaml-err-unclosed-brace", "}"),
    ("mapping-values", b"a: b: c\n", 1, 5, "yaml-err-colon", ""),
    ("missing-colon", b"a:\n  b: 1\n  c\n  d: 2\n", 3, 3, "yaml-err-missing-colon", ""),
    ("bad-start", b"a: @x\n", 1, 4, "yaml-err-bad-start", "@"),
    ("bad-escape", b'a: "\\q"\n', 1, 5, "yaml-err-escape", ""),
    ("block-header", b"a: | x\n  y\n", 1, 6, "yaml-err-block-header", "|"),
    ("unexpected-end", b"a: [\n", 2, 1, "yaml-err-unexpected-end", ""),
    ("seq-in-mapping", b"a: 1\n- b\n", 2, 1, "yaml-err-indent", ""),
    ("undefined-alias", b"a: *x\n", 1, 4, "yaml-alias", "*x"),
    # C. tags
    ("binary-tag", b"name: !!binary aGk=\n", 1, 7, "yaml-tag", "!!binary"),
    ("str-tag", b"name: !!str 1\n", 1, 7, "yaml-tag", "!!str"),
    ("custom-tag", b"a: !Ref x\n", 1, 4, "yaml-tag", "!Ref"),
    (
        "python-tag",
        b"a: !!python/object/apply:os.system ['true']\n",
        1,
        4,
        "yaml-tag",
        "python/object",
    ),
    # D. structure
    ("dup-key", b"id: a\nname: x\nid: b\n", 3, 1, "yaml-duplicate-key", ""),
    ("dup-quoted", b"id: a\n'id': b\n", 2, 1, "yaml-duplicate-key", ""),
    ("dup-nested", b"owner:\n  name: a\n  name: b\n", 3, 3, "yaml-duplicate-key", ""),
    ("dup-in-flow", b"items:\n  - {k: 1, k: 2}\n", 2, 12, "yaml-duplicate-key", ""),
    ("merge-key", b"a: 1\n<<: {b: 2}\n", 2, 1, "yaml-merge", "<<"),
    ("top-list", b"- id: a\n", 1, 1, "yaml-top-not-mapping", ""),
    ("top-scalar", b"hello\n", 1, 1, "yaml-top-not-mapping", ""),
    ("zwsp-key", "na\u200bme: x\n".encode(), 1, 3, "yaml-bad-char", "U+200B"),
    ("int-key", b"1: a\n", 1, 1, "yaml-key-not-str", ""),
    ("bool-key", b"a: 1\ntrue: x\n", 2, 1, "yaml-key-not-str", ""),
    ("null-key", b"~: x\n", 1, 1, "yaml-key-not-str", ""),
    ("list-key", b"[a, b]: c\n", 1, 1, "yaml-key-collection", ""),
    # E. hostile
    ("deep-flow", b"a: " + b"[" * 50_000 + b"]" * 50_000, 1, 3 + MAX_DEPTH, "yaml-too-deep", ""),
]


@LOADERS
@pytest.mark.parametrize(
    ("raw", "line", "col", "code", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_one_located_problem(
    raw: bytes, line: int, col: int, code: str, value: str, pure: bool
) -> None:
    found = problems(raw, pure)
    assert len(found) == 1, [str(p) for p in found]
    (problem,) = found
    assert problem.location == Location("d/x.yaml", line, col), str(problem)
    assert problem.code == code, str(problem)
    assert value in problem.message + problem.hint


# What some messages say beyond their code: the line a key was first used on, where an
# unclosed quote opened, what a key would be read as.
SAID = {
    "crlf-dup": ("yaml_duplicate_key", {"name": "id", "first": 1}),
    "lone-cr-dup": ("yaml_duplicate_key", {"name": "id", "first": 1}),
    "dup-key": ("yaml_duplicate_key", {"name": "id", "first": 1}),
    "dup-nested": ("yaml_duplicate_key", {"name": "name", "first": 2}),
    "missing-colon": ("yaml_err_missing_colon", {"line": 3}),
    "unclosed-quote": ("yaml_err_unclosed_quote", {"line": 1, "col": 7}),
    "int-key": ("yaml_key_not_str", {"name": "1", "kind": msg("yaml_kind_number")}),
    "bool-key": ("yaml_key_not_str", {"name": "true", "kind": msg("yaml_kind_bool")}),
    "null-key": ("yaml_key_not_str", {"name": "~", "kind": msg("yaml_kind_null")}),
}


@pytest.mark.parametrize("name", SAID)
def test_what_the_message_says(name: str) -> None:
    raw = next(case[1] for case in CASES if case[0] == name)
    key, fields = SAID[name]
    (problem,) = problems(raw)
    assert problem.message == msg(key, **fields)


@pytest.mark.parametrize("raw", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_both_loaders_report_the_same(raw: bytes) -> None:
    assert problems(raw, pure=False) == problems(raw, pure=True)


def test_gbk_hint_says_how_to_resave_and_shows_no_mojibake() -> None:
    (problem,) = problems("名称: 北京\n".encode("gbk"))
    assert problem.hint == msg("yaml_hint_gbk")
    assert "名称" not in str(problem) and "\ufffd" not in str(problem)


def test_latin1_gets_no_gbk_hint() -> None:
    (problem,) = problems("name: café\n".encode("latin-1"))
    assert problem.hint == msg("yaml_hint_save_utf8")


def test_too_large_is_refused_with_the_limit() -> None:
    (problem,) = problems(b"a: b\n" * (MAX_BYTES // 5 + 1))
    assert (problem.code, problem.location.line) == ("yaml-too-large", 0)
    assert "5 MB" in problem.message


@LOADERS
def test_every_tab_indented_line_is_reported(pure: bool) -> None:
    found = problems(b"a:\n\tb: 1\n\tc: 2\nd: 3\n", pure)
    assert [(p.location.line, p.location.col) for p in found] == [(2, 1), (3, 1)]


@LOADERS
def test_tagged_values_are_all_reported_and_nothing_is_constructed(
    pure: bool, tmp_path: Path
) -> None:
    target = tmp_path / "pwned"
    raw = f"a: !!python/object/apply:os.system ['touch {target}']\nb: !!set {{x}}\n".encode()
    found = problems(raw, pure)
    assert [(p.location.line, p.location.col) for p in found] == [(1, 4), (2, 4)]
    assert not target.exists()


@LOADERS
def test_anchor_and_alias_both_reported(pure: bool) -> None:
    found = problems(b"base: &b {x: 1}\nitem:\n  <<: *b\n", pure)
    assert [(p.location.line, p.location.col) for p in found] == [(1, 7), (3, 7)]
    assert "&b" in found[0].message and "*b" in found[1].message


@LOADERS
def test_alias_bomb_is_refused(pure: bool) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("tags: *a8")
    found = problems("\n".join(lines).encode(), pure)
    assert found and {p.code for p in found} <= {"yaml-anchor", "yaml-alias"}


@LOADERS
def test_deep_block_nesting_is_refused(pure: bool) -> None:
    raw = "\n".join("-  " * i for i in range(1100)).encode()
    (problem,) = problems(b"a:\n" + raw.replace(b"\n", b"\n  "), pure)
    assert problem.code == "yaml-too-deep" and str(MAX_DEPTH) in problem.message


@LOADERS
def test_yaml_1_1_surprises_stay_strings(pure: bool) -> None:
    raw = (
        b"country: NO\non: 1\nyes: 2\nd: 1:30\nid: 0123\ne: 08\nf: 010\nx: 0x1F\ny: 1_000\n"
        b"z: 1e3\nv: .nan\ndue: 2024-02-30\nt: 2024-01-05 10:00:00\ns: yes\no: off\n"
    )
    assert load(raw, pure) == {
        "country": "NO",
        "on": 1,
        "yes": 2,
        "d": "1:30",
        "id": "0123",
        "e": "08",
        "f": "010",
        "x": "0x1F",
        "y": "1_000",
        "z": "1e3",
        "v": ".nan",
        "due": "2024-02-30",
        "t": "2024-01-05 10:00:00",
        "s": "yes",
        "o": "off",
    }


@LOADERS
def test_plain_scalars_that_are_still_typed(pure: bool) -> None:
    raw = b"a: 2017\nb: -3\nc: 1.5\nd: true\ne: False\nf: ~\ng: null\nh:\ni: '7'\n"
    data = load(raw, pure)
    assert data == {"a": 2017, "b": -3, "c": 1.5, "d": True, "e": False} | {
        "f": None,
        "g": None,
        "h": None,
        "i": "7",
    }
    assert type(data["a"]) is int and type(data["d"]) is bool  # type: ignore[index]


@LOADERS
def test_huge_integer_stays_a_string(pure: bool) -> None:
    assert load(b"count: " + b"9" * 5000 + b"\n", pure) == {"count": "9" * 5000}


@LOADERS
def test_chinese_punctuation_inside_values_loads(pure: bool) -> None:
    raw = (
        "note: 备注：见附件\u3000第二段\n"
        "text: |\n  \u3000\u3000第一段：内容\n  第二段\n"
        "tags:\n  - 说明：见附件\n  - a:b\n"
        "more: 第一行\n  第二行：续\n"
        "next:\n  备注：见附件\n"
        "url: http://example.com:8080/a\n"
    ).encode()
    assert load(raw, pure) == {
        "note": "备注：见附件\u3000第二段",
        "text": "\u3000\u3000第一段：内容\n第二段\n",
        "tags": ["说明：见附件", "a:b"],
        "more": "第一行 第二行：续",
        "next": "备注：见附件",
        "url": "http://example.com:8080/a",
    }


@LOADERS
def test_utf8_bom_is_accepted_and_lines_are_unchanged(pure: bool) -> None:
    doc, found = parse_yaml(codecs.BOM_UTF8 + b"id: a\nname: x\n", "x.yaml", pure=pure)
    assert found == [] and doc is not None
    assert doc.data == {"id": "a", "name": "x"}
    assert locate(doc, ("name",), at_key=True)[1:] == (2, 1)


VALID = {
    "tab-in-block-scalar": (b"text: |\n  a\tb\n", {"text": "a\tb\n"}),
    "tab-in-quotes-and-comment": (b'a: "x\ty" # c\td\n', {"a": "x\ty"}),
    "multi-line-quoted": (
        'a: "第一段：\n  \u3000第二段"\n'.encode(),
        {"a": "第一段： \u3000第二段"},
    ),
    "multi-line-flow": ("tags: [a,\n  b：c]\n".encode(), {"tags": ["a", "b：c"]}),
    "colon-and-hash-in-key": (b"a:b: 1\nc#d: 2\n", {"a:b": 1, "c#d": 2}),
    "uppercase-item-with-colon": (
        "l:\n  - ISO：9001\n  - 说明：x\n".encode(),
        {"l": ["ISO：9001", "说明：x"]},
    ),
    "comment-with-fullwidth": ("# 名称：北京\na: 1 # 说明：x\n".encode(), {"a": 1}),
    "times-and-urls": (b"t: 10:30\nu: http://a.b:80/c\n", {"t": "10:30", "u": "http://a.b:80/c"}),
}


@LOADERS
@pytest.mark.parametrize(("raw", "expected"), list(VALID.values()), ids=list(VALID))
def test_valid_yaml_is_not_flagged(raw: bytes, expected: object, pure: bool) -> None:
    assert load(raw, pure) == expected


def test_problems_per_stage_are_capped() -> None:
    found = problems(b"a: \x01\n" * 300)
    assert len(found) == 101
    assert found[-1].location.line == 0 and found[-1].message == msg("yaml_more", count=200)


def test_locate_points_at_a_bad_dict_key() -> None:
    doc, _ = parse_yaml(b"units:\n  a: 1\n  bad key: 2\n", "x.yaml")
    assert doc is not None
    assert locate(doc, ("units", "bad key", "[key]"))[1:] == (3, 3)


def test_global_safe_loader_is_untouched() -> None:
    assert yaml.safe_load("a: yes\nb: 2024-01-05") == {
        "a": True,
        "b": datetime.date(2024, 1, 5),
    }


LOCATE_DOC = b"""\
id: a
owners:
  - name: zhang
    due: 2024-01-01
item:
  kind: a
  x: notint
"""


def test_locate_walks_keys_indexes_and_skips_union_members() -> None:
    doc, _ = parse_yaml(LOCATE_DOC, "d/x.yaml")
    assert doc is not None
    at = lambda *loc, **kw: locate(doc, loc, **kw)[1:]  # noqa: E731
    assert locate(doc, ("id",)) == ("d/x.yaml", 1, 5)
    assert at("owners", 0, "due") == (4, 10)
    assert at("owners", 0, "due", at_key=True) == (4, 5)
    assert at("item", "a", "x") == (7, 6)  # 'a' is a union member name: skipped
    assert at("item", "a", "x", at_key=True) == (7, 3)
    assert at("owners", 5, "name") == (3, 3)  # no item 5: stop at the list
    assert at("owners", 0, "nmae") == (3, 5)  # unknown last part: the mapping that lacks it
    assert at("missing") == (1, 1)
    assert at() == (1, 1)


def test_read_yaml_reads_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes("名称: 北京\n".encode())
    doc, found = read_yaml(tmp_path / "a.yaml", "a.yaml", root=tmp_path)
    assert found == [] and doc is not None and doc.data == {"名称": "北京"} and doc.path == "a.yaml"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_read_yaml_refuses_symlinks_without_reading(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token: ghp_SECRET\n", encoding="utf-8")
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    link = root / "data" / "x.yaml"
    link.symlink_to(secret)
    doc, found = read_yaml(link, "data/x.yaml", root=root)
    assert doc is None and len(found) == 1
    assert found[0].code == "yaml-symlink" and "ghp_SECRET" not in str(found[0])
    (root / "outside").symlink_to(tmp_path, target_is_directory=True)
    doc, found = read_yaml(root / "outside" / "secret.txt", "outside/secret.txt", root=root)
    assert doc is None and found[0].code == "yaml-outside-root"
    assert "ghp_SECRET" not in str(found[0])
    doc, _ = read_yaml(link, "data/x.yaml")  # no root: the caller trusts the path
    assert doc is not None and doc.data == {"token": "ghp_SECRET"}


def test_read_yaml_missing_directory_and_too_large(tmp_path: Path) -> None:
    doc, found = read_yaml(tmp_path / "nope.yaml", "nope.yaml", root=tmp_path)
    assert doc is None and [(p.code, p.location) for p in found] == [
        ("yaml-missing", Location("nope.yaml"))
    ]
    doc, found = read_yaml(tmp_path, "d", root=tmp_path)
    assert doc is None and found[0].code == "yaml-is-dir"
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: refused by size, never read
    doc, found = read_yaml(big, "big.yaml", root=tmp_path)
    assert doc is None and found[0].code == "yaml-too-large"


def test_read_bytes_is_the_reading_half_of_read_yaml(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + "名称: 北京\r\n".encode()
    (tmp_path / "a.yaml").write_bytes(raw)
    assert read_bytes(tmp_path / "a.yaml", "a.yaml", root=tmp_path) == (raw, [])
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    content, found = read_bytes(big, "big.yaml", root=tmp_path)
    assert content is None and found == read_yaml(big, "big.yaml", root=tmp_path)[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_read_yaml_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.yaml")
    doc, found = read_yaml(tmp_path / "f.yaml", "f.yaml", root=tmp_path)
    assert doc is None and found[0].code == "yaml-not-regular"


ROUND_TRIP = ["yes", "0123", "1:30", "2024-01-01", "~", "", "#x", "a: b", "北京市", "1.5e3"]
ROUND_TRIP += ["null", "True", "<<", "- x", "[x]", "{{ x }}", "@x", "&a", "*a", "!x", "it's"]
ROUND_TRIP += ["x\ny\n", "line\n\n  more", " lead", "trail ", "\x07", "\t", "\ufeff"]


@pytest.mark.parametrize("value", ROUND_TRIP)
def test_dump_round_trips_awkward_strings(value: str) -> None:
    data = {"k": value, "l": [value], "m": {"n": value}}
    assert load(dump_yaml(data).encode()) == data


def test_dump_layout() -> None:
    long = "很长的一段文字" * 40
    data = {"z": 1, "名称": "北京", "list": [1.5, True, None], "text": long}
    assert dump_yaml(data) == (
        f"z: 1\n名称: 北京\nlist:\n  - 1.5\n  - true\n  - null\ntext: {long}\n"
    )


@pytest.mark.parametrize(
    "data",
    [{"a": "\x85"}, {"a": "x\u2028y"}, {"a": float("inf")}, {"a": 10**20}, {1: "a"}, ["x"]],
    ids=["nel", "line-sep", "inf", "big-int", "int-key", "top-list"],
)
def test_dump_refuses_what_would_not_read_back(data: object) -> None:
    with pytest.raises(ValueError, match="原样读回"):
        dump_yaml(data)


SPECIAL = st.sampled_from(
    ["yes", "0123", "1:30", "2024-01-01", "~", "", "#x", "a: b", "北京", "\x85"]
)
TEXT = st.one_of(SPECIAL, st.text(max_size=20))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(TEXT, st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=5))
def test_dump_never_silently_changes_a_value(data: dict[str, object]) -> None:
    try:
        text = dump_yaml(data)
    except ValueError:
        return
    assert load(text.encode()) == data


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=60),
        st.text(alphabet=" \t\n\r:-[]{}#&*!|>'\"%@`,?~ab1\u3000：", max_size=60).map(str.encode),
    )
)
def test_parse_never_raises(raw: bytes) -> None:
    for pure in (False, True):
        doc, found = parse_yaml(raw, "f.yaml", pure=pure)
        assert (doc is None) == bool(found)
        assert all(p.location.line >= 0 and p.message for p in found)
