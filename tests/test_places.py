"""Tests for gwr.data.places and places.csv, and for the figures and the sites table of the
chapter (gwr.chapters.places): their data, and one tagged mark per row of it."""

from __future__ import annotations

import copy
import io
import re

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import places as chapter
from gwr.curated import load_yaml_mapping
from gwr.data.places import ADMINISTRATIVE_KINDS, KINDS, SITE_KINDS, find_places
from gwr.errors import CuratedDataError
from gwr.style import use_style

# GB/T 2260 codes of Taiyuan's county-level units, as the issue gives them.
TAIYUAN_COUNTY_LEVEL = {"小店区": "140105", "迎泽区": "140106", "杏花岭区": "140107",
                        "尖草坪区": "140108", "万柏林区": "140109", "晋源区": "140110",
                        "清徐县": "140121", "阳曲县": "140122", "娄烦县": "140123",
                        "古交市": "140181"}


@pytest.fixture(scope="module")
def places(tables):
    return tables["places"]


def test_county_level_units_carry_their_codes(places):
    codes = set(TAIYUAN_COUNTY_LEVEL.values())
    county_level = places[places["kind"].isin(["district", "county", "county_city"])]
    assert len(county_level) > 0
    assert set(county_level["adcode"]) <= codes
    for full_name, code in TAIYUAN_COUNTY_LEVEL.items():
        short = full_name[:-1]
        rows = county_level[county_level["quote"].isin([full_name, short])]
        assert (rows["adcode"] == code).all(), full_name


def test_names_inside_names_that_are_not_places_count(places, text):
    for brand, unit in [("清徐葡萄", "清徐"), ("阳曲小米", "阳曲"), ("娄烦山药蛋", "娄烦"),
                        ("古交榛子", "古交")]:
        start = text.index(brand)
        assert list(places.loc[places["start"] == start, "quote"]) == [unit], brand


@pytest.mark.parametrize("site", [
    "太原南站", "晋源花卉小镇", "阳曲大型热源厂", "大原至延安高铁", "小店桥",
    # Named after a river, a lake or two landmarks, and parks or a scenic area all the same.
    "汾河景区", "汾河四期湿地公园", "晋阳湖公园", "晋祠—天龙山",
    # Schools, hospitals and welfare homes fit the definition too.
    "太原五中", "太原学院新校区", "市人民医院新院区", "市第三人民医院", "老年福利院",
])
def test_a_place_name_is_recorded_whole_and_is_a_site(places, text, site):
    start = text.index(site)
    rows = places[(places["start"] >= start) & (places["end"] <= start + len(site))]
    assert list(rows["quote"]) == [site]
    assert rows["kind"].iloc[0] in SITE_KINDS


def test_both_railways_of_77_are_sites(places):
    rows = places[places["paragraph"] == 77]
    sites = rows[rows["kind"].isin(SITE_KINDS)]
    assert {"太郑高铁", "大原至延安高铁", "太原铁路枢纽"} <= set(sites["quote"])
    assert set(rows["kind"]) <= set(SITE_KINDS)  # ¶77 names no division outside a site's name


def test_kinds_are_sites_or_divisions_and_never_both():
    assert set(SITE_KINDS) | set(ADMINISTRATIVE_KINDS) == set(KINDS)
    assert not set(SITE_KINDS) & set(ADMINISTRATIVE_KINDS)
    assert {"project_site", "transport", "landmark", "river"} <= set(SITE_KINDS)


def _covering(places, start, end):
    """The places whose span overlaps text[start:end]."""
    return list(places.loc[(places["start"] < end) & (places["end"] > start), "quote"])


def test_no_place_inside_ordinary_words(places, text):
    # 万达 and 万向 (company names) begin like 万柏林. No division may be read inside them: a
    # place overlapping them must be a site whose name holds the whole word (万达广场 does).
    for word in ["万达", "万向"]:
        start = text.index(word)
        rows = places[(places["start"] < start + len(word)) & (places["end"] > start)]
        assert rows["kind"].isin(SITE_KINDS).all(), (word, rows["quote"].tolist())
        assert all(word in q for q in rows["quote"]), (word, rows["quote"].tolist())
    # The same check does find a division where there is one (so it can fail): 古交 in 古交榛子.
    start = text.index("古交榛子")
    rows = places[(places["start"] < start + 4) & (places["end"] > start)]
    assert not rows["kind"].isin(SITE_KINDS).all()


def test_stale_paragraph_list_names_file_and_entry(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    curated["晋中"]["paragraphs"] = [78]
    with pytest.raises(CuratedDataError, match=r"places.yml, entry '晋中': paragraphs \[78\]"):
        find_places(text, paragraphs, curated=curated)


def test_divisions_take_their_names_and_kinds_from_the_divisions_file(places, tables):
    units = tables["units"].set_index("adcode")
    rows = places[places["adcode"].isin(units.index)]
    # 11, read by hand from the text: the divisions named outside a site's name, by paragraph.
    assert list(zip(rows["paragraph"], rows["quote"], strict=True)) == [
        (13, "娄烦"), (13, "阳曲"), (24, "杏花岭区"), (24, "晋源区"), (59, "清徐"), (59, "阳曲"),
        (59, "娄烦"), (59, "古交"), (79, "晋中"), (79, "忻州"), (79, "吕梁")]
    assert list(rows["name_en"]) == list(units.loc[rows["adcode"], "name_en"])
    gujiao = places[places["quote"] == "古交"].iloc[0]
    assert (gujiao["name_en"], gujiao["kind"], gujiao["adcode"]) == (
        "Gujiao City", "county_city", "140181")
    assert places.loc[places["quote"] == "晋中", "kind"].tolist() == ["prefecture_city"]


@pytest.mark.parametrize(("entry", "change", "message"), [
    ("古交", {"name_en": "Gujiao"}, "name_en of the division 140181 are decided in "
                                    "data/curated/divisions.yml"),
    ("晋中", {"kind": "prefecture_city"}, "kind of the division 140700 are decided"),
    ("汾东", {"kind": "district"}, "a place of kind district is one of Taiyuan's units"),
])
def test_a_division_named_twice_is_refused(text, paragraphs, entry, change, message):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    curated[entry].update(change)
    with pytest.raises(CuratedDataError) as info:
        find_places(text, paragraphs, curated=curated)
    assert f"data/curated/places.yml, entry '{entry}': " in str(info.value)
    assert message in str(info.value)


def test_is_site_marks_exactly_the_site_kinds(places):
    assert (places["is_site"] == places["kind"].isin(SITE_KINDS)).all()
    assert places["is_site"].any() and not places["is_site"].all()


def test_bad_adcode_is_refused(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    curated["晋中"]["adcode"] = "1407"
    with pytest.raises(CuratedDataError, match=r"entry '晋中': adcode '1407'"):
        find_places(text, paragraphs, curated=curated)


# The definition of a site is applied to every paragraph. The words below end the names of the
# sites of each kind the definition covers; every occurrence in the text must stand inside the
# name of a site in the gazetteer, or inside one of the phrases after them, which name no site.
SITE_WORDS = [
    "公园", "景区", "植物园", "动物园",                                   # parks, scenic areas
    "中学", "[一二三四五六七八九十]中", "[一二]外", "学院", "校区",         # schools
    "医院", "院区", "血液中心", "福利院", "救助管理站", "互换局",           # health, welfare
    "站", "号线", "环线", "高铁", "高速公路", "机场", "专道", "枢纽",       # transport
    "路", "街", "巷", "中环", "桥",                                       # streets, bridges
    "厂", "基地", "产业园", "科技园", "小镇",                             # plants, projects
    "石窟", "古镇", "古县城", "古城", "博物馆", "传承园", "祠",             # landmarks
    "会堂", "体育中心", "运动中心", "交流中心", "商业中心", "广场", "购物", "天街",
    "湖", "河", "汾", "商务区", "示范区",                                 # water, named areas
]
NOT_SITES = {
    "国家物流枢纽": "a designation of the whole city (¶12)",
    "院士工作站": "academicians' workstations, counted (¶16, ¶64)",
    "污水处理厂": "the plants of ¶21, named by their areas (汾东, 杨家堡, 晋阳), which are sites",
    "污水厂": "the plants of ¶74, named by their areas (汾东, 城南, 徐沟, 孟封)",
    "人均公园绿地面积": "a statistic (¶22)",
    "交通路网": "the road network (¶28)",
    "道桥工程": "road and bridge works, counted (¶28)",
    "东广场": "a part of 太原南站 (¶28)",
    "西广场": "a part of 太原南站 (¶28)",
    "东西广场": "parts of 太原南站 (¶83)",
    "背街小巷": "back streets, counted (¶29, ¶91)",
    "特色街区": "streets of a kind (¶53)",
    "步行街": "what 钟楼街, a site, is to become (¶53)",
    "5A级景区": "the grade 晋祠—天龙山 applies for (¶55)",
    "4A级景区": "the grade 青龙古镇 applies for (¶55)",
    "文化旅游景区": "scenic areas in general (¶55)",
    "四好公路": "rural roads, counted (¶57, ¶60)",
    "国家可持续发展议程创新示范区": "a designation of the whole city (¶62)",
    "厂办大集体": "factory-run collectives (¶66)",
    "航空博物馆": "a museum to be planned, with no name (¶70)",
    "小康路上": "a figure of speech (¶73)",
    "山水林田湖草": "the land in general (¶74)",
    "铁路对外大通道": "railway corridors in general (¶77)",
    "道路断点": "roads in general (¶79)",
    "道路建设": "roads in general (¶80)",
    "过街天桥": "footbridges in general (¶80)",
    "5G基站": "base stations, counted (¶85)",
    "及景区": "scenic areas in general (¶85)",
    "枫桥经验": "a model of local governance (¶106)",
}


def unplaced_site_words(text: str, sites: list[tuple[int, int]]) -> list[str]:
    """Each occurrence of a site word that stands in no site's name and no phrase of NOT_SITES."""
    spared = [(m.start(), m.end()) for phrase in NOT_SITES
              for m in re.finditer(re.escape(phrase), text)]
    found = []
    for word in SITE_WORDS:
        for m in re.finditer(word, text):
            if not any(a <= m.start() and m.end() <= b for a, b in sites + spared):
                found.append(text[max(0, m.start() - 6):m.end()])
    return found


def test_every_named_site_of_a_covered_kind_is_in_the_gazetteer(places, text):
    sites = [(r.start, r.end) for r in places.itertuples() if r.kind in SITE_KINDS]
    assert unplaced_site_words(text, sites) == []


def test_a_site_left_out_of_the_gazetteer_is_caught(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    del curated["老年福利院"], curated["市第三人民医院"]
    rows = find_places(text, paragraphs, curated=curated)
    sites = [(p.start, p.end) for p in rows if p.kind in SITE_KINDS]
    # Each word is shown with the six characters before it.
    assert unplaced_site_words(text, sites) == ["设市第三人民医院", "月竣工，老年福利院"]


def test_the_phrases_that_name_no_site_are_in_the_text_and_hold_no_site(places, text):
    for phrase in NOT_SITES:
        assert phrase in text, phrase
    for row in places.itertuples():
        if row.kind in SITE_KINDS:
            assert not any(row.quote in phrase for phrase in NOT_SITES), row.quote


def test_parks_named_after_water_are_parks_and_the_water_is_counted_alone(places):
    def paragraphs_of(name):
        return list(places.loc[places["quote"] == name, "paragraph"])

    assert paragraphs_of("汾河") == [74]      # 汾河景区 (¶21), 汾河四期湿地公园 (¶89) are parks
    assert paragraphs_of("晋阳湖") == [53]    # 晋阳湖公园 (¶89) is a park
    parks = set(places.loc[places["kind"] == "park", "quote"])
    assert {"汾河景区", "汾河四期湿地公园", "晋阳湖公园", "双塔公园", "海洋公园"} <= parks
    assert not {"晋祠", "天龙山"} & set(places["quote"])  # inside the one scenic area 晋祠—天龙山


def test_taiyuan_is_counted_outside_site_names_and_the_rest_stand_inside_sites(places, text):
    # The chapter's convention: 太原 inside a site's name (太原南站, 太原五中 …) counts for the
    # site, not for the city; every other occurrence (太原市, 太原模式 …) counts for the city.
    alone = int((places["adcode"] == "140100").sum())
    inside = sum(q.count("太原") for q in places.loc[places["is_site"], "quote"])
    # 41 by a second method, str.count on the source; 9 inside sites by str.count on their names.
    assert (alone, inside) == (32, 9)
    assert alone + inside == text.count("太原") == 41
    assert {"太原南站", "太原五中"} <= set(places.loc[places["is_site"], "quote"])


# The chapter's figures and the sites table (gwr.chapters.places).

@pytest.fixture(scope="module")
def counts(tables):
    parts = dict(zip(tables["paragraphs"]["paragraph"], tables["paragraphs"]["part"],
                     strict=True))
    return chapter.unit_counts(tables["units"], tables["places"], tables["place_units"], parts)


@pytest.fixture(scope="module")
def part_of(tables):
    return dict(zip(tables["paragraphs"]["paragraph"], tables["paragraphs"]["part"],
                    strict=True))


def _marks(fig) -> list:
    """The artists a chart tagged as marks (SVG id mark-N), in the order of their numbers."""
    marks = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(marks, key=lambda a: int(a.get_gid().split("-")[1]))


def _svg_marks(fig) -> int:
    """How many mark ids the SVG of ``fig`` holds, as the site test counts them."""
    out = io.StringIO()
    fig.savefig(out, format="svg")
    return len(re.findall(r'id="mark-\d+"', out.getvalue()))


def test_the_map_has_one_row_and_one_tagged_outline_per_unit(tables, counts):
    use_style()
    data = chapter.map_data(counts)
    # Checked by hand against the text: 阳曲 in ¶13 (阳曲小米), ¶59 (阳曲小米), ¶84
    # (阳曲大型热源厂); 迎泽 nowhere.
    by_code = data.set_index("adcode")
    assert (by_code.loc["140122", "name_zh"], by_code.loc["140122", "paragraphs"],
            by_code.loc["140122", "paragraph_list"]) == ("阳曲县", 3, "13;59;84")
    assert (by_code.loc["140106", "paragraphs"], by_code.loc["140106", "paragraph_list"]) == (
        0, "")
    assert list(data["adcode"]) == list(TAIYUAN_COUNTY_LEVEL.values())
    fig = chapter.unit_map(data, tables["units"], tables["unit_outlines"], title="t", note="n")
    marks = _marks(fig)
    assert len(marks) == len(data) == _svg_marks(fig) == 10
    # Mark N is the outline of row N's unit, in the shade of its count; the neighbours' grey
    # outlines are background, not marks.
    polygons = chapter.outline_polygons(tables["unit_outlines"])
    for mark, code, n in zip(marks, data["adcode"], data["paragraphs"], strict=True):
        ring = [chapter.project(p, chapter.REF_LAT) for p in polygons[code][0][0]]
        assert mark.get_path().vertices[:-1].tolist() == [list(p) for p in ring[:-1]], code
        assert mark.get_facecolor() == matplotlib.colors.to_rgba(chapter.SHADES[n]), code
    grey = [p for p in fig.axes[0].patches if p.get_facecolor() ==
            matplotlib.colors.to_rgba("#f3f3f3")]
    assert len(grey) == 4 and not any(p.get_gid() for p in grey)
    plt.close(fig)


def test_the_bars_have_one_row_and_one_tagged_segment_per_unit_and_part(counts, part_of):
    use_style()
    data = chapter.parts_data(counts, part_of)
    assert len(data) == 2 * len(counts) == 20
    # 阳曲: ¶13 in the 2019 review, ¶59 and ¶84 in the 2020 plan.
    yangqu = data[data["adcode"] == "140122"].set_index("part")
    assert yangqu["paragraph_list"].to_dict() == {"review-2019": "13", "plan-2020": "59;84"}
    total = data.groupby("adcode")["paragraphs"].sum()
    assert (total == counts.set_index("adcode")["paragraphs"]).all()
    fig = chapter.unit_bars(data, title="t", note="n")
    marks = _marks(fig)
    # Units named in neither part have zero-length segments; they are drawn and counted too.
    assert len(marks) == len(data) == _svg_marks(fig)
    assert [m.get_width() for m in marks] == data["paragraphs"].astype(float).tolist()
    plt.close(fig)


def test_the_bars_refuse_a_unit_named_outside_both_parts(counts, part_of):
    other = counts.assign(other=[1] + [0] * (len(counts) - 1))
    with pytest.raises(ValueError, match="outside the 2019 review and the 2020 plan"):
        chapter.parts_data(other, part_of)
    data = chapter.parts_data(counts, part_of)
    with pytest.raises(ValueError, match="give each part's rows together"):
        chapter.unit_bars(data.sort_values("adcode"), title="t", note="n")


def test_the_sites_table_rows_and_values(tables):
    units = tables["units"]
    sites = chapter.site_table(units, tables["places"], tables["place_units"])
    data = chapter.site_kind_data(sites, units)
    shown = chapter.site_kind_table(data)
    assert len(shown) == len(data) == sites["kind"].nunique()
    assert data["distinct_names"].sum() == len(sites)
    assert data["occurrences"].sum() == int(tables["places"]["is_site"].sum())
    by_kind = shown.set_index("Kind of site")
    # ¶21 「小店桥断面水质……」, ¶58 晋源花卉小镇 and ¶84 阳曲大型热源厂: the three sites whose
    # names hold a unit's name.
    assert by_kind.loc["landmark", "Holding a unit's name"] == "小店桥 (小店区)"
    assert by_kind.loc["project_site", "Holding a unit's name"] == (
        "晋源花卉小镇 (晋源区)、阳曲大型热源厂 (阳曲县)")
    assert by_kind.loc["street", "Holding a unit's name"] == "none"
    streets = data.set_index("kind").loc["street"]
    assert "柳巷" in streets["name_zh"].split(";")
    # Every site's English name, as places.csv gives it, is in its kind's row (the source
    # edition links a paragraph's places to the tables whose name_en holds them).
    listed = {name for names in data["name_en"] for name in names.split(";")}
    assert listed == set(tables["places"].loc[tables["places"]["is_site"], "name_en"])


def test_cited_paragraphs_lists_each_paragraph_once_in_order():
    assert chapter.cited_paragraphs(pd.Series(["59;84", "", "13;59"])) == "¶13, ¶59, ¶84"


def test_cited_paragraphs_joins_runs_as_the_book_cites_them(counts):
    assert chapter.cited_paragraphs(pd.Series(["58", "13;59"])) == "¶13, ¶58–¶59"
    # The map's paragraphs: 阳曲 in ¶13, ¶59 and ¶84, 晋源 in ¶58 (晋源花卉小镇) and the rest;
    # ¶58 and ¶59 are cited as one run, as the book's notes elsewhere write them.
    cited = chapter.cited_paragraphs(chapter.map_data(counts)["paragraph_list"])
    assert "¶58–¶59" in cited and "¶58, ¶59" not in cited
