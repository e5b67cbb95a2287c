"""The 14 «Сведения» files of a new site, written from the MR v9 table (oko/sveden_spec.py), not from the demo.

Every attribute that concerns a school is present with no value (`regDate:`) and a comment with its Russian
label and form: the model reads an empty key as «no data», the page says «сведения не заполнены», and
`check` names each key left to fill at its line (oko/kinds/sveden/rules.py, code sveden.missing).
Attributes MR restricts to higher, vocational or ДПО organisations (`school=False`) are left out.
"""

from __future__ import annotations

import json

from oko.sveden_spec import SUBSECTIONS, Attr, Subsection

COMMENT_WIDTH = 100  # a comment longer than this is cut: the form's full hint is in the schema and the handbook


def _comment(attr: Attr) -> str:
    parts = [attr.label]
    if attr.kind == "number":  # a form's number widget holds no «нет» (oko/kinds/sveden/model.py)
        parts.append("число; если нет — 0")
    elif attr.many and attr.kind != "group":  # a list, as a form holds it (oko/kinds/sveden/shapes.py)
        parts.append("списком" + ("; если нет — []" if attr.optional else ""))
    elif attr.optional:
        parts.append("если нет — «нет»")
    elif attr.many:
        parts.append("можно списком")
    if attr.note:
        parts.append(attr.note)
    text = "; ".join(parts)
    return text if len(text) <= COMMENT_WIDTH else text[:COMMENT_WIDTH - 1].rstrip() + "…"


def _lines(attributes: tuple[Attr, ...], indent: str, first: str = "") -> list[str]:
    lines: list[str] = []
    for attr in (a for a in attributes if a.school):
        lead = first if not lines and first else indent
        if attr.kind == "group":
            lines.append(f"{lead}{attr.name}:  # {_comment(attr)}")
            children = _lines(attr.children, indent + "    ", first=indent + "  - ")
            lines += children
        else:
            lines.append(f"{lead}{attr.name}:  # {_comment(attr)}")
    return lines


def sveden_file(subsection: Subsection, known: dict[str, str]) -> str:
    """`content/sveden/<file>.yaml` with every school attribute, those in `known` filled in."""
    header = [f"# {subsection.title} (приказ Рособрнадзора № 1493, {subsection.order_item}; "
              f"МР v9, таблица {subsection.mr_table}).",
              "# Впишите сведения после двоеточий. Пока поле пустое, на странице — «сведения не заполнены»,",
              "# а `oko check` называет его с номером строки. Если сведений нет, так и напишите: «нет» или",
              "# «не предусмотрено» (Разъяснения Рособрнадзора 2024, п.6)."]
    body = _lines(subsection.attributes, "")
    for index, line in enumerate(body):
        name = line.split(":", 1)[0]
        if name in known:  # a flat top-level key only: its value in JSON form is valid YAML and keeps the quotes
            body[index] = f"{name}: {json.dumps(known[name], ensure_ascii=False)}"
    return "\n".join([*header, "", *body]) + "\n"


def sveden_files(known: dict[str, str]) -> dict[str, str]:
    """Path in the project → text, for all 14 subsections."""
    return {f"content/sveden/{s.file}.yaml": sveden_file(s, known) for s in SUBSECTIONS}
