# ruff: noqa: E501
"""A school whose schedule uses every form of issue 12: windows, complex works, later subjects, class sets."""

from __future__ import annotations

HEADER = """\
academic_year: "2025-2026"
approval: {number: "7-о", date: "29.08.2025"}
week: 5
periods:
  - {name: "1 четверть", start: "01.09.2025", end: "24.10.2025"}
  - {name: "2 четверть", start: "05.11.2025", end: "26.12.2025"}
  - {name: "3 четверть", start: "12.01.2026", end: "20.03.2026"}
  - {name: "4 четверть", start: "30.03.2026", end: "26.05.2026"}
holidays:
  - {name: "Осенние каникулы", start: "25.10.2025", end: "04.11.2025"}
  - {name: "Зимние каникулы", start: "27.12.2025", end: "11.01.2026"}
  - {name: "Весенние каникулы", start: "21.03.2026", end: "29.03.2026"}
classes:
  - {grade: 4, letters: [А]}
  - {grade: 5, letters: [А, Б]}
  - {grade: 6, letters: [А]}
  - {grade: 7, letters: [А]}
  - {grade: 9, letters: [А]}
hours:
  - subject: Математика
    grades: [{grade: 4, hours: 136}, {grade: 5, hours: 170}, {grade: 6, hours: 170}, {grade: 7, hours: 204}, {grade: 9, hours: 204}]
  - subject: Русский язык
    grades: [{grade: 4, hours: 170}, {grade: 5, hours: 170}, {grade: 6, hours: 204}, {grade: 7, hours: 136}, {grade: 9, hours: 102}]
  - subject: Окружающий мир
    grades: [{grade: 4, hours: 68}]
  - subject: История
    grades: [{grade: 5, hours: 68}, {grade: 6, hours: 68}, {grade: 7, hours: 68}, {grade: 9, hours: 85}]
  - subject: Биология
    grades: [{grade: 5, hours: 34}, {grade: 6, hours: 34}, {grade: 7, hours: 34}, {grade: 9, hours: 68}]
"""

# Line 2 onwards of procedures.yaml (line 1 is «procedures:»); one procedure a line, as the handbook writes them.
PROCEDURES = """\
- {window: {start: "13.10.2025", end: "17.10.2025"}, classes: "5-9", subject: Математика, kind: региональная диагностическая работа}
- {date: "12.11.2025", classes: "4–7, 9", subject: Русский язык, kind: диктант}
- {date: "10.02.2026", classes: "4", subjects: [Русский язык, Математика, Окружающий мир], kind: комплексная работа}
- {date: "21.04.2026", window: {start: "13.04.2026", end: "15.05.2026"}, classes: "5-е классы", subject_later: {label: "Предмет 1 (по выбору ФИС ОКО)", choices: [История, Биология]}, kind: ВПР}
- {date: "22.04.2026", window: {start: "13.04.2026", end: "15.05.2026"}, classes: "6", subject: История, subject_later: {label: "Предмет 1 (по выбору ФИС ОКО)", choices: [История, Биология]}, kind: ВПР}
- {window: {start: "13.04.2026", end: "15.05.2026"}, classes: "все 7, 9", subject_later: {label: "Предмет 2 (по выбору ФИС ОКО)"}, kind: ВПР}
"""
