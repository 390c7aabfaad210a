"""Reading template files: only regular files inside the templates folders, never a symlink.

A data repository's ``templates/`` arrives by pull request, so a template (or a folder on
its way) may be a symlink to ``/proc/self/environ`` or a secret beside the checkout; Jinja2's
``FileSystemLoader`` would follow it and put the target into a report. ``ConfinedLoader``
walks each template's path one part at a time with ``lstat``, refuses a symlink (or a
Windows junction) anywhere below the templates folder before reading anything, opens the
file without following links, caps its size and decodes it as strict UTF-8. A refusal is a
``TemplateRefused`` naming the template as ``templates/x.md.j2``; it is never "not found",
so no other folder's template of that name is used instead. fzzf's own templates go through
the same loader.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import BaseLoader, TemplateError, TemplateNotFound
from jinja2.loaders import split_template_path

from fzzf_cli.read.yamlbytes import decode
from fzzf_cli.text import msg

MAX_TEMPLATE_BYTES = 1_000_000  # the shipped report template is 11 kB

# Windows reparse points that redirect like a symlink does (junctions are not S_ISLNK).
_LINK_TAGS = {0xA000000C, 0xA0000003}  # IO_REPARSE_TAG_SYMLINK, IO_REPARSE_TAG_MOUNT_POINT


class TemplateRefused(TemplateError):
    """A template file fzzf will not read; ``place`` is how the user finds it."""

    def __init__(self, place: str, reason: str) -> None:
        super().__init__(reason)
        self.place = place
        self.reason = reason


def is_link(info: os.stat_result) -> bool:
    """A symlink, or a Windows junction: either can point out of the folder."""
    return stat.S_ISLNK(info.st_mode) or getattr(info, "st_reparse_tag", 0) in _LINK_TAGS


class ConfinedLoader(BaseLoader):
    """Templates from ``folders``, first match wins (like ``ChoiceLoader`` over
    ``FileSystemLoader``s), read only when no part of the path below the folder is a link."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # TemplateNotFound for "..", "\" and the like
        for folder in self.folders:
            found = _find(folder, pieces)
            if found is not None:
                text = _read(folder, found, _place(folder, pieces))
                return text, os.path.normpath(found), lambda: True
        raise TemplateNotFound(template)


def _place(folder: Path, pieces: list[str]) -> str:
    """``templates/parts/x.md.j2``: the folder's own name, then the path below it."""
    return PurePosixPath(folder.name, *pieces).as_posix()


def _find(folder: Path, pieces: list[str]) -> Path | None:
    """The template's path in ``folder``, None if it is not there; a link on the way, or a
    file that is not a regular file, is refused rather than skipped."""
    path = folder
    for depth, piece in enumerate(pieces, 1):
        path = path / piece
        place = _place(folder, pieces[:depth])
        try:
            info = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            raise TemplateRefused(place, _unreadable(error)) from None
        last = depth == len(pieces)
        if is_link(info):
            reason = (
                msg("template_symlink") if last else msg("template_symlink_folder", folder=place)
            )
            raise TemplateRefused(_place(folder, pieces), reason + msg("template_hint_symlink"))
        if stat.S_ISDIR(info.st_mode):
            if last:
                return None  # a folder is not a template, as with FileSystemLoader
            continue
        if not last:
            return None
        if not stat.S_ISREG(info.st_mode):
            raise TemplateRefused(place, msg("template_not_regular"))
        return path
    return None


def _read(folder: Path, path: Path, place: str) -> str:
    """The text of a template ``_find`` accepted, checked again as it is opened."""
    try:
        if not path.resolve().is_relative_to(folder.resolve()):  # _find saw no link; be sure
            raise TemplateRefused(place, msg("template_outside") + msg("template_hint_symlink"))
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(path, flags), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = b"" if size > MAX_TEMPLATE_BYTES else handle.read(MAX_TEMPLATE_BYTES + 1)
    except (OSError, RuntimeError) as error:  # ELOOP: swapped for a symlink since _find looked
        raise TemplateRefused(place, _unreadable(error)) from None
    size = max(size, len(raw))
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateRefused(place, msg("template_too_large", size=size, limit=MAX_TEMPLATE_BYTES))
    text, problems = decode(raw, place)
    if text is None:
        problem = problems[0]
        reason = problem.message
        if problem.hint:
            reason = msg("with_hint", text=reason, hint=problem.hint)
        raise TemplateRefused(str(problem.location), reason)
    return text


def _unreadable(error: Exception) -> str:
    reason = getattr(error, "strerror", None) or type(error).__name__
    return msg("template_unreadable", reason=reason)
