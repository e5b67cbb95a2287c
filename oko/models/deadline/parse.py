"""Text → Deadline: the LALR parser built from grammar.lark, the pydantic field, the hint for authors."""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Annotated, Any

from lark import Lark
from lark.exceptions import LarkError, VisitError
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from oko.models.deadline import lexer as lexer_module
from oko.models.deadline.build import ImpossibleDateError, NotADeadlineError, assemble
from oko.models.deadline.forms import Forms
from oko.models.deadline.lexer import DeadlineLexer
from oko.models.deadline.model import HINTS, Deadline
from oko.models.deadline.parts import DeadlineKind
from oko.signing_key import user_cache_folder

GRAMMAR = Path(__file__).with_name("grammar.lark")


def grammar_text() -> str:
    """grammar.lark with its `_any` rule: an event's words may be any token but «до» (which ends a rule's event)."""
    grammar = GRAMMAR.read_text(encoding="utf-8")
    token_types = " ".join(re.findall(r"^%declare (.+)$", grammar, re.MULTILINE)).split()
    rules = re.sub(r"//.*", "", grammar)
    literals = sorted(set(re.findall(r'"((?:[^"\\]|\\.)+)"', rules)) - {"до"})
    any_token = " | ".join([*token_types, *(f'"{literal}"' for literal in literals)])
    return f"{grammar}\n_any: {any_token}\n"


@functools.cache
def parser(debug: bool = False) -> Lark:
    """The LALR parser, built once (debug=True logs its conflicts to the `lark` logger).

    Building its tables takes ~1.5 s, so lark keeps them in the user's cache folder (beside the build cache's
    key, never in the project): lark reuses the file only for the same grammar, options, lark and Python,
    and the name carries the lexer's code; a file it cannot read or write is simply built again."""
    return Lark(grammar_text(), parser="lalr", lexer=DeadlineLexer, propagate_positions=True, debug=debug,
                cache=False if debug else _cache_file())


def _cache_file() -> str | bool:
    home = user_cache_folder()
    lexer = hashlib.sha256(Path(lexer_module.__file__).read_bytes()).hexdigest()[:16]
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return str(home / f"deadline-parser-{lexer}.lark")


@functools.lru_cache(maxsize=4096)
def read_deadline(text: str) -> Deadline:
    """Parse one deadline text (whitespace already collapsed); raises ImpossibleDateError for a non-date.

    Cached: plans repeat their deadlines («В течение года» fills whole seeds) and a Deadline is frozen.
    """
    try:
        draft = Forms().transform(parser().parse(text))
        return Deadline(text=text, **assemble(draft, text))
    except VisitError as exc:
        if isinstance(exc.orig_exc, ImpossibleDateError):
            raise exc.orig_exc from None
        if isinstance(exc.orig_exc, NotADeadlineError):
            return Deadline(text=text, kind=DeadlineKind.FREE)
        raise
    except LarkError:
        return Deadline(text=text, kind=DeadlineKind.FREE)


def parse_deadline(value: Any) -> Any:
    """Pydantic before-validator: a string becomes a Deadline; a mapping is validated as is."""
    if isinstance(value, Deadline):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("oko_deadline", "срок пишется текстом, " + DEADLINE_HINT)
    text = re.sub(r"\s+", " ", value).strip()
    if not text:
        raise PydanticCustomError("oko_deadline", "срок пуст: впишите его или удалите строку")
    try:
        deadline = read_deadline(text)
    except ImpossibleDateError as exc:
        raise PydanticCustomError("oko_deadline", "такой даты нет: «{text}» — {why}",
                                  {"text": text, "why": str(exc)}) from None
    problem = deadline.problem()
    if problem:
        raise PydanticCustomError("oko_deadline", "«{text}»: {problem}",
                                  {"text": text, "problem": problem, "oko_hint": HINTS.get(problem, "")})
    return deadline


DEADLINE_HINT = (
    "например: «10.02.2026», «до 10.02.2026», «сентябрь – октябрь», «в течение года», "
    "«ежегодно», «перед началом процедуры»"
)

DeadlineField = Annotated[
    Deadline,
    BeforeValidator(parse_deadline),
    WithJsonSchema({"type": "string", "minLength": 1, "title": "Срок", "description": DEADLINE_HINT}),
]
