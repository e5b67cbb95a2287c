"""Rules that span documents. Each is a small named function returning Issues.

Rules with a `code` can have their severity set in site_config.yaml (`rules:`), e.g. to make the
10% rule a warning while a school is migrating its schedule. Personal-data findings cannot be weakened:
a legitimate value is allowed one by one (`personal_data_allowed`), never a whole kind.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator

from oko.errors import Issue
from oko.project import Project
from oko.rules import criteria, files, personal_data, plans, references, schedule, sveden
from oko.schedules import YearSchedule
from oko.site import Routes

RULE_CODES = {**plans.RULE_CODES, **schedule.RULE_CODES, **files.RULE_CODES, **sveden.RULE_CODES,
              **criteria.RULE_CODES, **personal_data.RULE_CODES}


def check_project(project: Project, routes: Routes, schedules: dict[str, YearSchedule]) -> list[Issue]:
    """Run every cross-document rule."""
    return [
        *references.config_organisation_exists(project),
        *references.plan_organisations_exist(project),
        *references.plan_evidence_links_resolve(project, routes),
        *plans.deadlines_fit_the_calendar(project),
        *plans.deadlines_are_given(project),
        *plans.free_text_deadlines(project),
        *(issue for year in schedules.values() for issue in schedule.check_schedule(year)),
        *files.document_files_exist(project),
        *files.document_ids_unique(project),
        *files.allowed_formats_and_sizes(project),
        *files.no_unreferenced_files(project, routes),
        *sveden.check_sveden(project),
        *criteria.check_criteria(project),
        *personal_data.check_personal_data(project),
        *rule_settings_known(project),
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


def rule_settings_known(project: Project) -> Iterator[Issue]:
    """Every rule named in site_config.yaml exists."""
    if not project.config or not project.config_doc:
        return
    for code, level in project.config.rules.items():
        if code in personal_data.LOCKED_CODES and level != "error":
            yield project.config_doc.issue(
                f"правило «{code}» нельзя ослабить: персональные данные не публикуются (152-ФЗ)", ("rules", code),
                key=True, hint=f"уберите строку «{code}: {level}»; законное значение разрешите по одному: "
                               f"{personal_data.ALLOWANCES_KEY} в site_config.yaml (значение, файл, основание)")
        elif code not in RULE_CODES:
            close = difflib.get_close_matches(code, list(RULE_CODES), n=1, cutoff=0.6)
            yield project.config_doc.issue(
                f"правила «{code}» нет", ("rules", code), key=True,
                hint=f"возможно, вы имели в виду «{close[0]}»" if close else "правила: " + ", ".join(RULE_CODES))


