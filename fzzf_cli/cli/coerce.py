"""Option values without pydantic, where Typer's own helpers give the same value.

Typer converts every option's value through a pydantic ``TypeAdapter``, built the first time
the option is processed, whether it was given or not: for ``fzzf due`` that is twenty
adapters and pydantic's plugin machinery, more than the rest of the query. Text, choices
(enums), paths and plain integers need none of it: Typer's adapters for them only wrap the
helpers called here. So each option gets a ``QuickParam``: a value left out costs nothing,
a value of those kinds is converted by the same helper, and anything else (a number out of
range, a choice that is not one, any type not listed) goes to Typer's own adapter, built
then, so that every message is Typer's, word for word.

This reaches into Typer's private modules (``typer._coercion``, ``typer._param_types``,
Typer ≥ 0.2x). Where they are not there or not as expected (older Typer, as at the
dependency floor, or a later one that changed them), ``quicken`` does nothing and Typer
converts every value itself: slower to start, the same values and messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

try:
    from typer import _coercion, _param_types

    _RuntimeParam: Any = _coercion.RuntimeParam
    _HOOKS: tuple[Any, ...] = (_coercion.build_runtime_param, _param_types.coerce_cli_choice,
              _param_types.coerce_cli_path)  # fmt: skip
except (ImportError, AttributeError):  # not this Typer: let it convert everything itself
    _RuntimeParam = object
    _HOOKS = ()

_UNSURE = object()


@dataclass(frozen=True)
class QuickParam(_RuntimeParam):
    """Converts the common kinds itself; builds Typer's converter only for the rest."""

    descriptor: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            quick = _quick(self.annotation, self.parameter_info, value, param, ctx)
        except Exception:  # whatever it is, Typer's adapter will say it in Typer's words
            quick = _UNSURE
        if quick is not _UNSURE:
            return quick
        real = _coercion.build_runtime_param(self.descriptor)
        object.__setattr__(param, "_runtime_param", real)
        return real._coerce_value(value, param=param, ctx=ctx)


def _quick(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if annotation is int and not info.clamp:
        number = value if type(value) is int else _digits(value)
        if number is None:
            return _UNSURE
        if (info.min is not None and number < info.min) or (
            info.max is not None and number > info.max
        ):
            return _UNSURE
        return number
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = list(annotation)
        return _param_types.coerce_cli_choice(
            value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
        )
    if annotation is Path and info.path_type is None and type(value) is str:
        if not value or "\0" in value:
            return _UNSURE
        path = Path(value)  # what pydantic's Path would make of it, without building one
        return _param_types.coerce_cli_path(path, info, path_type=Path, param=param, ctx=ctx)
    return _UNSURE


def _digits(value: Any) -> int | None:
    if type(value) is str and value.isascii() and value.isdigit():
        return int(value)
    return None


def quicken(params: list[Any]) -> None:
    """Give each of a command's Typer options that has no converter yet a ``QuickParam``."""
    if not _HOOKS:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", True) is not None:
            continue
        info = descriptor.parameter_info
        if descriptor.file_annotation is not None or info.parser is not None:
            continue
        param._runtime_param = QuickParam(
            parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor
        )
