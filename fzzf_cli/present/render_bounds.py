"""Rendering under a time and an output bound, without threads or signals (so on Windows too).

Jinja2's sandbox keeps a template away from Python's internals but not from a loop that runs
for hours or an expression that makes gigabytes. ``BoundedEnvironment`` checks a deadline
wherever template code passes through the environment: every sandboxed call, attribute and
item access, operator, ``~`` and every step of a ``{% for %}`` loop (the compiled loop gets
its iterable through ``bounded_iter``). Operators, string methods and filters that could
make a huge value are sized first (render_sizes.py). The text a template outputs may not
pass ``MAX_OUTPUT_CHARS``, nor may the text its ``{% set %}`` blocks, macros and filter
blocks capture along the way (counted apart: captures are in memory, not yet output).

Each bound is a ``TemplateLimit`` raised inside the template's own code, so the error names
the template's file and line. The deadline is checked between steps: one filter or method
run over a value at the size limit (five million items) finishes before the next check, so
a hostile template can overrun the deadline by a few seconds, not more. The hooks rely on
Jinja2 3.1's compiler (``visit_For``, ``buffer``, ``visit_Concat``); the tests in
tests/cli/test_render_bounds.py fail if a newer Jinja2 stops calling them.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import update_wrapper
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from fzzf_cli.present.render_sizes import (
    FILTER_SIZES,
    TemplateLimit,
    call_size,
    check_binop,
    check_concat,
    check_size,
    format_size,
)
from fzzf_cli.text import msg

RENDER_SECONDS = 10.0  # the shipped report renders in about 40 ms
MAX_OUTPUT_CHARS = 50_000_000  # the shipped HTML report is 75,000 characters


class Budget:
    """The time one rendering may still use, and the text its captures have made so far
    (one per environment)."""

    def __init__(self) -> None:
        self.seconds = RENDER_SECONDS
        self.deadline = time.monotonic() + RENDER_SECONDS
        self.captured = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise self.exceeded(0)

    def spend(self, chars: int) -> None:
        """Text put into a capture (a ``{% set %}`` block, a macro, a filter block)."""
        self.captured += chars
        if self.captured > MAX_OUTPUT_CHARS or time.monotonic() > self.deadline:
            raise self.exceeded(self.captured)

    def exceeded(self, chars: int) -> TemplateLimit:
        """The bound that ``chars`` of text, or the clock, has gone over."""
        if chars > MAX_OUTPUT_CHARS:
            return TemplateLimit(msg("template_output_too_large", limit=MAX_OUTPUT_CHARS))
        return TemplateLimit(msg("template_timeout", seconds=f"{self.seconds:g}"))


class _Buffer(list[str]):
    """Where compiled template code collects captured text; every piece is paid for."""

    def __init__(self, budget: Budget) -> None:
        super().__init__()
        self._budget = budget

    def append(self, text: str) -> None:
        self._budget.spend(len(text))
        super().append(text)

    def extend(self, texts: Iterable[str]) -> None:
        texts = tuple(texts)
        self._budget.spend(sum(map(len, texts)))
        super().extend(texts)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja2's compiler with three hooks into the environment: loops, captures and ``~``."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        iterable = node.iter
        if not _is_hook(iterable):  # visited once, but be sure not to wrap twice
            hook = nodes.EnvironmentAttribute("bounded_iter", lineno=iterable.lineno)
            node.iter = nodes.Call(hook, [iterable], [], None, None, lineno=iterable.lineno)
        super().visit_For(node, frame)

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.joined({join}, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


# Methods whose first argument may be a one-pass iterable (a generator from map or select).
_CONSUMES = {("join", str), ("join", bytes), ("extend", list), ("update", set)}


def _is_hook(node: nodes.Node) -> bool:
    hook = getattr(node, "node", None)
    return isinstance(hook, nodes.EnvironmentAttribute) and hook.name == "bounded_iter"


class BoundedEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox with a deadline, sized operators and methods, and an output cap."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        del self.globals["lipsum"]  # lorem ipsum of any length, in one call
        for name, size in FILTER_SIZES.items():
            self.filters[name] = _sized_filter(name, self.filters[name], size)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.budget.tick()
        owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
        if args and (name, type(owner)) in _CONSUMES:
            args = (list(args[0]), *args[1:])  # counted once here, then used
        check_size(call_size(owner, name, args, kwargs), "template_method", name=name)
        return super().call(context, obj, *args, **kwargs)

    # The hot paths compare the clock themselves; tick() only to raise.
    def getattr(self, obj: Any, attribute: str) -> Any:
        if time.monotonic() > self.budget.deadline:
            self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if time.monotonic() > self.budget.deadline:
            self.budget.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if time.monotonic() > self.budget.deadline:
            self.budget.tick()
        check_binop(operator, left, right)
        return self.binop_table[operator](left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map``, sized before the sandbox's own wrapper runs."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template, by_map = value.__self__, value.__name__ == "format_map"

        def sized(*args: Any, **kwargs: Any) -> str:
            fields = dict(args[0]) if by_map and args else kwargs
            size = format_size(template, () if by_map else args, fields)
            check_size(size, "template_method", name=value.__name__)
            return wrapped(*args, **kwargs)

        return update_wrapper(sized, value)

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """What a compiled ``{% for %}`` loops over: the iterable, with a deadline per step."""
        budget = self.budget
        for item in iterable:
            if time.monotonic() > budget.deadline:
                budget.tick()
            yield item

    def joined(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
        """The ``~`` operator."""
        self.budget.tick()
        check_concat(parts)
        return join(parts)

    def output_buffer(self) -> list[str]:
        return _Buffer(self.budget)


def _sized_filter(name: str, run: Callable[..., Any], size: Callable[[dict[str, Any]], int]) -> Any:
    """``run`` (a built-in filter), refusing first any call that would make too much."""
    if getattr(run, "jinja_async_variant", False):
        run = inspect.unwrap(run)  # the sync filter, with its own arguments: never async here
    signature = inspect.signature(run)

    def sized(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        check_size(size(bound.arguments), "template_filter", name=name)
        return run(*bound.args, **bound.kwargs)

    return update_wrapper(sized, run)  # keeps jinja_pass_arg: the filter gets its context


def generate_bounded(template: Template, context: dict[str, Any]) -> str:
    """The template's text, stopped when it runs out of time or text. A bound met here is
    thrown into the template at the point it has reached, so the error names that line."""
    budget: Budget = template.environment.budget  # type: ignore[attr-defined]
    stream: Generator[str, None, None] = template.generate(context)  # type: ignore[assignment]
    parts: list[str] = []
    append, produced, check_at = parts.append, 0, 0
    for part in stream:  # the hot loop of every rendering: no calls
        append(part)
        produced += len(part)
        if produced > check_at:  # every 64 kB of text (loops and calls check the clock too)
            if produced > MAX_OUTPUT_CHARS or time.monotonic() > budget.deadline:
                limit = budget.exceeded(produced)
                stream.throw(limit)
                raise limit  # not reached: template code cannot catch it
            check_at = min(produced + 65_536, MAX_OUTPUT_CHARS)
    return "".join(parts)
