"""YAML syntax errors in Russian: PyYAML's English problem → what is wrong and how to fix it, at its position."""

from __future__ import annotations

import re

import yaml

from oko.errors import Issue
from oko.source_doc import Position, SourceDoc

_END_OF_FILE = ("файл закончился раньше, чем закрылась кавычка или скобка",
                "проверьте парные кавычки и скобки")
# PyYAML's problem texts (regular expressions) → what to tell a person.
SYNTAX_MESSAGES = (
    (r"mapping values are not allowed", "двоеточие в неожиданном месте",
     "если текст содержит «: », заключите всё значение в кавычки"),
    (r"could not find expected ':'", "ожидалась запись вида «ключ: значение»",
     "проверьте двоеточие после ключа и отступ строки"),
    (r"did not find expected key", "неверный отступ: здесь ожидался ключ",
     "ключи одного уровня должны начинаться с одного и того же столбца"),
    (r"did not find expected '-' indicator", "неверный отступ элемента списка",
     "элементы одного списка начинаются с «- » в одном и том же столбце"),
    (r"expected <block end>", "неверный отступ",
     "ключи и элементы одного уровня должны начинаться с одного и того же столбца"),
    (r"(?:found|got) (?:unexpected end of stream|'<stream end>')", *_END_OF_FILE),
    (r"found unknown escape character", "недопустимая последовательность с «\\» в тексте в двойных кавычках",
     "используйте одинарные кавычки или удвойте обратную косую черту"),
    (r"found undefined alias", "ссылка «*…» на неизвестную метку", "уберите «*» или объявите метку «&…»"),
    (r"found character .* that cannot start any token", "символ, с которого не может начинаться значение",
     "заключите значение в кавычки"),
    (r"found duplicate anchor", "метка «&…» объявлена дважды", "переименуйте одну из меток"),
    (r"expected a comment or a line break", "лишний текст после значения",
     "если значение в кавычках, весь текст должен быть внутри них"),
    (r"unacceptable character|special characters are not allowed", "недопустимый управляющий символ",
     "удалите невидимый символ"),
    (r"expected alphabetic or numeric character", "после «&» или «*» должно идти имя метки",
     "если «&» или «*» — часть текста, заключите значение в кавычки"),
    (r"expected chomping or indentation indicators", "после «|» или «>» в этой строке ничего не должно быть",
     "многострочный текст начинается со следующей строки; или заключите значение в кавычки"),
    (r"expected the node content", "пропущено значение (например, лишняя запятая или «-» без текста)",
     "проверьте запятые и скобки в этой строке"),
    (r"sequence entries are not allowed here", "элемент списка «- » в неожиданном месте",
     "список начинается с новой строки после «ключ:», с отступом"),
    (r"mapping keys are not allowed here", "ключ в неожиданном месте", "проверьте отступ и двоеточия"),
    (r"expected '<document start>'", "лишний текст после конца YAML-документа", "проверьте отступы"),
    (r"expected URI|expected tag handle|while scanning a tag", "неверный тег «!…»",
     "уберите «!» или заключите значение в кавычки"),
    (r"while scanning a directive|found unexpected ':'", "неожиданный символ «%» или «:»",
     "заключите значение в кавычки"),
)
GENERIC_SYNTAX_MESSAGE = ("ошибка синтаксиса YAML", "проверьте отступы, двоеточия, кавычки и скобки в этой строке")


def syntax_issue(doc: SourceDoc, exc: yaml.MarkedYAMLError, line_offset: int) -> Issue:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    message, hint = next(((ru, ru_hint) for needle, ru, ru_hint in SYNTAX_MESSAGES if re.search(needle, problem)),
                         GENERIC_SYNTAX_MESSAGE)
    # An unclosed quote or bracket is found at the end of the file; point where it was opened.
    mark = exc.context_mark if (message, hint) == _END_OF_FILE and exc.context_mark else exc.problem_mark
    mark = mark or exc.context_mark
    where = Position(mark.line + 1 + line_offset, mark.column + 1) if mark else Position(1 + line_offset, 1)
    return doc.issue(message, hint=hint, at=where)
