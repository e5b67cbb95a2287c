"""Tables a form can hold: a file writes rows (`- {mark: 5, count: 7}`), the model holds the map ({5: 7}).

Maps keyed by mark or score ({5: 7}) came back from a form save as lists with nulls — a form cannot hold a
map with numbers for keys (issue «lossless editing through the forms») — so a file writes each table as a
list of rows. The model keeps the maps every computation reads (figures, analytics, suppression,
template), so only the file's shape changed. A file still in the old shape loads (everything else in it is
still checked) and the rule `results.shape` (oko/kinds/results/shapes.py) reports it with its new form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from oko.source_doc import DataPath


class Rows:
    """`Annotated[dict[int, Count], Rows(MarkCount, ("mark",), "count")]`: rows in a file, a map in the model.

    With two keys (a cross-table: journal mark × mark) the map is nested: {5: {4: 3}}.
    """

    def __init__(self, row: type[BaseModel], keys: tuple[str, ...], value: str, what: str) -> None:
        self.row, self.keys, self.value, self.what = row, keys, value, what

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        rows = handler.generate_schema(list[self.row])  # type: ignore[name-defined]
        return core_schema.no_info_before_validator_function(
            self.rows_of,
            core_schema.chain_schema([rows, core_schema.no_info_plain_validator_function(self._to_map)]),
            serialization=core_schema.plain_serializer_function_ser_schema(self.rows_of),
        )

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        return handler(schema)

    def rows_of(self, value: Any) -> Any:
        """A map ({5: 7}, or {5: {4: 3}} with two keys) as its rows; anything else as it is."""
        if not isinstance(value, dict):
            return value
        return [dict(zip((*self.keys, self.value), flat, strict=True)) for flat in _flat(value, len(self.keys))]

    def _to_map(self, rows: list[BaseModel]) -> dict[Any, Any]:
        table: dict[Any, Any] = {}
        for row in rows:
            *keys, last = (getattr(row, key) for key in self.keys)
            node = table
            for key in keys:
                node = node.setdefault(key, {})
            if last in node:
                shown = ", ".join(f"{key}: {getattr(row, key)}" for key in self.keys)
                raise PydanticCustomError("oko_rows", "{what}: строка «{shown}» записана дважды",
                                          {"what": self.what, "shown": shown})
            node[last] = getattr(row, self.value)
        return table


def _flat(value: Any, depth: int) -> Iterator[tuple[Any, ...]]:
    for key, item in value.items():
        if depth > 1 and isinstance(item, dict):
            yield from ((key, *rest) for rest in _flat(item, depth - 1))
        else:
            yield key, item


def row_path(data: Any, path: DataPath, tables: dict[tuple[str, ...], tuple[str, ...]]) -> DataPath:
    """A path into the model's maps (("groups", 0, "scores", 11)) as the path of that row in the file's data
    (("groups", 0, "scores", 12)): a problem found in the maps is shown at its row. `tables` names each
    table by its place, an index written as "*" (("groups", "*", "scores"): ("score",))."""
    located: list[str | int] = []
    node = data
    parts = list(path)
    while parts:
        part = parts.pop(0)
        located.append(part)
        node = node[part] if _has(node, part) else None
        keys = tables.get(tuple("*" if isinstance(step, int) else step for step in located))
        if keys and isinstance(node, list) and parts:
            wanted = dict(zip(keys, parts, strict=False))
            del parts[:len(wanted)]
            index = next((i for i, row in enumerate(node) if isinstance(row, dict)
                          and all(str(row.get(key)) == str(key_value) for key, key_value in wanted.items())), None)
            if index is None:
                break
            located.append(index)
            node = node[index]
    return tuple(located)


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
