"""Checks that run before a YAML tree is built: bytes, characters, then the event stream.

PyYAML reports encoding trouble as a byte *position* (not a line), accepts UTF-16, silently keeps
zero-width characters, U+3000 indentation and full-width colons as part of keys, and its C and
pure-Python loaders disagree about tabs.  Staff editing on Chinese Windows produce exactly these
files, so we find them ourselves and point at the line and column an editor shows.  Lines are
split on CR LF, CR and LF only, as editors do; U+0085/U+2028/U+2029 (which YAML would also count
as line breaks) are refused here, so the parser's line numbers always match ours.
The event pre-scan lives here too (``yamlio`` passes the loader class and depth limit in);
bytes are checked in ``yamlbytes`` and PyYAML's syntax errors translated in ``yamlsyntax``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.yamlsyntax import split_lines, syntax_problem
from fzzf_cli.text import msg

_TAG = "tag:yaml.org,2002:"
MAX_PROBLEMS = 100  # per stage; a garbage file must not produce a million lines of output
# Values in one file (YAML events). The whole plan's measures.yaml has about 2,700; a file of
# many times that is a mistake or an attack, and would take seconds to validate.
MAX_EVENTS = 50_000

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
    depth = documents = events = 0
    lines_seen: set[tuple[int, str]] = set()
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            events += 1
            if events > MAX_EVENTS:
                problems.append(
                    Problem(at_mark(display, mark), msg("yaml_too_many", limit=MAX_EVENTS))
                )
                break
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
        return "yaml_alias", {"name": str(event.anchor)}, "yaml_hint_anchor"
    if getattr(event, "anchor", None):
        return "yaml_anchor", {"name": event.anchor}, "yaml_hint_anchor"
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        return "yaml_tag", {"tag": shown}, "yaml_hint_tag"
    return None
