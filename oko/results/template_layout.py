"""The results template's layout: an XLSX book, one sheet per table (read in template.py, written in template_write.py).

The ФИС ОКО analytic reports («Статистика по отметкам», «Сравнение отметок с отметками по журналу»,
«Выполнение заданий») have no published column layout, and they give shares, not the counts Око keeps; so the
template is Око's own, with the reports' captions where they exist («Кол-во участников», «Понизили» …).
Sheets (names as below; only «Работа» and «Отметки» are required; an empty cell in a count table is 0):
- «Работа»: a label in column A, its value in B — Процедура в графике, Вид работы, Предмет, Дата, Параллель,
  Название, Отметки («2, 3, 4, 5»), Успевает от, Качество от, Максимальный балл, Шкала перевода
  («3: 6; 4: 10; 5: 15»), Задания («1: 1; 2: 2»: номер и максимальный балл);
- «Отметки»: Класс | Кол-во участников | one column per mark | optionally Успеваемость, % | Качество знаний, % |
  Средняя отметка | Средний балл (typed figures, checked against the counts);
- «Баллы»: Класс | one column per primary score 0, 1, … (counts);
- «Журнал»: Класс | Понизили | Подтвердили | Повысили (counts);
- «Журнал и отметки», «Журнал и баллы»: Класс | Отметка по журналу | one column per mark (per score);
- «Задания»: Класс (or a level: муниципалитет, регион, Россия) | one column per task (% of completion);
- «Сравнение»: Уровень | Название | Кол-во участников | one column per mark (%) | Средний балл | Ст. отклонение |
  Понизили, % | Подтвердили, % | Повысили, %.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

INFO, MARKS, SCORES, SHIFT = "Работа", "Отметки", "Баллы", "Журнал"
JOURNAL_MARKS, JOURNAL_SCORES, TASKS, REFERENCE = "Журнал и отметки", "Журнал и баллы", "Задания", "Сравнение"
SHEETS = (INFO, MARKS, SCORES, SHIFT, JOURNAL_MARKS, JOURNAL_SCORES, TASKS, REFERENCE)
INFO_FIELDS = (("procedure", "Процедура в графике"), ("kind", "Вид работы"), ("subject", "Предмет"),
               ("date", "Дата"), ("grade", "Параллель"), ("title", "Название"), ("mark_set", "Отметки"),
               ("pass_mark", "Успевает от"), ("quality_mark", "Качество от"), ("max_score", "Максимальный балл"),
               ("boundaries", "Шкала перевода"), ("tasks", "Задания"))
GROUP, PARTICIPANTS, JOURNAL = "Класс", "Кол-во участников", "Отметка по журналу"
TYPED = (("success", "Успеваемость, %"), ("quality", "Качество знаний, %"), ("mean_mark", "Средняя отметка"),
         ("mean_score", "Средний балл"))
SHIFT_COLUMNS = (("lowered", "Понизили"), ("confirmed", "Подтвердили"), ("raised", "Повысили"))
REFERENCE_COLUMNS = ("Уровень", "Название", PARTICIPANTS)
REFERENCE_TAIL = (("mean_score", "Средний балл"), ("score_sd", "Ст. отклонение"),
                  *((key, f"{label}, %") for key, label in SHIFT_COLUMNS))
Where = tuple[str, int, int]  # sheet, 0-based row and column


def fold(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split()) if value is not None else ""
