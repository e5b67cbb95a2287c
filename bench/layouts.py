"""The same synthetic pages in each tool's own project layout (Око, Hugo, MkDocs-Material, the lean floor).

Every layout is the smallest project the tool accepts, plus what the comparison needs: Hugo gets a
minimal theme of three templates (it renders nothing without layouts); MkDocs gets navigation.prune and
its pages in sections of 50 (docs/pages/razdel-NN/), the way a big MkDocs site is organised: every
page carries the menu, and with all pages in one section that menu lists all N of them, so the output
grows as N² (1,000 pages gave 319 MB, 326 KB a page, and a 60 s build here); with sections, prune keeps
only the page's own section in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.synthetic import Page, section_of

SITE_TITLE = "Замер скорости"
HOME_TEXT = "Страницы для замера скорости сборки.\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _front(title: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"


def page_text(page: Page, body: str | None = None) -> str:
    """The page's file as every layout writes it: front matter with the title, then the body."""
    return _front(page.title) + (page.body if body is None else body)


# Око: tests/test_errors.py's minimal project. Pages take only title/description/menu/menu_title in
# front matter today: `date:` or `tags:` are refused (unknown key), so the corpus carries neither.
OKO_CONFIG = f'title: "{SITE_TITLE}"\norganisation: bench-school\n'
OKO_ORGANISATION = 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\nkind: school\n'


def write_oko(root: Path, pages: list[Page]) -> None:
    _write(root / "site_config.yaml", OKO_CONFIG)
    _write(root / "content" / "organisations" / "bench-school.yaml", OKO_ORGANISATION)
    _write(root / "content" / "pages" / "index.md", _front("Главная") + HOME_TEXT)
    for page in pages:
        _write(oko_page(root, page.slug), page_text(page))


def oko_page(root: Path, slug: str) -> Path:
    return root / "content" / "pages" / f"{slug}.md"


HUGO_CONFIG = f"""\
baseURL = "https://bench.example/"
languageCode = "ru"
title = "{SITE_TITLE}"
disableKinds = ["taxonomy", "term"]
"""
HUGO_BASEOF = """\
<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>{{ .Title }} — {{ site.Title }}</title></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body>
</html>
"""
HUGO_SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n'
HUGO_LIST = ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}'
             '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')


def write_hugo(root: Path, pages: list[Page]) -> None:
    _write(root / "hugo.toml", HUGO_CONFIG)
    _write(root / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
    _write(root / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    _write(root / "layouts" / "_default" / "list.html", HUGO_LIST)
    _write(root / "content" / "_index.md", _front("Главная") + HOME_TEXT)
    _write(root / "content" / "pages" / "_index.md", _front("Страницы"))
    for page in pages:
        _write(hugo_page(root, page.slug), page_text(page))


def hugo_page(root: Path, slug: str) -> Path:
    return root / "content" / "pages" / f"{slug}.md"


MKDOCS_CONFIG = f"""\
site_name: "{SITE_TITLE}"
docs_dir: docs
theme:
  name: material
  language: ru
  features:
    - navigation.prune
markdown_extensions:
  - tables
"""


def write_mkdocs(root: Path, pages: list[Page]) -> None:
    _write(root / "mkdocs.yml", MKDOCS_CONFIG)
    _write(root / "docs" / "index.md", _front("Главная") + HOME_TEXT)
    for page in pages:
        _write(mkdocs_page(root, page.slug), page_text(page))


def mkdocs_page(root: Path, slug: str) -> Path:
    return root / "docs" / "pages" / section_of(slug) / f"{slug}.md"


def mkdocs_url(slug: str) -> str:
    return f"/pages/{section_of(slug)}/{slug}/"


def write_lean(root: Path, pages: list[Page]) -> None:
    _write(root / "pages" / "index.md", _front("Главная") + HOME_TEXT)
    for page in pages:
        _write(lean_page(root, page.slug), page_text(page))


def lean_page(root: Path, slug: str) -> Path:
    return root / "pages" / f"{slug}.md"
