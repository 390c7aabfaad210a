"""PyYAML's syntax errors, told in Chinese at the line and column an editor shows.

The pure-Python and libyaml parsers word the same mistake differently; both are matched.
"""

from __future__ import annotations

import re

import yaml

from fzzf_cli.errors import Location, Problem
from fzzf_cli.text import msg

# PyYAML's wording (pure-Python and libyaml differ), matched in order on "context | problem".
_SYNTAX = (
    ("mapping values are not allowed", "yaml_err_colon", "yaml_hint_colon_context"),
    ("could not find expected ':'", "yaml_err_missing_colon", "yaml_hint_missing_colon"),
    ("unknown escape", "yaml_err_escape", "yaml_hint_escape"),
    ("invalid Unicode character escape", "yaml_err_bad_code_point", "yaml_hint_code_point"),
    ("quoted scalar", "yaml_err_unclosed_quote", "yaml_hint_unclosed"),
    ("',' or ']'", "yaml_err_unclosed_bracket", "yaml_hint_unclosed"),
    ("',' or '}'", "yaml_err_unclosed_brace", "yaml_hint_unclosed"),
    ("expected key", "yaml_err_indent", "yaml_hint_indent"),
    ("expected <block end>", "yaml_err_indent", "yaml_hint_indent"),
    ("sequence entries are not allowed", "yaml_err_sequence", "yaml_hint_indent"),
    ("tab character", "yaml_tab", ""),
    ("cannot start any token", "yaml_err_bad_start", "yaml_hint_bad_start"),
    ("comment or a line break", "yaml_err_block_header", "yaml_hint_block_header"),
    ("chomping or indentation", "yaml_err_block_header", "yaml_hint_block_header"),
    ("comment or line break", "yaml_err_block_header", "yaml_hint_block_header"),
    ("<document start>", "yaml_err_after_document", "yaml_hint_indent"),
    ("node content", "yaml_err_no_value", "yaml_hint_no_value"),
    ("maximum nesting depth", "yaml_too_deep", ""),
    ("'-' indicator", "yaml_err_indent", "yaml_hint_indent"),
    ("directive", "yaml_err_directive", "yaml_hint_bad_start"),
    ("a tag", "yaml_tag_syntax", "yaml_hint_tag"),
    ("anchor", "yaml_anchor_syntax", "yaml_hint_anchor"),
    ("alias", "yaml_anchor_syntax", "yaml_hint_anchor"),
    ("", "yaml_syntax", "yaml_hint_syntax"),  # anything else
)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split on CR LF, CR and LF only (not on U+2028 and friends, as ``str.splitlines`` does)."""
    return _LINE_BREAK.split(text)


# Errors best shown where the construct began (the parser notices them much later).
_AT_START = {
    "yaml_err_unclosed_quote",
    "yaml_err_unclosed_bracket",
    "yaml_err_unclosed_brace",
    "yaml_err_missing_colon",
}


def syntax_problem(err: yaml.MarkedYAMLError, text: str, display: str, max_depth: int) -> Problem:
    """Translate a parser error into a short Chinese message at its problem mark.

    The English original is left out: libyaml and pure-Python PyYAML word the same error
    differently, and the output must not depend on which one a computer has.
    """
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return Problem(Location(display), msg("yaml_syntax"), msg("yaml_hint_syntax"))
    said = f"{err.context or ''} | {err.problem or ''}"
    key, hint = next((k, h) for pattern, k, h in _SYNTAX if pattern in said)
    lines = split_lines(text)
    row, column = mark.line, mark.column
    if row >= len(lines):  # libyaml puts "end of file" on a line after a missing final newline
        row, column = len(lines) - 1, len(lines[-1])
    line = lines[row]
    char = line[column : column + 1]
    if key == "yaml_err_bad_start" and char == "\t":
        key, hint = "yaml_tab", ""  # only the pure-Python wording names the character
    elif key == "yaml_err_escape" and line[column - 1 : column] == "\\" and char != "\\":
        column -= 1  # libyaml points at the backslash, pure PyYAML at the letter after it
    elif (
        key in ("yaml_err_no_value", "yaml_syntax")
        and not (line[column:] + "".join(lines[row + 1 :])).strip()
    ):
        key, hint = "yaml_err_unexpected_end", "yaml_hint_unclosed"
    start = err.context_mark or mark
    text_ = msg(key, char=char, limit=max_depth, line=start.line + 1, col=start.column + 1)
    where = Location(display, row + 1, column + 1)
    if key in _AT_START and err.context_mark is not None:
        # Point where the editor should go: the opening quote or bracket, the line that
        # lacks its colon — not the end of the file where the parser gave up.
        where = Location(display, start.line + 1, start.column + 1)
    return Problem(where, text_, msg(hint) if hint else "")
