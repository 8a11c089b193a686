"""Byline relations: an invited expert's article explains its main technologies; reporters explain nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import api
from kg.bylines import load_byline_rules
from kg.errors import OntologyError, PatternError
from kg.pipeline import extract
from kg.records import Article
from kg.resources import ontology_dir

ROOT = Path(__file__).resolve().parents[1]

EXPERT = (
    "编者按：本报特邀清华大学计算机系副教授陈立新撰文，介绍知识蒸馏等人工智能技术。"
    "所谓知识蒸馏，是让小模型学习大模型的输出。知识蒸馏能大幅降低推理成本。"
    "不少团队也在研究联邦学习。"
)


def _explains(article: Article, models) -> set[tuple[str, str, str]]:
    ex = extract(article, models)
    return {(r.subject.name, r.object.name, r.rule_id) for r in ex.relations if r.predicate == "explains"}


def test_bylines_invited_expert_explains_the_main_technologies(models):
    a = Article("e", EXPERT, title="专家解读知识蒸馏", author="陈立新")
    found = _explains(a, models)
    assert ("陈立新", "知识蒸馏", "byline-expert-explains") in found
    assert not any(obj == "联邦学习" for _, obj, _ in found), "mentioned once and not in the title: not a main subject"


def test_bylines_need_the_author_named_as_an_expert(models):
    reporter = EXPERT.replace("本报特邀清华大学计算机系副教授陈立新撰文", "本报记者陈立新报道")
    a = Article("r", reporter, title="专家解读知识蒸馏", author="陈立新")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(a, models))
    other = Article("o", EXPERT, title="专家解读知识蒸馏", author="王小明")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(other, models))
    anonymous = Article("n", EXPERT, title="专家解读知识蒸馏")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(anonymous, models))


def test_bylines_crawled_example_page_gives_the_expert_relation(tmp_path):
    page = ROOT / "examples" / "articles" / "sora-diffusion-crawled.txt"
    out = tmp_path / "x.jsonl"
    api.extract([page], out)
    text = out.read_text(encoding="utf-8")
    assert '"subject": "吴飞", "subject_type": "Person", "predicate": "explains", "object": "扩散模型"' in text


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), dst)
    return dst


@pytest.mark.parametrize(
    ("row", "error", "words"),
    [
        ('{"id": "x", "relation": "explains", "objects": ["Technology"]}', PatternError, "expected the keys"),
        ('{"id": "x", "relation": "explains", "objects": ["Technology"], "cues": "特邀"}', PatternError, "cues must be"),
        ('{"id": "x", "relation": "explains", "objects": ["Technology"], "cues": ["特邀"], "min_mentions": 0}',
         PatternError, "min_mentions"),
        ('{"id": "x", "relation": "explain", "objects": ["Technology"], "cues": ["特邀"]}', OntologyError, "'explain'"),
        ('{"id": "x", "relation": "explains", "objects": ["Technique"], "cues": ["特邀"]}', OntologyError, "'Technique'"),
    ],
)
def test_bylines_bad_rule_names_file_and_line(tmp_path, row, error, words):
    d = _copy(tmp_path)
    path = d / "patterns" / "bylines.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(error) as err:
        load_byline_rules(d)
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert f"bylines.jsonl:{n}" in str(err.value) and words in str(err.value)


def test_bylines_absent_file_means_no_rules(tmp_path):
    d = _copy(tmp_path)
    (d / "patterns" / "bylines.jsonl").unlink()
    assert load_byline_rules(d) == ()


def _people_and_orgs(text: str, models) -> set[tuple[str, str]]:
    ex = extract(Article("c", text), models)
    return {(m.text, m.label) for m in ex.mentions if m.label in ("Person", "Organization")}


def test_bylines_credit_lines_in_the_text_give_people_and_outlets(models):
    text = ("图片来源：视觉中国 文丨雅萱 编辑丨叶锦言 出品丨深网·腾讯新闻小满工作室 在新款旗舰电动车型即将上市之际，"
            "小米创始人雷军在微博发文。 东方IC 该车型的订单超过预期。（腾讯科技特约编译金鹿）")
    found = _people_and_orgs(text, models)
    for want in [("雅萱", "Person"), ("叶锦言", "Person"), ("金鹿", "Person"), ("深网", "Organization"),
                 ("腾讯新闻小满工作室", "Organization"), ("东方IC", "Organization")]:
        assert want in found, want
    assert ("叶锦", "Person") not in found and ("编辑", "Person") not in found
    end = "金融科技的发展为行业注入动能。（陈十一）"
    assert ("陈十一", "Person") in _people_and_orgs(end, models)


def test_bylines_analyst_lists_drop_certificate_numbers(models):
    text = ("运营商投资价值提升。 本文作者：张建民S12305180600001，徐菲，王逢节，来源：通信张建民团队，"
            "原文标题：《运营商：AI有望驱动算力价值重估》")
    found = _people_and_orgs(text, models)
    assert {("张建民", "Person"), ("徐菲", "Person"), ("王逢节", "Person")} <= found
    assert not any(t in ("来源", "本文作者") or "S123" in t for t, _ in found)


def test_bylines_credited_analysts_wrote_the_named_report(models):
    text = ("运营商投资价值提升。 本文作者：张建民S12305180600001，徐菲，王逢节，来源：通信张建民团队，"
            "原文标题：《运营商：AI有望驱动算力价值重估》")
    ex = extract(Article("w", text), models)
    found = {(r.subject.name, r.object.name, r.rule_id) for r in ex.relations if r.predicate == "authorOf"}
    assert {(n, "运营商：AI有望驱动算力价值重估", "credit-author-of") for n in ("张建民", "徐菲", "王逢节")} <= found
    cited = "据《运营商：AI有望驱动算力价值重估》一文，张建民认为算力价值将被重估。"
    assert not [r for r in extract(Article("n", cited), models).relations if r.predicate == "authorOf"]


def test_bylines_analyst_named_with_padding_spaces_is_kept_as_written(models):
    text = "《AI健身趋势起，体育产业迎新机》陈\xa0 \xa0筱，资格证书编号：S0880515040003。"
    assert ("陈\xa0 \xa0筱", "Person") in _people_and_orgs(text, models)


def test_bylines_a_research_team_or_a_person_cited_as_source_is_no_outlet(models):
    text = "运营商投资价值提升。 本文作者：张建民，来源：通信张建民团队，原文标题：《运营商》 图片来源：李东阳的朋友圈。"
    found = _people_and_orgs(text, models)
    assert not [t for t, label in found if label == "Organization"], found
    assert ("伯虎财经", "Organization") in _people_and_orgs("来源：伯虎财经（bohuFN） 作者｜林", models)


def test_bylines_producer_credit_stops_before_the_text_it_is_glued_to(models):
    found = _people_and_orgs("出品/三言ProDeepSeek的热度持续，最近几天的话题是有投资公司就在楼上。", models)
    assert not [t for t, label in found if label == "Organization"], found
    found = _people_and_orgs("出品 | 网易科技《态度AGI》栏目采访 | 杨霞清", models)
    assert ("网易科技", "Organization") in found, found


def test_an_analyst_named_after_the_title_analyst_is_found_whole():
    """分析师陈筱: 师 is also a surname, but the name follows the title."""
    from kg.credits import credit_spans
    from kg.patterns import fold, load_word_lists

    text = fold("证券研究报告 分析师陈筱，资格证书编号：S0880515040003")
    names = [text[s:e] for s, e, label, _, _ in credit_spans(text, load_word_lists().surnames) if label == "Person"]
    assert names == ["陈筱"], names


def test_bylines_names_with_the_next_credit_or_the_outlets_dateline_glued_to_them(models):
    found = _people_and_orgs("智东西（公众号：zhidxcom）作者 |  许丽思编辑 |  漠影智东西2月8日报道，融资潮即将爆发。", models)
    assert {("许丽思", "Person"), ("漠影", "Person")} <= found
    assert not [t for t, label in found if label == "Person" and t.startswith(("许丽思编", "漠影智"))]
    assert ("木盒", "Person") in _people_and_orgs("作者 | 木盒编辑 | 小白 老板电器，市值风云吾股评级中排名64。", models)


def test_bylines_an_outlet_credited_for_the_text_is_an_organization(models):
    found = _people_and_orgs("文 | 数读社，作者 | 卢梭 2月11日，马云满面春光地出现在杭州。", models)
    assert {("数读社", "Organization"), ("卢梭", "Person")} <= found


def test_bylines_a_writer_named_after_the_outlet_of_a_text_credit(models):
    found = _people_and_orgs("【文/观察者网 赖家琪】中国应用程序DeepSeek撼动全球。", models)
    assert {("观察者网", "Organization"), ("赖家琪", "Person")} <= found, found
    # a photo credit's agency is followed by the caption, not by a writer
    found = _people_and_orgs("比赛激烈。图/新华社 女子1000米，只有两人完赛。", models)
    assert ("女子", "Person") not in found, found


def test_bylines_an_author_credited_in_the_opening_of_the_text_stands_for_the_byline(models):
    text = ("（本文作者王鹏，北京社科院研究员） 随着人工智能技术的快速发展，大语言模型如DeepSeek正逐步渗透到银行业。"
            "DeepSeek能够快速理解语言。银行引入DeepSeek后效率提升。")
    found = _explains(Article("c", text), models)
    assert ("王鹏", "DeepSeek", "byline-expert-explains") in found
    reporter = text.replace("本文作者王鹏，北京社科院研究员", "本文作者王鹏，本报记者")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(Article("r", reporter), models))


def test_bylines_a_commentator_credited_at_the_head_explains_and_works_for_the_outlet(models):
    text = ("每经评论员 杜恒峰 蛇年首个交易周，科技成为资本市场关键词。DeepSeek-R1成为主线。"
            "接入DeepSeek-R1已经成为潮流。")
    found = _explains(Article("c", text), models)
    assert ("杜恒峰", "DeepSeek-R1", "byline-expert-explains") in found, found
    ex = extract(Article("c", text), models)
    assert ("杜恒峰", "worksFor", "每日经济新闻", "评论员") in {
        (r.subject.name, r.predicate, r.object.name, r.role) for r in ex.relations}


def _works_for(text: str, models) -> set[tuple[str, str, str]]:
    ex = extract(Article("s", text), models)
    return {(r.subject.name, r.object.name, r.role or "") for r in ex.relations if r.predicate == "worksFor"}


def test_bylines_staff_credits_work_for_the_outlet_of_the_dateline(models):
    for head in ("新华社北京2月8日电 ", "财联社2月8日讯 "):
        text = head + "近期，多家公司宣布接入DeepSeek，个人电脑有望迎来换机潮。 未经授权，不得转载。 责任编辑：孙庆阳"
        assert ("孙庆阳", head[:3], "责任编辑") in _works_for(text, models), head
    chain = "马斯克出价收购OpenAI，遭到奥尔特曼拒绝。 红星新闻记者 黎谨睿 编辑 潘莉 责编 魏孔明"
    found = _works_for(chain, models)
    assert {("潘莉", "红星新闻", "编辑"), ("魏孔明", "红星新闻", "责编")} <= found, found


def test_bylines_staff_credit_gives_its_post_and_an_outlet_that_learnt_the_news(models):
    found = _works_for("财联社2月14日讯（编辑 刘蕊）在经历了近一年的疲弱下跌后，英特尔股价突然大涨。", models)
    assert ("刘蕊", "财联社", "编辑") in found, found
    assert not [t for t in found if t[:2] == ("刘蕊", "财联社") and not t[2]], "one relation, with the post"
    found = _works_for("记者 钱玉娟 2月13日，经济观察网获悉，阿里巴巴与苹果合作。", models)
    assert ("钱玉娟", "经济观察网", "记者") in found, found
    found = _works_for("记者 钱玉娟 2月13日，记者从阿里巴巴获悉，阿里巴巴与苹果合作。", models)
    assert not [t for t in found if t[0] == "钱玉娟"], "a source the news was learnt from is no outlet"


def test_bylines_staff_credits_need_an_outlet_and_stay_at_the_edges(models):
    assert not _works_for("近期，多家公司宣布接入DeepSeek。 责任编辑：孙庆阳", models), "no outlet named"
    body = "财联社2月8日讯 " + "多家公司宣布接入DeepSeek，个人电脑有望迎来换机潮。" * 20 + "据编辑孙庆阳介绍，需求仍在增长。" \
        + "多家公司宣布接入DeepSeek。" * 20
    assert not any(p == "孙庆阳" for p, _, _ in _works_for(body, models)), "a credit word in the middle of the text"
    credit = "图片来源：视觉中国 蓝鲸新闻2月10日讯（记者 翟智超）手机行业迎来了新的变革契机。 编辑 潘莉"
    assert not any(o == "视觉中国" for _, o, _ in _works_for(credit, models)), "a photo credit before the dateline"


def test_bylines_staff_credit_leaves_an_author_with_an_affiliation_to_it(models):
    text = "财联社2月8日讯 题：DeepSeek或引发换机潮 作者 文紫妍 国泰君安证券研究所电子行业分析师 近期，大模型走红。"
    found = _works_for(text, models)
    assert ("文紫妍", "国泰君安证券研究所", "分析师") in found
    assert not any(o == "财联社" for _, o, _ in found)


def test_an_authors_chain_of_posts_gives_a_post_at_each_body(models):
    text = "中新经纬2月12日电 作者 张成刚 首都经济贸易大学劳动经济学院副教授、中国新就业形态研究中心主任 2025蛇年伊始，大模型走红。"
    found = _works_for(text, models)
    assert ("张成刚", "首都经济贸易大学劳动经济学院", "副教授") in found
    assert ("张成刚", "中国新就业形态研究中心", "主任") in found


def test_bylines_staff_a_space_apart_work_for_the_outlet_their_credit_names(models):
    text = ("英国广播公司（BBC）报道了这次峰会。法国总统马克龙发表讲话，呼吁各国加强合作。"
            "【环球时报驻法国特派特约记者 尚凯元 董铭 环球时报特约记者 李达飞 于文】")
    ex = extract(Article(id="s", text=text), models)
    people = {m.text for m in ex.mentions if m.label == "Person"}
    assert {"尚凯元", "董铭", "李达飞", "于文"} <= people
    works = {(r.subject.text, r.object.name) for r in ex.relations if r.predicate == "worksFor"}
    assert {("尚凯元", "环球时报"), ("董铭", "环球时报")} <= works
    assert not {w for w in works if w[1] == "英国广播公司"}
