"""YAML text exactly as the forms (Sveltia CMS) write it, so that a form save changes only the lines edited.

Sveltia CMS 0.221.1 saves a content file with the `yaml` library 2.9.1:
`stringify(data, null, {indent: 2, indentSeq: true, lineWidth: 0, defaultKeyType: 'PLAIN',
defaultStringType: 'PLAIN', singleQuote: true})`, trimmed, plus a newline
(src/lib/services/contents/file/format.js). This module is a port of the parts of that library's
stringifier that plain data reaches (maps, lists, strings, numbers, booleans, null; no comments,
anchors or tags), checked against the library itself in tests/test_yaml_emit.py. The data arrives as a
JavaScript object would hold it: keys are strings, and integer-like keys come first, in numeric order.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any

INDENT_STEP = "  "

# Plain scalars that the YAML 1.2 core schema would read as something other than a string
# (yaml/dist/schema/core/*.js: null, bool, int, octal, hex, float, exponent, nan/inf).
_CORE_NON_STRINGS = [re.compile(pattern) for pattern in (
    r"^(?:~|[Nn]ull|NULL)?\Z",
    r"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)\Z",
    r"^0o[0-7]+\Z",
    r"^[-+]?[0-9]+\Z",
    r"^0x[0-9a-fA-F]+\Z",
    r"^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)\Z",
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+\Z",
    r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)\Z",
)]
_NOT_PLAIN = re.compile(r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
# JavaScript's multiline `^` also matches after \r, U+2028 and U+2029.
_DOCUMENT_MARKER = re.compile("(?:^|(?<=[\n\r\u2028\u2029]))(%|---|\\.\\.\\.)")
# String.prototype.trim(): JavaScript's white space and line terminators (not Python's str.strip set).
JS_SPACE = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
             "\u2028\u2029\u202f\u205f\u3000\ufeff")
_FORCE_DOUBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_ARRAY_INDEX = re.compile(r"^(?:0|[1-9][0-9]*)\Z")
_JSON_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N", "00a0": "\\_",
                 "2028": "\\L", "2029": "\\P"}
_DOUBLE_QUOTED_MIN_MULTILINE = 40


def dump(data: dict[str, Any]) -> str:
    """The whole file as the forms write it: the document, trimmed, with one final newline."""
    return _node(data, indent="", implicit_key=False).strip(JS_SPACE) + "\n"


def js_keys(mapping: dict[Any, Any]) -> list[tuple[str, Any]]:
    """A JavaScript object's own keys in its order: integer-like keys first, ascending, then the rest."""
    pairs = [(str(key).lower() if isinstance(key, bool) else str(key), value) for key, value in mapping.items()]
    indices = sorted((pair for pair in pairs if _ARRAY_INDEX.match(pair[0]) and int(pair[0]) < 2**32 - 1),
                     key=lambda pair: int(pair[0]))
    return indices + [pair for pair in pairs if pair not in indices]


def _node(value: Any, indent: str, implicit_key: bool) -> str:
    if isinstance(value, dict):
        return _mapping(value, indent)
    if isinstance(value, list | tuple):
        return _sequence(list(value), indent)
    return _scalar(value, indent, implicit_key)


def _scalar(value: Any, indent: str, implicit_key: bool) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    return _string(str(value), indent, implicit_key)


def _number(value: float) -> str:
    """JavaScript's Number → string (ECMA-262 Number::toString), as stringifyNumber.js writes numbers."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    # The shortest round-trip digits (Python's repr finds the same ones), placed as JavaScript places them.
    _sign, digit_tuple, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    point = len(digits) + int(exponent)  # the decimal point's position counted from the first digit
    prefix = "-" if value < 0 else ""
    if len(digits) <= point <= 21:
        return prefix + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return prefix + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return prefix + "0." + "0" * -point + digits
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{prefix}{mantissa}e{'+' if point - 1 >= 0 else '-'}{abs(point - 1)}"


def _mapping(mapping: dict[Any, Any], indent: str) -> str:
    pairs = js_keys(mapping)
    if not pairs:
        return "{}"
    lines = [_pair(key, value, indent) for key, value in pairs]
    return _join(lines, indent)


def _sequence(items: list[Any], indent: str) -> str:
    if not items:
        return "[]"
    item_indent = indent + INDENT_STEP
    lines = ["- " + _node(item, item_indent, implicit_key=False) for item in items]
    return _join(lines, indent)


def _join(lines: list[str], indent: str) -> str:
    return lines[0] + "".join(f"\n{indent}{line}" if line else "\n" for line in lines[1:])


def _pair(key: str, value: Any, indent: str) -> str:
    """`key: value` (stringifyPair.js); a key longer than 1024 characters becomes an explicit `? key`.

    Null values are nodes once the library has made the document, so its all-null-map form never occurs.
    """
    inner = indent + INDENT_STEP
    key_text = _string(key, inner, implicit_key=True)
    text = _node(value, inner, implicit_key=False)
    if len(key_text) > 1024:
        return f"? {key_text}\n{indent}:" + ("" if text == "" or text.startswith("\n") else " ") + text
    if isinstance(value, dict | list | tuple) and len(value) > 0:
        return f"{key_text}:\n{inner}{text}"
    return f"{key_text}:" + ("" if text == "" or text.startswith("\n") else " ") + text


def _string(value: str, indent: str, implicit_key: bool) -> str:
    if _FORCE_DOUBLE.search(value):
        return _double_quoted(value, indent, implicit_key)
    return _plain(value, indent, implicit_key)


def _plain(value: str, indent: str, implicit_key: bool) -> str:
    """plainString(): plain when it reads back as the same string, else quoted or a literal block."""
    if implicit_key and "\n" in value:
        return _quoted(value, indent, implicit_key)
    if _NOT_PLAIN.search(value):
        if implicit_key or "\n" not in value:
            return _quoted(value, indent, implicit_key)
        return _block(value, indent, implicit_key)
    if not implicit_key and "\n" in value:
        return _block(value, indent, implicit_key)
    if _DOCUMENT_MARKER.search(value):
        if indent == "":
            return _block(value, indent, implicit_key, force_indent=True)
        if implicit_key and indent == INDENT_STEP:
            return _quoted(value, indent, implicit_key)
    text = re.sub(r"\n+", lambda match: f"{match.group(0)}\n{indent}", value)
    if any(pattern.search(text) for pattern in _CORE_NON_STRINGS):
        return _quoted(value, indent, implicit_key)
    return text


def _quoted(value: str, indent: str, implicit_key: bool) -> str:
    """quotedString() with singleQuote: true — single quotes unless the text holds ' and not "."""
    if "'" in value and '"' not in value:
        return _double_quoted(value, indent, implicit_key)
    return _single_quoted(value, indent, implicit_key)


def _single_quoted(value: str, indent: str, implicit_key: bool) -> str:
    if (implicit_key and "\n" in value) or re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, indent, implicit_key)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    return "'" + re.sub(r"\n+", lambda match: f"{match.group(0)}\n{indent}", value.replace("'", "''")) + "'"


def _double_quoted(value: str, indent: str, implicit_key: bool) -> str:
    """doubleQuotedString(): JSON's escapes, YAML's short forms, and line breaks written as folded lines."""
    text = json.dumps(value, ensure_ascii=False)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    out, start, i = "", 0, 0
    while i < len(text):
        ch = text[i]
        if ch == " " and text[i + 1:i + 3] == "\\n":
            out += text[start:i] + "\\ "
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = text[i + 1] if i + 1 < len(text) else ""
            if following == "u":
                out += text[start:i]
                code = text[i + 2:i + 6]
                out += _JSON_ESCAPES.get(code, "\\x" + code[2:] if code.startswith("00") else text[i:i + 6])
                i += 5
                start = i + 1
            elif following == "n":
                if implicit_key or text[i + 2:i + 3] == '"' or len(text) < _DOUBLE_QUOTED_MIN_MULTILINE:
                    i += 1
                else:
                    out += text[start:i] + "\n\n"
                    while text[i + 2:i + 4] == "\\n" and text[i + 4:i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if text[i + 2:i + 3] == " ":
                        out += "\\"
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    return out + text[start:] if start else text


def _block(value: str, indent: str, implicit_key: bool, force_indent: bool = False) -> str:
    """blockString() with lineWidth 0: a literal block (`|`), its chomping read from the text's end."""
    if re.search(r"\n[\t ]+\Z", value):
        return _quoted(value, indent, implicit_key)
    indent = indent or ("  " if force_indent or _DOCUMENT_MARKER.search(value) else "")
    if not value:
        return "|\n"
    end_start = len(value)
    while end_start > 0 and value[end_start - 1] in "\n\t ":
        end_start -= 1
    end = value[end_start:]
    newline_at = end.find("\n")
    if newline_at == -1:
        chomp = "-"
    elif value == end or newline_at != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    if end:
        value = value[: -len(end)]
        if end.endswith("\n"):
            end = end[:-1]
        end = re.sub(r"(^|(?<!\n))\n+(?!\n|\Z)", lambda match: f"{match.group(0)}{indent}", end)
    starts_with_space, start_end, start_newline = False, 0, -1
    while start_end < len(value):
        ch = value[start_end]
        if ch == " ":
            starts_with_space = True
        elif ch == "\n":
            start_newline = start_end
        else:
            break
        start_end += 1
    start = value[: start_newline + 1 if start_newline < start_end else start_end]
    if start:
        value = value[len(start):]
        start = re.sub(r"\n+", lambda match: f"{match.group(0)}{indent}", start)
    header = ("2" if indent else "1") if starts_with_space else ""
    value = re.sub(r"\n+", lambda match: f"{match.group(0)}{indent}", value)
    return f"|{header}{chomp}\n{indent}{start}{value}{end}"
