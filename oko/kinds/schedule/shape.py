"""Fields of a procedure that only make sense together: a date and its window, subject and subjects.

They are checked after the model (so each message names its own field and line): `check` reports them
through oko/kinds/schedule/assemble.py, import-schedule through the cell they came from.
"""

from __future__ import annotations

from oko.kinds.schedule.model import Procedure


def shape_problems(procedure: Procedure) -> list[tuple[str, str, str]]:
    """(field, message, hint) for fields that only make sense together; `check` and import-schedule report them."""
    problems = []
    if procedure.date is None and procedure.window is None:
        problems.append(("date", "не указана дата работы",
                         'date: "14.10.2025" — или срок проведения: window: {start: "11.04.2026", end: "15.04.2026"}'))
    if procedure.date and procedure.window and not procedure.window.contains(procedure.date):
        problems.append(("date", f"дата {procedure.date:%d.%m.%Y} вне срока проведения "
                                 f"{procedure.window.start:%d.%m.%Y} – {procedure.window.end:%d.%m.%Y}",
                         "выберите день внутри срока или исправьте window"))
    named = [name for name, given in (("subject", procedure.subject), ("subjects", procedure.subjects)) if given]
    if len(named) == 2:
        problems.append(("subjects", "указаны и subject, и subjects",
                         "subject — один предмет, subjects — предметы комплексной работы; оставьте одно"))
    elif len(procedure.subjects) == 1:
        problems.append(("subjects", "в комплексной работе (subjects) указан один предмет",
                         f"для одного предмета пишите subject: {procedure.subjects[0]}"))
    elif not named and procedure.subject_later is None:
        problems.append(("subject", "не указан предмет",
                         "subject: Математика; для комплексной работы — subjects: [Русский язык, Математика]; "
                         "если предмет назначат позже — subject_later: {label: \"Предмет 1 (по выбору ФИС ОКО)\"}"))
    if procedure.subjects and procedure.subject_later:
        problems.append(("subject_later", "у комплексной работы (subjects) не бывает предмета, назначаемого позже",
                         "оставьте subjects или subject_later"))
    later = procedure.subject_later
    if later and procedure.subject and later.choices and procedure.subject not in later.choices:
        problems.append(("subject", f"«{procedure.subject}» нет среди предметов на выбор: {', '.join(later.choices)}",
                         "исправьте subject или subject_later.choices"))
    return problems
