"""A new data repository (``fzzf init``), reminders (``fzzf remind``), shell completion."""

from __future__ import annotations

ZH_STARTER: dict[str, str] = {
    "cmd_init": "新建数据仓库：写入内置方案的数据、.gitignore、CI 示例（GitHub、GitLab，固定为当前 fzzf 版本，从运行当天起把关）、CODEOWNERS、JSON Schema 和编辑器设置、pre-commit 配置和给报送人员的说明；从不覆盖已有文件。",
    "help_arg_init_dir": "数据仓库的文件夹（不存在时新建）。",
    "init_not_folder": "{path} 已存在且不是文件夹",
    "init_skipped": "{path} 已存在，未改动",
    "init_linked": "{path} 所在的文件夹是符号链接，未写入",
    "init_summary": "写入 {written} 个文件，跳过已有的 {skipped} 个。",
    "init_next": (
        "下一步（逐行运行）：\n  cd {path}\n  git init\n  fzzf validate\n  fzzf check --due-from {day}"
    ),
    "init_readme": (
        "# 法治政府示范区工作实施方案落实情况（肇府办函〔2016〕48号）\n"
        "\n"
        "本仓库存放方案数据和各单位的报送材料，由 fzzf {version} 校验。\n"
        "\n"
        "## 各单位怎样报送\n"
        "\n"
        '0. 安装 fzzf（一次）：`python3 -m venv .venv && . .venv/bin/activate && pip install "fzzf=={version}"`，\n'
        '   或 `pipx install "fzzf=={version}"`；fzzf 放在本单位其他位置的，按市法制局给的地址安装。\n'
        "1. 查看本单位的任务：`fzzf owes 本单位名称`（例如 `fzzf owes 德庆县`）。\n"
        "2. 生成本期报送文件：`fzzf new report 本单位名称 2017-H1`，按提示填写进展；报送时在文件中\n"
        "   填上报送日期 `submitted: YYYY-MM-DD`（空着是草稿，不计为已报送）。不用 git 的单位可用 Excel 报送表：\n"
        "   `fzzf new report 本单位名称 2017-H1 -f xlsx`，填好后交市法制局导入。\n"
        "3. 提交前检查：`fzzf validate`，问题会指出文件、行和列；再运行 `fzzf check --due-from {day}`，\n"
        "   得到与 CI 相同的结论（见下文“CI 从哪一天起把关”）。\n"
        "4. 提交 pull request（合并请求）。CI 会运行 `fzzf check`；合并之日即报送日期。\n"
        "\n"
        "## 编辑器提示\n"
        "\n"
        "用 VS Code 打开本仓库，安装 Red Hat 的 YAML 扩展（redhat.vscode-yaml）：`.vscode/settings.json`\n"
        "把 `schemas/` 中的 JSON Schema 对应到各个文件，编辑时会补全键名、说明每个键，写错类型、\n"
        "拼错键名或日期不是 YYYY-MM-DD 时当场标出。其他使用 yaml-language-server 的编辑器可在各自的设置中写同样的对应。\n"
        "\n"
        "## CI 从哪一天起把关\n"
        "\n"
        "CI 的 `fzzf check` 写的是 `--due-from {day}`（{day} 是本仓库建立的日子）：只对 {day} 及以后\n"
        "到期的文件把关。更早到期而未报的，`fzzf overdue` 和各报表照样列为逾期，只是不让 CI 失败；\n"
        "否则新仓库第一天就因几百份补不上的材料而失败。要对全部期限把关，把 CI 文件中的\n"
        "`--due-from {day}` 改为 `--due-from 2016-01-01`（或 `fzzf init 文件夹 --due-from 2016-01-01`）。\n"
        "\n"
        "## 文件\n"
        "\n"
        "- `data/`：方案（措施、单位、试点）和报送材料（`data/submissions/`）、复核（`data/reviews/`）。\n"
        "- `.github/workflows/fzzf.yml`、`.gitlab-ci.yml`：CI 把关，用哪个平台留哪个。\n"
        "- `.github/CODEOWNERS`、`.gitlab/CODEOWNERS`：谁审阅哪些文件。在 `data/units.yaml` 中\n"
        "  写上各单位的审阅人后，运行 `fzzf codeowners -o .github/CODEOWNERS --force`\n"
        "  （GitLab：`fzzf codeowners -f gitlab -o .gitlab/CODEOWNERS --force`）重新生成。\n"
        "- `schemas/`：各类文件的 JSON Schema（由 `fzzf schema` 生成）。升级 fzzf 后运行\n"
        "  `fzzf schema -o schemas --force` 更新。\n"
        "- `.pre-commit-config.yaml`：`pip install pre-commit && pre-commit install` 后，每次提交前运行\n"
        "  `fzzf validate`，并用 `schemas/` 中的 schema 检查各个文件（check-jsonschema）。\n"
        "- 文件一律用 UTF-8 保存（记事本“另存为”时选 UTF-8）。\n"
    ),
    "cmd_remind": "给各单位的提醒：即将到期、已逾期、被退回的事项和要新建的文件，每个单位一份，可直接粘贴到企业微信、钉钉或邮件。",
    "help_arg_remind_unit": "只给这个单位（或单位组的各单位）写提醒。",
    "help_remind_within": "提醒多少天内到期的事项。",
    "help_format_remind": "text（纯文本）或 md（Markdown）。",
    "help_output_remind": "写入文件夹（以 / 结尾或已存在）：每个单位一个文件；默认输出到标准输出。",
    "help_force_remind": "覆盖已有的同名文件。",
    "remind_title": "{unit}：法治政府示范区工作提醒（截至 {as_of}）",
    "remind_soon": "{days}内到期",
    "window_days": "{days} 天",
    "window_workdays": "{days} 个工作日",
    "remind_due": "{date}（{weekday}）",
    "remind_due_off": "{date}（{weekday}，非工作日）",
    "remind_due_unknown": "{date}（{weekday}；该年节假日安排尚未收录）",
    "remind_overdue": "已逾期",
    "remind_returned": "被退回，须重新报送",
    "remind_files": "要新建的文件",
    "remind_item": "[{light}] {due} {title}",
    "remind_item_overdue": "[{light}] {due} {title}（逾期 {days} 天）",
    "remind_item_returned": "[{light}] {title}：新期限 {due}",
    "remind_reason": "退回理由：{reason}",
    "remind_file": "{path}：{command}",
    "remind_progress": "其余事项的进展在本单位的半年报送中填报。",
    "remind_none": "截至 {as_of}，{days}内没有要提醒的事项。",
    "remind_summary": "{n} 个单位有要提醒的事项。",
    "remind_not_folder": "-o 须是文件夹（以 / 结尾）：每个单位写一个文件",
    "check_builtin": "没有找到数据仓库，只有随 fzzf 安装的内置方案：它没有报送文件，不能用它把关（否则删掉 data/measures.yaml 的 pull request 也会通过）。请在数据仓库中运行，用 --data 指定，或用 fzzf init 文件夹 新建一个。",
    "help_completion_install": "为当前 shell 安装命令补全（按 Tab 补全命令和选项）。",
    "help_completion_show": "显示当前 shell 的命令补全脚本，以便复制或自行安装。",
}
