"""One sense per article: names found once are found where the article repeats them."""

from __future__ import annotations

from kg.entities import find_mentions, load_recognizer
from kg.records import Article
from kg.repeats import repeated_names
from kg.segment import make_tagger, segment


def test_repeated_names_on_word_boundaries_only():
    text = "华为发布新品。华为云上线。华为再次领先。"
    chosen = [(0, 2, "Organization", "crf", 0.9)]
    # 华为 of 华为云 is inside one word; the third 华为 is a word of its own
    got = repeated_names(text, chosen, {0, 2, 7, 10, 13, 15}, {2, 7, 10, 13, 15}, set())
    assert got == [(13, 15, "Organization", "repeat:crf", 0.85)]


def test_repeated_names_skip_two_character_person_guesses_generic_words_and_two_sensed_names():
    text = "仁宝很好。仁宝董事长。公司很好。公司不错。"
    chosen = [(0, 2, "Person", "crf", 0.7), (11, 13, "Organization", "crf", 0.7)]
    assert repeated_names(text, chosen, set(range(30)), set(range(30)), {"公司"}) == []
    text = "苹果发布。苹果很甜。苹果涨了。"
    chosen = [(0, 2, "Organization", "crf", 0.9), (5, 7, "Person", "crf", 0.6)]
    assert repeated_names(text, chosen, set(range(30)), set(range(30)), set()) == []


def test_repeated_names_respect_latin_neighbours():
    text = "Keep上线新品。KeepFit不是它。Keep发布。"
    chosen = [(0, 4, "Organization", "crf", 0.9)]
    got = repeated_names(text, chosen, set(range(40)), set(range(40)), set())
    assert [(s, e) for s, e, *_ in got] == [(text.rindex("Keep"), text.rindex("Keep") + 4)]


def test_find_mentions_spreads_an_organization_to_its_bare_repeats():
    text = "广立微作为国内领先的EDA企业，发布了新平台。近日，广立微旗下平台正式接入DeepSeek-R1大模型。"
    a = Article(id="a", text=text)
    ms = find_mentions(a, segment(a, make_tagger()), load_recognizer())
    # the tagger finds the second 广立微 (旗下 gives it away); the first, bare, follows it
    assert {(m.start, m.label) for m in ms if m.text == "广立微"} == {(0, "Organization"), (26, "Organization")}


def test_repeated_names_spread_a_person_s_full_name_only():
    text = "谭待表示。胡延平认为很好。胡延平补充说。谭待回应。"
    chosen = [(0, 2, "Person", "crf", 0.8), (5, 8, "Person", "crf", 0.8)]
    got = repeated_names(text, chosen, set(range(30)), set(range(30)), set())
    assert [(text[s:e], label) for s, e, label, *_ in got] == [("胡延平", "Person")]  # the two-character guess stays
    text = "萨姆·阿尔特曼表示。萨姆·阿尔特曼补充。"
    got = repeated_names(text, [(0, 7, "Person", "pattern:dot-name", 0.85)], set(range(30)), set(range(30)), set())
    assert [(s, e) for s, e, *_ in got] == [(10, 17)]


def test_repeated_names_spread_a_two_character_name_read_after_a_post():
    text = "火山引擎总裁谭待回应。谭待表示，豆包成本很低。"
    chosen = [(6, 8, "Person", "pattern:title-name", 0.8)]
    got = repeated_names(text, chosen, set(range(30)), set(range(30)), set())
    assert [(text[s:e], label) for s, e, label, *_ in got] == [("谭待", "Person")]
    assert repeated_names(text, [(6, 8, "Person", "crf", 0.8)], set(range(30)), set(range(30)), set()) == []
