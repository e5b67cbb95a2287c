"""Raw HTML in Markdown and the Content-Security-Policy: what a pull request can plant in a page body.

Every payload is planted in a scratch project's page and must come back as the exact located issue (a warning
when the markup is removed, an error when it would load something from another host) and be absent from the
published page; legitimate rich content must survive unchanged. The browser side (that nothing runs, that no
request leaves 127.0.0.1) is tests/test_security_browser.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from oko.errors import Issue
from oko.pipeline import generate
from oko.render import CONTENT_SECURITY_POLICY, content_security_policy, render_markdown, script_hash
from oko.sanitize import allowed_url, other_host, sanitize
from tests.test_errors import INDEX_FILE, write_project

ROOT = Path(__file__).resolve().parent.parent
FRONT = '---\ntitle: "Главная"\n---\n'  # the body starts on line 4
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16  # a local image the pages may show

SCRIPTS = "на страницах — только текст, таблицы, картинки и ссылки; сценарии сайта живут в теме (templates/assets)"
URL_MESSAGE = "адрес «{}» у тега <a> удалён: разрешены только http(s), mailto, tel и адреса на этом сайте"


def build(tmp_path: Path, body: str) -> tuple[list[Issue], dict[str, bytes]]:
    root = write_project(tmp_path / "project", {INDEX_FILE: FRONT + body, "content/files/photo.png": PHOTO})
    result = generate(root)
    return [i for i in result.issues if i.file == INDEX_FILE], result.files


def located(issues: list[Issue]) -> list[tuple[str, int | None, int | None, str]]:
    return [(i.level, i.line, i.column, i.message) for i in issues]


# ------------------------------------------------------------------ removed markup: a located warning

# (body, the warnings it gives (line, column, message), text that must not reach the page)
REMOVED = {
    "script": ("<script>window.__pwned = 1</script>",
               [(4, 1, "тег <script> удалён: сайт не публикует сценарии")], ["__pwned", "<script>window"]),
    "script-uppercase": ("Текст <SCRIPT>window.__pwned = 1</SCRIPT>",
                         [(4, 7, "тег <script> удалён: сайт не публикует сценарии")], ["__pwned"]),
    "on-attribute": ('<img src="files/photo.png" alt="" onerror="window.__pwned = 1">',
                     [(4, 35, "атрибут onerror у тега <img> удалён: сайт не публикует сценарии")],
                     ["onerror", "__pwned"]),
    "iframe-srcdoc": ('<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
                      [(4, 1, "тег <iframe> удалён: сайт не встраивает другие страницы и объекты")],
                      ["<iframe", "srcdoc", "__pwned"]),
    "svg-onload": ('<svg onload="window.__pwned = 1"><circle r="4"/></svg>',
                   [(4, 1, "тег <svg> удалён: рисунок вставляется как картинка")], ["<svg", "onload", "__pwned"]),
    "details-ontoggle": ('<details open ontoggle="window.__pwned = 1"><summary>Итоги</summary>Текст</details>',
                         [(4, 15, "атрибут ontoggle у тега <details> удалён: сайт не публикует сценарии")],
                         ["ontoggle", "__pwned"]),
    "javascript-href": ('<a href="javascript:window.__pwned = 1">ссылка</a>',
                        [(4, 10, URL_MESSAGE.format("javascript:window.__pwned = 1"))], ["javascript:", "__pwned"]),
    "javascript-href-entity": ('<a href="jav&#x09;ascript:window.__pwned = 1">ссылка</a>',
                               [(4, 10, URL_MESSAGE.format("jav\\x09ascript:window.__pwned = 1"))],
                               ["ascript:", "__pwned"]),
    "attr-list": ('Абзац\n{: onclick="window.__pwned = 1" }',
                  [(5, 4, "атрибут onclick у тега <p> удалён: сайт не публикует сценарии")], ["onclick", "__pwned"]),
    "style-attribute": ('<p style="background: url(https://tracker.example/p.png)">Текст</p>',
                        [(4, 4, "атрибут style у тега <p> удалён: оформление задаёт тема сайта")],
                        ["tracker.example", "style="]),
    "form": ('<form action="https://evil.example/"><button>Отправить</button></form>',
             [(4, 1, "тег <form> удалён: на страницах сайта нет форм"),
              (4, 38, "тег <button> удалён: на страницах сайта нет форм")], ["evil.example", "<form", "<button"]),
    "base": ('<base href="https://evil.example/">',
             [(4, 1, "тег <base> удалён: служебную разметку страницы задаёт тема сайта")], ["evil.example"]),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://evil.example/">',
                     [(4, 1, "тег <meta> удалён: служебную разметку страницы задаёт тема сайта")],
                     ["evil.example", "refresh"]),
    "noscript-mxss": ('<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
                      [(4, 1, "тег <noscript> удалён: сайт не публикует сценарии")], ["onerror", "__pwned"]),
    "ping": ('<a href="https://edu.gov.ru/" ping="https://tracker.example/">Минпросвещения</a>',
             [(4, 31, "атрибут ping у тега <a> удалён: такой атрибут не публикуется")], ["tracker.example"]),
    "misplaced-cell": ("Текст <td>ячейка</td>",
                       [(4, 7, "тег <td> удалён при разборе разметки: он стоит там, где его не бывает")], ["<td>"]),
}


@pytest.mark.parametrize("name", REMOVED)
def test_removed_markup_is_a_located_warning_and_absent_from_the_page(tmp_path: Path, name: str) -> None:
    body, expected, absent = REMOVED[name]
    issues, files = build(tmp_path, body + "\n")
    assert located(issues) == [("warning", line, column, message) for line, column, message in expected]
    page = files["index.html"].decode("utf-8")
    main = page[page.index("<main"):page.index("</main>")]
    for text in absent:
        assert text not in main, f"«{text}» reached the page:\n{main}"


def test_a_removal_names_its_hint_and_the_allowed_attributes(tmp_path: Path) -> None:
    issues, _ = build(tmp_path, '<script>x</script>\n\n<td>—</td>\n\n<table><tr><td nowrap>1</td></tr></table>\n')
    assert [i.hint for i in issues] == [
        SCRIPTS,
        "поставьте тег на его место (ячейка <td> — в строке <tr> таблицы) или уберите его",
        "у тега <td> разрешены атрибуты: class, colspan, dir, headers, id, lang, rowspan, title",
    ]
    assert [i.code for i in issues] == ["markdown.html"] * 3
    assert issues[-1].snippet == "<table><tr><td nowrap>1</td></tr></table>"


def test_several_removals_on_one_line_each_have_their_column(tmp_path: Path) -> None:
    body = 'А <b onclick="x">б</b> и <i onmouseover="y">в</i>, снова <b onclick="x">г</b>\n'
    issues, _ = build(tmp_path, body)
    assert located(issues) == [
        ("warning", 4, 6, "атрибут onclick у тега <b> удалён: сайт не публикует сценарии"),
        ("warning", 4, 29, "атрибут onmouseover у тега <i> удалён: сайт не публикует сценарии"),
        ("warning", 4, 61, "атрибут onclick у тега <b> удалён: сайт не публикует сценарии"),
    ]


def test_markup_shown_as_code_or_escaped_is_text_and_not_reported(tmp_path: Path) -> None:
    body = "Пример: `<script>x</script>` и \\<script> словами.\n\n```\n<svg onload=x>\n```\n\n<script>y</script>\n"
    issues, files = build(tmp_path, body)
    assert located(issues) == [("warning", 10, 1, "тег <script> удалён: сайт не публикует сценарии")]
    assert "&lt;script&gt;x&lt;/script&gt;" in files["index.html"].decode("utf-8")


def test_html_comments_are_not_published_and_not_reported(tmp_path: Path) -> None:
    issues, files = build(tmp_path, "Текст <!-- черновик: позвонить директору --> дальше.\n")
    assert issues == []
    assert "черновик" not in files["index.html"].decode("utf-8")


# ------------------------------------------------------------------ another host: an error, nothing is built

IMAGE_HINT = "сохраните картинку в content/files и вставьте её оттуда: ![описание](files/картинка.png)"
FILE_HINT = "положите файл в content/files и дайте на него ссылку, или дайте ссылку на страницу с ним"
FRAME_HINT = "дайте обычную ссылку на страницу: [Название](https://адрес)"
NO_LOAD = "не публикуется: сайт ничего не загружает с других адресов"

# (body, [(line, column, message, hint)]); every URL points at cdn.example or video.example
OTHER_HOST = {
    "markdown-image": ("![схема](https://cdn.example/x.png)",
                       [(4, 10, f"картинка с другого сайта (cdn.example) {NO_LOAD}", IMAGE_HINT)]),
    "raw-image-protocol-relative": ('<img src="//cdn.example/x.png" alt="">',
                                    [(4, 11, f"картинка с другого сайта (cdn.example) {NO_LOAD}", IMAGE_HINT)]),
    "raw-image-backslashes": ('<img src="\\\\cdn.example\\x.png" alt="">',
                              [(4, 11, f"картинка с другого сайта (cdn.example) {NO_LOAD}", IMAGE_HINT)]),
    "image-without-slashes": ('<img src="https:cdn.example/x.png" alt="">',
                              [(4, 11, f"картинка с другого сайта (cdn.example) {NO_LOAD}", IMAGE_HINT)]),
    "srcset": ('<img src="files/photo.png" srcset="https://cdn.example/x.png 2x" alt="">',
               [(4, 36, f"картинка с другого сайта (cdn.example) {NO_LOAD}", IMAGE_HINT)]),
    "iframe": ('<iframe src="https://video.example/embed/1"></iframe>',
               [(4, 14, f"встроенная страница с другого сайта (video.example) {NO_LOAD}", FRAME_HINT)]),
    "video": ('<video src="https://video.example/v.mp4" controls></video>',
              [(4, 13, f"видеозапись с другого сайта (video.example) {NO_LOAD}", FILE_HINT)]),
    "video-source": ('<video controls><source src="https://video.example/v.mp4"></video>',
                     [(4, 1, "тег <video> удалён: сайт не встраивает аудио и видео",
                       "положите файл в content/files и дайте на него ссылку: [Видеозапись](files/имя.mp4)"),
                      (4, 30, f"аудио- или видеофайл с другого сайта (video.example) {NO_LOAD}", FILE_HINT)]),
    "audio": ('<audio src="https://video.example/a.mp3"></audio>',
              [(4, 13, f"аудиозапись с другого сайта (video.example) {NO_LOAD}", FILE_HINT)]),
    "stylesheet": ('<link rel="stylesheet" href="https://cdn.example/x.css">',
                   [(4, 30, f"файл оформления с другого сайта (cdn.example) {NO_LOAD}", FILE_HINT)]),
    "object": ('<object data="https://cdn.example/x.swf"></object>',
               [(4, 15, f"встроенный объект с другого сайта (cdn.example) {NO_LOAD}", FILE_HINT)]),
}


@pytest.mark.parametrize("name", OTHER_HOST)
def test_anything_loaded_from_another_host_is_a_located_error(tmp_path: Path, name: str) -> None:
    body, expected = OTHER_HOST[name]
    issues, files = build(tmp_path, body + "\n")
    errors = [(i.line, i.column, i.message, i.hint) for i in issues]
    assert errors == expected
    assert [i.level for i in issues][-1] == "error"
    assert files == {}  # a failed build publishes nothing
    html = str(render_markdown(body, lambda target: target).html)
    assert "cdn.example" not in html and "video.example" not in html, html


def test_a_link_to_another_site_is_fine_but_its_image_is_not(tmp_path: Path) -> None:
    body = "[![логотип](https://cdn.example/logo.png)](https://cdn.example/)\n"
    issues, _ = build(tmp_path, body)
    assert located(issues) == [("error", 4, 13, f"картинка с другого сайта (cdn.example) {NO_LOAD}")]


# ------------------------------------------------------------------ --strict and the command line


def run_build(project: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), *flags, "build",
                           "--out", str(out)], capture_output=True, text=True, timeout=120)


def test_removed_markup_fails_the_build_under_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {INDEX_FILE: FRONT + '<svg onload="window.__pwned = 1"></svg>\n'})
    strict = run_build(project, tmp_path / "strict", "--strict")
    assert strict.returncode == 1, strict.stderr
    assert "content/pages/index.md:4:1: предупреждение: тег <svg> удалён: рисунок вставляется как картинка" \
        in strict.stderr
    assert "Traceback" not in strict.stderr
    assert not (tmp_path / "strict").exists()
    relaxed = run_build(project, tmp_path / "relaxed")
    assert relaxed.returncode == 0, relaxed.stderr
    assert "__pwned" not in (tmp_path / "relaxed" / "index.html").read_text(encoding="utf-8")


def test_an_image_from_another_host_fails_the_build_without_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {INDEX_FILE: FRONT + "![схема](https://cdn.example/x.png)\n"})
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"content/pages/index.md:4:10: ошибка: картинка с другого сайта (cdn.example) {NO_LOAD}" in result.stderr
    assert not (tmp_path / "site").exists()


def test_criteria_and_vpr_texts_are_cleaned_and_located_too(demo_project: Path) -> None:
    criteria = demo_project / "content/criteria/obshchie.md"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(text + "\n<script>window.__pwned = 1</script>\n", encoding="utf-8")
    script_line = text.count("\n") + 2
    vpr = demo_project / "content/vpr/2026.yaml"
    lines = vpr.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("for_parents: |")) + 1
    lines.insert(at, '  <b onclick="window.__pwned = 1">Важно.</b>\n\n')
    vpr.write_text("".join(lines), encoding="utf-8")
    result = generate(demo_project)
    found = [(i.file, i.line, i.column, i.message) for i in result.issues if i.code == "markdown.html"]
    assert found == [
        ("content/criteria/obshchie.md", script_line, 1, "тег <script> удалён: сайт не публикует сценарии"),
        ("content/vpr/2026.yaml", at + 1, 6, "атрибут onclick у тега <b> удалён: сайт не публикует сценарии"),
    ]
    assert not any(b"__pwned" in data for path, data in result.files.items() if path.endswith(".html"))


# ------------------------------------------------------------------ legitimate content survives

RICH = """\
## Итоги

| Класс | Работа | Отметка |
|:--|:-:|--:|
| 5А | ВПР | 4 |

<table>
<thead><tr><th scope="col" colspan="2">Период</th></tr></thead>
<tbody><tr><td rowspan="2">I</td><td>сентябрь</td></tr></tbody>
</table>

<details><summary>Как считается отметка</summary><p>По сумме баллов.</p></details>

<abbr title="Всероссийские проверочные работы">ВПР</abbr> пишут в 4<sup>м</sup> классе, H<sub>2</sub>O[^1].

!!! note "Важно"
    Напишите в школу.

![Здание школы](files/photo.png)

<figure><img src="files/photo.png" alt="Здание" width="320" height="200"><figcaption>Здание</figcaption></figure>

[Минпросвещения](https://edu.gov.ru/), <a href="https://obrnadzor.gov.ru/" title="Рособрнадзор">Рособрнадзор</a>.

[^1]: Сноска.
"""

RICH_HTML = """\
<h2 id="итоги">Итоги</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="Таблица"><table>
<thead>
<tr>
<th class="align-left">Класс</th>
<th class="align-center">Работа</th>
<th class="align-right">Отметка</th>
</tr>
</thead>
<tbody>
<tr>
<td class="align-left">5А</td>
<td class="align-center">ВПР</td>
<td class="align-right">4</td>
</tr>
</tbody>
</table></div>
<div class="table-scroll" role="region" tabindex="0" aria-label="Таблица"><table>
<thead><tr><th scope="col" colspan="2">Период</th></tr></thead>
<tbody><tr><td rowspan="2">I</td><td>сентябрь</td></tr></tbody>
</table></div>

<details><summary>Как считается отметка</summary><p>По сумме баллов.</p></details>

<p><abbr title="Всероссийские проверочные работы">ВПР</abbr> пишут в 4<sup>м</sup> классе, \
H<sub>2</sub>O<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>
<div class="admonition note">
<p class="admonition-title">Важно</p>
<p>Напишите в школу.</p>
</div>
<p><img alt="Здание школы" src="files/photo.png"></p>
<figure><img src="files/photo.png" alt="Здание" width="320" height="200"><figcaption>Здание</figcaption></figure>

<p><a href="https://edu.gov.ru/">Минпросвещения</a>, \
<a href="https://obrnadzor.gov.ru/" title="Рособрнадзор">Рособрнадзор</a>.</p>
<div class="footnote">
<hr>
<ol>
<li id="fn:1">
<p>Сноска.&nbsp;<a class="footnote-backref" href="#fnref:1" title="Вернуться к тексту (сноска 1)">↩</a></p>
</li>
</ol>
</div>"""


def test_rich_school_content_survives_unchanged(tmp_path: Path) -> None:
    issues, files = build(tmp_path, RICH)
    assert issues == []
    assert RICH_HTML in files["index.html"].decode("utf-8")


def test_a_table_of_contents_and_attr_list_ids_and_classes_are_kept() -> None:
    rendered = render_markdown("[TOC]\n\n## Раздел {: #razdel .lead }\n\n### Подраздел\n\n4. четвёртый\n",
                               lambda target: target)
    assert str(rendered.html) == (
        '<div class="toc">\n<ul>\n<li><a href="#razdel">Раздел</a><ul>\n<li><a href="#подраздел">Подраздел</a></li>\n'
        '</ul>\n</li>\n</ul>\n</div>\n<h2 class="lead" id="razdel">Раздел</h2>\n<h3 id="подраздел">Подраздел</h3>\n'
        '<ol start="4">\n<li>четвёртый</li>\n</ol>')
    assert rendered.removed == []


def test_mail_and_phone_links_are_kept() -> None:
    rendered = render_markdown("[Почта](mailto:info@school.example), <a href='tel:+78000000000'>телефон</a>",
                               lambda target: target)
    assert str(rendered.html) == ('<p><a href="mailto:info@school.example">Почта</a>, '
                                  '<a href="tel:+78000000000">телефон</a></p>')
    assert rendered.removed == []


def test_sanitizing_keeps_what_markdown_makes_byte_for_byte() -> None:
    html = "<p>a<br>b</p>\n<ol start=\"3\">\n<li>x</li>\n</ol>\n<pre><code>&lt;b&gt;</code></pre>\n<hr>"
    assert sanitize(html) == (html, [])


# ------------------------------------------------------------------ the rules, unit by unit

@pytest.mark.parametrize(("url", "host"), [
    ("https://cdn.example/x.png", "cdn.example"), ("//cdn.example/x", "cdn.example"),
    (" \thttps://cdn.example/x", "cdn.example"), ("\\\\cdn.example\\x", "cdn.example"),
    ("/\\cdn.example/x", "cdn.example"), ("HTTPS:cdn.example/x", "cdn.example"),
    ("http://user@cdn.example:8080/", "cdn.example"),
    ("files/photo.png", None), ("/files/photo.png", None), ("../files/photo.png", None), ("#fn:1", None),
    ("data:image/png;base64,AAAA", None),
])
def test_other_host(url: str, host: str | None) -> None:
    assert other_host(url) == host


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://edu.gov.ru/", True), ("http://school.example/", True), ("mailto:a@b.ru", True), ("tel:+7800", True),
    ("../plans/x/", True), ("#fn:1", True), ("?q=1", True), ("JavaScript:x", False), ("java\nscript:x", False),
    ("\x01javascript:x", False), ("data:text/html,x", False), ("vbscript:x", False), ("webcal://x", False),
    ("ftp://x", False),
])
def test_allowed_url(url: str, allowed: bool) -> None:
    assert allowed_url(url) is allowed


# ------------------------------------------------------------------ the Content-Security-Policy

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_the_policy_allows_nothing_from_other_origins_and_no_inline_script() -> None:
    policy = content_security_policy()
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives == {
        "default-src": "'self'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'",
        "img-src": "'self' data:", "object-src": "'none'", "base-uri": "'none'", "form-action": "'self'",
    }
    assert policy == "; ".join(CONTENT_SECURITY_POLICY)


def test_an_inline_script_is_allowed_only_by_its_hash() -> None:
    snippet = "console.log(1)"
    assert script_hash(snippet) == "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='" \
        in content_security_policy([snippet])


def test_a_caller_s_inline_script_is_allowed_by_hash_on_every_page(tmp_path: Path) -> None:
    # The dev server injects its live-reload snippet into every page: generate() lets exactly that one through.
    result = generate(write_project(tmp_path / "project"), inline_scripts=["console.log(1)"])
    pages = {path: data.decode("utf-8") for path, data in result.files.items() if path.endswith(".html")}
    assert pages and all(POLICY_META.findall(html) == [content_security_policy(["console.log(1)"])]
                         for html in pages.values())
    plain = generate(write_project(tmp_path / "project")).files["index.html"].decode("utf-8")
    assert POLICY_META.findall(plain) == [content_security_policy()]


def public_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")


def test_every_public_page_carries_the_policy_first_in_head(demo_site: Path) -> None:
    pages = public_pages(demo_site)
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[html.index("<head>"):html.index("</head>")]
        assert POLICY_META.findall(html) == [content_security_policy()], page
        # Only what follows a meta policy is governed by it: nothing may load before it.
        assert head.split("\n")[1:3] == ['<meta charset="utf-8">', POLICY_META.search(html).group(0)], page


def test_public_pages_need_nothing_the_policy_forbids(demo_site: Path) -> None:
    for page in public_pages(demo_site):
        html = page.read_text(encoding="utf-8")
        assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == [], f"inline script in {page}"
        assert re.findall(r"<[a-z][^>]*\s(on[a-z]+|style)=", html) == [], f"inline handler or style in {page}"
        assert re.findall(r'(?:src|href)="(?:https?:)?//', html.split("</head>")[0]) == [], page


def test_admin_keeps_its_own_policy(demo_site: Path) -> None:
    admin = (demo_site / "admin" / "index.html").read_text(encoding="utf-8")
    policies = POLICY_META.findall(admin) or re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                                                        admin)
    assert len(policies) == 1 and policies[0] != content_security_policy()
