"""Relations of what puts a model or a technique to use (products it is brought into, platforms it is deployed to), of
places named one inside the other, and of investors named after the company they funded."""

from __future__ import annotations

import pytest

from tests.test_relations import L, M, O, T, _triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a model brought into a company's products (将……整合至), and the platform a model is deployed to
        ("医渡科技宣布将DeepSeek整合至公司自主研发的医疗大脑。", [("医渡科技", O), ("DeepSeek", M)],
         {("医渡科技", "uses", "DeepSeek", None)}),
        ("2月2日，腾讯云官方宣布，DeepSeek-R1大模型一键部署至腾讯云HAI上。", [("腾讯云", O), ("DeepSeek-R1", M)],
         {("腾讯云", "uses", "DeepSeek-R1", None)}),
        ("华为不会将DeepSeek接入到小艺中。", [("华为", O), ("DeepSeek", M)], set()),
        # the technology the model is named as, between it and the work of bringing it in
        ("2月7日，东风汽车宣布，已完成DeepSeek全系列大语言模型的接入工作。",
         [("东风汽车", O), ("DeepSeek", M), ("大语言模型", T)], {("东风汽车", "uses", "DeepSeek", None)}),
        # the platform a model goes online on; not a shop's chart
        ("DeepSeek-R1模型已上线华为云。", [("华为云", O), ("DeepSeek-R1", M)], {("华为云", "uses", "DeepSeek-R1", None)}),
        ("DeepSeek上线苹果应用商店后下载量激增。", [("苹果", O), ("DeepSeek", M)], set()),
        # the example a clause tells of; not when another company does it
        ("以阿里云为例，用户无需编写代码，即可云上一键部署DeepSeek-V3。", [("阿里云", O), ("DeepSeek-V3", M)],
         {("阿里云", "uses", "DeepSeek-V3", None)}),
        ("以百度为例，腾讯也接入了DeepSeek。", [("百度", O), ("腾讯", O), ("DeepSeek", M)], {("腾讯", "uses", "DeepSeek", None)}),
        # platforms a list names and sums up by their kind
        ("知乎、百度等平台均已上线DeepSeek-R1。", [("知乎", O), ("百度", O), ("DeepSeek-R1", M)],
         {("知乎", "uses", "DeepSeek-R1", None), ("百度", "uses", "DeepSeek-R1", None)}),
        # the kind glued to 等 by the segmenter (等算力|平台)
        ("目前，阿里、腾讯、超算互联网等算力平台，均已经上线DeepSeek系列模型。",
         [("阿里", O), ("腾讯", O), ("超算互联网", O), ("DeepSeek", M)],
         {(n, "uses", "DeepSeek", None) for n in ("阿里", "腾讯", "超算互联网")}),
    ],
)
def test_relations_a_model_brought_into_products_or_deployed_to_a_platform(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a model named by another company's name is that company's: one that releases it serves it
        ("优刻得2月10日上线DeepSeek-R1满血模型。", [("优刻得", O), ("DeepSeek-R1", M)],
         {("优刻得", "uses", "DeepSeek-R1", None)}),
        ("深度求索发布了DeepSeek-V3模型。", [("深度求索", O), ("DeepSeek-V3", M)],
         {("深度求索", "released", "DeepSeek-V3", None)}),
        ("DeepSeek公司发布了DeepSeek-R1。", [("DeepSeek公司", O), ("DeepSeek-R1", M)],
         {("DeepSeek公司", "released", "DeepSeek-R1", None)}),
    ],
)
def test_relations_a_model_another_company_is_named_for_is_used_not_made(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("uses", "released", "developed")} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("奥特曼晒出星际之门在美国得克萨斯州首期工厂的视频。", [("美国", L), ("得克萨斯州", L)],
         {("得克萨斯州", "locatedIn", "美国", None)}),
        ("2022年Kob就在加拿大北部魁北克发现铜矿。", [("加拿大", L), ("魁北克", L)], {("魁北克", "locatedIn", "加拿大", None)}),
        # two places of a list are not one inside the other
        ("中美两国在北京上海等地合作。", [("北京", L), ("上海", L)], set()),
    ],
)
def test_relations_a_place_named_right_after_the_place_it_lies_in(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "locatedIn"} == expected


def test_relations_a_group_named_for_a_place_holds_companies_of_that_place():
    O = "Organization"
    got = _triples("宇树科技这一年多时间声名大噪，被称为杭州6小龙之一。", [("宇树科技", O), ("杭州", L)])
    assert ("宇树科技", "locatedIn", "杭州", None) in got
    got = _triples("以宇树科技、强脑科技为首的“杭州四雄”走红。", [("宇树科技", O), ("强脑科技", O), ("杭州", L)])
    assert {t for t in got if t[1] == "locatedIn"} == {("宇树科技", "locatedIn", "杭州", None),
                                                      ("强脑科技", "locatedIn", "杭州", None)}
    got = _triples("宇树科技的估值超过杭州的几家巨头。", [("宇树科技", O), ("杭州", L)])
    assert not [t for t in got if t[1] == "locatedIn"], "outranking a place's companies is no membership"


def test_relations_investors_named_after_a_comma_from_whom_a_company_got_money():
    got = _triples("2016年，三人成立了循环智能，先后拿到来自金沙江创投、华山资本、真格基金的投资。",
                   [("循环智能", O), ("金沙江创投", O), ("华山资本", O), ("真格基金", O)])
    assert {t for t in got if t[1] == "investedIn"} == {
        ("金沙江创投", "investedIn", "循环智能", None), ("华山资本", "investedIn", "循环智能", None),
        ("真格基金", "investedIn", "循环智能", None)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("自上个月DeepSeek爆火以来，国内外众多云厂商纷纷接入，包括亚马逊、微软等。", [("DeepSeek", M), ("亚马逊", O), ("微软", O)],
         {("亚马逊", "uses", "DeepSeek", None), ("微软", "uses", "DeepSeek", None)}),
        ("DeepSeek发布后，没有云厂商接入，包括亚马逊。", [("DeepSeek", M), ("亚马逊", O)], set()),
    ],
)
def test_relations_firms_listed_after_the_model_they_took_in(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


def test_relations_two_places_are_tried_where_one_alone_is_not():
    from kg.relations import _may_match, load_rules

    rules = load_rules()
    assert not _may_match(rules, frozenset({"Location"}), "今天北京天气很好。")
    assert _may_match(rules, frozenset({"Location"}), "工厂在美国得克萨斯州。", twice=frozenset({"Location"}))
