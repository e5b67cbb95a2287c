"""The content model of results: one assessment procedure, its classes, counts only.

No pupil rows exist anywhere in it (152-ФЗ; the repository is as public as the site, regulations.md §7a):
every figure the objectivity analytics needs is computable from counts — counts per mark, per primary score,
and the cross-tables «отметка по журналу × отметка» or «отметка по журналу × первичный балл». Derived figures
(успеваемость, качество знаний, средний балл, доли) are computed (figures.py); a school may type them, as ФИС
ОКО reports print them, and a typed one that disagrees with the counts is an error (consistency.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from oko.kinds.schedule.model import CLASS_NAME, normalise_class
from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel, RuDate, Slug
from oko.results.rows import Rows

Count = Annotated[int, Field(ge=0, le=10_000_000)]
Percent = Annotated[float, Field(ge=0, le=100)]
Score = Annotated[int, Field(ge=0, le=1000)]
DEFAULT_MARKS = (2, 3, 4, 5)


class ResultKind(LabelledEnum):
    """What kind of procedure produced the results (the schedule's kinds plus the state exams)."""

    VPR = ("vpr", "ВПР")
    NIKO = ("niko", "НИКО")
    OGE = ("oge", "ОГЭ")
    EGE = ("ege", "ЕГЭ")
    REGIONAL = ("regional_diagnostic", "региональная диагностическая работа")
    CONTROL = ("control", "контрольная работа")
    CHECK = ("check", "проверочная работа")
    DICTATION = ("dictation", "диктант")
    DIAGNOSTIC = ("diagnostic", "диагностическая работа")
    TEST = ("test", "тестирование")
    COMPLEX = ("complex", "комплексная работа")
    INTERIM = ("interim", "промежуточная аттестация")


class ReferenceLevel(LabelledEnum):
    """Whose figures a school compares itself with, as ФИС ОКО reports give them."""

    MUNICIPALITY = ("municipality", "муниципалитет")
    REGION = ("region", "регион")
    RUSSIA = ("russia", "Россия")


def parse_group(value: Any) -> Any:
    """«5а», «5 А» → «5А» (a class); 5 or «5» → «5» (the whole parallel)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PydanticCustomError("oko_group", "группа пишется как 5А (класс) или 5 (вся параллель)")
    token = normalise_class(str(value))
    if not (CLASS_NAME.match(token) or (token.isdigit() and 1 <= int(token) <= 11)):
        raise PydanticCustomError("oko_group", "«{value}» не похоже на класс: пишите 5А (класс) или 5 (параллель)",
                                  {"value": value})
    return token


GroupName = Annotated[str, BeforeValidator(parse_group),
                      WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}],
                                      "description": "класс (5А) или вся параллель (5)"})]


class MarkShift(OkoModel):
    """«Сравнение отметок с отметками по журналу» as ФИС ОКО gives it (regulations.md §7a)."""

    lowered: Count = Field(title="Понизили", description="отметка за работу ниже отметки по журналу")
    confirmed: Count = Field(title="Подтвердили", description="отметка за работу равна отметке по журналу")
    raised: Count = Field(title="Повысили", description="отметка за работу выше отметки по журналу")

    @property
    def total(self) -> int:
        return self.lowered + self.confirmed + self.raised


class TaskInfo(OkoModel):
    """One task of the work: its number as the report writes it and its maximum score."""

    id: NonEmptyStr = Field(title="Номер задания", description="как в отчёте: 1, 2, 3.1, 3.2")
    max_score: int = Field(default=1, ge=1, le=100, title="Максимальный балл за задание")


class MarkCount(OkoModel):
    mark: int = Field(title="Отметка")
    count: Count = Field(title="Сколько участников")


class ScoreCount(OkoModel):
    score: Score = Field(title="Первичный балл")
    count: Count = Field(title="Сколько участников")


class TaskPercent(OkoModel):
    task: NonEmptyStr = Field(title="Номер задания", description="как в отчёте: 1, 2, 3.1")
    percent: Percent = Field(title="Выполнили, %")


class MarkPercent(OkoModel):
    mark: int = Field(title="Отметка")
    percent: Percent = Field(title="Доля, %")


class JournalMarkCount(OkoModel):
    journal: int = Field(title="Отметка по журналу")
    mark: int = Field(title="Отметка за работу")
    count: Count = Field(title="Сколько участников")


class JournalScoreCount(OkoModel):
    journal: int = Field(title="Отметка по журналу")
    score: Score = Field(title="Первичный балл")
    count: Count = Field(title="Сколько участников")


class Boundary(OkoModel):
    mark: int = Field(title="Отметка")
    min_score: Score = Field(title="От первичного балла", description="наименьший балл этой отметки")


# Each table of the file (rows) as the map the computations read (rows.py).
MARK_COUNTS = Rows(MarkCount, ("mark",), "count", "количество по отметкам")
SCORE_COUNTS = Rows(ScoreCount, ("score",), "count", "распределение баллов")
TASK_PERCENTS = Rows(TaskPercent, ("task",), "percent", "выполнение заданий")
MARK_PERCENTS = Rows(MarkPercent, ("mark",), "percent", "доли по отметкам")
JOURNAL_MARKS = Rows(JournalMarkCount, ("journal", "mark"), "count", "журнал × отметка")
JOURNAL_SCORES = Rows(JournalScoreCount, ("journal", "score"), "count", "журнал × балл")
BOUNDARIES = Rows(Boundary, ("mark",), "min_score", "шкала перевода")
MarkCounts = Annotated[dict[int, Count], MARK_COUNTS]
ScoreCounts = Annotated[dict[Score, Count], SCORE_COUNTS]
TaskPercents = Annotated[dict[str, Percent], TASK_PERCENTS]
MarkPercents = Annotated[dict[int, Percent], MARK_PERCENTS]
JournalMarks = Annotated[dict[int, dict[int, Count]], JOURNAL_MARKS]
JournalScores = Annotated[dict[int, dict[Score, Count]], JOURNAL_SCORES]
Boundaries = Annotated[dict[int, Score], BOUNDARIES]
# Every table by its place in a file, an index written as "*".
TABLE_ROWS: dict[tuple[str, ...], Rows] = {
    ("boundaries",): BOUNDARIES,
    ("groups", "*", "marks"): MARK_COUNTS, ("groups", "*", "scores"): SCORE_COUNTS,
    ("groups", "*", "tasks"): TASK_PERCENTS, ("groups", "*", "shares"): MARK_PERCENTS,
    ("groups", "*", "journal_marks"): JOURNAL_MARKS, ("groups", "*", "journal_scores"): JOURNAL_SCORES,
    ("reference", "*", "shares"): MARK_PERCENTS, ("reference", "*", "tasks"): TASK_PERCENTS,
    ("reference", "*", "scores"): SCORE_COUNTS,
}
TABLES = {place: rows.keys for place, rows in TABLE_ROWS.items()}


class ShiftShares(OkoModel):
    """«Сравнение отметок с отметками по журналу» of a municipality, region or Russia: percents."""

    lowered: Percent | None = Field(default=None, title="Понизили, %")
    confirmed: Percent | None = Field(default=None, title="Подтвердили, %")
    raised: Percent | None = Field(default=None, title="Повысили, %")


def _shift_map(value: ShiftShares) -> dict[str, float]:
    return value.model_dump(exclude_none=True)


# The model keeps the percents by key (lowered, confirmed, raised), as analytics.shift_profile reads them.
ShiftMap = Annotated[ShiftShares, AfterValidator(_shift_map), PlainSerializer(lambda value: value)]


class GroupResult(OkoModel):
    """One class (5А) or a whole parallel (5): counts, and optionally the figures as a report typed them."""

    group: GroupName = Field(title="Класс или параллель")
    participants: Count = Field(title="Кол-во участников")
    marks: MarkCounts = Field(title="Количество по отметкам", description="по строке на отметку")
    scores: ScoreCounts | None = Field(
        default=None, title="Распределение первичных баллов", description="по строке на балл")
    tasks: TaskPercents | None = Field(
        default=None, title="Выполнение заданий, %", description="по строке на задание")
    shift: MarkShift | None = Field(default=None, title="Сравнение с отметками по журналу",
                                    description="сколько участников понизили, подтвердили, повысили отметку")
    journal_marks: JournalMarks | None = Field(
        default=None, title="Отметка по журналу × отметка за работу",
        description="по строке на пару отметок")
    journal_scores: JournalScores | None = Field(
        default=None, title="Отметка по журналу × первичный балл",
        description="по строке на отметку по журналу и балл")
    # Typed figures: never needed (they are computed), checked against the counts when given.
    success: Percent | None = Field(default=None, title="Успеваемость, % (проверяется по количествам)")
    quality: Percent | None = Field(default=None, title="Качество знаний, % (проверяется по количествам)")
    mean_mark: float | None = Field(default=None, ge=0, le=100, title="Средняя отметка (проверяется)")
    mean_score: float | None = Field(default=None, ge=0, le=1000, title="Средний первичный балл (проверяется)")
    shares: MarkPercents | None = Field(default=None, title="Доли по отметкам, % (проверяются)")

    @field_validator("marks", "scores")
    @classmethod
    def _without_zeros(cls, value: dict[int, int] | None) -> dict[int, int] | None:
        """A zero count is the same as no count: one canonical form (a template's empty cells read back equal)."""
        return None if value is None else dict(sorted((k, n) for k, n in value.items() if n))

    @field_validator("journal_marks", "journal_scores")
    @classmethod
    def _cross_without_zeros(cls, value: dict[int, dict[int, int]] | None) -> dict[int, dict[int, int]] | None:
        if value is None:
            return None
        rows = {j: dict(sorted((k, n) for k, n in row.items() if n)) for j, row in sorted(value.items())}
        return {j: row for j, row in rows.items() if row}


class ReferenceFigures(OkoModel):
    """Figures of the municipality, region or Russia as the ФИС ОКО report prints them: shares, not counts."""

    level: ReferenceLevel = Field(title="Уровень")
    name: str | None = Field(default=None, min_length=1, title="Название", description="например, Свердловская обл.")
    participants: Count | None = Field(default=None, title="Кол-во участников")
    shares: MarkPercents | None = Field(default=None, title="Доли по отметкам, %")
    tasks: TaskPercents | None = Field(default=None, title="Выполнение заданий, %")
    shift: ShiftMap | None = Field(default=None, title="Сравнение с журналом, %",
                                   description="доли понизивших, подтвердивших, повысивших отметку")
    mean_score: float | None = Field(default=None, ge=0, le=1000, title="Средний первичный балл")
    score_sd: float | None = Field(default=None, ge=0, le=1000, title="Стандартное отклонение первичного балла",
                                   description="нужно для доверительного интервала (вместе с участниками)")
    scores: ScoreCounts | None = Field(default=None, title="Распределение первичных баллов (количества)")

    @property
    def label(self) -> str:
        return self.name or self.level.label


class ProcedureResults(OkoModel):
    """`content/results/<year>/<name>.yaml`: the results of one procedure in one parallel and subject."""

    procedure: Slug | None = Field(default=None, title="Процедура в графике",
                                   description="id процедуры из единого графика")
    kind: ResultKind = Field(title="Вид работы")
    subject: NonEmptyStr = Field(title="Предмет")
    date: RuDate = Field(title="Дата")
    grade: int = Field(ge=1, le=11, title="Параллель (класс)")
    title: str | None = Field(default=None, min_length=1, title="Название")
    mark_set: list[int] = Field(default=list(DEFAULT_MARKS), min_length=2, title="Отметки",
                                description="по возрастанию; по умолчанию 2, 3, 4, 5")
    pass_mark: int = Field(default=3, title="Отметка «успевает» от", description="для успеваемости; обычно 3")
    quality_mark: int = Field(default=4, title="Отметка «качество» от", description="для качества знаний; обычно 4")
    max_score: int | None = Field(default=None, ge=1, le=1000, title="Максимальный первичный балл")
    boundaries: Boundaries | None = Field(
        default=None, title="Шкала перевода: первичный балл, с которого ставится отметка",
        description="по строке на отметку, кроме самой низкой: отметка и наименьший балл")
    tasks: list[TaskInfo] | None = Field(default=None, title="Задания")
    groups: list[GroupResult] = Field(min_length=1, title="Классы")
    reference: list[ReferenceFigures] = Field(default_factory=list, title="Для сравнения: муниципалитет, регион, РФ")

    @model_validator(mode="after")
    def _scale(self) -> ProcedureResults:
        marks = self.mark_set
        if marks != sorted(set(marks)):
            raise PydanticCustomError("oko_marks", "отметки пишутся по возрастанию и без повторов: [2, 3, 4, 5]")
        for name, mark in (("pass_mark", self.pass_mark), ("quality_mark", self.quality_mark)):
            if mark not in marks:
                raise PydanticCustomError("oko_marks", "{name}: отметки {mark} нет среди отметок {marks}",
                                          {"name": name, "mark": mark, "marks": marks})
        if self.boundaries is not None:
            self._check_boundaries(self.boundaries)
        return self

    def _check_boundaries(self, boundaries: dict[int, int]) -> None:
        expected = self.mark_set[1:]
        if sorted(boundaries) != expected:
            raise PydanticCustomError("oko_boundaries", "шкала перевода: нужен наименьший балл для каждой отметки "
                                      "{expected} (для самой низкой — нет)", {"expected": expected})
        lows = [boundaries[mark] for mark in expected]
        if lows != sorted(set(lows)) or lows[0] < 1:
            raise PydanticCustomError("oko_boundaries", "шкала перевода: баллы отметок должны расти, "
                                      "самый низкий — не меньше 1")
        if self.max_score is not None and lows[-1] > self.max_score:
            raise PydanticCustomError("oko_boundaries", "шкала перевода: балл {score} больше максимального "
                                      "{max}", {"score": lows[-1], "max": self.max_score})

    def mark_of(self, score: int) -> int | None:
        """The mark a primary score gets by the scale (None without one)."""
        if self.boundaries is None:
            return None
        mark = self.mark_set[0]
        for candidate in self.mark_set[1:]:
            if score >= self.boundaries[candidate]:
                mark = candidate
        return mark

    @property
    def display_title(self) -> str:
        return self.title or f"{self.kind.label}, {self.subject}, {self.grade} класс"

    def is_merged(self) -> bool:
        """Whether the file holds the parallel as one group (no classes)."""
        return all(group.group.isdigit() for group in self.groups)
