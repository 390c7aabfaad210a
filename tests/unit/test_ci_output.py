"""CI output: exact formats, GitHub's annotation limit, and data that tries to escape.

Every value in a Problem comes from a pull request, so the tests feed paths and messages
that try to forge workflow commands, break Markdown tables, inject HTML or make the JUnit
file unparsable, and check that the output keeps its shape.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from fzzf_cli.errors import Location, Problem
from fzzf_cli.present.ci import JUnitCase, github, junit_xml, plain, step_summary
from fzzf_cli.present.safe import defuse_commands, one_line

SUB = "data/submissions/2016-H1/deqing.yaml"
P1 = Problem(Location(SUB, 3, 7), "缺少必填的键“date”", "请按模板填写")
P2 = Problem(Location("data/units.yaml", 12), "未知的单位或单位组“xx”")
P3 = Problem(Location("data/submissions/2016-H1/gaoyao.yaml"), "文件是空的（没有数据）")
HOSTILE = Problem(
    Location("data/a,b:c%.yaml", 2, 1),
    "完成 50%\n::error file=x::pwned\r尾\x85下\u2028行",
)


def many(n: int) -> list[Problem]:
    return [Problem(Location(f"data/u{i:02}.yaml", i + 1), f"问题 {i}") for i in range(n)]


def gh_lines(text: str) -> list[str]:
    assert text == "" or text.endswith("\n")
    return text.splitlines()


def assert_only_our_commands(text: str, count: int) -> None:
    lines = gh_lines(text)
    assert len(lines) == count
    assert all(line.startswith("::error ") for line in lines)
    # Our properties never contain ":", so the first "::" after the start ends them.
    assert all("::" not in line[2:].split("::", 1)[0] for line in lines)


# --- one_line / plain ---------------------------------------------------------------


def test_one_line_breaks_become_spaces() -> None:
    assert one_line("a\r\nb\rc\nd\x85e\u2028f\u2029g\th") == "a b c d e f g h"


def test_one_line_escapes_other_controls() -> None:
    assert one_line("a\x1b[31mb\x00c\x7f\x9b\x0b\x0c") == "a\\x1b[31mb\\x00c\\x7f\\x9b\\x0b\\x0c"
    assert one_line("德庆县 2016 年上半年") == "德庆县 2016 年上半年"


def test_one_line_defuses_runner_commands() -> None:
    assert one_line("::error file=x::pwned") == "\\x3a:error file=x::pwned"
    # Zero-width and direction characters are shown by their code point ...
    assert one_line("\u3000\u200b::warning::x") == "\u3000<U+200B>::warning::x"
    assert one_line("a\u202eb\u2066c") == "a<U+202E>b<U+2066>c"
    assert one_line("名称 ##[error]假的") == "名称 ##\\x5berror]假的"
    assert one_line("a::b #[x] ##") == "a::b #[x] ##"
    # ... and where they reach the runner raw, it skips them as ignorable: so does fzzf.
    assert defuse_commands("\u3000\u200b::warning::x") == "\u3000\u200b\\x3a:warning::x"
    assert defuse_commands("#\u200b#[stop-commands]t") == "#\u200b#\\x5bstop-commands]t"


def test_plain_exact() -> None:
    assert plain([P1, P2, P3]) == (
        f"{SUB}:3:7: 缺少必填的键“date”（请按模板填写）\n"
        "data/units.yaml:12: 未知的单位或单位组“xx”\n"
        "data/submissions/2016-H1/gaoyao.yaml: 文件是空的（没有数据）\n"
    )
    assert plain([]) == ""


def test_plain_keeps_one_line_per_problem() -> None:
    out = plain([HOSTILE, Problem(Location("::error title=x::y.yaml"), "a\nb")])
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0] == "data/a,b:c%.yaml:2:1: 完成 50% ::error file=x::pwned 尾 下 行"
    assert not any(line.lstrip().startswith("::") for line in lines)


# --- github -----------------------------------------------------------------------


def test_github_exact() -> None:
    assert github([P1, P2, P3]) == (
        f"::error file={SUB},line=3,col=7,title=fzzf::缺少必填的键“date”（请按模板填写）\n"
        "::error file=data/units.yaml,line=12,title=fzzf::未知的单位或单位组“xx”\n"
        "::error file=data/submissions/2016-H1/gaoyao.yaml,title=fzzf::文件是空的（没有数据）\n"
    )
    assert github([]) == ""


def test_github_title_is_escaped() -> None:
    out = github([P2], title="fzzf: 数据校验, 报送")
    assert out.startswith("::error file=data/units.yaml,line=12,title=fzzf%3A 数据校验%2C 报送::")


def test_github_ten_problems_ten_annotations() -> None:
    out = github(many(10))
    assert_only_our_commands(out, 10)
    assert all(",title=fzzf::问题 " in line for line in gh_lines(out))


def test_github_thirty_problems_nine_and_a_summary() -> None:
    lines = gh_lines(github(many(30)))
    assert len(lines) == 10
    assert all(line.startswith("::error file=data/u0") for line in lines[:9])
    assert lines[9] == "::error title=fzzf::还有 21 个问题未逐条标注，完整列表见日志与摘要"


def test_github_custom_limit() -> None:
    lines = gh_lines(github(many(5), limit=3))
    assert len(lines) == 3
    assert lines[2] == "::error title=fzzf::还有 3 个问题未逐条标注，完整列表见日志与摘要"
    assert len(gh_lines(github(many(3), limit=3))) == 3


def test_github_escaping_exact() -> None:
    out = github([HOSTILE])
    assert out == (
        "::error file=data/a%2Cb%3Ac%25.yaml,line=2,col=1,title=fzzf::"
        "完成 50%25%0A::error file=x::pwned%0D尾 下 行\n"
    )
    assert_only_our_commands(out, 1)


def test_github_control_characters_are_visible() -> None:
    out = github([Problem(Location("data/x\x1b.yaml", 1), "a\x1bb\x00c\td")])
    assert out == "::error file=data/x\\x1b.yaml,line=1,title=fzzf::a\\x1bb\\x00c d\n"


def test_github_many_hostile_problems() -> None:
    out = github([HOSTILE] * 12)
    assert_only_our_commands(out, 10)


# --- step_summary -----------------------------------------------------------------


def pipes(row: str) -> int:
    """Column separators in a Markdown table row: pipes not escaped by a backslash."""
    count = 0
    backslashes = 0
    for char in row:
        if char == "|" and backslashes % 2 == 0:
            count += 1
        backslashes = backslashes + 1 if char == "\\" else 0
    return count


def test_step_summary_exact() -> None:
    out = step_summary(
        "发现 2 个问题。",
        [P1, P2],
        [("unit", "单位"), ("period", "报送期")],
        [{"unit": "德庆县", "period": "2016-H1"}, {"unit": "高要区"}],
    )
    assert out == (
        "### fzzf check\n"
        "\n"
        "发现 2 个问题。\n"
        "\n"
        "| 位置 | 问题 |\n"
        "|---|---|\n"
        f"| {SUB}:3:7 | 缺少必填的键“date”（请按模板填写） |\n"
        "| data/units.yaml:12 | 未知的单位或单位组“xx” |\n"
        "\n"
        "| 单位 | 报送期 |\n"
        "|---|---|\n"
        "| 德庆县 | 2016-H1 |\n"
        "| 高要区 |  |\n"
    )


def test_step_summary_without_problems_or_rows() -> None:
    assert step_summary("没有问题。", [], [("unit", "单位")], []) == (
        "### fzzf check\n\n没有问题。\n"
    )


def test_step_summary_data_cannot_break_table_or_inject_html() -> None:
    bad = Problem(
        Location("data/a|b.yaml", 1), "x | y\\|z <script>alert(1)</script> & \n新行\\", "a|b"
    )
    out = step_summary(
        "<b>摘要</b> | x", [bad, P2], [("unit", "单位|")], [{"unit": "<img src=x> |\r\n"}]
    )
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in out
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert [pipes(row) for row in rows] == [3, 3, 3, 3, 2, 2, 2]
    assert "| data/a\\|b.yaml:1 | x \\| y\\\\\\|z " in out


# --- junit_xml --------------------------------------------------------------------


def test_junit_exact() -> None:
    out = junit_xml(
        [
            JUnitCase("数据校验", "data/units.yaml", None),
            JUnitCase("数据校验", SUB, P1),
            JUnitCase("报送", "deqing 2016-H1", None),
        ]
    )
    assert out == (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<!-- generated by fzzf check -->\n"
        '<testsuites name="fzzf check" tests="3" failures="1">\n'
        '  <testsuite name="数据校验" tests="2" failures="1" errors="0" skipped="0">\n'
        '    <testcase name="data/units.yaml" classname="fzzf.数据校验" />\n'
        f'    <testcase name="{SUB}" classname="fzzf.数据校验">\n'
        '      <failure message="缺少必填的键“date”（请按模板填写）">'
        f"{SUB}:3:7: 缺少必填的键“date”（请按模板填写）</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        '  <testsuite name="报送" tests="1" failures="0" errors="0" skipped="0">\n'
        '    <testcase name="deqing 2016-H1" classname="fzzf.报送" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_parses_and_counts() -> None:
    cases = [JUnitCase("数据校验", f"data/u{i}.yaml", p) for i, p in enumerate([P1, None, P2])]
    cases += [JUnitCase("报送", "deqing 2016-H1", P3), JUnitCase("报送", "gaoyao 2016-H1", None)]
    root = ET.fromstring(junit_xml(cases, name="检查").encode("utf-8"))
    assert (root.tag, root.get("name"), root.get("tests"), root.get("failures")) == (
        "testsuites",
        "检查",
        "5",
        "3",
    )
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("数据校验", "3", "2"),
        ("报送", "2", "1"),
    ]
    failures = root.findall(".//failure")
    assert [f.text for f in failures] == [str(P1), str(P2), str(P3)]
    assert {c.get("classname") for c in suites[1]} == {"fzzf.报送"}


def test_junit_merges_duplicate_names() -> None:
    other = Problem(Location(SUB, 9), "日期“2016-02-30”不存在")
    cases = [JUnitCase("数据校验", SUB, P1), JUnitCase("数据校验", SUB, None)]
    root = ET.fromstring(junit_xml([*cases, JUnitCase("数据校验", SUB, other)]))
    (case,) = root.iter("testcase")
    failure = case.find("failure")
    assert failure is not None
    assert failure.text == f"{P1}\n{other}"
    assert failure.get("message") == "共 2 个问题，第一个：缺少必填的键“date”（请按模板填写）"
    assert (root.get("tests"), root.get("failures")) == ("1", "1")


def test_junit_illegal_xml_characters_are_visible() -> None:
    bad = Problem(Location("data/a\x00.yaml", 1), "a\x1bb\x00c\uffffd\ud800e\x08", "f\ufffe")
    out = junit_xml([JUnitCase("数据\x01", "a\x1b", bad)])
    root = ET.fromstring(out)
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.text == "data/a#x00.yaml:1: a#x1Bb#x00c#xFFFFd#xD800e#x08（f#xFFFE）"
    assert root.find("testsuite").get("name") == "数据#x01"  # type: ignore[union-attr]
    assert root.find(".//testcase").get("name") == "a#x1B"  # type: ignore[union-attr]
    out.encode("utf-8")  # no lone surrogate left


def test_junit_keeps_line_breaks_and_ends_in_newline() -> None:
    out = junit_xml([JUnitCase("数据校验", "x", HOSTILE)])
    assert out.endswith("</testsuites>\n")
    failure = ET.fromstring(out).find(".//failure")
    assert failure is not None
    assert failure.get("message") == HOSTILE.message
    assert failure.text == str(HOSTILE).replace("\r", "\n")  # XML normalises CR


def test_junit_empty() -> None:
    root = ET.fromstring(junit_xml([]))
    assert (root.get("tests"), root.get("failures"), len(root)) == ("0", "0", 0)


# --- properties -------------------------------------------------------------------

fragments = st.one_of(
    st.characters(),
    st.sampled_from(["\n", "\r", "\x85", "\u2028", "\u2029", ":", ",", "%", "#", "[", "|"]),
    st.sampled_from(["::error file=x::", "##[error]", "\u200b", "<script>", "\u3000", "\\"]),
)
texts = st.lists(fragments, max_size=20).map("".join)
problems = st.builds(
    Problem,
    st.builds(Location, texts, st.integers(0, 10_000), st.integers(0, 500)),
    texts,
    texts,
)


@settings(max_examples=150)
@given(st.lists(problems, max_size=15))
def test_github_lines_are_only_ours(items: list[Problem]) -> None:
    out = github(items)
    assert_only_our_commands(out, min(len(items), 10))


@settings(max_examples=150)
@given(st.lists(problems, max_size=5))
def test_plain_one_safe_line_each(items: list[Problem]) -> None:
    lines = plain(items).splitlines()
    assert len(lines) == len(items)
    assert not any(line.lstrip().startswith("::") or "##[" in line for line in lines)


@settings(max_examples=150)
@given(st.lists(st.builds(JUnitCase, texts, texts, st.none() | problems), max_size=8))
def test_junit_always_parses(cases: list[JUnitCase]) -> None:
    root = ET.fromstring(junit_xml(cases).encode("utf-8"))
    assert int(root.get("tests", "-1")) == len({(c.suite, c.name) for c in cases})


@settings(max_examples=100)
@given(texts, st.lists(problems, max_size=5))
def test_step_summary_rows_keep_two_columns(summary: str, items: list[Problem]) -> None:
    out = step_summary(summary, items, [], [])
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert len(rows) == (len(items) + 2 if items else 0)
    assert all(pipes(row) == 3 for row in rows)
    assert "<" not in out
