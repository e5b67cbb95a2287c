"""The catalogue of error messages for the editors' handbook (docs/handbook/errors.md).

Built from the engine's own tables, so the handbook never drifts from what the check says:
`oko.rules.RULE_CODES` (rule code → what the rule requires) and `oko.yaml_messages.SYNTAX_MESSAGES`
(how YAML syntax errors are told in Russian, with a hint). docs/hooks.py puts the result in place
of the marker line `<!-- oko:error-catalog -->` while mkdocs builds the handbook.
"""

from __future__ import annotations

from collections.abc import Iterable

from oko import yaml_messages
from oko.rules import RULE_CODES

# Rule code prefix → the heading of its group, in the order the handbook shows them.
RULE_GROUPS = {
    "plan": "Планы мероприятий",
    "schedule": "График оценочных процедур",
    "files": "Файлы",
    "documents": "Реестр документов",
    "sveden": "«Сведения об образовательной организации»",
    "criteria": "Критерии оценивания",
    "demos": "Демоверсии и ВПР",
    "personal_data": "Персональные данные (152-ФЗ; эти правила нельзя ослабить)",
}
OTHER_GROUP = "Другие правила"

_MARKDOWN_SPECIAL = "\\`*_[]{}#|"


def _escape(text: str) -> str:
    """Text for a Markdown table cell: Markdown punctuation escaped, `<` and `&` as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text).replace("\n", " ")


def _table(header: tuple[str, str], rows: Iterable[tuple[str, str]]) -> list[str]:
    return [f"| {header[0]} | {header[1]} |", "|---|---|", *(f"| {left} | {right} |" for left, right in rows)]


def _grouped_rules(codes: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    groups: dict[str, list[tuple[str, str]]] = {title: [] for title in RULE_GROUPS.values()}
    for code, description in codes.items():
        title = RULE_GROUPS.get(code.split(".", 1)[0], OTHER_GROUP)
        groups.setdefault(title, []).append((code, description))
    return {title: sorted(rows) for title, rows in groups.items() if rows}


def _group_id(code: str) -> str:
    return code.split(".", 1)[0] if code.split(".", 1)[0] in RULE_GROUPS else "other"


def _syntax_rows() -> list[tuple[str, str]]:
    rows = []
    seen = set()
    for _needle, message, hint in yaml_messages.SYNTAX_MESSAGES:
        if (message, hint) not in seen:
            seen.add((message, hint))
            rows.append((message, hint))
    generic = yaml_messages.GENERIC_SYNTAX_MESSAGE
    if generic not in seen:
        rows.append(generic)
    return rows


def error_catalog_markdown() -> str:
    """The full list of rule codes and syntax messages, as a Markdown section (headings level 2 and 3)."""
    lines = [
        "## Правила проверки и их коды {#rule-codes}",
        "",
        "У каждого правила, которое проверяет связи между файлами, есть код. Код нужен, чтобы изменить "
        "строгость правила в `site_config.yaml` (раздел `rules:`, значения `error`, `warning` или `off`); "
        "правила о персональных данных (`personal_data.*`) ослабить нельзя, см. «Безопасность и персональные данные». "
        f"Всего правил: {len(RULE_CODES)}.",
    ]
    for title, rows in _grouped_rules(RULE_CODES).items():
        lines += ["", f"### {title} {{#rules-{_group_id(rows[0][0])}}}", ""]
        lines += _table(("Код", "Что проверяется"),
                        ((f"`{code}`", _escape(description)) for code, description in rows))
    lines += [
        "",
        "## Ошибки в записи YAML {#yaml-syntax}",
        "",
        "Эти сообщения означают, что файл не удалось прочитать: нарушена запись YAML (отступы, двоеточия, "
        "кавычки, скобки). Строка и столбец в сообщении показывают, где сборка заметила ошибку; сама "
        "ошибка бывает в этой строке или строкой выше.",
        "",
    ]
    lines += _table(("Сообщение", "Подсказка: как исправить"),
                    ((_escape(message), _escape(hint)) for message, hint in _syntax_rows()))
    return "\n".join(lines) + "\n"
