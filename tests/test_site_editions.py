"""The two editions of the built site: same pages, same numbers, each in its own language.

Step 5 of `make test` (marker `site`), after the strict build of both editions. The switch
between editions and the hreflang links are in tests/test_site_switch.py; the font in
tests/test_site_font.py; search in tests/test_site_browser.py.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from gwr import paths
from gwr.book.sphinxext import webfont

pytestmark = pytest.mark.site

BUILD = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build"
HTML = BUILD / "html"
ZH = HTML / "zh"
# Each edition's executed notebooks, with the values its pages glue in.
EXECUTED = {"en": BUILD / "jupyter_execute" / "notebooks",
            "zh": BUILD / "zh" / "_build" / "jupyter_execute" / "notebooks"}
CHAPTERS = sorted(p.stem for p in (paths.ROOT / "notebooks").glob("*.ipynb"))


def pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if not {"_static", "zh", "_sources"} & set(p.relative_to(root).parts[:-1])}


@pytest.fixture(scope="module")
def built() -> None:
    if not (ZH / "index.html").is_file():
        pytest.fail(f"No Chinese edition in {ZH}: run `make book`.")


def test_every_page_exists_in_both_editions_under_the_same_name(built):
    english, chinese = pages(HTML), pages(ZH)
    assert "notebooks/03-plan-2020.html" in chinese
    assert english == chinese, (f"only English: {sorted(english - chinese)}; "
                                f"only Chinese: {sorted(chinese - english)}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_both_editions_glue_the_same_values(built, chapter):
    glued = {}
    for edition, folder in EXECUTED.items():
        path = folder / f"{chapter}.glue.json"
        assert path.is_file(), f"{path} is missing: was the {edition} edition built?"
        glued[edition] = json.loads(path.read_text(encoding="utf-8"))
    assert glued["en"], f"{chapter} glues nothing"
    assert glued["en"].keys() == glued["zh"].keys()
    differ = [key for key in glued["en"] if glued["en"][key]["data"] != glued["zh"][key]["data"]]
    assert not differ, f"{chapter}: the editions glue different values for {differ}"


def test_each_edition_declares_its_language(built):
    problems = []
    for root, tag in ((HTML, "en"), (ZH, "zh-CN")):
        for page in sorted(pages(root)):
            text = (root / page).read_text(encoding="utf-8")
            if 'http-equiv="Refresh"' in text:
                continue  # the redirect stub at the root
            found = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", text)
            if not found or found.group(1) != tag:
                problems.append(f"{root.relative_to(HTML.parent)}/{page}: "
                                f"lang={found and found.group(1)!r}, want {tag!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", ["notebooks/03-plan-2020.html", "notebooks/08-outcomes.html",
                                  "book/intro.html"])
def test_a_chinese_page_reads_in_chinese(built, page):
    text = (ZH / page).read_text(encoding="utf-8")
    body = re.sub(r"<(script|style|svg|pre|code)\b.*?</\1>", " ",
                  text.split('<main', 1)[1], flags=re.S)
    words = re.sub(r"<[^>]+>", " ", body)
    han = len(re.findall(r"[\u4e00-\u9fff]", words))
    latin = len(re.findall(r"[A-Za-z]{3,}", words))
    # Quoted English titles, file names and references remain; the prose is Chinese.
    assert han > 5 * latin, f"{page}: {han} Han characters, {latin} Latin words"


def test_the_chinese_tables_and_figures_are_the_english_ones_in_chinese(built):
    for chapter in CHAPTERS:
        english = (HTML / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        chinese = (ZH / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        labels = re.compile(r'id="((?:fig|tbl)-[a-z0-9-]+)"')
        assert sorted(set(labels.findall(english))) == sorted(set(labels.findall(chinese))), chapter
        for label in set(labels.findall(english)):
            # The same data file, byte for byte, beside both pages.
            csv = f"{label}.csv"
            assert (HTML / "notebooks" / csv).read_bytes() == (ZH / "notebooks" / csv).read_bytes()


def test_the_chinese_edition_has_its_own_font_for_its_own_characters(built):
    css = ZH / "_static" / webfont.CSS_FILE
    assert css.is_file(), f"{css} is missing"
    usage = webfont.collect_usage(webfont.read_pages(ZH))
    font = webfont.font_path()
    available = webfont.font_code_points(font, webfont.sc_face_number(font))
    wanted = {cp for cp in usage if cp in available}
    claimed = set()
    for block in re.findall(r"unicode-range:\s*([^;]+);", css.read_text(encoding="utf-8")):
        for part in block.split(","):
            low, _, high = part.strip().removeprefix("U+").partition("-")
            claimed |= set(range(int(low, 16), int(high or low, 16) + 1))
    assert wanted <= claimed, sorted(map(chr, wanted - claimed))[:20]


def test_every_page_switches_to_its_counterpart_and_back(built):
    from urllib.parse import urljoin, urlsplit

    problems = []
    for root, prefix, other_lang in ((HTML, "", "zh-CN"), (ZH, "zh/", "en")):
        for page in sorted(pages(root)):
            text = (root / page).read_text(encoding="utf-8")
            if 'http-equiv="Refresh"' in text:
                continue
            here = prefix + page
            counterpart = page if prefix else "zh/" + page
            switch = re.search(r'<a [^>]*class="[^"]*gwr-language-switch[^"]*"[^>]*>', text)
            if not switch:
                problems.append(f"{here}: no language switch")
                continue
            href = re.search(r'href="([^"]+)"', switch.group(0)).group(1)
            target = urlsplit(urljoin("http://site/" + here, href)).path.lstrip("/")
            if target != counterpart or not (HTML / target).is_file():
                problems.append(f"{here}: the switch leads to {target}, not {counterpart}")
            if f'hreflang="{other_lang}"' not in switch.group(0):
                problems.append(f"{here}: the switch does not name its language {other_lang}")
            links = dict(re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))
            # The page's path is the same in both editions; English is the default.
            want = {"en": page, "zh-CN": "zh/" + page, "x-default": page}
            for lang, path in want.items():
                got = links.get(lang)
                resolved = got and urlsplit(urljoin("http://site/" + here, got)).path.lstrip("/")
                if resolved != path:
                    problems.append(f"{here}: hreflang {lang} is {got!r}, want {path}")
    assert not problems, "\n".join(problems[:30])


def test_the_chinese_apparatus_gives_the_data_s_words_in_chinese(built):
    page = (ZH / "book" / "source.html").read_text(encoding="utf-8")
    box = page[page.index('id="para-74"'):page.index('id="para-75"')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box))
    assert "85%以上 = 85%（不少于，目标）" in text
    assert "年内县城建成区基本实现清洁取暖全覆盖（约束性，期限：年内（2020年12月31日））" in text
    assert "per cent" not in text and "binding" not in text
