"""Entity linking: canonical names within an article, consistent across articles."""

from __future__ import annotations

import pytest

from kg.entities import find_mentions
from kg.linking import link_mentions
from kg.names import normalize_key
from kg.records import Article, Mention
from kg.segment import segment


def _linked(text: str, models) -> list[Mention]:
    a = Article(id="t", text=text)
    r = models.recognizer
    return list(link_mentions(a, find_mentions(a, segment(a, models.tagger), r), r))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("谷歌、Google和谷歌公司", {"谷歌"}),
        ("百度公司和百度", {"百度"}),
        ("GPT4与GPT-4", {"GPT-4"}),
        ("英伟达、NVIDIA与輝達", {"英伟达"}),
        ("深度求索（DeepSeek）的团队", {"深度求索"}),
        # a place written with 地区, 市 or 省 is the place
        ("百度在中东地区的业务，中东市场很大。", {"百度", "中东"}),
        ("上海市的公司很多，上海的企业也多。", {"上海"}),
        # a full transliterated name over the known surname part
        ("欧盟委员会主席乌尔苏拉·冯德莱恩（Ursula von der Leyen）表示。冯德莱恩说。", {"欧盟委员会", "冯德莱恩"}),
    ],
)
def test_linking_aliases_meet_on_one_name(text, names, models):
    ms = _linked(text, models)
    assert len(ms) >= 2
    assert {m.canonical for m in ms} == names


def test_linking_same_name_across_articles(models):
    one = {(m.label, normalize_key(m.name)) for m in _linked("微软与OpenAI合作。", models)}
    two = {(m.label, normalize_key(m.name)) for m in _linked("Microsoft投資了OpenAI。", models)}
    assert one == two


def test_linking_abbreviation_points_to_its_long_form(models):
    ms = _linked("人类反馈强化学习（RLHF）让模型更可靠。后来RLHF被广泛使用。", models)
    rlhf = [m for m in ms if m.text == "RLHF"]
    assert len(rlhf) == 2
    assert {m.canonical for m in rlhf} == {"人类反馈强化学习"}


def test_linking_short_person_mentions_take_the_full_name(models):
    text = "山姆·阿尔特曼表示。阿尔特曼认为。李彦宏说。彦宏补充。"
    a = Article(id="p", text=text)
    ms = (
        Mention("p", 0, 7, "山姆·阿尔特曼", "Person"),
        Mention("p", 10, 14, "阿尔特曼", "Person"),
        Mention("p", 17, 20, "李彦宏", "Person"),
        Mention("p", 22, 24, "彦宏", "Person"),
    )
    out = link_mentions(a, ms, models.recognizer)
    assert [m.canonical for m in out] == ["山姆·阿尔特曼", "山姆·阿尔特曼", "李彦宏", "李彦宏"]


def test_linking_a_latin_family_name_read_as_an_organization_is_the_person(models):
    text = "负责人Joseph Briggs写道。Briggs指出，采用会更早。Apple发布新品。"
    a = Article(id="b", text=text)
    ms = (Mention("b", 3, 16, "Joseph Briggs", "Person"), Mention("b", 19, 25, "Briggs", "Organization"),
          Mention("b", 34, 39, "Apple", "Organization"))
    out = link_mentions(a, ms, models.recognizer)
    assert [(m.label, m.name) for m in out[:2]] == [("Person", "Joseph Briggs"), ("Person", "Joseph Briggs")]
    assert out[2].label == "Organization"  # a company's name that is no one's family name stays
    assert [(m.start, m.end) for m in out] == [(m.start, m.end) for m in ms]


def test_linking_a_short_name_before_the_full_one_is_left_alone(models):
    text = "彦宏说。李彦宏说。"
    a = Article(id="q", text=text)
    ms = (Mention("q", 0, 2, "彦宏", "Person"), Mention("q", 4, 7, "李彦宏", "Person"))
    assert [m.canonical for m in link_mentions(a, ms, models.recognizer)] == ["彦宏", "李彦宏"]


def test_linking_keeps_spans_and_order(models):
    a = Article(id="k", text="OpenAI发布Sora，谷歌发布Gemini。")
    r = models.recognizer
    ms = find_mentions(a, segment(a, models.tagger), r)
    out = link_mentions(a, ms, r)
    assert [(m.start, m.end, m.label, m.text) for m in out] == [(m.start, m.end, m.label, m.text) for m in ms]
    assert all(m.canonical for m in out)


def test_linking_a_person_s_name_in_parentheses_after_their_name_is_the_same_person(models):
    text = "Alphabet首席财务官阿什肯纳齐（Anat Ashkenazi）透露，资本支出将增加。"
    a = Article(id="l", text=text)
    ms = link_mentions(a, find_mentions(a, segment(a, models.tagger), models.recognizer), models.recognizer)
    people = {m.text: m.name for m in ms if m.label == "Person"}
    assert people == {"阿什肯纳齐": "阿什肯纳齐", "Anat Ashkenazi": "阿什肯纳齐"}
