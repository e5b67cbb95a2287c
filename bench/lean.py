#!/usr/bin/env python3
"""The lean Python floor: Markdown + one jinja2 template in 2 processes, the least any Python SSG spends.

`python bench/lean.py SRC OUT`: SRC/pages/*.md (front matter with a title) → OUT/pages/<slug>/index.html
(index.md → OUT/index.html). A page is rendered again only when its source is newer than its output
(a rebuild with nothing changed only looks at file times). No navigation, search or checks.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import jinja2
import markdown

TEMPLATE = jinja2.Template(
    "<!doctype html>\n<html lang=\"ru\">\n<head><meta charset=\"utf-8\"><title>{{ title }}</title></head>\n"
    "<body><main><h1>{{ title }}</h1>\n{{ body }}</main></body>\n</html>\n", autoescape=True)


def target(out: Path, source: Path) -> Path:
    return out / "index.html" if source.stem == "index" else out / "pages" / source.stem / "index.html"


def split_front_matter(text: str) -> tuple[str, str]:
    """The title line of `---`-fenced front matter and the Markdown after it."""
    _, front, body = text.split("---\n", 2)
    title = next(line.partition(":")[2].strip().strip('"') for line in front.splitlines()
                 if line.startswith("title:"))
    return title, body


def render(jobs: list[tuple[Path, Path]]) -> None:
    md = markdown.Markdown(extensions=["tables"])
    for source, output in jobs:
        title, body = split_front_matter(source.read_text(encoding="utf-8"))
        html = TEMPLATE.render(title=title, body=jinja2.filters.Markup(md.reset().convert(body)))
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8")


def stale(src: Path, out: Path) -> list[tuple[Path, Path]]:
    jobs = []
    for source in sorted((src / "pages").glob("*.md")):
        output = target(out, source)
        if not output.exists() or output.stat().st_mtime < source.stat().st_mtime:
            jobs.append((source, output))
    return jobs


def main(src: Path, out: Path) -> int:
    jobs = stale(src, out)
    half = len(jobs) // 2
    if half < 50:  # a process is not worth starting for a few pages
        render(jobs)
        return 0
    worker = multiprocessing.get_context("fork").Process(target=render, args=(jobs[:half],))
    worker.start()
    render(jobs[half:])
    worker.join()
    return worker.exitcode or 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
