"""Output for CI: plain log lines, GitHub annotations, the step summary, JUnit XML.

``fzzf check`` runs on pull requests, so every string from the data is untrusted. Each
format has its own way to be abused: a line break in a name can forge an ``::error``
workflow command in the log, a ``|`` or ``<script>`` can break or inject into the
Markdown summary, and a control character makes a JUnit file that GitLab cannot parse.
Each function below neutralises exactly what its sink interprets.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.present.cells import cell_text
from fzzf_cli.present.safe import one_line
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.errors import Problem

# Not XML 1.0 "Char"s; lone surrogates (e.g. from surrogateescape) cannot even be encoded.
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def plain(problems: Sequence[Problem]) -> str:
    """One line per problem (``path:line:col: message（hint）``), each ending in ``\\n``.

    This is the full list that always goes to the log, whatever else is emitted.
    """
    return "".join(one_line(str(problem)) + "\n" for problem in problems)


def _problem_text(problem: Problem) -> str:
    """``str(problem)`` without the ``location: `` prefix: the message plus its hint."""
    full = str(problem)
    prefix = f"{problem.location}: "
    return full[len(prefix) :] if full.startswith(prefix) else full


def _gh_data(text: str) -> str:
    """Escape a message as @actions/core's ``escapeData`` does (``%`` first), keeping CR
    and LF as ``%0D``/``%0A`` (shown inside the annotation); ``one_line`` does the rest."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(text)


def _gh_property(text: str) -> str:
    """Escape a property value (``escapeProperty``): ``,`` would start a new property."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(problem: Problem, title: str) -> str:
    loc = problem.location
    props = []
    if loc.path:
        props.append(f"file={_gh_property(loc.path)}")
    if loc.line > 0:
        props.append(f"line={loc.line}")
        if loc.col > 0:
            props.append(f"col={loc.col}")
    coded = f"{title} {problem.code}" if getattr(problem.message, "key", None) else title
    props.append(f"title={_gh_property(coded)}")
    return f"::error {','.join(props)}::{_gh_data(_problem_text(problem))}\n"


def github(problems: Sequence[Problem], *, limit: int = 10, title: str = "fzzf") -> str:
    """GitHub Actions ``::error`` workflow commands, one line per problem, in given order.

    GitHub shows at most 10 error annotations per step and silently drops the rest, so
    with more than ``limit`` problems the first ``limit - 1`` are annotated and the last
    line is one ``::error`` saying how many more there are: a reader then knows to look
    at the log and the step summary instead of believing the annotations are complete.
    Every line of the result starts with ``::error `` whatever the data contains.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if len(problems) <= limit:
        shown, rest = problems, 0
    else:
        shown, rest = problems[: limit - 1], len(problems) - (limit - 1)
    lines = [_annotation(problem, title) for problem in shown]
    if rest:
        lines.append(f"::error title={_gh_property(title)}::{_gh_data(msg('ci_more', n=rest))}\n")
    return "".join(lines)


def _md(value: object) -> str:
    """A Markdown table cell from data: ``one_line`` first (its escapes' backslashes are
    then doubled, so they render as typed), ``\\|`` keeps the columns, entities stop HTML."""
    text = one_line(cell_text(value)).strip()
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    for char in "[]!`":  # no link, image or code span from the data
        text = text.replace(char, "\\" + char)
    return html.escape(text, quote=False)


def _md_table(headings: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in headings) + " |"]
    lines.append("|" + "|".join("---" for _ in headings) + "|")
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return lines


def step_summary(
    summary: str,
    problems: Sequence[Problem],
    table_columns: Sequence[tuple[str, str]],
    table_rows: Sequence[dict[str, object]],
) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: heading, summary line, tables.

    The annotations stop at 10, so the summary is where the complete list lives: a
    table of ALL problems (位置 / 问题), omitted only when there are none, then, if
    ``table_rows`` is non-empty, a second table of ``table_columns`` (key, heading) —
    e.g. missing submissions per unit. Every cell, and the summary line, is escaped
    so data can neither break a table nor inject HTML.
    """
    lines = ["### fzzf check", "", _md(summary), ""]
    if problems:
        headings = [msg("ci_col_location"), msg("ci_col_problem")]
        rows = [(str(p.location), _problem_text(p)) for p in problems]
        lines += [*_md_table(headings, rows), ""]
    if table_rows:
        if not table_columns:
            raise ValueError("table_rows given without table_columns")
        headings = [heading for _, heading in table_columns]
        rows2 = [[row.get(key) for key, _ in table_columns] for row in table_rows]
        lines += [*_md_table(headings, rows2), ""]
    return "\n".join(lines)


class JUnitCase(NamedTuple):
    """One JUnit test case: a file checked, or a required submission looked for."""

    suite: str  # e.g. 数据校验 / 报送
    name: str  # e.g. "data/units.yaml" or "deqing 2016-H1"
    failure: Problem | None  # None = passed
    skipped: str = ""  # not judged, and why (e.g. due before --due-from)


def _xml_visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"#x{code:02X}" if code <= 0xFF else f"#x{code:04X}"


def _xml_safe(text: str) -> str:
    """Illegal XML 1.0 characters as a visible ``#xNN`` (as pytest does): ElementTree
    would write them as is, making a file no parser accepts."""
    return _XML_ILLEGAL.sub(_xml_visible, text)


def junit_xml(cases: Sequence[JUnitCase], *, name: str = "fzzf check") -> str:
    """JUnit XML as GitLab and Jenkins read it; the exit code still decides pass/fail.

    One ``<testsuite>`` per suite in first-seen order, one ``<testcase>`` per (suite,
    name) with ``classname="fzzf.<suite>"``; a failure's body is ``str(problem)``
    (GitLab shows the body and ignores the ``message`` attribute). GitLab keeps only
    the first of duplicate test names, so cases repeating a (suite, name) are merged
    into one testcase whose body lists every problem, one per line; ``tests`` and
    ``failures`` count the merged testcases. Returns text declared as UTF-8 that the
    caller must write encoded as UTF-8.
    """
    suites: dict[str, dict[str, list[Problem]]] = {}
    skips = {(case.suite, case.name): case.skipped for case in cases if case.skipped}
    for case in cases:
        found = suites.setdefault(case.suite, {}).setdefault(case.name, [])
        if case.failure is not None:
            found.append(case.failure)
    failing = {suite: sum(1 for p in tests.values() if p) for suite, tests in suites.items()}
    skipped = {suite: sum(1 for s, _ in skips if s == suite) for suite in suites}
    total = str(sum(len(tests) for tests in suites.values()))
    root = ET.Element("testsuites", name=_xml_safe(name), tests=total)
    root.set("failures", str(sum(failing.values())))
    for suite, tests in suites.items():
        el_suite = ET.SubElement(root, "testsuite", name=_xml_safe(suite), tests=str(len(tests)))
        el_suite.attrib.update(failures=str(failing[suite]), errors="0")
        el_suite.set("skipped", str(skipped[suite]))
        for case_name, probs in tests.items():
            el_case = ET.SubElement(el_suite, "testcase", name=_xml_safe(case_name))
            el_case.set("classname", _xml_safe("fzzf." + suite))
            if not probs and (suite, case_name) in skips:
                reason = _xml_safe(skips[suite, case_name])
                ET.SubElement(el_case, "skipped", message=reason)
            elif probs:
                first = _problem_text(probs[0])
                many = msg("ci_junit_many", n=len(probs), first=first)
                message = first if len(probs) == 1 else many
                el_fail = ET.SubElement(el_case, "failure", message=_xml_safe(message))
                el_fail.text = _xml_safe("\n".join(str(p) for p in probs))
    ET.indent(root)
    text = ET.tostring(root, encoding="UTF-8", xml_declaration=True).decode("utf-8")
    declaration, _, body = text.partition("\n")  # fzzf's mark, so it may write it again
    return f"{declaration}\n<!-- generated by fzzf check -->\n{body}\n"
