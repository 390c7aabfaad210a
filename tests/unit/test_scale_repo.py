"""The scale benchmark's generator (benchmarks/scale_repo.py) makes a repository fzzf accepts."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from ..conftest import Result

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "scale_repo.py"


def test_a_generated_repository_validates(cli: Callable[..., Result], tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("scale_repo", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    repo = tmp_path / "repo"
    files = module.build(repo, scale=2, seed=3, periods=1)
    assert files == len(list((repo / "data" / "submissions").rglob("*.yaml"))) > 50
    code, out, err = cli("validate", "--data", str(repo), "--as-of", "2016-07-01")
    assert code == 0, err
    assert str(files) in out
