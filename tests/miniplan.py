"""A small plan, written inline, for unit tests of the pure core."""

from __future__ import annotations

import textwrap
from pathlib import Path

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
conventions:
  measures: {first: 1, last: 69}
  pilots: {first: 62, last: 69}
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
pilots: []
"""


def load(tmp_path: Path, units: str = UNITS, measures: str = MEASURES, pilots: str = PILOTS):
    data = tmp_path / "plan" / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name, text in (("units", units), ("measures", measures), ("pilots", pilots)):
        (data / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_dataset(data.parent)
