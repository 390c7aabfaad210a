"""A small plan, written inline, that ``fzzf validate`` accepts: the plan unit tests of the
core run on, instead of the numbers of the bundled one.

Two units report (市编办 and 德庆县, through 各县(市、区)人民政府); 市法制局 receives the
reports and keeps a record; an open group (市政府有关部门) still waits for its members.
Measure 1 has a milestone for all its units (2016-12-31), one for the counties only
(2017-12-31) and a target; measure 2 is the one pilot (德庆县 as the area, 市编办 as the
unit). Two half-years are reported on (2016-H1, 2016-H2); the plan ends 2018-12-31 with the
review by the leading group and 市法制局. Tests edit these texts with ``str.replace``, and
some name lines of them: append, rather than insert, where you can.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from fzzf_cli.errors import Problem
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.validate.load import load_dataset

UNITS = """\
units:
  - id: fazhiju
    name: 市法制局
    aliases: [市依法行政办]
    kind: city_department
    tags: [government_department]
  - id: bianban
    name: 市编办
    kind: city_department
    tags: [government_department]
  - id: deqing
    name: 德庆县
    kind: county_government
  - id: lingdaoxiaozu
    name: 市依法行政工作领导小组
    kind: leading_group
groups:
  - id: counties
    name: 各县(市、区)人民政府
    select: {kind: county_government}
  - id: relevant-departments
    name: 市政府有关部门
    open: true
    members: []
"""

# units.yaml's ``naming:``, kept apart so that tests can append groups to UNITS.
NAMING = """\
naming:
  prefixes: [肇庆市, 市]
  suffixes: [人民政府, 县, 局, 办]
"""

MEASURES = """\
plan:
  title: 方案
  notice_title: 通知
  document_number: 肇府办函〔2016〕48号
  issued_by: fazhiju
  date: 2016-04-07
  coordinator: fazhiju
  leading_group: lingdaoxiaozu
  horizon: 2018-12-31
  horizon_quote: 到2018年
  target: 基本建成
reporting:
  to: fazhiju
  quote: 每年的6月底和12月底前
  periods:
    - {id: 2016-H1, start: 2016-01-01, due: 2016-06-30}
    - {id: 2016-H2, start: 2016-07-01, due: 2016-12-31}
review:
  start: 2018-10-01
  due: 2018-12-31
  units: [lingdaoxiaozu, fazhiju]
  quote: 2018年第四季度
areas:
  - id: 1
    title: 深化行政体制改革
measures:
  - id: 1
    area: 1
    text: 2016年,做一件事。
    units: [bianban, fazhiju, counties]
    milestones:
      - title: 做一件事
        due: 2016-12-31
        quote: 2016年,做一件事
      - title: 县里做
        due: 2017-12-31
        units: [counties]
        quote: 做一件事
    targets:
      - {metric: online_rate, name: 网上办理率, comparison: at_least, value: 80, unit: percent,
         by: 2017-12-31, quote: 做一件事}
  - id: 2
    area: 1
    text: 在德庆县开展试点。
    pilot: 2
conventions:
  measures: {first: 1, last: 2}
  pilots: {first: 2, last: 2}
  area_numerals: [一]
  source_heading: 二、主要任务
"""

PILOTS = """\
rules:
  plan_title: 报送试点工作方案
  plan_due: 2016-04-20
  plan_to: fazhiju
  plan_quote: 于2016年4月20日前
  completion_title: 完成试点工作
  completion_months: 12
  completion_quote: 1年内完成
  default_start: 2016-04-07
pilots:
  - id: 2
    measure: 2
    title: 试点
    areas: [deqing]
    units: [bianban]
"""

SOURCE = """\
一、总体要求
1. 这一行不是措施。
二、主要任务
1. 2016年,做一件事。
2. 在德庆县开展试点。
"""


def write_plan(
    repo: Path, units: str = UNITS, measures: str = MEASURES, pilots: str = PILOTS
) -> Path:
    """A data repository at ``repo`` holding the plan (``units`` gets ``NAMING`` appended
    unless it has its own); the repository."""
    data = repo / "data"
    (data / "source").mkdir(parents=True, exist_ok=True)
    if "naming:" not in units:
        units = units + NAMING
    for name, text in (("units", units), ("measures", measures), ("pilots", pilots)):
        (data / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    (data / "source" / "plan.txt").write_text(SOURCE, encoding="utf-8")
    return repo


def load(
    tmp_path: Path, units: str = UNITS, measures: str = MEASURES, pilots: str = PILOTS
) -> tuple[Dataset | None, list[Problem]]:
    """The plan, written under ``tmp_path``, loaded: ``(dataset, problems)``."""
    return load_dataset(write_plan(tmp_path / "plan", units, measures, pilots))


def dataset(tmp_path: Path, **texts: str) -> Dataset:
    """The plan (with ``units``/``measures``/``pilots`` replaced), which must be valid."""
    ds, problems = load(tmp_path, **texts)
    assert ds is not None and problems == [], problems
    return ds
