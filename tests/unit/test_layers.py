"""The pipeline's layers, kept honest: each stage imports only from the stages before it
(typing-only imports aside), as an import-linter "layers" contract would."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fzzf_cli"
# Lowest first. A module may import from its own stage and any stage before it.
LAYERS = (
    ("errors", "vocab", "text"),
    ("read",),
    ("model",),
    ("validate",),
    ("derive",),
    ("select",),
    ("pipeline",),
    ("present",),
    ("cli",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "fzzf_cli" else ""


def _runtime_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports that run: not those under ``if TYPE_CHECKING:``."""
    found: list[tuple[int, str]] = []
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            skipped.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_every_module_belongs_to_a_stage() -> None:
    stages = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    stages -= {"__init__", "__main__", "_embedded"}
    assert stages <= set(RANK), stages - set(RANK)


def test_stages_import_only_from_earlier_stages() -> None:
    broken = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own not in RANK:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, module in _runtime_imports(tree):
            stage = _stage(module)
            if stage in RANK and RANK[stage] > RANK[own]:
                broken.append(f"{path.relative_to(PACKAGE)}:{line} ({own}) imports {module}")
    assert not broken, "\n".join(broken)


def test_no_module_over_300_lines() -> None:
    long = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    ]
    assert not long, long


def _is_command(node: ast.FunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for d in node.decorator_list
    )


def test_every_command_is_a_handful_of_lines() -> None:
    """options → workspace → view → present → exit code: the body of a command (its
    docstring aside) stays within 12 lines; what is longer belongs in a stage."""
    long, seen = [], 0
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                body = node.body
                if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                    body = body[1:]
                seen += 1
                lines = (body[-1].end_lineno or 0) - body[0].lineno + 1
                if lines > 12:
                    long.append(f"{path.name}:{node.name}: {lines} lines")
    assert seen >= 15, seen  # the commands were found
    assert not long, long
