"""Raw HTML in Markdown: cleaned by nh3 (Rust's ammonia) against an allow-list that fits school content.

Content arrives by pull request and is semi-trusted, so what a body may publish is a fixed list of tags,
attributes and address kinds. Nothing is dropped silently: every element, attribute or address that the
list refuses is a `Removal` (a warning; an error when it would load something from another host), and a
final comparison of nh3's output with the expected one reports anything else nh3 took away. HTML
comments are the one deliberate exception: an editor's note is never published, and never a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import nh3

from oko.errors import Level
from oko.html_elements import Element, elements

# What a school page needs: text, headings, lists, tables, details, figures, images and links — and the
# div/span/sup/hr/ol/li with the id and class attributes that Markdown's toc, footnotes and admonition emit.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"scope", "colspan", "rowspan", "headers", "abbr"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
}
URL_ATTRIBUTES = frozenset({"href", "src"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Dropped with everything inside: their content is code, foreign markup or a form control's text.
CLEAN_CONTENT = frozenset({
    "script", "style", "svg", "math", "iframe", "frame", "object", "noscript", "noembed", "noframes", "template",
    "textarea", "select", "title", "xmp", "plaintext",
})
# Attributes that make a browser load something (HTML, SVG), on whichever tag they stand.
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
RESOURCE_HREF_TAGS = frozenset({"link", "image", "use", "feimage"})

_REASONS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"script", "noscript"}), "сайт не публикует сценарии",
     "на страницах — только текст, таблицы, картинки и ссылки; сценарии сайта живут в теме (templates/assets)"),
    (frozenset({"style", "link"}), "оформление задаёт тема сайта",
     "выделяйте текст средствами Markdown: **жирный**, *курсив*, заголовки ##"),
    (frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}),
     "сайт не встраивает другие страницы и объекты", "дайте обычную ссылку: [Название](https://адрес)"),
    (frozenset({"audio", "video", "source", "track", "picture"}), "сайт не встраивает аудио и видео",
     "положите файл в content/files и дайте на него ссылку: [Видеозапись](files/имя.mp4)"),
    (frozenset({"svg", "math", "canvas"}), "рисунок вставляется как картинка",
     "сохраните рисунок файлом в content/files и вставьте его: ![описание](files/рисунок.svg)"),
    (frozenset({"form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset",
                "legend", "output", "datalist", "meter", "progress"}), "на страницах сайта нет форм",
     "дайте ссылку на форму или адрес почты: [Написать в школу](mailto:адрес)"),
    (frozenset({"meta", "base", "title", "head", "html", "body"}), "служебную разметку страницы задаёт тема сайта",
     "уберите этот тег: заголовок страницы задаёт title в заголовочном блоке"),
)
_DEFAULT_REASON = ("такой разметки нет среди разрешённой",
                   "разрешены абзацы, заголовки, списки, таблицы, details/summary, abbr, sup/sub, figure, "
                   "картинки и ссылки")
_OTHER_HOST_WHAT = {"img": "картинка", "image": "картинка", "audio": "аудиозапись", "video": "видеозапись",
                    "source": "аудио- или видеофайл", "track": "субтитры", "iframe": "встроенная страница",
                    "frame": "встроенная страница", "embed": "встроенный объект", "object": "встроенный объект",
                    "script": "сценарий", "link": "файл оформления"}
_OTHER_HOST_HINTS = {
    "картинка": "сохраните картинку в content/files и вставьте её оттуда: ![описание](files/картинка.png)",
    "встроенная страница": "дайте обычную ссылку на страницу: [Название](https://адрес)",
}
_OTHER_HOST_HINT = "положите файл в content/files и дайте на него ссылку, или дайте ссылку на страницу с ним"
_MISPLACED_HINT = "поставьте тег на его место (ячейка <td> — в строке <tr> таблицы) или уберите его"
URL_HINT = ("ссылайтесь на страницы сайта (page:имя), на файлы (files/имя.pdf) или на адреса https://…, "
            "mailto: и tel:")


@dataclass(frozen=True)
class Removal:
    """One thing the allow-list refused: an element (attribute ""), an attribute, or an attribute's address."""

    level: Level
    message: str
    hint: str
    tag: str
    attribute: str = ""
    value: str = ""
    element: int = -1  # which element of the rendered fragment (document order), to find it in the source
    node: Element | None = field(default=None, compare=False)


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _normalised_url(value: str) -> str:
    """The address as a browser reads it: outer controls and spaces, inner tabs and newlines gone, «\\» as «/»."""
    return re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE).replace("\\", "/")


def other_host(value: str) -> str | None:
    """The host of an address that leaves this site (https://h/…, //h/…), or None for a site-relative one."""
    url = _normalised_url(value)
    try:
        parts = urlsplit(url)
    except ValueError:
        return "?"
    if parts.netloc or url.startswith("//"):
        return parts.hostname or parts.netloc or "?"
    if parts.scheme.lower() in {"http", "https"}:  # «https:host/x»: a browser on an http page reads a host
        return re.split(r"[/?#]", parts.path.lstrip("/"), maxsplit=1)[0] or "?"
    return None


def allowed_url(value: str) -> bool:
    """http(s), mailto, tel, or an address on this site (relative, «/…», «#…»)."""
    url = _normalised_url(value)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def _tag_reason(tag: str) -> tuple[str, str]:
    for tags, reason, hint in _REASONS:
        if tag in tags:
            return reason, hint
    return _DEFAULT_REASON


def _short(value: str, limit: int = 60) -> str:
    """An address as a message shows it: control characters spelled out (\\x09), long ones cut."""
    value = re.sub(r"[\x00-\x1f]", lambda m: f"\\x{ord(m.group()):02x}", value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def _resource_hosts(element: Element) -> list[tuple[str, str, str]]:
    """(attribute, value, host) for each attribute of the element that would load from another host."""
    found = []
    for name, value in element.attributes:
        if name in RESOURCE_ATTRIBUTES or (name in {"href", "xlink:href"} and element.tag in RESOURCE_HREF_TAGS):
            candidates = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            host = next((h for h in map(other_host, candidates) if h), None)
            if host:
                found.append((name, value, host))
    return found


def _other_host_removal(element: Element, name: str, value: str, host: str) -> Removal:
    what = _OTHER_HOST_WHAT.get(element.tag, "файл")
    return Removal("error", f"{what} с другого сайта ({host}) не публикуется: сайт ничего не загружает "
                   "с других адресов", _OTHER_HOST_HINTS.get(what, _OTHER_HOST_HINT), element.tag, name, value)


def _attribute_removal(tag: str, name: str, value: str) -> Removal | None:
    if name in GENERIC_ATTRIBUTES or name in ATTRIBUTES.get(tag, ()):
        if name in URL_ATTRIBUTES and not allowed_url(value):
            return Removal("warning", f"адрес «{_short(value)}» у тега <{tag}> удалён: разрешены только "
                           "http(s), mailto, tel и адреса на этом сайте", URL_HINT, tag, name, value)
        return None
    if name.startswith("on"):
        return Removal("warning", f"атрибут {name} у тега <{tag}> удалён: сайт не публикует сценарии",
                       _REASONS[0][2], tag, name, value)
    if name == "style":
        return Removal("warning", f"атрибут style у тега <{tag}> удалён: оформление задаёт тема сайта",
                       _REASONS[1][2], tag, name, value)
    allowed = ", ".join(sorted(GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())))
    return Removal("warning", f"атрибут {name} у тега <{tag}> удалён: такой атрибут не публикуется",
                   f"у тега <{tag}> разрешены атрибуты: {allowed}", tag, name, value)


def review(found: list[Element]) -> tuple[list[Removal], Counter[tuple[str, str, str]]]:
    """What the allow-list refuses, in document order, and what must survive: (tag, "", "") and (tag, attr, value)."""
    removals: list[Removal] = []
    kept: Counter[tuple[str, str, str]] = Counter()
    for index, element in enumerate(found):
        external = [_other_host_removal(element, *found_host) for found_host in _resource_hosts(element)]
        if element.tag not in TAGS:
            reason, hint = _tag_reason(element.tag)
            refused = external or [Removal("warning", f"тег <{element.tag}> удалён: {reason}", hint, element.tag)]
        else:
            refused = list(external)
            kept[(element.tag, "", "")] += 1
            loading = {removal.attribute for removal in external}
            for name, value in element.attributes:
                removal = None if name in loading else _attribute_removal(element.tag, name, value)
                if removal is not None:
                    refused.append(removal)
                elif name not in loading:
                    kept[(element.tag, name, value)] += 1
        removals += [replace(removal, element=index, node=element) for removal in refused]
    return removals, kept


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's last word on an allowed attribute: an image from another host goes (its error is reported)."""
    if name == "src" and other_host(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(CLEAN_CONTENT),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
    attribute_filter=_keep_attribute,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,  # links keep what the author wrote; the site has no user-generated comments to guard
    strip_comments=True,
)


def sanitize(html: str, skip_urls: Iterable[str] = ()) -> tuple[str, list[Removal]]:
    """The cleaned fragment and every removal in document order; `skip_urls` were reported already (broken links)."""
    found = elements(html, CLEAN_CONTENT)
    removals, kept = review(found)
    skipped = set(skip_urls)
    removals = [r for r in removals if not (r.attribute in URL_ATTRIBUTES and r.value in skipped)]
    cleaned = _CLEANER.clean(html)
    survived: Counter[tuple[str, str, str]] = Counter()
    for element in elements(cleaned, CLEAN_CONTENT):
        survived[(element.tag, "", "")] += 1
        survived.update((element.tag, name, value) for name, value in element.attributes)
    removals += _unexpected(found, kept - survived)
    return cleaned, sorted(removals, key=lambda removal: removal.element)


def _unexpected(found: list[Element], missing: Counter[tuple[str, str, str]]) -> list[Removal]:
    """What nh3 dropped beyond the allow-list (an HTML parser's repair, e.g. a <td> outside a table), as removals.

    Which of several equal elements went is unknown: the first ones are named.
    """
    removals = []
    for index, element in enumerate(found):
        gone = False  # the element itself: its attributes went with it
        for name, value in [("", ""), *element.attributes]:
            key = (element.tag, name, value)
            if missing[key] <= 0:
                continue
            missing[key] -= 1
            if not gone:
                what = f"атрибут {name} у тега <{element.tag}>" if name else f"тег <{element.tag}>"
                removals.append(Removal("warning", f"{what} удалён при разборе разметки: он стоит там, где его "
                                        "не бывает", _MISPLACED_HINT, element.tag, name, value, index, element))
            gone = gone or not name
    return removals
