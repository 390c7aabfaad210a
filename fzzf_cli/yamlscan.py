"""Checks that run before a YAML tree is built: bytes, characters, then the event stream.

PyYAML reports encoding trouble as a byte *position* (not a line), accepts UTF-16, silently keeps
zero-width characters, U+3000 indentation and full-width colons as part of keys, and its C and
pure-Python loaders disagree about tabs.  Staff editing on Chinese Windows produce exactly these
files, so we find them ourselves and point at the line and column an editor shows.  Lines are
split on CR LF, CR and LF only, as editors do; U+0085/U+2028/U+2029 (which YAML would also count
as line breaks) are refused here, so the parser's line numbers always match ours.
The event pre-scan and the translation of PyYAML's English errors live here too (``yamlio``
passes the loader class and depth limit in).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import yaml

from .errors import Location, Problem
from .messages import msg

_TAG = "tag:yaml.org,2002:"
MAX_PROBLEMS = 100  # per stage; a garbage file must not produce a million lines of output

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BAD_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\u2060\ufeff\ufffe\uffff]"
)
_CHAR_NAMES = {
    "\u200b": "yaml_char_zwsp",
    "\u200c": "yaml_char_zwnj",
    "\u200d": "yaml_char_zwj",
    "\u2060": "yaml_char_wj",
    "\ufeff": "yaml_char_bom",
    "\u2028": "yaml_char_line_sep",
    "\u2029": "yaml_char_line_sep",
}
_WIDE_SPACES = {"\u3000": "yaml_char_ideographic_space", "\u00a0": "yaml_char_nbsp"}
_FULLWIDTH_DASHES = ("－", "—", "–", "−")  # what IMEs type for "-"
_INDENT = re.compile("[ \t\u3000\u00a0]*")
_DASHES = re.compile(r"(?:-(?: +|$))*")
_KEY_START = "[^\\s:#\"'\\[\\]{},|>!&*%@`?-]"
# `key:` / `key: value` with an ASCII colon; a colon inside the key is fine if no space follows.
_KEY_LINE = re.compile(
    r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|"
    + _KEY_START
    + r"(?:[^: \t]|:(?=[^ \t])| +(?=[^ \t#:]))*?) *:(?: |$)"
)
_FULLWIDTH_KEY = re.compile("(" + _KEY_START + "[^\\s:：]*?) *：")
_COLON_NO_SPACE = re.compile("(" + _KEY_START + "[^\\s:]*):([^ \t:])")
_ASCII_KEY = re.compile(r"[a-z_][a-z0-9_]+")  # how the schema's keys look
_STATEFUL = re.compile("[\"'\\[\\]{}\t]")  # lines without these need no quote tracking
_BLOCK_HEAD = re.compile(r"[|>][1-9+-]{0,2}(?: +#.*)?")


def at_mark(display: str, mark: Any) -> Location:
    """Location of a PyYAML mark (0-based line and column) as 1-based numbers."""
    return Location(display, mark.line + 1, mark.column + 1)


def cap(problems: list[Problem], display: str) -> list[Problem]:
    """Keep the first MAX_PROBLEMS problems and say how many more there were."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(Location(display), msg("yaml_more", count=rest))]


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode ``raw`` as strict UTF-8 (one leading BOM allowed), or explain why not.

    Only UTF-8 is accepted, whatever the machine's locale, so a file reads the same on every
    computer; UTF-16 is refused even though PyYAML could read it, because other tools can't.
    """
    wide = _wide_encoding(raw)
    if wide:
        hint = msg("yaml_hint_save_utf8")
        return None, [Problem(Location(display), msg("yaml_wide_encoding", encoding=wide), hint)]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        where = Location(display, line, col)
        return None, [Problem(where, msg("yaml_binary"), msg("yaml_hint_binary"))]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        text = msg("yaml_not_utf8", byte=f"0x{raw[err.start]:02X}")
        hint = msg("yaml_hint_gbk") if _looks_gbk(raw) else msg("yaml_hint_save_utf8")
        return None, [Problem(Location(display, line, col), text, hint)]


def _wide_encoding(raw: bytes) -> str:
    """Name UTF-16/UTF-32 input, by BOM or by NUL-byte pattern, else return ''."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = raw[:4]
    if len(head) == 4 and (head[:3] == b"\0\0\0" or head[1:] == b"\0\0\0"):
        return "UTF-32"
    # YAML starts with an ASCII character, which UTF-16 pairs with one NUL byte; a file that is
    # mostly Chinese still has NULs beside every ASCII space, colon and newline, all on one side.
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if min(even, odd) == 0 and max(even, odd) >= max(2, len(raw) // 10):
        return "UTF-16"
    return ""


def _looks_gbk(raw: bytes) -> bool:
    """True when the bytes are valid GB18030 and contain Chinese: a Notepad "ANSI" file."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return re.search("[\u4e00-\u9fff]", text) is not None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``; CR LF, CR and LF end lines."""
    head = raw[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return line, len(head[start:].decode("utf-8", "replace")) + 1


def split_lines(text: str) -> list[str]:
    """Split on CR LF, CR and LF only (not on U+2028 and friends, as ``str.splitlines`` does)."""
    return _LINE_BREAK.split(text)


def scan_text(text: str, display: str) -> list[Problem]:
    """Find invisible, control and look-alike characters that would corrupt keys or layout.

    Reports every offending line (one problem per kind per line). Full-width punctuation and
    U+3000 inside values are legitimate Chinese text and are left alone.
    """
    problems: list[Problem] = []
    layout = _Layout()
    for number, line in enumerate(split_lines(text), start=1):
        seen: set[str] = set()
        for match in _BAD_CHAR.finditer(line):
            char = match.group()
            key = _CHAR_NAMES.get(char, "yaml_char_control")
            if key in seen:
                continue
            seen.add(key)
            text_ = msg("yaml_bad_char", name=msg(key), cp=_codepoint(char))
            hint = msg("yaml_hint_bom") if char == "\ufeff" else ""
            problems.append(Problem(Location(display, number, match.start() + 1), text_, hint))
        found = layout.check(line)
        if found:
            col, text_, hint = found
            problems.append(Problem(Location(display, number, col), text_, hint))
    return cap(sorted(problems, key=Problem.sort_key), display)


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


class _Layout:
    """Line-by-line guesses about where keys stand, to catch IME typos in key position.

    A line is *surely* in key position when it is the first content line or not indented
    deeper than the last key (so it cannot continue a multi-line value). Block scalars
    (``|``, ``>``) and continuation lines of quoted strings are free text and skipped; lines
    inside a multi-line ``[...]`` / ``{...}`` get only the indentation and tab checks.
    """

    def __init__(self) -> None:
        self.block_parent: int | None = None  # column of the node owning an open block scalar
        self.last_key_col: int | None = None
        self.key_open = False  # the last key had no value on its line
        self.quote = ""  # an open multi-line quoted string
        self.depth = 0  # open flow brackets

    def check(self, line: str) -> tuple[int, str, str] | None:
        """Return (1-based column, message, hint) for the first layout problem on ``line``."""
        if self.block_parent is not None:
            if not line.strip(" ") or len(line) - len(line.lstrip(" ")) > self.block_parent:
                return None
            self.block_parent = None
        if self.quote:
            if _STATEFUL.search(line):
                self._advance(line)
            return None
        in_flow = self.depth > 0
        indent = _INDENT.match(line).group()  # type: ignore[union-attr]  # always matches
        if "\t" in indent:
            return indent.index("\t") + 1, msg("yaml_tab_indent"), ""
        for i, char in enumerate(indent):
            if char in _WIDE_SPACES:
                name = msg(_WIDE_SPACES[char])
                text = msg("yaml_wide_space_indent", name=name, cp=_codepoint(char))
                return i + 1, text, ""
        body = line[len(indent) :]
        tab = self._advance(body) if _STATEFUL.search(body) else -1
        if tab >= 0:  # libyaml accepts most of these, pure PyYAML none: refuse them on both
            return len(indent) + tab + 1, msg("yaml_tab"), ""
        if in_flow or not body or body.startswith(("#", "---", "...", "%")):
            return None
        return self._track(body, len(indent))

    def _track(self, body: str, indent: int) -> tuple[int, str, str] | None:
        """Check a line outside flow context for typos, then remember where its key stands."""
        dashes = _DASHES.match(body).group()  # type: ignore[union-attr]  # always matches
        rest = body[len(dashes) :]
        col0 = indent + len(dashes)
        # Surely a key's place: first content line, or not deeper than the last key. After
        # `- ` or under an empty `key:` a plain string may stand too, so only sure typos count.
        sure = not dashes and (self.last_key_col is None or indent <= self.last_key_col)
        key_line = _KEY_LINE.match(rest)
        found = None
        if not key_line and (sure or dashes or self.key_open):
            found = self._typo(rest, col0, sure)
        value = rest
        if key_line:
            self.last_key_col, value = col0, rest[key_line.end() :].strip(" ")
        elif dashes:
            self.last_key_col = indent + dashes.rstrip(" ").rfind("-")
        self.key_open = (bool(key_line) or bool(dashes)) and (not value or value[0] == "#")
        if _BLOCK_HEAD.fullmatch(value):
            self.block_parent = self.last_key_col if key_line or dashes else indent - 1
        return found

    def _advance(self, text: str) -> int:
        """Follow quotes and flow brackets across ``text``; index of a tab outside quotes or -1."""
        prev, i = " ", 0
        while i < len(text):
            char = text[i]
            if self.quote:
                if char == "\\" and self.quote == '"':
                    i += 1  # skip the escaped character
                elif char == self.quote and text[i + 1 : i + 2] == "'" == char:
                    i += 1  # '' inside single quotes
                elif char == self.quote:
                    self.quote = ""
            elif char == "#" and prev in " \t":
                return -1
            elif char == "\t":
                return i
            elif char in "\"'[{" and (prev == " " or (self.depth and prev in "[{,:")):
                # a quote or bracket opens only where a new value starts, not inside `a{"b`
                if char in "[{":
                    self.depth += 1
                else:
                    self.quote = char
            elif char in "]}" and self.depth:
                self.depth -= 1
            prev, i = char, i + 1
        return -1

    @staticmethod
    def _typo(rest: str, col0: int, sure: bool) -> tuple[int, str, str] | None:
        """A full-width colon or dash, a wide space or no space after a key in key position.

        Unless ``sure``, only an ASCII key before "：" counts: `- 说明：见附件` is a fine string.
        """
        if rest[:1] in _FULLWIDTH_DASHES and rest[1:2] in ("", " ", "\u3000"):
            return col0 + 1, msg("yaml_fullwidth_dash", char=rest[0]), msg("yaml_hint_colon")
        wide = _FULLWIDTH_KEY.match(rest)
        if wide and (sure or _ASCII_KEY.fullmatch(wide.group(1))):
            return col0 + wide.end(), msg("yaml_fullwidth_colon"), msg("yaml_hint_colon")
        tight = _COLON_NO_SPACE.match(rest)
        if tight is None or not sure:
            return None
        col = col0 + tight.end(1) + 1  # 1-based column of the colon
        char = tight.group(2)
        if char in _WIDE_SPACES:
            name = msg(_WIDE_SPACES[char])
            text = msg("yaml_wide_space_after_colon", name=name, cp=_codepoint(char))
            return col + 1, text, msg("yaml_hint_colon")
        return col, msg("yaml_colon_no_space"), msg("yaml_hint_colon")


def prescan(text: str, display: str, loader_class: type, max_depth: int) -> list[Problem]:
    """Walk the event stream once, before any tree is built.

    Aliases are refused here, not after composing, because an alias bomb is cheap to load but
    explodes in anything that walks the result (pydantic, templates); the depth cap stops deep
    nesting before the recursive composer (C stack / RecursionError) sees it.
    """
    problems: list[Problem] = []
    depth = documents = 0
    lines_seen: set[tuple[int, str]] = set()
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    hint = msg("yaml_hint_multi_doc")
                    problems.append(Problem(at_mark(display, mark), msg("yaml_multi_doc"), hint))
                    break
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > max_depth:
                    text_ = msg("yaml_too_deep", limit=max_depth)
                    problems.append(Problem(at_mark(display, mark), text_))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            found = _refused_node(event)
            if found and (mark.line, found[0]) not in lines_seen:
                lines_seen.add((mark.line, found[0]))
                problems.append(
                    Problem(at_mark(display, mark), msg(found[0], **found[1]), msg(found[2]))
                )
    except yaml.MarkedYAMLError as err:
        if "maximum nesting depth" in str(err.problem) and loader_class is not yaml.SafeLoader:
            # libyaml looks ahead and stops at its own limit (1000) before we see depth 65;
            # the streaming pure-Python parser finds our limit at the same place on any host.
            loader.dispose()
            return prescan(text, display, yaml.SafeLoader, max_depth)
        problems.append(syntax_problem(err, text, display, max_depth))
    except (yaml.YAMLError, RecursionError):
        problems.append(Problem(Location(display), msg("yaml_syntax"), msg("yaml_hint_syntax")))
    finally:
        loader.dispose()
    return cap(problems, display)


def _refused_node(event: Any) -> tuple[str, dict[str, str], str] | None:
    """(message key, fields, hint key) when an event carries an alias, anchor or explicit tag."""
    if isinstance(event, yaml.AliasEvent):
        return "yaml_alias", {"name": event.anchor}, "yaml_hint_anchor"
    if getattr(event, "anchor", None):
        return "yaml_anchor", {"name": event.anchor}, "yaml_hint_anchor"
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        return "yaml_tag", {"tag": shown}, "yaml_hint_tag"
    return None


# PyYAML's wording (pure-Python and libyaml differ), matched in order on "context | problem".
_SYNTAX = (
    ("mapping values are not allowed", "yaml_err_colon", "yaml_hint_colon_context"),
    ("could not find expected ':'", "yaml_err_missing_colon", "yaml_hint_missing_colon"),
    ("unknown escape", "yaml_err_escape", "yaml_hint_escape"),
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
    return Problem(where, text_, msg(hint) if hint else "")
