"""Option values converted without pydantic (cli/coerce.py) come out as Typer's own
converters give them: the same values, and for a bad value the same message and exit code."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ..conftest import Result

CASES = [
    ("owes", "德庆县", "--soon", "abc"),
    ("owes", "德庆县", "--soon", "400"),
    ("owes", "德庆县", "--soon", "-1"),
    ("owes", "德庆县", "--soon", "007", "-f", "json"),
    ("owes", "德庆县", "--soon", "+7", "-f", "json"),
    ("owes", "德庆县", "--soon", "７"),
    ("due", "--measure", "abc"),
    ("due", "--kind", "bogus"),
    ("due", "--kind", "milestone", "--year", "2017", "-f", "csv"),
    ("due", "-f", "JSON", "--year", "2017"),
    ("due", "--by", "unit", "--year", "2017", "-f", "json"),
    ("due", "--data", "/nonexistent/fzzf"),
    ("due", "--data", "/dev/null"),
    ("due", "--data", ""),
    ("due", "--data", "./", "--year", "2017"),
    ("due", "--year", "2017", "-o", "-"),
    ("units", "-o", "/dev/null/units.csv"),
    ("notice", "deqing", "--within", "91"),
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_values_and_messages_are_typers_own(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    quick = cli(*args, "--as-of", "2017-07-15") if "--data" in args else cli(*args)
    monkeypatch.setattr("fzzf_cli.cli.app.quicken", lambda params: None)  # Typer's adapters
    typers = cli(*args, "--as-of", "2017-07-15") if "--data" in args else cli(*args)
    assert quick == typers
