"""The check stage: every kind's rules, then the rules that span kinds. Each rule returns Issues.

Rules with a `code` can have their severity set in site_config.yaml (`rules:`), e.g. to make the
10% rule a warning while a school is migrating its schedule. Personal-data findings cannot be weakened:
a legitimate value is allowed one by one (`personal_data_allowed`), never a whole kind.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Iterator

from oko import published
from oko.errors import Issue
from oko.kind import Context, Kind
from oko.project import Project
from oko.registry import registered
from oko.rules import personal_data


def rule_codes(kinds: Iterable[Kind]) -> dict[str, str]:
    """Every rule code a site may name in `rules:`: the kinds' and the cross-kind ones."""
    codes: dict[str, str] = {}
    for kind in kinds:
        codes.update(kind.rule_codes)
    return {**codes, **published.RULE_CODES, **personal_data.RULE_CODES}


RULE_CODES = rule_codes(registered())  # the built-in kinds' (the handbook lists them)


def check_project(ctx: Context) -> list[Issue]:
    """Run every cross-document rule."""
    project = ctx.project
    return [
        *(issue for kind in ctx.kinds for issue in kind.rules(ctx)),
        *published.allowed_formats_and_sizes(project),
        *published.no_unreferenced_files(project, ctx.routes, ctx.kinds),
        *personal_data.check_personal_data(project, ctx.kinds),
        *rule_settings_known(project, rule_codes(ctx.kinds)),
    ]


def apply_severities(project: Project, issues: list[Issue]) -> list[Issue]:
    """site_config.yaml `rules: {code: error|warning|off}` overrides a rule's own level.

    Every issue's source line is cleaned of personal data on the way: logs of pull requests are public.
    """
    settings = project.config.rules if project.config else {}
    result = []
    for issue in issues:
        level = None if issue.code in personal_data.LOCKED_CODES else settings.get(issue.code)
        if level == "off":
            continue
        issue = personal_data.without_personal_data(issue)
        result.append(dataclasses.replace(issue, level=level) if level else issue)
    return result


def rule_settings_known(project: Project, codes: dict[str, str]) -> Iterator[Issue]:
    """Every rule named in site_config.yaml exists."""
    if not project.config or not project.config_doc:
        return
    for code, level in project.config.rules.items():
        if code in personal_data.LOCKED_CODES and level != "error":
            yield project.config_doc.issue(
                f"правило «{code}» нельзя ослабить: персональные данные не публикуются (152-ФЗ)", ("rules", code),
                key=True, hint=f"уберите строку «{code}: {level}»; законное значение разрешите по одному: "
                               f"{personal_data.ALLOWANCES_KEY} в site_config.yaml (значение, файл, основание)")
        elif code not in codes:
            close = difflib.get_close_matches(code, list(codes), n=1, cutoff=0.6)
            yield project.config_doc.issue(
                f"правила «{code}» нет", ("rules", code), key=True,
                hint=f"возможно, вы имели в виду «{close[0]}»" if close else "правила: " + ", ".join(codes))
