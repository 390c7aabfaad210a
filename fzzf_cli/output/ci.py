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
from typing import NamedTuple

from fzzf_cli.errors import Problem
from fzzf_cli.messages import msg
from fzzf_cli.output.formats import cell_text

# Characters that some reader (GitHub's runner, a terminal, str.splitlines, a browser
# log view) treats as the end of a line. They become one space: the text stays readable.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Every other C0/C1 control (and DEL). Escaped visibly rather than dropped, so that the
# author can find the stray byte; this also covers \v \f \x1c-\x1e (splitlines breaks)
# and ESC (terminal colour and hyperlink sequences).
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Not allowed anywhere in an XML 1.0 document (section 2.2 "Char"); Python strings can
# also hold lone surrogates (e.g. from surrogateescape), which cannot even be encoded.
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def one_line(text: str) -> str:
    """Text from the data made safe for one log line.

    CR, LF, CRLF, NEL (U+0085), U+2028 and U+2029 become a space, TAB becomes a space,
    and any other C0/C1 control character becomes a visible escape such as ``\\x1b``.
    Why: the GitHub runner reads workflow commands from any stdout line starting with
    ``::``, so a data value must never be able to start a new line of the log.
    """
    text = _LINE_BREAKS.sub(" ", text).replace("\t", " ")
    return _CONTROLS.sub(_escape_control, text)


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
    """Escape a workflow-command message the way @actions/core's ``escapeData`` does.

    ``%`` first, so that the ``%0A`` we add is not itself escaped; CR and LF are kept
    as escapes (GitHub shows them as line breaks inside the annotation), and what
    remains of line breaks and controls is neutralised by ``one_line``.
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(text)


def _gh_property(text: str) -> str:
    """Escape a property value (``escapeProperty``): also ``:`` and ``,``.

    An unescaped ``,`` would start a new property and ``::`` would end the property list.
    """
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
    props.append(f"title={_gh_property(title)}")
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
    """One Markdown table cell from data: no line break, no column break, no markup.

    ``one_line`` first (its ``\\x1b`` escapes then get their backslash doubled, so they
    render as typed); ``\\|`` keeps the column count (GFM); entities stop raw HTML.
    """
    text = one_line(cell_text(value)).strip()
    text = text.replace("\\", "\\\\").replace("|", "\\|")
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


def _xml_safe(text: str) -> str:
    """Replace characters illegal in XML 1.0 with a visible ``#xNN`` (as pytest does).

    ElementTree would write them as is and produce a file no parser accepts.
    """

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"#x{code:02X}" if code <= 0xFF else f"#x{code:04X}"

    return _XML_ILLEGAL.sub(visible, text)


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
    for case in cases:
        failures = suites.setdefault(case.suite, {}).setdefault(case.name, [])
        if case.failure is not None:
            failures.append(case.failure)
    total = sum(len(tests) for tests in suites.values())
    failed = sum(1 for tests in suites.values() for probs in tests.values() if probs)
    root = ET.Element("testsuites", name=_xml_safe(name), tests=str(total), failures=str(failed))
    for suite, tests in suites.items():
        el_suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml_safe(suite),
            tests=str(len(tests)),
            failures=str(sum(1 for probs in tests.values() if probs)),
            errors="0",
            skipped="0",
        )
        for case_name, probs in tests.items():
            el_case = ET.SubElement(
                el_suite,
                "testcase",
                name=_xml_safe(case_name),
                classname=_xml_safe("fzzf." + suite),
            )
            if probs:
                first = _problem_text(probs[0])
                message = (
                    first if len(probs) == 1 else msg("ci_junit_many", n=len(probs), first=first)
                )
                el_fail = ET.SubElement(el_case, "failure", message=_xml_safe(message))
                el_fail.text = _xml_safe("\n".join(str(p) for p in probs))
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True).decode("utf-8") + "\n"
