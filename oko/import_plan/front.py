"""The paragraphs above the plan table → its title, time frame, approval block, goals and tasks.

A plan document opens the way the seeds do: perhaps the organisation's name; «Рассмотрено на заседании
педагогического совета № 1 от 29.08.2023»; «Утверждаю», the position, the name, «Приказ № 93 от
29.08.2023» or a date «"30" августа 2020 г.»; or «Приложение к приказу … № 203-осн от 15.08.2022»;
then the title, which starts with «План» («ПЛАН», «Дорожная карта», «Программа») and may go on over
several paragraphs; then «Цель:» / «Цели:» and «Задачи:» with their points. Each block runs until the
next one starts, blank paragraphs inside it included (a signature line leaves one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from oko.import_plan.columns import SECTION_NUMBER
from oko.import_plan.document import Paragraph, fold
from oko.ru import MONTHS_GENITIVE

BLOCKS = (
    ("approved", re.compile(r"(?:утверждаю|утверждено|утвержден[аоы]?|утв\.)(?=\W|$)", re.I)),
    ("considered", re.compile(r"(?:рассмотрено|рассмотрен[аоы]?|принято|принят[аоы]?)(?=\W|$)", re.I)),
    ("agreed", re.compile(r"(?:согласовано|согласован[аоы]?)(?=\W|$)", re.I)),
    ("appendix", re.compile(r"приложение(?=\W|$)", re.I)),
    ("goals", re.compile(r"цел[иь](?=\W|$)", re.I)),
    ("tasks", re.compile(r"задачи(?=\W|$)", re.I)),
    ("title", re.compile(r"(?:план|дорожная\s+карта|программа|комплекс\s+мер)(?=\W|$)", re.I)),
)
_MONTHS = "|".join(MONTHS_GENITIVE)
_DATE = re.compile(rf"«?(\d{{1,2}})»?\s*\.?\s*(?:(\d{{1,2}})\.(\d{{4}})|({_MONTHS})\s+(\d{{4}}))", re.I)
_DATE_LINE = re.compile(rf"(?:от\s+)?{_DATE.pattern}\s*(?:г\.?|года)?", re.I)
_ORDER_NUMBER = re.compile(r"№\s*([\wА-Яа-яЁё./-]+)")
_NAME = re.compile(r"(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                   r"\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?)$")
_BULLET = re.compile(r"^(?:[·•▪◦●\-–—*]|\d+[.)])\s*")
_YEAR_SPAN = re.compile(r"(\d{4})\s*[-/–—]\s*(\d{4}|\d{2})(?!\d)")
_CALENDAR_YEAR = re.compile(r"\b(?:на|в)\s+(\d{4})\s*(?:год|году|г\.)", re.I)
# «на заседании педагогического совета» → the body in the nominative, as the plan model wants it.
BODIES = {
    "педагогического совета": "педагогический совет", "педагогическом совете": "педагогический совет",
    "педсовета": "педагогический совет", "педсовете": "педагогический совет",
    "методического совета": "методический совет", "методическом совете": "методический совет",
    "управляющего совета": "управляющий совет", "управляющем совете": "управляющий совет",
    "совета школы": "совет школы", "совете школы": "совет школы",
    "общего собрания": "общее собрание", "общем собрании": "общее собрание",
}


@dataclass
class Front:
    title: str = ""
    academic_year: str = ""
    period: dict[str, str] = field(default_factory=dict)
    approval: dict[str, Any] = field(default_factory=dict)
    goals: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    heading: str = ""  # a section heading right above the first table
    warnings: list[str] = field(default_factory=list)


def read_front(paragraphs: list[Paragraph]) -> Front:
    front = Front()
    blocks = _blocks(paragraphs)
    for kind, lines in blocks:
        if kind == "title" and not front.title:
            front.title = fold(" ".join(lines))
        elif kind in ("goals", "tasks"):
            getattr(front, kind).extend(_points(lines))
        elif kind == "approved":
            _approved(lines, front)
        elif kind == "considered":
            _considered(lines, front)
        elif kind == "appendix":
            _appendix(lines, front)
        elif kind == "agreed":
            front.warnings.append(f"блок «{_quote(lines)}» не перенесён: в плане Око нет поля «Согласовано»")
    if blocks and blocks[-1][0] == "heading":
        front.heading = fold(blocks[-1][1][0])
    _time_frame(front)
    return front


def _blocks(paragraphs: list[Paragraph]) -> list[tuple[str, list[str]]]:
    """(kind, lines) in order; lines keep the keyword's own line, blank paragraphs dropped."""
    blocks: list[tuple[str, list[str]]] = []
    titled = False
    for paragraph in paragraphs:
        text = fold(paragraph.text)
        if not text:
            continue
        kind = next((name for name, pattern in BLOCKS if pattern.match(text)), None)
        in_points = bool(blocks) and blocks[-1][0] in ("goals", "tasks")
        if kind == "title" and titled:
            kind = None  # «План …» inside a title or a goal is a word, not a second title
        if kind is None and titled and (paragraph.heading or (SECTION_NUMBER.match(text) and not in_points)):
            kind = "heading"
        if kind is not None:
            titled = titled or kind == "title"
            blocks.append((kind, [text]))
        elif blocks:
            blocks[-1][1].append(text)
        else:
            blocks.append(("preamble", [text]))
    return blocks


def _points(lines: list[str]) -> list[str]:
    """«Цель: …» or «Цели:» and one point per paragraph, bullets and numbers dropped."""
    first = re.sub(r"^\w+\s*[:–—-]?\s*", "", lines[0], count=1)
    return [point for point in (_BULLET.sub("", line).strip() for line in [first, *lines[1:]]) if point]


def find_date(text: str) -> str | None:
    """The first date in the text as DD.MM.YYYY: «29.08.2023», «"30" августа 2020 г.»."""
    match = _DATE.search(text)
    if not match:
        return None
    day, month, year, word, word_year = match.groups()
    month_number = int(month) if month else MONTHS_GENITIVE.index(word.lower()) + 1
    return f"{int(day):02d}.{month_number:02d}.{year or word_year}"


def _keyword_rest(lines: list[str]) -> list[str]:
    rest = re.sub(r"^\w+\.?\s*:?\s*", "", lines[0], count=1)
    return [line for line in [rest, *lines[1:]] if line.strip(" _")]


def _approved(lines: list[str], front: Front) -> None:
    position: list[str] = []
    name = None
    for line in _keyword_rest(lines):
        line = fold(line.replace("_", " "))
        if "приказ" in line.lower() and _ORDER_NUMBER.search(line):
            _order(line, front)
        elif _DATE_LINE.fullmatch(line):
            front.approval.setdefault("date", find_date(line))
        elif (match := _NAME.search(line)) and name is None:
            name = " ".join(match.group(0).split())
            if line[:match.start()].strip(" ,"):
                position.append(line[:match.start()].strip(" ,"))
        elif line:
            position.append(line)
    if position:
        front.approval["approved_by"] = {"position": " ".join(position), **({"name": name} if name else {})}
    elif name:
        front.warnings.append(f"в блоке «{_quote(lines)}» не найдена должность утвердившего: блок не перенесён")


def _order(text: str, front: Front, appendix: bool = False) -> bool:
    number, date = _ORDER_NUMBER.search(text), find_date(text)
    if not number or not date:
        front.warnings.append(f"«{text}»: не найдены номер и дата приказа — приказ не перенесён")
        return False
    order: dict[str, Any] = {"number": number.group(1).rstrip("."), "date": date}
    if appendix:
        issuer = re.search(r"приказу\s+(.*?)\s*(?:№|\bот\b)", text, re.I)
        if issuer and issuer.group(1).strip(" ,"):
            order["issuer"] = issuer.group(1).strip(" ,")
        order["appendix"] = True
    front.approval["order"] = order
    return True


def _appendix(lines: list[str], front: Front) -> None:
    text = fold(" ".join(lines))
    if "приказ" in text.lower():
        _order(text, front, appendix=True)


def _considered(lines: list[str], front: Front) -> None:
    text = fold(" ".join(_keyword_rest(lines)))
    date = find_date(text)
    head = re.split(r"\s*,?\s*(?:протокол\w*\s*)?(?:№|\bот\b)", text, maxsplit=1)[0]
    body = re.sub(r"^(?:на\s+заседании|на|решением|решение)\s+", "", head, flags=re.I).strip(" ,")
    if not date or not body:
        front.warnings.append(f"в блоке «{_quote(lines)}» не найдены орган и дата: блок не перенесён")
        return
    considered: dict[str, Any] = {"body": BODIES.get(body.lower(), body)}
    protocol = _ORDER_NUMBER.search(text)
    if protocol:
        considered["protocol"] = protocol.group(1).rstrip(".")
    considered["date"] = date
    front.approval["considered"] = considered


def _time_frame(front: Front) -> None:
    """The academic year named in the title («2023-2024 учебный год», «2022/2023»), or a calendar year."""
    for match in _YEAR_SPAN.finditer(front.title):
        start, end = int(match.group(1)), int(match.group(2))
        end = end + start // 100 * 100 if end < 100 else end
        if end == start + 1:
            front.academic_year = f"{start}-{end}"
            return
    match = _CALENDAR_YEAR.search(front.title)
    if match:
        front.period = {"start": f"01.01.{match.group(1)}", "end": f"31.12.{match.group(1)}"}


def _quote(lines: list[str]) -> str:
    text = fold(" ".join(lines))
    return text if len(text) <= 60 else text[:59] + "…"
