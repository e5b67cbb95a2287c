"""The plan-period rule (issue 12): a date outside the plan's academic year is a warning naming the period."""

from __future__ import annotations

import pytest

from tests.test_errors import plan, project  # noqa: F401  (the fixture)


@pytest.mark.parametrize(("deadline", "expected"), [
    ("10.02.2026", []),  # inside 2025/2026
    ("01.08.2025", []),  # the first day of the window
    ("31.08.2026", []),  # the last day of the window
    ("10.02.2027", ["«10.02.2027»: 10 февраля 2027 г. — вне периода плана "
                    "(2025/2026 учебный год: август 2025 г. – август 2026 г.)"]),
    ("31.07.2025", ["«31.07.2025»: 31 июля 2025 г. — вне периода плана "
                    "(2025/2026 учебный год: август 2025 г. – август 2026 г.)"]),
])
def test_a_date_outside_the_plan_year_is_a_warning_that_names_the_period(project, deadline, expected):  # noqa: F811
    issues = project(plan('deadline: "10.02.2026"', f'deadline: "{deadline}"'))
    found = [issue for issue in issues if issue.code == "plan.deadline_outside_period"]
    assert [issue.message for issue in found] == expected
    assert all((issue.level, issue.line, issue.column) == ("warning", 10, 15) for issue in found)
    assert [issue for issue in issues if issue.code != "plan.deadline_outside_period"] == []
