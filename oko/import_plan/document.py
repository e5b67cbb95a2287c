"""The body of a Word document as blocks in reading order: paragraphs and tables of grid-placed cells.

Merged cells are read from the XML itself, the way Word stores them: a cell spanning columns has
`w:gridSpan`, a cell merged with the one above has `w:vMerge` (without `restart`), rows may skip grid
columns (`w:gridBefore`). python-docx's own `table.rows[i].cells` repeats a merged cell's object and
hides which cell is the real one; here each cell knows its grid column, its span and, when it continues
the cell above, takes that cell's text. Text is taken from every run, also inside hyperlinks, fields,
content controls and tracked insertions, but not from tracked deletions; text boxes («надписи») become
paragraphs of their own, so an approval block kept in one is read too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from oko.import_plan.package import TRIM_HINT
from oko.spreadsheets.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, ReadError, grouped

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
P, TBL, TR, TC, R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}  # transparent containers
SKIPPED = {qn("w:del"), qn("w:moveFrom"), MC_FALLBACK, qn("w:txbxContent"), qn("w:pPr"), qn("w:rPr")}
RUN_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
            qn("w:noBreakHyphen"): "-"}
HEADING_STYLES = ("heading", "title", "заголовок", "название")
TR_PR, TC_PR, VAL = qn("w:trPr"), qn("w:tcPr"), qn("w:val")
GRID_BEFORE, GRID_SPAN, H_MERGE, V_MERGE = qn("w:gridBefore"), qn("w:gridSpan"), qn("w:hMerge"), qn("w:vMerge")


@dataclass(frozen=True)
class Paragraph:
    text: str  # as written: a line break is "\n", a tab "\t"
    heading: bool = False  # styled as a heading («Заголовок 1» …)


@dataclass(frozen=True)
class Cell:
    column: int  # 0-based grid column where the cell starts
    span: int  # grid columns it covers
    lines: tuple[str, ...]  # its non-empty paragraphs (and line breaks), whitespace folded
    continued: bool = False  # merged with the cell above (vMerge): the lines are that cell's
    nested: bool = False  # holds a table of its own

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Table:
    number: int  # 1-based among the document's tables, as a person counts them
    rows: tuple[tuple[Cell, ...], ...]

    def lines(self) -> list[str]:
        """Every line of every cell, in reading order (each merged cell once)."""
        return [line for row in self.rows for cell in row if not cell.continued for line in cell.lines]


Block = Paragraph | Table


def body_blocks(document: Document) -> list[Block]:
    """Paragraphs and tables of the document body, in order."""
    blocks: list[Block] = []
    counter = _Counter()
    for element in _children(document.element.body, (P, TBL)):
        if element.tag == P:
            blocks += [Paragraph(_text(box)) for box in _text_boxes(element)]
            blocks.append(Paragraph(_text(element), _is_heading(element, document)))
        else:
            blocks.append(_table(element, counter))
    return blocks


def fold(text: str) -> str:
    """Runs of whitespace (spaces, tabs, no-break spaces, line breaks) as one space."""
    return " ".join(text.split())


def _children(element: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children with these tags, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tags)


def _text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        if child.tag in SKIPPED:
            continue
        if child.tag == R:
            for piece in child:
                if piece.tag in RUN_TEXT:
                    parts.append(RUN_TEXT[piece.tag] or piece.text or "")
                elif piece.tag not in SKIPPED:
                    _collect(piece, parts)  # a drawing or an old-style picture: only its wrappers, no text
        else:
            _collect(child, parts)


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    found = []
    for box in paragraph.iter(qn("w:txbxContent")):
        if not any(ancestor.tag == MC_FALLBACK for ancestor in box.iterancestors()):
            found += [p for p in box.iter(P) if p.getparent() is box or p.getparent().tag in WRAPPERS]
    return found


def _is_heading(paragraph: etree._Element, document: Document) -> bool:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is None:
        return False
    try:  # the style's name, not its id: Russian Word calls «Заголовок 1» by the id «1»
        name = document.part.get_style(style.get(qn("w:val")), WD_STYLE_TYPE.PARAGRAPH).name or ""
    except (KeyError, ValueError, AttributeError):
        return False
    return name.lower().startswith(HEADING_STYLES)


class _Counter:
    """Tables, rows and cells read so far, against the limits of an import."""

    def __init__(self) -> None:
        self.tables = self.rows = self.cells = 0


def _table(element: etree._Element, counter: _Counter) -> Table:
    counter.tables += 1
    number = counter.tables
    rows: list[tuple[Cell, ...]] = []
    above: dict[int, Cell] = {}
    for tr in _children(element, (TR,)):
        counter.rows += 1
        if counter.rows > MAX_ROWS:
            raise ReadError(f"таблица {number}: в таблицах документа больше {grouped(MAX_ROWS)} строк — "
                            "предел переноса", hint=TRIM_HINT)
        row = _row(tr, above, number, len(rows) + 1, counter)
        above = {column: cell for cell in row for column in range(cell.column, cell.column + cell.span)}
        rows.append(row)
    return Table(number, tuple(rows))


def _row(tr: etree._Element, above: dict[int, Cell], number: int, row: int, counter: _Counter) -> tuple[Cell, ...]:
    column = _int_property(tr, TR_PR, GRID_BEFORE, 0)
    cells: list[Cell] = []
    for tc in _children(tr, (TC,)):
        span = max(1, _int_property(tc, TC_PR, GRID_SPAN, 1))
        if column + span > MAX_COLUMNS:
            raise ReadError(f"таблица {number}, строка {row}: больше {MAX_COLUMNS} столбцов — предел переноса",
                            hint=TRIM_HINT)
        counter.cells += 1
        if counter.cells > MAX_CELLS:
            raise ReadError(f"таблица {number}, строка {row}: в таблицах документа больше {grouped(MAX_CELLS)} "
                            "ячеек — предел переноса", hint=TRIM_HINT)
        merge = _property(tc, TC_PR, H_MERGE)
        if merge is not None and merge.get(VAL) != "restart" and cells:
            previous = cells.pop()  # the old way of merging across: the cell widens the one before it
            cells.append(Cell(previous.column, previous.span + span, previous.lines, previous.continued,
                              previous.nested))
            column += span
            continue
        merge = _property(tc, TC_PR, V_MERGE)
        origin = above.get(column) if merge is not None and merge.get(VAL) != "restart" else None
        if origin is not None:
            cells.append(Cell(column, span, origin.lines, continued=True, nested=origin.nested))
        else:
            cells.append(Cell(column, span, _cell_lines(tc), nested=any(True for _ in _children(tc, (TBL,)))))
        column += span
    return tuple(cells)


def _cell_lines(tc: etree._Element) -> tuple[str, ...]:
    lines = []
    for paragraph in _children(tc, (P,)):
        lines += [fold(line) for line in _text(paragraph).split("\n")]
    return tuple(line for line in lines if line)


def _property(element: etree._Element, holder: str, name: str) -> etree._Element | None:
    properties = element.find(holder)
    return None if properties is None else properties.find(name)


def _int_property(element: etree._Element, holder: str, name: str, default: int) -> int:
    found = _property(element, holder, name)
    value = None if found is None else found.get(VAL)
    return int(value) if value is not None and value.isdigit() and len(value) <= 6 else default
