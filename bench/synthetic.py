"""The synthetic corpus: N Russian Markdown pages of about 300 words, a table and a list each.

Deterministic: the same (count, seed) gives the same bytes on every machine and Python version,
because only `random.Random(seed).random()` is used (the one generator Python promises to keep);
`choice`/`randint` may change between versions and are avoided.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 15  # the issue number: any fixed value will do

_VOCABULARY = """
школа ученик учитель класс урок оценка отметка работа контрольная диагностика проверка критерий
шкала балл задание вариант предмет математика русский язык литература история география биология
физика химия информатика английский обществознание четверть полугодие год график процедура
объективность результат анализ протокол приказ положение совет методический объединение родитель
собрание расписание неделя месяц день срок ответственный заместитель директор план мероприятие
программа стандарт требование уровень базовый углублённый подготовка повторение тема раздел
текст задача решение ответ ошибка норма диктант сочинение изложение тест опрос проект доклад
исследование практикум лаборатория кабинет библиотека учебник пособие материал сборник тетрадь
журнал электронный портал сайт страница документ файл таблица список пункт номер дата подпись
наблюдатель комиссия эксперт проверяющий независимый региональный федеральный муниципальный
качество образование обучение воспитание развитие навык умение знание компетенция грамотность
читательская математическая естественнонаучная функциональная финансовая цифровая глобальная
"""
WORDS = _VOCABULARY.split()

SUBJECTS = ["Математика", "Русский язык", "Литература", "История", "Физика", "Химия", "Биология",
            "География", "Информатика", "Английский язык"]
KINDS = ["контрольная работа", "диктант", "тест", "проверочная работа", "сочинение"]
WORDS_PER_PAGE = 300


@dataclass(frozen=True)
class Page:
    """One page of the corpus: its id (file name and URL part), title and Markdown body."""

    slug: str
    title: str
    body: str


class _Draw:
    """Indices and picks from `Random.random()` only (stable across Python versions)."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def below(self, n: int) -> int:
        return int(self._random.random() * n)

    def pick(self, items: list[str]) -> str:
        return items[self.below(len(items))]


def slug_of(number: int) -> str:
    """«stranitsa-0042»: a valid id for every tool (Latin, digits, hyphen)."""
    return f"stranitsa-{number:04d}"


def section_of(slug: str, size: int = 50) -> str:
    """«razdel-01» for pages 1–50, «razdel-02» for 51–100…: for tools whose menu needs sections."""
    number = int(slug.rsplit("-", 1)[1])
    return f"razdel-{(number - 1) // size + 1:02d}"


def _sentence(draw: _Draw, words: int) -> str:
    text = " ".join(draw.pick(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(draw: _Draw, words: int) -> tuple[str, int]:
    """A paragraph of about `words` words (sentences of 6–14 words); returns it and its word count."""
    sentences, count = [], 0
    while count < words:
        length = 6 + draw.below(9)
        sentences.append(_sentence(draw, length))
        count += length
    return " ".join(sentences), count


def _table(draw: _Draw) -> tuple[str, int]:
    rows = ["| Предмет | Работа | Баллы |", "|---|---|---|"]
    for _ in range(4):
        rows.append(f"| {draw.pick(SUBJECTS)} | {draw.pick(KINDS)} | {10 + draw.below(40)} |")
    return "\n".join(rows), 4 * 4 + 3


def _list(draw: _Draw) -> tuple[str, int]:
    items = [f"- {_sentence(draw, 4)}" for _ in range(5)]
    return "\n".join(items), 5 * 4


def make_page(number: int, draw: _Draw) -> Page:
    """Page `number`: a lead paragraph, a table, a heading, a list and closing paragraphs."""
    table, table_words = _table(draw)
    bullets, list_words = _list(draw)
    budget = WORDS_PER_PAGE - table_words - list_words
    lead, used = _paragraph(draw, budget // 3)
    middle, used2 = _paragraph(draw, budget // 3)
    closing, _ = _paragraph(draw, budget - used - used2)
    subject = SUBJECTS[number % len(SUBJECTS)]
    title = f"{subject}: страница {number}"
    body = (f"{lead}\n\n{table}\n\n## Что проверяется\n\n{middle}\n\n{bullets}\n\n"
            f"## Как оценивается\n\n{closing}\n")
    return Page(slug_of(number), title, body)


def synthetic_pages(count: int, seed: int = SEED) -> list[Page]:
    """Pages 1..count, the same every time for the same arguments."""
    draw = _Draw(seed)
    return [make_page(number, draw) for number in range(1, count + 1)]


def edited_body(page: Page, mark: str) -> str:
    """The page's body with one more paragraph carrying `mark`, the text a benchmark waits for."""
    return page.body + f"\nПравка для замера: {mark}.\n"
