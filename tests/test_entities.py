"""Entity recognition: gazetteer, patterns and CRF together, and the loading errors."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.entities import find_mentions, load_recognizer, org_parent
from kg.errors import ModelError, OntologyError, PatternError
from kg.ner import load_labeller
from kg.records import Article
from kg.resources import ENTITY_CLASSES, ontology_dir
from kg.segment import segment


def _mentions(text: str, models) -> list[tuple[str, str]]:
    a = Article(id="t", text=text)
    return [(m.text, m.label) for m in find_mentions(a, segment(a, models.tagger), models.recognizer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI发布GPT-4o。", [("OpenAI", "Organization"), ("GPT-4o", "AIModel")]),
        ("谷歌发布了Gemini 1.5 Pro模型。", [("谷歌", "Organization"), ("Gemini 1.5 Pro", "AIModel")]),
        ("阿里巴巴推出Qwen2.5-Max。", [("阿里巴巴", "Organization"), ("Qwen2.5-Max", "AIModel")]),
        ("Meta开源了Llama 3.1 405B。", [("Meta", "Organization"), ("Llama 3.1 405B", "AIModel")]),
        ("Anthropic发布Claude 3.5 Sonnet模型。", [("Claude 3.5 Sonnet", "AIModel")]),
        ("山姆·阿尔特曼表示，公司将继续开源。", [("山姆·阿尔特曼", "Person")]),
        ("百度创始人李彦宏在会上发言。", [("百度", "Organization"), ("李彦宏", "Person")]),
        ("研究团队使用了人类反馈强化学习（RLHF）。", [("人类反馈强化学习", "Technology"), ("RLHF", "Technology")]),
        ("研究人员发表论文《Attention Is All You Need》。", [("Attention Is All You Need", "Publication")]),
        ("輝達執行長黃仁勳出席發佈會。", [("輝達", "Organization"), ("黃仁勳", "Person")]),
        ("DeepSeek-R1采用了混合专家架构和强化学习。", [("DeepSeek-R1", "AIModel"), ("强化学习", "Technology")]),
        ("IT之家 2 月 8 日消息，" + "这是一篇关于新模型的报道，" * 12, [("IT之家", "Organization")]),
        ("David Wadhwani, Adobe 數位媒體業務總裁：「我們很高興。」", [("David Wadhwani", "Person")]),
    ],
)
def test_entities_golden(text, expected, models):
    found = _mentions(text, models)
    for item in expected:
        assert item in found, (item, found)


@pytest.mark.parametrize(
    "text",
    [
        "这项技术依赖模型、公司和平台的合作。",
        "人工智能和大模型正在改变行业。",
        "电影《哪吒之魔童闹海》票房突破百亿。",
        "英伟达H100 GPU供不应求。",
    ],
)
def test_entities_generic_words_and_non_entities(text, models):
    found = _mentions(text, models)
    assert not [f for f in found if f[0] in {"技术", "模型", "公司", "平台", "人工智能", "大模型", "H100"}]
    assert not [f for f in found if f[1] == "Publication"]


def test_entities_company_sense_of_a_shared_name(models):
    found = _mentions("DeepSeek团队在杭州发布了新模型，DeepSeek-V3表现出色。", models)
    assert ("DeepSeek", "Organization") in found
    assert ("DeepSeek-V3", "AIModel") in found


def test_entities_nested_organization_is_one_mention(models):
    found = _mentions("浙江大学上海高等研究院常务副院长吴飞教授介绍了成果。", models)
    assert ("吴飞", "Person") in found
    assert ("浙江大学上海高等研究院", "Organization") in found
    assert not any(t == "浙江大学" for t, _ in found)
    assert org_parent("浙江大学上海高等研究院", models.recognizer) == "浙江大学"


def test_entities_gazetteer_knows_provinces_cities_and_countries(models):
    found = _mentions("美的集团总部位于广东佛山顺德，并在巴基斯坦和芝加哥设有办事处。", models)
    for place in ("广东", "顺德", "巴基斯坦", "芝加哥"):
        assert (place, "Location") in found, (place, found)


@pytest.mark.parametrize(
    "text",
    [
        "北京一家人工智能公司发布了新产品。",
        "美国人工智能研究公司OpenAI发布了GPT-5。",
        "这家美国人工智能研究公司表示将开源。",
        "一家中国AI初创公司推出了新模型。",
        "波士顿风险投资公司Glasswing Ventures创始人认为。",
        "其中包括风险投资公司8VC。",
        "近期，教育领域公司纷纷选择拥抱DeepSeek。",
        "从长远来看，这可能会威胁到美国公司的竞争力。",
        "马克龙还谈到了来自美国和加拿大基金的投资。",
    ],
)
def test_entities_descriptions_of_companies_are_not_organizations(text, models):
    found = _mentions(text, models)
    assert not [t for t, label in found if label == "Organization" and t.endswith(("公司", "基金"))], found


def test_entities_hyphenated_model_variants_are_one_model(models):
    found = _mentions("测试了DeepSeek-R1-Distill-Qwen-7B和DeepSeek-distill-qwen，但不是Llama-based方案。", models)
    assert ("DeepSeek-R1-Distill-Qwen-7B", "AIModel") in found
    assert ("DeepSeek-distill-qwen", "AIModel") in found
    assert not [t for t, _ in found if t.endswith("based")]


@pytest.mark.parametrize("text", ["该公司推出V4.0版本，性能提升明显。", "新模型V3的版本号为V2.5。"])
def test_entities_a_version_alone_is_no_model(text, models):
    assert not [t for t, label in _mentions(text, models) if label == "AIModel"]


def test_entities_a_name_before_a_company_word_stays_a_name(models):
    from kg.mention_filters import plausible

    lists = models.recognizer.lists
    assert plausible("暴雪公司发布", 0, 4, "Organization", 0.9, [(0, 2, "n"), (2, 4, "n"), (4, 6, "v")], lists)
    assert not plausible("美国人工智能研究公司", 0, 10, "Organization", 0.9,
                         [(0, 2, "ns"), (2, 6, "n"), (6, 8, "vn"), (8, 10, "n")], lists)


def test_entities_gazetteer_names_well_known_companies_media_and_people(models):
    found = _mentions("据新京报报道，索尼和库卡与商务部会面，比尔·盖茨出席。", models)
    for item in (("新京报", "Organization"), ("索尼", "Organization"), ("库卡", "Organization"),
                 ("商务部", "Organization"), ("比尔·盖茨", "Person")):
        assert item in found, (item, found)


def test_entities_shared_name_takes_the_company_sense_the_article_gives_it(models):
    text = ("深度求索（DeepSeek）团队表示将开源新模型。苹果最终放弃了DeepSeek的模型。"
            "用户仍在使用DeepSeek，AI模型DeepSeek表现出色。")
    found = [(m.text, m.label, m.start) for m in find_mentions(Article(id="s", text=text),
                                                               segment(Article(id="s", text=text), models.tagger),
                                                               models.recognizer)]
    senses = {start: label for t, label, start in found if t == "DeepSeek"}
    assert senses[text.index("DeepSeek的模型")] == "Organization"  # the maker of a model
    assert senses[text.index("DeepSeek，")] == "AIModel"  # 使用DeepSeek: the model
    assert senses[text.rindex("DeepSeek")] == "AIModel"  # AI模型DeepSeek


def test_entities_digits_of_a_known_name_that_count_or_price_are_no_name(models):
    assert not _mentions("该款售价1688元，共1688家商户，建于1688年，港股360专页。", models)


def test_entities_shared_name_listed_with_other_models_is_a_model(models):
    text = "DeepSeek团队表示将开源新模型。小思将结合DeepSeek、豆包等大模型，与ChatGPT或DeepSeek相媲美。"
    a = Article(id="s", text=text)
    found = [(m.text, m.label, m.start) for m in find_mentions(a, segment(a, models.tagger), models.recognizer)]
    senses = {start: label for t, label, start in found if t == "DeepSeek"}
    assert senses[0] == "Organization"  # DeepSeek团队: the company, so the name has that sense in the article
    assert senses[text.index("DeepSeek、")] == "AIModel"  # listed with 豆包 (a model)
    assert senses[text.rindex("DeepSeek")] == "AIModel"  # ChatGPT或DeepSeek


def test_entities_shared_name_stays_a_model_without_a_company_sense(models):
    found = _mentions("苹果最终放弃了DeepSeek的模型。", models)
    assert ("DeepSeek", "AIModel") in found


@pytest.mark.parametrize("text", ["北京银行", "香港大学", "上海交易所"])
def test_entities_institution_named_after_a_place_is_one_name(text, models):
    from kg.overlaps import nests

    c = (0, len(text), "Organization", "crf", 0.9)
    assert nests(c, [(0, 2, "Location", "lexicon:x", 0.95)], text, models.recognizer.lists.generic)


def test_entities_generic_place_and_industry_phrases_are_not_organizations(models):
    from kg.overlaps import nests

    generic = models.recognizer.lists.generic
    for text in ("美国科技", "美国公司", "中国平台"):
        assert not nests((0, 4, "Organization", "crf", 0.9), [(0, 2, "Location", "lexicon:x", 0.95)], text, generic)


def test_entities_byline_outlet_and_reporter_are_not_one_organization(models):
    found = _mentions("苹果最终放弃了合作。（财联社 夏军雄）", models)
    assert not [t for t, label in found if label == "Organization" and "夏军雄" in t]


def test_entities_names_stop_before_a_title(models):
    from kg.mention_filters import trim

    lists = models.recognizer.lists
    assert trim("恩智浦执行长", 0, 5, "Organization", lists) == 3
    assert trim("华夏银行深圳分行行长", 0, 10, "Organization", lists) == 8
    assert trim("恩智浦执行副总裁", 0, 5, "Organization", lists) == 3
    assert trim("李彦宏", 0, 3, "Person", lists) == 3


def test_entities_crf_names_that_are_words_or_codes_are_dropped(models):
    from kg.mention_filters import plausible

    lists = models.recognizer.lists
    # a lower-case Latin word in text that writes capitals is not a name; in lower-cased text it may be
    toks = [(0, 1, "v"), (1, 9, "eng"), (9, 10, "n")]
    assert not plausible("见analysis页", 1, 9, "Person", 0.97, toks, lists, cased=True)
    assert plausible("见analysis页", 1, 9, "Person", 0.97, toks, lists, cased=False)
    # four Han characters are an idiom unless a compound surname or a transliteration
    assert not plausible("展望未来", 0, 4, "Person", 0.8, [(0, 4, "nr")], lists)
    assert plausible("欧阳明辉", 0, 4, "Person", 0.8, [(0, 4, "nr")], lists)
    # a product code is no place
    assert not plausible("EIC7700X模块", 0, 10, "Location", 0.9, [(0, 8, "eng"), (8, 10, "n")], lists)


def _check_invariants(article: Article, mentions) -> None:
    last_end = -1
    for m in mentions:
        assert m.start >= last_end
        assert m.start < m.end
        assert m.text == article.text[m.start : m.end]
        assert m.label in ENTITY_CLASSES
        assert 0.0 <= m.confidence <= 1.0
        assert m.source == "crf" or m.source.startswith(("lexicon:", "pattern:"))
        last_end = m.end


def test_entities_invariants_on_a_news_paragraph(models):
    a = Article(
        id="n",
        text="财联社2月12日讯，苹果公司正与阿里巴巴合作，为中国iPhone用户开发AI功能。"
        "苹果CEO库克表示，Apple Intelligence尚未在中国推出。百度（9888）宣布文心一言免费。",
    )
    ms = find_mentions(a, segment(a, _tagger(models)), models.recognizer)
    _check_invariants(a, ms)
    assert len(ms) >= 5


def _tagger(models):
    return models.tagger


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("谷歌百度发布模型李彦宏教授说《》（）()·、，。 ABCGPT-4o1.5")), max_size=60))
def test_entities_invariants_on_any_text(models, text):
    a = Article(id="h", text=text)
    _check_invariants(a, find_mentions(a, segment(a, models.tagger), models.recognizer))


def test_entities_recognizer_pickles(models):
    rec = pickle.loads(pickle.dumps(models.recognizer))
    a = Article(id="p", text="百度创始人李彦宏发布文心一言。")
    s = segment(a, models.tagger)
    assert find_mentions(a, s, rec) == find_mentions(a, s, models.recognizer)


def _ontology_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), dst)
    return dst


def test_entities_bad_gazetteer_row_is_quoted(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"label": "Organization", "pattern": ""}\n', encoding="utf-8")
    with pytest.raises(PatternError) as err:
        load_recognizer(d)
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert f"entities.jsonl:{n}" in str(err.value) and '"pattern": ""' in str(err.value).replace("'", '"')


@pytest.mark.parametrize("row", [
    '{"label": "Organization", "pattern": "某某云", "id": "x-cloud", "part_of": "no-such-id"}',
    '{"label": "AIModel", "pattern": "某某模型", "id": "x-model", "part_of": "alibaba"}',
])
def test_entities_part_of_must_name_another_organization_of_the_gazetteer(tmp_path, row):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match="part_of") as err:
        load_recognizer(d)
    assert f"entities.jsonl:{len(path.read_text(encoding='utf-8').splitlines())}" in str(err.value)


def test_entities_undeclared_label_is_rejected(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"label": "Company", "pattern": "某某", "id": "x"}\n',
                    encoding="utf-8")
    with pytest.raises((PatternError, OntologyError), match="Company"):
        load_recognizer(d)


def test_entities_bad_json_is_quoted(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text('{"label": "Organization", "pattern": "百度", "id": "baidu"\n', encoding="utf-8")
    with pytest.raises(PatternError, match="entities.jsonl:1"):
        load_recognizer(d)


def test_entities_missing_or_broken_model(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        load_labeller(tmp_path / "none.crfsuite")
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        load_labeller(bad)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("三星（中国）投资有限公司今天宣布与百度合作。", "三星（中国）投资有限公司"),
        ("阿里巴巴集团（中国）有限公司发布通义千问。", "阿里巴巴集团（中国）有限公司"),
        # a registered name opening with its place
        ("他成立了北京五季健康咨询有限公司。", "北京五季健康咨询有限公司"),
        ("通过天津海峡信息技术合伙企业（有限合伙），开始了投资事业。", "天津海峡信息技术合伙企业（有限合伙）"),
    ],
)
def test_entities_registered_company_name_is_one_mention(text, name, models):
    found = _mentions(text, models)
    assert (name, "Organization") in found, found
    assert not [t for t, label in found if label == "Location"], found


def test_entities_place_after_a_plain_name_stays_apart(models):
    found = _mentions("百度（北京）今天发布文心一言。", models)
    assert ("百度", "Organization") in found
    assert not any(t.startswith("百度（") for t, _ in found)


def test_entities_street_name_the_crf_finds_is_kept(models):
    """A place ending like an address (路, 镇, 街) needs no proper noun among its words."""
    assert ("革新路", "Location") in _mentions("三口之家在革新路一间20平方米的房子里住了十年。", models)
    assert not any(label == "Location" for _, label in _mentions("他一路走来，一条路走到底。", models))


def test_entities_name_shapes():
    from kg.crf_spans import _chinese_name, _place_name
    from kg.patterns import load_word_lists

    w = load_word_lists()
    assert _chinese_name("孙楠", w) and _chinese_name("欧阳明辉", w)
    assert not _chinese_name("展望未来", w) and not _chinese_name("Alex", w)
    assert _place_name("迈号镇", 0.6, w) and not _place_name("迈号镇", 0.3, w)
    assert not _place_name("这条路", 0.9, w) and not _place_name("路", 0.9, w)


def test_entities_transliterated_name_with_common_characters(models):
    """山 and 大 are transliteration characters too (亚历山大), so the dotted name is whole."""
    assert ("基斯·亚历山大", "Person") in _mentions("新晋升的四星上将基斯·亚历山大将执掌五角大楼。", models)
    assert ("任天堂", "Organization") in _mentions("本届GDC将邀请任天堂社长岩田聪与会。", models)


def test_entities_no_person_right_after_a_number(models):
    found = _mentions("法国将与阿联酋合作建设一座 1 吉瓦的人工智能数据中心。", models)
    assert not any(label == "Person" for _, label in found)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("2月10日消息，联想近日宣布与DeepSeek合作。", "2月10日"),
        ("Arm的首款自研芯片是一款面向数据中心的中央处理器（CPU）。", "中央处理器"),
        ("阿里巴巴曾升最多5.82%，百度曾跌最多1.3%。", "曾升"),
    ],
)
def test_entities_dates_things_and_adverbs_are_no_names(text, wrong, models):
    assert not any(t == wrong for t, _ in _mentions(text, models))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("由雷军创办的小米公司", "雷军"),  # 由 glued to the name by the segmenter: the gazetteer still finds it
        ("作者是婧玥", "婧玥"),  # 是 glued before a pen name
        ("《青春·后青春》是央视资深新闻人白岩松1的图书", "白岩松"),  # an encyclopedia's reference mark
        ("王国维著有《曲录》等著作", "王国维"),  # 著 (wrote) glued after the name
    ],
)
def test_entities_person_name_without_the_words_glued_to_it(text, name, models):
    assert (name, "Person") in _mentions(text, models)


def test_entities_a_surname_that_is_also_a_function_word_stays():
    from kg.mention_filters import bare_name
    from kg.patterns import load_word_lists

    w = load_word_lists()
    for text in ("和珅", "于谦", "向华强"):
        assert bare_name(text, 0, len(text), w) == (0, len(text)), text


def test_entities_the_end_of_a_school_name_is_no_person(models):
    found = _mentions("关春影，出生于1963年2月，毕业于辽宁师范大学", models)
    assert ("关春影", "Person") in found
    assert not any(label == "Person" and text.endswith("大学") for text, label in found)


def test_entities_a_reference_mark_does_not_hide_the_name_before_it(models):
    assert ("戴和根", "Person") in _mentions("中国化学工程股份有限公司董事长：戴和根3", models)


def test_entities_none_in_a_list_of_related_articles_after_the_article(models):
    # a crawled text running on into the site's related links on the same line; names in the story are kept
    text = "微軟投資了Mistral。 相關文章： 比亞迪市值為何遠不及Tesla？｜周顯 自住只應買現樓｜曾智華"
    found = _mentions(text, models)
    assert ("微軟", "Organization") in found
    assert not [t for t, _ in found if t in ("比亞迪", "Tesla", "周顯", "曾智華")]
    # a link list in the middle of the story ends nothing
    found = _mentions("相關新聞：某某事件｜有片 比亞迪表示，案件仍在調查。", models)
    assert ("比亞迪", "Organization") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company word right before the shared name, or another company listed next to it
        ("现时中国初创公司DeepSeek建立的人工智能模型。", ("DeepSeek", "Organization")),
        ("但它们输于OpenAI以及DeepSeek。", ("DeepSeek", "Organization")),
        # a sign of the model keeps the model
        ("OpenAI和DeepSeek模型都很强。", ("DeepSeek", "AIModel")),
        ("网易有道宣布对接DeepSeek相关模型。", ("DeepSeek", "AIModel")),
        # where the article also names the company, a model embraced or brought in (in quotes too) stays the model
        ("深度求索（DeepSeek）团队很年轻。钉钉宣布“全面拥抱DeepSeek”。", ("DeepSeek", "AIModel")),
    ],
)
def test_entities_shared_name_is_the_company_after_a_company_word_or_in_a_list_of_companies(text, expected, models):
    assert expected in _mentions(text, models)



@pytest.mark.parametrize(
    ("text", "wrong", "expected"),
    [
        # a stock index is no organization; a country before a Latin company name is two mentions
        ("纳斯达克中国金龙指数亦收高4%，恒生科技指数看涨。", {"纳斯达克中国金龙", "恒生科技"}, set()),
        ("该公司还面临着来自中国MicroBT的竞争。", {"中国MicroBT"}, {("MicroBT", "Organization")}),
        # an outlet's account is the outlet
        ("更多精彩内容，关注钛媒体微信号（ID：taimeiti）。", {"钛媒体微信号"}, {("钛媒体", "Organization")}),
    ],
)
def test_entities_indexes_country_prefixes_and_accounts(text, wrong, expected, models):
    found = _mentions(text, models)
    assert not {t for t, _ in found} & wrong and expected <= set(found)


def test_entities_gazetteer_knows_reality_technologies_and_their_acronyms_once_spelled_out(models):
    found = _mentions("脑机接口可与虚拟现实（VR）、增强现实结合，3D打印也在其列。后来VR和AR都普及了。", models)
    for name in ("VR", "虚拟现实", "增强现实", "3D打印"):
        assert (name, "Technology") in found, (name, found)
    # a two-letter acronym alone is too ambiguous to name a technology
    assert not [t for t, _ in _mentions("他们的AR很高。", models) if t == "AR"]


def test_entities_gazetteer_knows_office_apps_as_organizations(models):
    found = _mentions("就在不久前，飞书也宣布接入了DeepSeek-R1，钉钉和企业微信也一样。", models)
    for name in ("飞书", "钉钉", "企业微信"):
        assert (name, "Organization") in found, (name, found)


def test_entities_a_quoted_joint_venture_and_a_named_ai_product(models):
    found = _mentions("软银刚刚与OpenAI达成协议，将在日本成立合资企业“SB OpenAI Japan”，共同打造名为“Cristal（水晶）”的人工智能产品。"
                      "另有一款名为“更好的生活”的产品。", models)
    assert ("SB OpenAI Japan", "Organization") in found and ("Cristal", "AIModel") in found, found
    assert not [t for t, _ in found if t == "更好的生活"], found


@pytest.mark.parametrize(
    ("text", "name"),
    [("在中国投资协会上市公司投资专业委员会副会长支培元看来，脑机接口技术虽有进步。", "支培元"),
     ("比亚迪副总裁巩旻也表示，这很重要。", "巩旻")],
)
def test_entities_a_name_between_a_title_and_a_speech_verb_is_a_person(text, name, models):
    assert (name, "Person") in _mentions(text, models)


def test_entities_common_words_the_recognizer_took_for_names_are_none(models):
    found = _mentions("安卓手机都已接入，普惠金融也在推进，国民级别的应用上一代就有。", models)
    assert not [t for t, _ in found if t in ("安卓", "普惠", "国民级别", "上一代")], found


def test_entities_a_model_alias_that_needs_the_word_for_a_model_names_the_model_alone(models):
    found = _mentions("其中就包含DeepSeek的V3模型，展现了非常不错的性能；豆包大模型也很好。", models)
    assert ("V3", "AIModel") in found and ("豆包大模型", "AIModel") in found, found


def test_entities_gazetteer_knows_venture_firms(models):
    found = _mentions("先后拿到来自金沙江创投、华山资本、真格基金、红杉中国、万物资本、博裕资本等机构的投资。百度风投CEO高雪回应。", models)
    for name in ("金沙江创投", "华山资本", "真格基金", "红杉中国", "万物资本", "博裕资本", "百度风投"):
        assert (name, "Organization") in found, (name, found)


@pytest.mark.parametrize(
    ("text", "name"),
    [("广立微推出SemiMind半导体大模型平台。", "SemiMind"), ("同方知网宣布，旗下华知大模型系列解决方案支持接入DeepSeek。", "华知大模型"),
     ("蚂蚁集团公布其自研百灵大模型最新研发进展。", "百灵大模型"), ("鹰瞳Airdoc宣布其万语医疗大模型已接入DeepSeek。", "万语医疗大模型"),
     ("公司接入盘古大模型。", "盘古大模型"), ("好未来还推出了“随时问”App，这是一个AI数学老师。", "随时问"),
     ("谭待表示，豆包1.5Pro模型的成本低于DeepSeek V3。", "豆包1.5Pro"), ("Gemini 2.0 Flash也不错。", "Gemini 2.0 Flash")],
)
def test_entities_a_model_named_before_its_field_or_after_its_owners_word(text, name, models):
    assert (name, "AIModel") in _mentions(text, models)


KEPT_AND_DROPPED = [
    # web and e-mail addresses hold no names; a name an address runs into keeps its own part
    ("GitHub 地址：https://github.com/deepseek-ai/awesome-deepseek-integration 就在不久前。"
     "记者联系邮箱：luoyidan@xjbnews.com 新京报贝壳财经记者 罗亦丹",
     {("新京报贝壳财经", "Organization"), ("罗亦丹", "Person")}, {"https", "deepseek-ai", "luoyidan@xjbnews.com新京报贝壳财经"}),
    # a unit word grows a name only where a word ends
    ("孙正义表示，软银每年将在OpenAI产品部署上投入30亿美元。英特尔产品部负责人表示。",
     {("OpenAI", "Organization"), ("英特尔产品部", "Organization")}, {"OpenAI产品部"}),
    # after a title: no dictionary word, verb, adverb or title end is a name
    ("它被张艺谋导演相中，参与长期驻场舞台剧。他当选为主席席位。", set(), {"相中", "席位"}),
    ("穆勒纳尔致信国家安全事务助理迈克·沃尔茨。特朗普会见记者时表示，DeepSeek很好。",
     {("迈克·沃尔茨", "Person")}, {"理迈克·沃尔茨", "时表示"}),
    # districts, the ambiguous ones only with 区
    ("截至去年年底已有255家大模型企业落地徐汇，南山区的腾讯总部也在扩张，徐汇滨江风景很好。",
     {("徐汇", "Location"), ("南山区", "Location")}, {"滨江"}),
    # a source credit stops where the text runs on
    ("基本保持着一年2家左右的投资频率。来源：天眼查需要注意的是，近3年间他一直并未出手。来源：天眼查来源：BOSS直聘截图",
     {("天眼查", "Organization")}, {"天眼查需要注意的是", "天眼查来源"}),
    ("> 来源：金融时报客户端记者：张冰洁编辑：云阳", {("金融时报", "Organization"), ("张冰洁", "Person")},
     {"金融时报客户端记者"}),
    # a place ends before 的 and before its whole area
    ("马斯克通过公司为OpenAI在旧金山的办公室支付租金。合肥全市的创新生态在变化。",
     {("旧金山", "Location"), ("合肥", "Location")}, {"旧金山的办公室", "合肥全市"}),
    # a verb never opens a company name; benchmarks and short field words are no names
    ("OpenAI目前通过投资和自己小规模研发机器人本体，尚未All in。智元机器人发布新品。",
     {("智元机器人", "Organization")}, {"研发机器人"}),
    ("研究团队在RestBench和ToolBench这两个工具学习Benchmark上做了实验。徐洁云及小米智驾负责人叶航军出席。",
     {("叶航军", "Person")}, {"RestBench", "ToolBench", "智驾"}),
    # a company before a verb and the word for models stays a company; a kind of model is no name
    ("MiniMax推出了大模型，旗下金融大模型也上线了。", {("MiniMax", "Organization")}, {"金融大模型"}),
    # an owned model whose name the segmenter glued to 大, not a function word so glued
    ("小米是小爱大模型。彼时美团的决策层对大模型寄予厚望。", {("小爱大模型", "AIModel")}, {"决策层对大模型"}),
    # a preposition or a second name the segmenter's dictionary glued to a known name
    ("他毕业于清华，离清华北大等高校很近。", {("清华", "Organization"), ("北大", "Organization")}, {"于清华", "清华北大"}),
    # company-record services are organizations
    ("企查查显示，该公司成立于2023年；天眼查信息也如此。", {("企查查", "Organization"), ("天眼查", "Organization")}, set()),
    # a firm's name stops before a partner's title that begins with 管理 or 主管
    ("红杉中国管理合伙人沈南鹏表示。", {("红杉中国", "Organization"), ("沈南鹏", "Person")}, {"红杉中国管理"}),
    # a known city inside the word for it and its unit word
    ("上海市的公司很多。", {("上海市", "Location")}, set()),
    # a title alone names nobody, and is no part of the name after it
    ("阿联酋迪拜王储谢赫·哈姆丹会见了李彦宏。此次李彦宏亲赴中东，并与迪拜王储会面。",
     {("谢赫·哈姆丹", "Person"), ("李彦宏", "Person")}, {"王储", "王储谢赫·哈姆丹"}),
    # a country, a field and the word for a company, the countries of a region, the central government
    ("其业绩会对中国教育公司带来共振。中东国家正经历转型。需要经过属地初审和中央终审。", set(),
     {"中国教育公司", "中东国家", "中央"}),
    # a Latin name before its funding or founding is a company; a valuation method in capitals is not
    ("SSI获得了10亿美元融资。Figure估值达到390亿美元。DCF估值法得出8元。",
     {("SSI", "Organization"), ("Figure", "Organization")}, {"DCF"}),
    # a list's first member with a space in its name counts among the recognised ones
    ("SSI获得融资，由Andreessen Horowitz、红杉资本、DST Global和SV Angel等投资。",
     {("DST Global", "Organization"), ("SV Angel", "Organization")}, set()),
    # a lab or institute named after its city and field
    ("上海市数据科学重点实验室主任肖仰华说，北京人工智能研究院发布报告。",
     {("上海市数据科学重点实验室", "Organization"), ("北京人工智能研究院", "Organization")}, set()),
    # 如 glued to the name after it; a second name glued to a known one
    ("关注消费互联网龙头如美团-W、携程集团-S等。刚刚上央视春晚的宇树科技正在招兵买马。",
     {("美团", "Organization"), ("央视", "Organization")}, {"如美团"}),
    # a name shared by a company and its model: the owner of a model, or someone one contacts, is the company
    ("到2025年，DeepSeek的新模型让更多人相信开源。主办方称，已经与DeepSeek取得了联系。",
     {("DeepSeek", "Organization")}, set()),
    # a list member running into a verb is no name; a shared name one cooperates with is the company
    ("OPPO、荣耀宣布与DeepSeek达成合作，方便用户使用。", {("OPPO", "Organization"), ("DeepSeek", "Organization")},
     {"荣耀宣布"}),
    # an outlet cited for news, not a kind of source
    ("据电子工程专辑报道，该公司完成融资。据当地媒体报道，他已离职。", {("电子工程专辑", "Organization")}, {"当地媒体"}),
    # a media account named after a colon is an organization; the platform it is on is no mention there
    ("本文来自微信公众号：观弈行研，作者：叁叁，题图来自：AI生成。欢迎关注爱范儿官方微信公众号：爱范儿（微信号：ifanr）。",
     {("观弈行研", "Organization"), ("爱范儿", "Organization")}, {"微信", "AI生成"}),
    # a picture agency's catalogue number is no part of its name
    ("“广东缺的，南京都有。” 图片来源：摄图网500819294 教育部发布名单。", {("摄图网", "Organization")},
     {"摄图网500819294"}),
    # a country and the word for its universities or firms names nothing
    ("梁文锋来自广东。美国大学的专利转化率为50%左右，深圳民企数量超过254万。",
     {("广东", "Location")}, {"美国大学", "深圳民企"}),
    # a quoted assistant's or model's name near the word for it; a quoted description of an assistant is none
    ("邮储银行将DeepSeek大模型应用于“小邮助手”。依托“智慧小苏”大语言模型服务平台。AI模型将成为人们的“得力助手”。",
     {("小邮助手", "AIModel"), ("智慧小苏", "AIModel")}, {"得力助手"}),
    # a company's name without its endings is the company wherever it recurs; a hospital is no place
    ("洛必德科技有限公司（以下简称“洛必德”）COO侍启山接受采访。洛必德的产品很多。为北医三院、华西医院等医院赋能。",
     {("洛必德", "Organization"), ("华西医院", "Organization")}, {"侍启山接受"}),
    # 现 before a verb of office, 任 after a date: no part of the names beside them
    ("银河通用的创始人王鹤现担任助理教授。侍启山2018年4月至2019年10月任希格斯动力（珠海）科技有限公司技术副总裁。",
     {("王鹤", "Person"), ("希格斯动力（珠海）科技有限公司", "Organization")}, {"王鹤现", "任希格斯动力（珠海）科技有限公司"}),
    # a country before a part of it and a place: two mentions
    ("2022年公司就在加拿大北部魁北克钻孔。", {("加拿大", "Location"), ("魁北克", "Location")}, {"加拿大北部魁北克"}),
    # a country before one of its states or provinces: two mentions
    ("建设资金中的20%来自印度古吉拉特邦。", {("印度", "Location"), ("古吉拉特邦", "Location")}, {"印度古吉拉特邦"}),
    # a Latin name with its parameter count is a model's; a one-letter code is not
    ("研究团队提供了三种规模的模型：实验用的Goku-1B、标准版Goku-8B。我安装运行了R1-Distill-Llama-70B。他持H-1B签证。",
     {("Goku-1B", "AIModel"), ("Goku-8B", "AIModel"), ("R1-Distill-Llama-70B", "AIModel")}, {"H-1B"}),
    # a verb the words before it run into is no name, however sure the labeller is of a heading's colon
    ("▶ 未来展望：当“5G+AI”遇上“开源+AGI” 或许不久的将来。", {("5G", "Technology")}, {"展望"}),
    # a body named after its place is an organization
    ("这家公司已经与印度卡纳塔克邦工业区发展局签署了投资谅解备忘录。", {("印度卡纳塔克邦工业区发展局", "Organization")}, set()),
    # places the labeller joined over 与 are apart
    ("2024年7月，上海大学与上海市宝山区、杭州宇树科技签署战略合作协议。", {("上海大学", "Organization"), ("宝山区", "Location")},
     {"上海大学与上海市宝山区"}),
    # a country and its capital the labeller joined over the word for a capital are two places
    ("本届峰会在法国首都巴黎举行，工厂设在沙特阿拉伯首都利雅得。",
     {("法国", "Location"), ("巴黎", "Location"), ("沙特阿拉伯", "Location"), ("利雅得", "Location")},
     {"法国首都巴黎", "沙特阿拉伯首都利雅得"}),
    # digits the gazetteer knows as a platform name it, not where they count or price something
    ("而该产品在1688电商平台上的售价更低，1688还将投入买量。", {("1688", "Organization")}, set()),
    # a title in 《》 beside a broadcasting publisher is a book
    ("《纯爱英文馆（全2册）》是2012年中国国际广播出版社出版的图书。", {("纯爱英文馆（全2册）", "Publication")}, set()),
    # listed companies: one the dictionary lacks, one a glued 如 ran into, one registered with a bracketed city
    ("如莲花控股（600186.SH）、迈信林（688685.SH）等；二是自建智算中心，如锦龙股份（000712.SZ）等。金山云（庆阳）数据信息科技有限公司签约。",
     {("迈信林", "Organization"), ("锦龙股份", "Organization"), ("金山云（庆阳）数据信息科技有限公司", "Organization")},
     {"如锦龙股份", "庆阳", "数据信息科技有限公司"}),
    # a company and its parent named right after it are two companies
    ("2月4日，谷歌母公司Alphabet表示，预计资本支出将达到750亿美元。", {("谷歌", "Organization"), ("Alphabet", "Organization")},
     {"谷歌母公司Alphabet", "谷歌母公司"}),
    # a firm after a description of its field is named apart from it; a field, a country and the word for firms is none
    ("上海生物医药企业复宏汉霖宣布合作。美国生物制药公司Summit Therapeutics去年宣布。中国生物药企的早期药物。",
     {("复宏汉霖", "Organization"), ("Summit Therapeutics", "Organization")},
     {"上海生物医药企业复宏汉霖", "美国生物制药公司", "中国生物药企"}),
    # a source credit stops before the account it was taken from
    ("本文来源：央视新闻微信公众号综合", {("央视新闻", "Organization")}, {"央视新闻微信公众号综合"}),
    # a long title in 《》 is a publication too
    ("东南大学新闻网发布文章《东南大学自动化学院黄广斌首席教授国际研究团队理论证明不受限制的人工智能必将超越人类智能，推动AI和脑科学研究的融合》。",
     {("东南大学自动化学院黄广斌首席教授国际研究团队理论证明不受限制的人工智能必将超越人类智能，推动AI和脑科学研究的融合", "Publication")}, set()),
    # a letter and a digit after a Han model name are its version
    ("讯飞推出的星火3.5是大模型，又推出了深度推理模型星火X1。腾讯发布混元T1。",
     {("星火3.5", "AIModel"), ("星火X1", "AIModel"), ("混元T1", "AIModel")}, {"X1"}),
    # an exchange's name before its index is the index's; coins, exchanges of coins and charitable trusts name nothing
    ("显著低于纳斯达克100指数的27倍。比特币和去中心化交易所兴起，违反慈善信托使命。", set(), {"纳斯达克", "比特币", "去中心化交易所", "慈善信托"}),
    # a name given to a company after 名为
    ("今年初，一家名为 KoBold Metals （以下简称 KoB ）的公司估值近30亿美元。", {("KoBold Metals", "Organization")}, set()),
    # a phone sold in the country (国行) is the maker's; a program of a TV channel is no publication
    ("期待三星国行未来能接入DeepSeek。央视《晚间新闻》选用了AI生成的视频。", {("三星", "Organization")},
     {"三星国行", "晚间新闻"}),
    # the word for a large model after a Han model name is part of it as written, with the kind of model it names;
    # a body named after a model is an organization
    ("腾讯混元大模型和讯飞星火大模型上线，字节跳动发布豆包视觉理解模型。盘古智库高级研究员吴琦表示。",
     {("腾讯混元大模型", "AIModel"), ("讯飞星火大模型", "AIModel"), ("豆包视觉理解模型", "AIModel"),
      ("盘古智库", "Organization")}, {"腾讯混元", "讯飞星火", "豆包", "盘古"}),
    # a field's firm before a name that starts with a digit; a joint venture's word after its name; a maker's battery
    ("中国最大的网络安全公司360数字安全集团发布报告，通过Stargate合资企业投资，宁德时代麒麟电池量产。",
     {("360数字安全集团", "Organization"), ("Stargate", "Organization"), ("宁德时代", "Organization")},
     {"网络安全公司360数字安全集团", "Stargate合资企业", "宁德时代麒麟电池", "麒麟电池"}),
    # a moat, an organization in general and a kind of chip name nothing
    ("企业构建护城河。具有国家级背景的组织发起攻击，由于ASIC与算法高度绑定。", set(), {"护城河", "组织", "ASIC"}),
    # a titled person's name before a word that follows names as often as a speech verb does
    ("火山引擎总裁谭待通过朋友圈回应。实验室副主任董希淼受访时表示。容联云产品负责人唐兴才则向记者提供了数据。",
     {("谭待", "Person"), ("董希淼", "Person"), ("唐兴才", "Person")}, {"唐兴"}),
    ("院长在会上表示，董事长也曾经说过，总裁就此回应。", set(), {"在会上", "也曾经", "就此"}),
    # a Latin name after 据 or a word for a medium or research firm, before its report or figures
    ("知名金融博客ZeroHedge报道，转型很难。据Sensor Tower数据，下载量第一。",
     {("ZeroHedge", "Organization"), ("Sensor Tower", "Organization")}, set()),
    # a quoted name after a kind of body; staff after a firm's name; kinds of bodies name nothing
    ("非政府组织“未来社会”执行董事尼古拉斯·莫伊斯表示。新华保险员工可利用其接口。受访者告诉民意调查机构 Ifop。",
     {("未来社会", "Organization"), ("新华保险", "Organization"), ("Ifop", "Organization")},
     {"非政府", "新华保险员工", "民意调查机构"}),
    # a name a company and its model share, before a model named as its own, is the company
    ("奥特曼曾表示，DeepSeek的R1模型令人印象深刻。", {("DeepSeek", "Organization"), ("R1", "AIModel")}, set()),
    # a Han name with its Latin name in brackets before a title is a firm
    ("“单纯地追热度永远追不上”，枫清科技（Fabarta）联合创始人兼CTO杨成虎更关注创新。", {("枫清科技", "Organization")}, set()),
    # a country's body and a branch named after its place are one organization each
    ("伊朗外交部发言人表示。富龙集团北京分公司总经理赵红表示。", {("伊朗外交部", "Organization"), ("富龙集团北京分公司", "Organization")},
     {"外交部", "北京"}),
    # a name opening a clause before 创始人 and a person who speaks is the firm; a person's name and a conjunction are not
    ("盛企融创始人张雪丽在接受记者采访时说。百联咨询创始人庄帅认为，市场很大。指控杨植麟及联合创始人张宇韬在未获同意时行事。",
     {("盛企融", "Organization"), ("百联咨询", "Organization"), ("张雪丽", "Person")}, {"杨植麟及"}),
    # a word for people ends no organization's name
    ("世界首富、美国亿万富翁埃隆·马斯克牵头的财团。", {("美国", "Location"), ("埃隆·马斯克", "Person")}, {"美国亿万富翁"}),
    # a phone or headset with its version is no AI model
    ("发布时间最晚的，是华为 Pura 80 Ultra。苹果Vision Pro头显。", {("华为", "Organization")}, {"Pura 80 Ultra", "Pura 80", "Vision Pro"}),
    # a preposition glued to a company's name is no part of it; kinds of public bodies and the China edition name nothing
    ("除乐鑫科技外，其他公司也在做。比如在党政机关等场景，科研机构也参与。苹果和阿里结合后的国行Apple Intelligence。",
     {("乐鑫科技", "Organization"), ("苹果", "Organization")}, {"除乐鑫科技", "除乐鑫科", "党政机关", "科研机构", "国行"}),
]


@pytest.mark.parametrize(("text", "kept", "dropped"), KEPT_AND_DROPPED, ids=[x[0][:10] for x in KEPT_AND_DROPPED])
def test_entities_names_found_and_look_alikes_left_out(text, kept, dropped, models):
    found = _mentions(text, models)
    assert kept <= set(found), found
    assert not [t for t, _ in found if t in dropped], found


def test_entities_a_shared_name_deployed_or_adapted_is_the_model_where_the_company_is_named_too(models):
    text = ("DeepSeek成立于2023年。在证券行业，国泰君安、国金证券等券商已宣布完成DeepSeek本地化部署。"
            "摩尔线程宣布适配DeepSeek。")
    a = Article(id="t", text=text)
    found = [(m.text, m.label, m.start) for m in find_mentions(a, segment(a, models.tagger), models.recognizer)]
    senses = {start: label for t, label, start in found if t == "DeepSeek"}
    assert senses[0] == "Organization"
    assert senses[text.index("DeepSeek本地化")] == "AIModel" and senses[text.rindex("DeepSeek")] == "AIModel"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("2月7日，奥浦迈（688293.SH）公告称将收购一家公司。", "奥浦迈"),
        ("截至收盘，来伊份（603777.SH）预计亏损。", "来伊份"),
        ("视觉技术公司格灵深瞳（688207.SH）自上市以来持续亏损。", "格灵深瞳"),  # a kind before the name is no part of it
        ("港股方面，涂鸦智能-W(02391.HK)涨超10%。", "涂鸦智能"),  # nor the share class after it
        ("建议关注如晶科能源（688223.SH）等标的。", "晶科能源"),  # nor a word glued to its start
    ],
)
def test_entities_company_named_with_its_stock_code(text, company, models):
    assert (company, "Organization") in _mentions(text, models)


def test_entities_stock_code_after_a_fund_or_common_word_names_no_company(models):
    found = _mentions("黄金ETF（518880.SH）上涨，信息（300001.SZ）披露。", models)
    assert not [f for f in found if f[0] in {"黄金ETF", "信息", "ETF"}]


def test_entities_a_subsidiary_described_by_its_parent_is_the_parent(models):
    found = _mentions("原告嘉士伯重啤为重庆啤酒控股子公司，持有重庆嘉威33%的股权。", models)
    assert not [f for f in found if f[0].endswith("子公司")]


def test_entities_fine_tuning_a_named_model_is_a_verb(models):
    assert ("微调", "Technology") not in _mentions("江苏银行成功本地化部署微调DeepSeek-VL2多模态模型。", models)
    assert ("微调", "Technology") in _mentions("模型微调是关键，微调需要数据。", models)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("全国选品中心负责人卓含透露，2024年的生意增长。", "卓含"),  # a name the segmenter only guessed, tagged a verb
        ("上海金融与发展实验室副主任董希淼表示，城商行与地方国企合作。", "董希淼"),
        ("分析师平均预计1月非农就业人数将回落。", None),  # a word it knows is no name
        ("该品牌加盟负责人曾称，品牌月均店销可以达到十万。", None),  # nor a guessed word ending in a verb of saying
    ],
)
def test_entities_name_between_a_title_and_a_speech_verb(text, person, models):
    found = {m for m, label in _mentions(text, models) if label == "Person"}
    assert found == ({person} if person else set())


def test_entities_techniques_of_efficient_training_and_number_formats(models):
    found = _mentions("DeepSeek通过FP8混合精度训练与多Token预测（MTP）降低成本，并采用多头注意力机制。", models)
    for name in ("混合精度训练", "多Token预测", "多头注意力机制"):
        assert (name, "Technology") in found, (name, found)
    assert not [f for f in found if f[0] == "FP8"]  # a number format is no model


def test_entities_phone_and_car_makers_in_a_list(models):
    found = _mentions("目前，包括华为、荣耀、OPPO、魅族在内的手机厂商，以及吉利、极氪、宝骏等车企均已接入。", models)
    for name in ("荣耀", "宝骏"):
        assert (name, "Organization") in found, (name, found)


def test_entities_a_founded_or_joined_name_shared_with_a_model_is_the_company(models):
    assert ("DeepSeek", "Organization") in _mentions("梁文锋于2023年创立了DeepSeek。", models)
    assert ("DeepSeek", "Organization") in _mentions("他随后加入了DeepSeek，负责模型训练。", models)
    assert ("DeepSeek", "AIModel") in _mentions("多家公司接入DeepSeek。", models)


def test_entities_a_name_after_a_latin_title_and_before_to_whom_it_speaks(models):
    found = _mentions("长亮科技（300348）CEO李劲松对财联社表示，汇生国际资本总裁黄立冲向记者介绍。", models)
    assert ("李劲松", "Person") in found and ("黄立冲", "Person") in found


def test_entities_stock_indices_and_the_funds_tracking_them_are_no_organizations(models):
    found = _mentions("恒生科技HKETF近半年份额增长，中证人工智能产业指数在节后走强，恒生银行下调利率。", models)
    orgs = {t for t, label in found if label == "Organization"}
    assert not {o for o in orgs if "ETF" in o or o.startswith("中证")}
    assert "恒生银行" in orgs


def test_entities_shared_name_listed_among_firms_is_the_company(models):
    assert ("DeepSeek", "Organization") in _mentions("随着DeepSeek等新兴企业在AI领域崛起，格局生变。", models)
    assert ("DeepSeek", "AIModel") in _mentions("DeepSeek等大模型表现出色。", models)


def test_entities_a_latin_name_opening_with_a_common_given_name_is_a_person(models):
    found = _mentions("1月7日，Marc Toberoff致信加利福尼亚州的总检察长，SSI由Ilya Sutskever和Daniel Gross联合创办。", models)
    assert {("Marc Toberoff", "Person"), ("Daniel Gross", "Person")} <= set(found)
    assert ("Morgan Stanley", "Person") not in _mentions("摩根士丹利（Morgan Stanley）发布报告。", models)


def test_entities_a_known_place_is_cut_from_the_words_the_labeller_ran_on_into(models):
    found = _mentions("深入渗透，意味着佛山制造业正在经历脱胎换骨。2月6日，云南咖啡豆采购价突破新高。", models)
    places = {t for t, label in found if label == "Location"}
    assert {"佛山", "云南"} <= places and not [p for p in places if len(p) > 2]


def test_entities_an_age_after_a_credited_name_is_no_second_name(models):
    found = _mentions("书古诗二首《山中》作者：王维 唐代 荆溪白石出，天寒红叶稀。", models)
    assert ("唐代", "Person") not in found
