"""Filings and reviews written into a test data repository, for the tests of the
coordinator's review on the mini plan and end to end on the bundled plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def write(repo: Path, relative: str, text: str) -> None:
    """Write ``data/relative`` in ``repo``, making its folders."""
    path = repo / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Filings:
    """Claims by 德庆县 on one item, and the coordinator's verdicts on them."""

    item: str
    unit: str = "deqing"

    def claim(
        self, repo: Path, period: str, submitted: str, status: str = "done", done: str = ""
    ) -> None:
        done_line = f"    done: {done}\n" if done else ""
        write(
            repo,
            f"submissions/{period}/{self.unit}.yaml",
            f"unit: {self.unit}\nperiod: {period}\nsubmitted: {submitted}\nitems:\n"
            f"  - id: {self.item}\n    status: {status}\n{done_line}",
        )

    def review(self, repo: Path, period: str, reviewed: str, *verdicts: str) -> None:
        body = "".join(verdicts) or "  []\n"
        write(
            repo,
            f"reviews/{period}.yaml",
            f"period: {period}\nreviewed: {reviewed}\nverdicts:\n{body}",
        )

    def accept(self, unit: str = "", item: str = "", extra: str = "") -> str:
        who = f"  - unit: {unit or self.unit}\n    item: {item or self.item}\n"
        return f"{who}    verdict: accepted\n{extra}"

    def returned(self, deadline: str, unit: str = "", item: str = "") -> str:
        return (
            f"  - unit: {unit or self.unit}\n    item: {item or self.item}\n    verdict: returned\n"
            f"    reason: 佐证链接打不开\n    deadline: {deadline}\n"
        )
