"""Click's classes, reached through Typer's public names only.

Typer up to 0.15 installs Click as a package of its own; later versions carry a private
copy (``typer._click``). Either way Typer exports the same objects under public names
(``typer.Context``, ``typer.BadParameter``, ``typer.Abort``), and the rest are found from
those: Click's help formatter is the context's ``formatter_class``, its usage error the
base of ``BadParameter``. So fzzf imports no private module and runs on every Typer that
``pyproject.toml`` allows (CI checks the lowest).
"""

from __future__ import annotations

from typing import Any

import typer


def _base(cls: type, name: str) -> type[Any]:
    return next(c for c in cls.__mro__ if c.__name__ == name)


Context = typer.Context
HelpFormatter: type[Any] = typer.Context.formatter_class
Abort = typer.Abort
BadParameter = typer.BadParameter
UsageError = _base(typer.BadParameter, "UsageError")
ClickException = _base(typer.BadParameter, "ClickException")


def is_error(error: BaseException, name: str) -> bool:
    """Whether ``error`` is Click's ``name`` (NoSuchOption, MissingParameter,
    NoArgsIsHelpError …): classes Typer does not export, known by name."""
    return any(c.__name__ == name for c in type(error).__mro__)
