"""Where each thing the sanitizer removed stands in the Markdown source, so its Issue has a line and column."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from oko.html_elements import Element, elements
from oko.sanitize import CLEAN_CONTENT, RESOURCE_ATTRIBUTES, URL_ATTRIBUTES, Removal


def _spot(removal: Removal, written: Element) -> int:
    """Where the removal stands inside its element's start tag as written: the «<», the attribute or its value."""
    if not removal.attribute:
        return written.offset
    name = re.escape(removal.attribute)
    pattern = rf"[\s\"'/]({name})\s*=\s*[\"']?" if removal.value else rf"[\s\"'/]({name})(?=[\s=/>])"
    match = re.search(pattern, written.source, re.IGNORECASE)
    if match is None:
        return written.offset
    at_value = removal.value and removal.attribute in URL_ATTRIBUTES | RESOURCE_ATTRIBUTES
    return written.offset + (match.end() if at_value else match.start(1))


def _needles(removal: Removal) -> list[str]:
    """For markup Markdown made (no start tag in the source): the address, then the attribute as attr_list writes it."""
    found = [re.escape(removal.value)] if removal.value and removal.attribute in URL_ATTRIBUTES else []
    if removal.attribute:
        found.append(rf"(?<![\w:-]){re.escape(removal.attribute)}(?=\s*=)")  # {: onclick="…"}
    return found


def locate(removals: list[Removal], text: str) -> list[int | None]:
    """Where each removal stands in the Markdown `text` (offsets), in order.

    Raw HTML reaches the rendered fragment verbatim, so each element with a removal is matched, in order, to the
    next equal start tag written in the text; what Markdown generated is found by its address or attr_list.
    """
    written = elements(re.sub(r"\\<", "  ", text), CLEAN_CONTENT)  # «\<» is an escaped «<»: text, not a tag
    where: dict[Element, list[int]] = defaultdict(list)  # each start tag as written → its places, in order
    for index, element in enumerate(written):
        where[element].append(index)
    matched: dict[int, Element | None] = {}
    cursor = floor = 0  # the next written tag to match; where the last located removal stood
    searched_from: dict[str, int] = {}
    offsets: list[int | None] = []
    for removal in removals:
        if removal.element not in matched:
            places = where.get(removal.node, []) if removal.node else []
            at = bisect_left(places, cursor)
            index = places[at] if at < len(places) else None
            matched[removal.element] = None if index is None else written[index]
            cursor = cursor if index is None else index + 1
        element = matched[removal.element]
        offset = None if element is None else _spot(removal, element)
        for needle in [] if element else _needles(removal):
            match = re.compile(needle, re.IGNORECASE).search(text, max(searched_from.get(needle, 0), floor))
            if match:
                offset, searched_from[needle] = match.start(), match.end()
                break
        floor = max(floor, element.offset if element else offset or 0)
        offsets.append(offset)
    return offsets
