"""Rendering documents from Jinja2 templates.

Templates come from, first to last: ``--templates DIR``, the data repository's own
``templates/`` folder, then those shipped with fzzf, so a repository may override any
single template. Templates a repository supplies are code and are reviewed as code;
they are still read only as regular files inside those folders (render_files.py) and
rendered in Jinja2's sandbox under a time and size bound (render_bounds.py) as a second line
of defence. HTML is autoescaped; Markdown values pass through the ``md`` filter. Undefined
names are errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import StrictUndefined, TemplateError

from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.present.cells import flat, md_cell
from fzzf_cli.present.render_bounds import BoundedEnvironment, Budget, generate_bounded
from fzzf_cli.present.render_files import ConfinedLoader, TemplateRefused
from fzzf_cli.text import msg

# Characters Markdown would read as formatting inside running text.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|!~"})


def md_text(value: object) -> str:
    """Running text in Markdown: formatting characters escaped, one line."""
    return flat(value).translate(_MD_SPECIAL)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def environment(folders: list[Path]) -> BoundedEnvironment:
    """A fresh environment for one rendering: its deadline starts now."""
    env = BoundedEnvironment(
        loader=ConfinedLoader(folders),
        autoescape=lambda name: bool(name) and name.endswith((".html", ".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({"md": md_cell, "mdtext": md_text, "percent": percent, "number": number})
    return env


def render(folders: list[Path], name: str, context: dict[str, Any]) -> str:
    """The text of template ``name`` for ``context``; a broken template is a usage error
    naming the template and line (it is the repository's code, not fzzf's)."""
    return _render_in(environment(folders), folders, name, context)


def renderer(folders: list[Path]) -> Callable[[str, dict[str, Any]], str]:
    """``render`` for many documents from one environment: each template is compiled once
    (a site has a hundred pages from five templates), each document gets its own time and
    size budget."""
    env = environment(folders)

    def one(name: str, context: dict[str, Any]) -> str:
        env.budget = Budget()
        return _render_in(env, folders, name, context)

    return one


def _render_in(
    env: BoundedEnvironment, folders: list[Path], name: str, context: dict[str, Any]
) -> str:
    try:
        return generate_bounded(env.get_template(name), {**context, "msg": msg})
    except TemplateRefused as error:  # never read: named by its own path
        where, line = _template_frame(error.__traceback__, name)
        place, reason = error.place, error.reason
        if line:  # refused where another template includes, imports or extends it
            reason += msg("template_included_from", place=f"{_shown(where, folders)}:{line}")
    except TemplateError as error:  # TemplateLimit too: raised in the template's code
        where, line = _template_frame(error.__traceback__, name)
        where = getattr(error, "filename", None) or where
        line = getattr(error, "lineno", None) or line
        place, reason = _located(where, line, folders), error.message or type(error).__name__
    except Exception as error:
        where, line = _template_frame(error.__traceback__, name)
        place, reason = _located(where, line, folders), f"{type(error).__name__}: {error}"
    raise FzzfError(msg("template_failed", place=place, reason=reason), EXIT_USAGE)


def _located(where: str, line: int | None, folders: list[Path]) -> str:
    shown = _shown(str(where), folders)
    return f"{shown}:{line}" if line else shown


def _shown(where: str, folders: list[Path]) -> str:
    """``templates/notice.md.j2`` rather than a machine's absolute path."""
    for folder in folders:
        try:
            return Path(where).resolve().relative_to(folder.resolve().parent).as_posix()
        except (ValueError, OSError):
            continue
    return where


def _template_frame(tb: TracebackType | None, name: str) -> tuple[str, int | None]:
    """The template file and line where rendering failed (Jinja2 rewrites the frames)."""
    found: tuple[str, int | None] = (name, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
