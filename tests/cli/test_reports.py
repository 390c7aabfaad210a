"""``fzzf report`` and ``fzzf notice`` on the made-up example submissions: golden Markdown,
parsed HTML, escaping, template overrides, and the page in a real headless browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..conftest import REPO

AS_OF = "2017-07-15"
COUNTIES = ["端州区", "鼎湖区", "高要区", "四会市", "广宁县", "怀集县", "封开县", "德庆县"]


@pytest.fixture
def demo(plan_repo: Path) -> Path:
    shutil.copytree(REPO / "examples" / "submissions", plan_repo / "data" / "submissions")
    return plan_repo


def _doc(cli, demo: Path, *args: str) -> str:
    code, out, err = cli(*args, "--as-of", AS_OF, "-o", "-", "--data", str(demo))
    assert code == 0, err
    return out


def test_report_markdown_golden(cli, demo: Path, golden) -> None:
    text = _doc(cli, demo, "report", "-f", "md")
    golden("report-2017-07-15.md", text)
    assert text.startswith("# 肇庆市创建法治政府示范区工作实施方案工作进展报告")
    assert "<" not in text.replace("\\<", "")  # no raw HTML on a code host


def test_unit_report_markdown_golden(cli, demo: Path, golden) -> None:
    golden("unit-deqing-2017-07-15.md", _doc(cli, demo, "report", "-f", "md", "--unit", "德庆"))


def test_notice_markdown_golden(cli, demo: Path, golden) -> None:
    text = _doc(cli, demo, "notice", "德庆县", "-f", "md")
    golden("notice-deqing-2017-07-15.md", text)
    assert "德庆县人民政府：" in text and "2017年7月30日" in text
    assert "“2016年,全面实现行政执法人员网上考试”" not in text  # done on time, not chased


def test_markdown_tables_keep_their_columns(cli, demo: Path) -> None:
    text = _doc(cli, demo, "report", "-f", "md")
    tables = 0
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            tables += 1
            widths = {line.replace("\\|", "").count("|") for line in rows}
            assert len(widths) == 1, rows[:3]
    assert tables >= 3  # the report has tables to check


class _Page(HTMLParser):
    """Collects ids, tags, text and the text of elements with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: dict[str, str] = {}
        self.text: list[str] = []
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        ident = dict(attrs).get("id")
        if ident:
            self.ids[ident] = ""
        if tag not in ("meta", "br", "rect", "link"):
            self._open.append(ident)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "br", "rect", "link") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for ident in self._open:
            if ident:
                self.ids[ident] += data


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_report_html(cli, demo: Path) -> None:
    html = _doc(cli, demo, "report")
    page = _page(html)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert page.ids["due"].strip() == "481" and page.ids["reports-missing"].strip() == "123"
    measures = [page.ids[f"measures-{k}"].strip() for k in ("done", "in-progress", "overdue")]
    assert measures == ["0", "42", "27"]  # of the plan's 69, before the unit duties
    lights = [page.ids[f"light-{k}"].strip() for k in ("red", "yellow", "blue", "green")]
    assert lights == ["红428", "黄31", "蓝1844", "绿22"]  # the word beside the colour
    assert html.index('id="measures-headline"') < html.index('id="headline"')
    assert page.ids["reports-on-time"].strip() == "16" and page.ids["reports-late"].strip() == "2"
    assert "area-progress" in page.ids and "report-grid" in page.ids
    assert page.tags.count("svg") == 2
    text = "".join(page.text)
    for county in COUNTIES:
        assert county in text
    for heading in (
        "通报表扬",
        "通报批评",
        "逾期事项",
        "今后 90 天内到期的事项",
        "试点进展",
        "量化目标",
    ):
        assert heading in text
    assert "script" not in page.tags
    for fetched in ("http://", "https://", "src=", "@import", "url("):
        assert fetched not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_injected_script_is_shown_as_text(cli, demo: Path) -> None:
    path = demo / "data" / "submissions" / "2017-H1" / "deqing.yaml"
    text = path.read_text(encoding="utf-8")
    evil = "<script>alert('x')</script> | **粗体** [链接](https://evil.example)"
    text = text.replace("progress: ", f'progress: "{evil}" #', 1)
    assert evil in text
    path.write_text(text, encoding="utf-8")
    for args in (("report",), ("report", "--unit", "deqing")):
        html = _doc(cli, demo, *args)
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
        assert "<script>" not in html and "script" not in _page(html).tags
    md = _doc(cli, demo, "report", "-f", "md")
    assert "\\<script\\>" in md and "<script>" not in md


def test_notice_html_is_printable(cli, demo: Path) -> None:
    html = _doc(cli, demo, "notice", "deqing")
    assert "@page { size: A4;" in html and "德庆县人民政府：" in html
    assert len(_page(html).ids) >= 1 and "联系人" in html


def test_notice_for_a_unit_with_nothing_overdue(cli, demo: Path) -> None:
    code, out, err = cli("notice", "肇庆仲裁委员会", "--as-of", AS_OF, "--data", str(demo))
    assert code == 0 and out == "" and "没有逾期事项，不需要督办" in err


def test_report_default_path_and_period(cli, demo: Path) -> None:
    code, out, _ = cli("report", "--as-of", AS_OF, "--data", str(demo))
    assert code == 0 and out == "已写入 repo/reports/2017-07-15.html\n"
    assert (demo / "reports" / "2017-07-15.html").is_file()
    code, out, _ = cli("report", "-f", "md", "--period", "2016-H2", "--as-of", AS_OF,
                       "--data", str(demo))  # fmt: skip
    assert out == "已写入 repo/reports/2016-H2.md\n"
    code, _, err = cli("report", "--period", "2016-H3", "--data", str(demo))
    assert code == 2 and "未知的报送期" in err
    code, _, err = cli("report", "--period", "2016-H1", "--grace", "0", "--data", str(demo))
    assert code == 2 and "Traceback" not in err


def _figures(html: str) -> dict[str, str]:
    return {key: value.strip() for key, value in _page(html).ids.items()}


def test_a_period_report_shows_that_period(cli, demo: Path) -> None:
    """--period 2016-H1 stands on 2016-07-03 (the deadline and the plan's 3 days of grace):
    怀集县's report, filed on 2016-07-08, does not count, and nothing of 2017 shows."""
    page = _doc(cli, demo, "report", "--period", "2016-H1")
    now = _figures(_doc(cli, demo, "report"))
    then = _figures(page)
    assert (then["due"], then["reports-due"], then["reports-on-time"]) == ("72", "47", "6")
    assert (then["reports-late"], then["reports-missing"]) == ("0", "41")
    assert (now["due"], now["reports-late"]) == ("481", "2")
    assert (then["measures-done"], then["measures-in-progress"], then["measures-overdue"]) == (
        "0", "61", "8"
    )  # fmt: skip
    text = "".join(_page(page).text)
    assert "2016年上半年工作进展报告" in text and "截至2016年7月3日" in text
    assert "宽限 3 天" in text and "2017年" not in then["commended"]
    assert "怀集县" not in then["commended"] and "德庆县" in then["commended"]
    later = _figures(_doc(cli, demo, "report", "--period", "2016-H1", "--grace", "10"))
    assert later["reports-late"] == "1"  # 怀集县's, filed within 10 days
    md = _doc(cli, demo, "report", "-f", "md", "--period", "2017-H2")
    assert "截至2017年7月15日：2017年下半年的报送期限2017年12月31日加宽限 3 天尚未届满" in md


@pytest.mark.parametrize(
    "args", [("report",), ("report", "-f", "md"), ("report", "--unit", "德庆"),
             ("report", "-f", "md", "--unit", "德庆"), ("report", "--period", "2016-H2")]
)  # fmt: skip
def test_documents_for_officials_show_no_ids_codes_or_commands(cli, demo: Path, args) -> None:
    text = _doc(cli, demo, *args)
    if "-f" not in args:
        text = "".join(_page(text).text)
    for internal in ("fzzf report", "fzzf notice", "--unit", "-H1", "-H2", "m1-", "m2-",
                     "report-20", ".yaml", "2016-12-31", "2017-07-15"):  # fmt: skip
        assert internal not in text, internal
    assert "2016年12月31日" in text


def test_commended_and_ranked_by_the_printed_rules(cli, demo: Path) -> None:
    md = _doc(cli, demo, "report", "-f", "md")
    assert "表扬规则：2017年上半年（2017年1月1日至2017年6月30日）内到期的应报材料" in md
    assert "| 怀集县 | 1 份 | 6 项：" in md  # commended, its overdue work beside it
    assert "各项都相同的单位名次并列" in md
    ranks = [line.split(" | ")[0].strip("| ") for line in md.splitlines()
             if line.startswith("| ") and "%（" in line and line.count("|") == 11]  # fmt: skip
    assert ranks[:9] == ["1", "2", "3", "4", "5", "6", "7", "8", "8"]
    assert len(set(ranks)) < len(ranks)


def test_repository_templates_override(cli, demo: Path, tmp_path: Path) -> None:
    own = demo / "templates"
    own.mkdir()
    (own / "notice.md.j2").write_text(
        "致{{ unit.addressee }}：{{ late | length }} 项逾期\n", "utf-8"
    )
    assert _doc(cli, demo, "notice", "deqing", "-f", "md") == "致德庆县人民政府：4 项逾期\n"
    other = tmp_path / "other"
    other.mkdir()
    (other / "notice.md.j2").write_text("另一份：{{ unit.name }}\n", "utf-8")
    text = _doc(cli, demo, "notice", "deqing", "-f", "md", "--templates", str(other))
    assert text == "另一份：德庆县\n"


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("{{ no_such_name }}", "notice.md.j2:1"),
        ("{% for x in %}", "notice.md.j2:1"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "notice.md.j2"),
        ("line\n{{ late[0].days_overdue / 0 }}", "notice.md.j2:2"),
    ],
)
def test_broken_or_hostile_template_is_a_usage_error(cli, demo: Path, template, fragment) -> None:
    own = demo / "templates"
    own.mkdir()
    (own / "notice.md.j2").write_text(template, encoding="utf-8")
    code, out, err = cli("notice", "deqing", "-f", "md", "-o", "-", "--as-of", AS_OF,
                         "--data", str(demo))  # fmt: skip
    assert code == 2 and out == "" and fragment in err and "Traceback" not in err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
ARTIFACTS = REPO / "tests" / "artifacts" / "chromium"  # screenshots to look at; not committed
# Lays the page out at each width (the last one with the print rules: A4's text width is
# 178 mm, some 673 px), lists every text in a date or short cell that the browser broke over
# two lines, and leaves the list in the page, which is then dumped. The report itself has
# no script (test_report_html checks it).
PROBE = """<script>
addEventListener("load", () => {
  const broken = [];
  const print = document.getElementById("print-rules");
  for (const [width, printed] of [[1280, false], [420, false], [673, true]]) {
    print.disabled = !printed;
    document.body.style.maxWidth = "none";
    document.body.style.width = width + "px";
    for (const cell of document.querySelectorAll(".date, .short, td.num")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || node.parentElement.closest(".note")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                                         .map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(width + ": " + node.textContent.trim());
      }
    }
  }
  document.body.setAttribute("data-broken", JSON.stringify(broken));
  document.body.setAttribute("data-checked", "yes");
});
</script>"""
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=0", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _broken_cells(tmp_path: Path, html: str) -> list[str]:
    """The date and short cells that wrap on a wide screen, a phone, or an A4 page."""
    rules = html[html.index("@media print {") + len("@media print {") :]
    printed = f'<style id="print-rules">{rules[: rules.index(chr(10) + "  }")]}</style>'
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", printed + PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--window-size=1280,1000", "--dump-dom", probe.as_uri()).stdout
    found = re.search(r'data-broken="([^"]*)" data-checked="yes"', dom)
    assert found is not None, dom[-500:]
    return list(json.loads(found.group(1).replace("&quot;", '"')))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_report_in_headless_chromium(cli, demo: Path, tmp_path: Path) -> None:
    """On screen (desktop and phone widths) and printed on A4, no date or short cell of the
    report or a unit's report is broken over two lines; the screenshots and the PDFs are
    kept in tests/artifacts/ to be looked at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, args in (("report", ()), ("unit", ("--unit", "德庆"))):
        html = _doc(cli, demo, "report", *args)
        page = tmp_path / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        for width in (1280, 420) if name == "report" else ():
            shot = ARTIFACTS / f"{name}-{width}.png"
            done = _chromium(tmp_path, f"--window-size={width},2600", f"--screenshot={shot}",
                             page.as_uri())  # fmt: skip
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
            console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
            assert console == [], console
        assert _broken_cells(tmp_path, html) == [], name
        pdf = ARTIFACTS / f"{name}-a4.pdf"
        _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        assert pdf.read_bytes()[:5] == b"%PDF-"
        if PDFTOTEXT is not None:  # each date printed whole, on one line of the A4 pages
            text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout  # fmt: skip
            whole = DATE.findall(text)
            assert len(whole) > 10 and whole == DATE.findall(re.sub(r"\s+", "", text))
