"""Relation phrasings of real news: appositive titles, partner lists, subsidiaries, tools, rivals, stakes."""

from __future__ import annotations

import pytest

from tests.test_relations import B, L, M, O, P, T, _triples  # noqa: F401
from tests.test_relations import _run as _run_news


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # an acting title joined to a second one by 及, an honorific after the name
        ("應科院署理行政總裁及首席科技官黃莹博士指，本港發展低空經濟。", [("應科院", O), ("黃莹", P)],
         {("黃莹", "worksFor", "應科院", "署理行政總裁"), ("黃莹", "worksFor", "應科院", "首席科技官")}),
        # an office word between organization and title, an assistant's title
        ("雷军和小米集团总办副主任、董事长特别助理徐洁云一起直播。", [("雷军", P), ("小米集团", O), ("徐洁云", P)],
         {("徐洁云", "worksFor", "小米集团", "副主任"), ("徐洁云", "worksFor", "小米集团", "董事长特别助理")}),
        # 的 and a department before the title: the company, not the department, is the employer
        ("Saxo Bank 的全球投資策略總負責人 Jacob Falkencrone 說，特斯拉面對挑戰。",
         [("Saxo Bank", O), ("Jacob Falkencrone", P), ("特斯拉", O)],
         {("Jacob Falkencrone", "worksFor", "Saxo Bank", "總負責人")}),
        # an academic chair after 是 and the university, its sponsor's name between them
        ("李飞飞是斯坦福大学首位红杉讲席教授，美国国家工程院院士。", [("李飞飞", P), ("斯坦福大学", O), ("红杉", O)],
         {("李飞飞", "worksFor", "斯坦福大学", "讲席教授")}),
        # the holder of a title named in an organization's appointment works for it
        ("英特尔任命两位临时联席首席执行官接任——首席财务官大卫·津斯纳和产品部负责人米歇尔。",
         [("英特尔", O), ("大卫·津斯纳", P), ("米歇尔", P)],
         {("大卫·津斯纳", "worksFor", "英特尔", "首席财务官")}),
    ],
)
def test_relations_appositive_titles(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_title_chain_with_founder_unchanged():
    got = _triples("百度创始人、董事长兼首席执行官李彦宏出席了发布会。", [("百度", O), ("李彦宏", P)])
    assert got == {("李彦宏", "worksFor", "百度", "创始人"), ("李彦宏", "worksFor", "百度", "董事长"),
                   ("李彦宏", "worksFor", "百度", "首席执行官"), ("李彦宏", "founded", "百度", None)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("特斯拉销售遇到瓶颈、如比亚迪等竞争对手来势汹汹。", [("特斯拉", O), ("比亚迪", O)],
         {("比亚迪", "competesWith", "特斯拉", None)}),
        # 该公司 stands for the company named last before it
        ("英特尔近年业绩下滑。去年，该公司股价暴跌60%，而竞争对手英伟达和博通则大幅上涨。",
         [("英特尔", O), ("英伟达", O), ("博通", O)],
         {("英特尔", "competesWith", "英伟达", None), ("英特尔", "competesWith", "博通", None)}),
        ("马斯克拥有的特斯拉股票约占他身家约6成，而他在SpaceX的42％股权约价值1360亿美元。",
         [("马斯克", P), ("特斯拉", O), ("SpaceX", O)],
         {("马斯克", "investedIn", "特斯拉", None), ("马斯克", "investedIn", "SpaceX", None)}),
        ("软银持有Arm的90%股权。", [("软银", O), ("Arm", O)], {("软银", "investedIn", "Arm", None)}),
        ("金融壹账通作为平安集团唯一的金融科技输出窗口，积极响应行动。",
         [("金融壹账通", O), ("平安集团", O), ("金融科技", T)], {("金融壹账通", "partOf", "平安集团", None)}),
        ("FitPulse通过GPT及Claude来为用户生成个性化的训练计划。", [("FitPulse", M), ("GPT", M), ("Claude", M)],
         {("FitPulse", "uses", "GPT", None), ("FitPulse", "uses", "Claude", None)}),
        ("小米汽车已官方宣布，与蔚来三家新能源车企达成合作。", [("小米汽车", O), ("蔚来", O)],
         {("小米汽车", "partnersWith", "蔚来", None)}),
        # names written side by side, with no mark between them, are a list
        ("小米汽车已官方宣布，与蔚来小鹏理想三家新能源车企达成合作。", [("小米汽车", O), ("蔚来", O), ("小鹏", O), ("理想", O)],
         {("小米汽车", "partnersWith", "蔚来", None), ("小米汽车", "partnersWith", "小鹏", None),
          ("小米汽车", "partnersWith", "理想", None)}),
        # partners listed after 包括: the organization named first is their partner, not its officer who signs
        ("應科院首席營運官莊偉泉在高峰會上，與多家科企簽訂備忘錄，包括深城交數字科技和灣區互聯科技。",
         [("應科院", O), ("莊偉泉", P), ("深城交數字科技", O), ("灣區互聯科技", O)],
         {("應科院", "partnersWith", "深城交數字科技", None), ("應科院", "partnersWith", "灣區互聯科技", None)}),
        # a model described, then its performance matched against others across a comma
        ("李飞飞率领团队创造出一个「s1」的AI推理模型，表现媲美OpenAI o1和DeepSeek R1等尖端推理模型。",
         [("李飞飞", P), ("s1", M), ("OpenAI o1", M), ("DeepSeek R1", M)],
         {("s1", "competesWith", "OpenAI o1", None), ("s1", "competesWith", "DeepSeek R1", None)}),
        # a stake's value, or a means of payment, is no tool nor holding
        ("苹果通过发行债券筹集资金。", [("苹果", O)], set()),
        # the owners of a joint venture are partners; a company chosen as a partner is one, unless it was not
        ("星际之门是软银、OpenAI和甲骨文的合资企业。", [("软银", O), ("OpenAI", O), ("甲骨文", O)],
         {("软银", "partnersWith", "甲骨文", None), ("OpenAI", "partnersWith", "甲骨文", None),
          ("软银", "partnersWith", "OpenAI", None)}),
        ("苹果早在2023年就开始测试多家中国企业的模型，并在去年选定百度作为主要合作伙伴。",
         [("苹果", O), ("中国", L), ("百度", O)], {("苹果", "partnersWith", "百度", None)}),
        ("苹果并未选择百度作为合作伙伴。", [("苹果", O), ("百度", O)], set()),
        # a company named another's partner
        ("多方消息称，百度成为苹果 AI 中国合作伙伴。", [("百度", O), ("苹果", O), ("中国", L)],
         {("百度", "partnersWith", "苹果", None)}),
        ("百度并不是苹果的合作伙伴。", [("百度", O), ("苹果", O)], set()),
        # the company named after the means it works by uses it
        ("通过采用Claude 3.5 Sonnet模型和多智能体架构，Replit为编程行业带来了革新。", [("Claude 3.5 Sonnet", M), ("Replit", O)],
         {("Replit", "uses", "Claude 3.5 Sonnet", None)}),
        ("DeepSeek在模型能力的优化上做了大量开拓性工作，比如通过GRPO算法让模型更加高效。", [("DeepSeek", O), ("GRPO", T)],
         {("DeepSeek", "uses", "GRPO", None)}),
        ("江苏银行依托“智慧小苏”平台部署模型。", [("江苏银行", O), ("智慧小苏", M)], {("江苏银行", "uses", "智慧小苏", None)}),
        # what a company helps others do through a model is not said of the company by this rule
        ("腾讯云的客户可以通过DeepSeek降本。", [("腾讯云", O), ("DeepSeek", M)], set()),
    ],
)
def test_relations_rivals_stakes_parents_tools_partners(text, ents, expected):
    keep = ("competesWith", "investedIn", "partOf", "uses", "partnersWith")
    assert {t for t in _triples(text, ents) if t[1] in keep} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the parent is written by a longer form of a name the article gives (小米 → 小米集团)
        ("雷军透露了预算。小米集团技术委员会主席叶航军一起直播。", [("雷军", P), ("小米集团技术委员会", O), ("叶航军", P)],
         {("小米集团技术委员会", "partOf", "小米集团", None),
          ("叶航军", "worksFor", "小米集团技术委员会", "主席")}),
        # a department glued to its company's name is one organization, part of the company
        ("英特尔股价上涨。英特尔产品部首席执行官米歇尔·约翰斯顿·霍尔特豪斯表示满意。",
         [("英特尔", O), ("米歇尔·约翰斯顿·霍尔特豪斯", P)],
         {("英特尔产品部", "partOf", "英特尔", None),
          ("米歇尔·约翰斯顿·霍尔特豪斯", "worksFor", "英特尔产品部", "首席执行官")}),
        # an office word is no department (总部, 内部)
        ("英特尔总部的员工。", [("英特尔", O)], set()),
    ],
)
def test_relations_departments_of_named_parents(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("partOf", "worksFor")} == expected


def test_relations_model_chosen_by_listed_organizations():
    # X获得包括A、B等企业的采用/选择: the organizations listed use the model
    got = _triples("文心一言获得了包括招商银行、中国平安等企业的采用。",
                   [("文心一言", "AIModel"), ("招商银行", O), ("中国平安", O)])
    assert {t for t in got if t[1] == "uses"} == {("招商银行", "uses", "文心一言", None),
                                                   ("中国平安", "uses", "文心一言", None)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the product described first (一款……平台) and named after a dash; the organization it serves releases nothing
        ("今年1月，OpenAI推出了一款专门面向美国政府的AI平台——ChatGPT Gov。",
         [("OpenAI", O), ("美国政府", O), ("ChatGPT Gov", M)], {("OpenAI", "released", "ChatGPT Gov", None)}),
        ("谷歌发布了一款新模型：Gemini，性能超过GPT-4。", [("谷歌", O), ("Gemini", M), ("GPT-4", M)],
         {("谷歌", "released", "Gemini", None)}),
    ],
)
def test_relations_released_named_after_description(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "released"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a company's own model, possessive or side by side; the other conjunct of 与 owns nothing
        ("其他竞争产品包括腾讯的混元和百度公司的文心一言。", [("腾讯", O), ("混元", M), ("百度公司", O), ("文心一言", M)],
         {("腾讯", "developed", "混元", None), ("百度公司", "developed", "文心一言", None)}),
        ("苹果与百度文心一言合作的传闻甚嚣尘上。", [("苹果", O), ("百度", O), ("文心一言", M)],
         {("百度", "developed", "文心一言", None)}),
        # using another company's model is no development
        ("苏商银行接入百度的文心一言。", [("苏商银行", O), ("百度", O), ("文心一言", M)],
         {("百度", "developed", "文心一言", None)}),
        # a named assistant of the company; a model developed after 所 or 自主研发
        ("当孩子遇到难题呼叫学而思智能助手“小思”。", [("学而思", O), ("小思", M)], {("学而思", "developed", "小思", None)}),
        ("这将与OpenAI所開發、以文字描述生成影片的AI工具Sora競爭。", [("OpenAI", O), ("Sora", M)],
         {("OpenAI", "developed", "Sora", None)}),
        ("与学而思自主研发的九章大模型实现能力融合。", [("学而思", O), ("九章大模型", M)],
         {("学而思", "developed", "九章大模型", None)}),
    ],
)
def test_relations_developed_possessive_and_assistants(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "developed"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("钉钉、云学堂等公司均宣布“全面拥抱DeepSeek”。", [("钉钉", O), ("云学堂", O), ("DeepSeek", M)],
         {("钉钉", "uses", "DeepSeek", None), ("云学堂", "uses", "DeepSeek", None)}),
        ("江苏银行应用DeepSeek-R1推理模型，实现邮件分类。", [("江苏银行", O), ("DeepSeek-R1", M)],
         {("江苏银行", "uses", "DeepSeek-R1", None)}),
        ("邮储银行将DeepSeek大模型应用于智能问答助手。", [("邮储银行", O), ("DeepSeek", M)],
         {("邮储银行", "uses", "DeepSeek", None)}),
        ("网易有道也宣布对接DeepSeek相关模型。", [("网易有道", O), ("DeepSeek", M)],
         {("网易有道", "uses", "DeepSeek", None)}),
        # a platform or app named as a product serves the model it puts online; a bare model name does not
        ("百度智能云千帆平台已正式上线DeepSeek-R1模型。", [("百度智能云千帆平台", M), ("DeepSeek-R1", M)],
         {("百度智能云千帆平台", "uses", "DeepSeek-R1", None)}),
        ("DeepSeek上线DeepSeek-R1模型。", [("DeepSeek", M), ("DeepSeek-R1", M)], set()),
    ],
)
def test_relations_uses_embrace_and_apply(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a reporter of an outlet, a portfolio manager of a fund house
        ("红星新闻记者 郑直 编辑 郭宇", [("红星新闻", O), ("郑直", P), ("郭宇", P)],
         {("郑直", "worksFor", "红星新闻", "记者")}),
        # the outlet's editor, the outlet written right before 编辑 (a plain word: also the verb)
        ("界面新闻记者 | 肖芳 界面新闻编辑 | 文姝琪 DeepSeek走红。", [("界面新闻", O), ("肖芳", P), ("文姝琪", P)],
         {("肖芳", "worksFor", "界面新闻", "记者"), ("文姝琪", "worksFor", "界面新闻", "编辑")}),
        ("Janus Henderson 投資組合經理 Richard Clode 表示，估值有折讓。", [("Janus Henderson", O), ("Richard Clode", P)],
         {("Richard Clode", "worksFor", "Janus Henderson", "投資組合經理")}),
        # a person named as the company's, without a title; a place's person is no employee
        ("OpenAI的山姆·奥尔特曼发布了一则声明。", [("OpenAI", O), ("山姆·奥尔特曼", P)],
         {("山姆·奥尔特曼", "worksFor", "OpenAI", None)}),
        ("美国的特朗普发表讲话。", [("美国", L), ("特朗普", P)], set()),
    ],
)
def test_relations_reporters_and_possessive_staff(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_based_on_model_named_with_a_model_word():
    got = _triples("s1推理模型同样以Qwen模型为基础模型。", [("s1", M), ("Qwen", M)])
    assert {t for t in got if t[1] == "basedOn"} == {("s1", "basedOn", "Qwen", None)}


def test_relations_bare_works_for_subsumed_by_a_position():
    # 的 between organization and person; the bare worksFor of the possessive adds nothing to the position
    got = _triples("清华大学的张钹院士认为。", [("清华大学", O), ("张钹", P)])
    assert {t for t in got if t[1] == "worksFor"} == {("张钹", "worksFor", "清华大学", "院士")}


def test_relations_uses_by_this_company():
    # 该行 stands for the bank named last before it; a named organization in between is not skipped
    got = _triples("苏商银行表示，该行2024年上线“开发助手”，并通过集成DeepSeek-R1推理模型，构建编程平台。",
                   [("苏商银行", O), ("DeepSeek-R1", M)])
    assert {t for t in got if t[1] == "uses"} == {("苏商银行", "uses", "DeepSeek-R1", None)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("DeepSeek的出现对OpenAI构成了挑战。", [("DeepSeek", O), ("OpenAI", O)],
         {("DeepSeek", "competesWith", "OpenAI", None)}),
        ("DeepSeek正在挑战OpenAI的地位。", [("DeepSeek", O), ("OpenAI", O)], {("DeepSeek", "competesWith", "OpenAI", None)}),
        ("作为OpenAI的竞争对手，Anthropic发布了新模型。", [("OpenAI", O), ("Anthropic", O)],
         {("Anthropic", "competesWith", "OpenAI", None)}),
        ("DeepSeek-R1的性能可与OpenAI的o1模型相媲美。", [("DeepSeek-R1", M), ("OpenAI", O), ("o1", M)],
         {("DeepSeek-R1", "competesWith", "o1", None)}),
        ("Qwen2.5-Max测试评分超越DeepSeek-V3。", [("Qwen2.5-Max", M), ("DeepSeek-V3", M)],
         {("Qwen2.5-Max", "competesWith", "DeepSeek-V3", None)}),
        # near misses: the backer of the rival, a listing bid, overtaking as an investor
        ("Grok 3是xAI为挑战微软支持的OpenAI而开发的产品。", [("Grok 3", M), ("xAI", O), ("微软", O), ("OpenAI", O)], set()),
        ("旷视科技先后两次向港交所发起冲击。", [("旷视科技", O), ("港交所", O)], set()),
        ("这轮融资将使软银超越微软，成为OpenAI的最大投资方。", [("软银", O), ("微软", O), ("OpenAI", O)], set()),
        # a model surpassing others later in its clause, across a comma; not across a turn (但)
        ("DeepSeek网站月访问量为2.56亿，超过豆包和Kimi。", [("DeepSeek", M), ("豆包", M), ("Kimi", M)],
         {("DeepSeek", "competesWith", "豆包", None), ("DeepSeek", "competesWith", "Kimi", None)}),
        ("DeepSeek访问量很高，但豆包超过Kimi。", [("DeepSeek", M), ("豆包", M), ("Kimi", M)],
         {("豆包", "competesWith", "Kimi", None)}),
    ],
)
def test_relations_competition_stated(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "competesWith"} == expected


@pytest.mark.parametrize("text", ["就连长期看好苹果的巴菲特，也抛售了苹果股票。", "公司CEO是毕业于上海大学的王兴兴。"])
def test_relations_relative_clause_is_no_employer(text):
    org = "苹果" if "苹果" in text else "上海大学"
    person = "巴菲特" if "巴菲特" in text else "王兴兴"
    assert not {t for t in _triples(text, [(org, O), (person, P)]) if t[1] == "worksFor"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a cloud that puts another's model online serves it; a company that puts its own online releases it
        ("腾讯云率先上线支持联网搜索的DeepSeek。", [("腾讯云", O), ("DeepSeek", M)], {("腾讯云", "uses", "DeepSeek", None)}),
        ("阿里云已在其百炼平台全面上线六款DeepSeek模型。", [("阿里云", O), ("DeepSeek", M)],
         {("阿里云", "uses", "DeepSeek", None)}),
        ("字节跳动上线了豆包1.5 Pro。", [("字节跳动", O), ("豆包1.5 Pro", M)], {("字节跳动", "released", "豆包1.5 Pro", None)}),
        # a longer description between the verb and the model; a technique inside a topic chain
        ("阿里发布了他们目前性能最强的大模型Qwen2.5-Max。", [("阿里", O), ("Qwen2.5-Max", M)],
         {("阿里", "released", "Qwen2.5-Max", None)}),
        ("OpenAI已成为生成式人工智能领域的巨头，于2022年推出ChatGPT。",
         [("OpenAI", O), ("生成式人工智能", T), ("ChatGPT", M)], {("OpenAI", "released", "ChatGPT", None)}),
    ],
)
def test_relations_put_online_by_a_cloud_or_its_maker(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("released", "uses")} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("马斯克指控OpenAI及其首席执行官Sam Altman背离了使命。", [("马斯克", P), ("OpenAI", O), ("Sam Altman", P)],
         {("Sam Altman", "worksFor", "OpenAI", "首席执行官")}),
        ("Spartan Capital Securities首席市场经济学家Peter Cardillo表示，数据低于预期。",
         [("Spartan Capital Securities", O), ("Peter Cardillo", P)],
         {("Peter Cardillo", "worksFor", "Spartan Capital Securities", "首席市场经济学家")}),
        ("港湾家族办公室业务发展总监 郭家耀", [("港湾家族办公室", O), ("郭家耀", P)],
         {("郭家耀", "worksFor", "港湾家族办公室", "业务发展总监")}),
    ],
)
def test_relations_more_positions(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("广发证券在春节前已完成DeepSeek-V3和DeepSeek-R1的接入。", [("广发证券", O), ("DeepSeek-V3", M), ("DeepSeek-R1", M)],
         {("广发证券", "uses", "DeepSeek-V3", None), ("广发证券", "uses", "DeepSeek-R1", None)}),
        ("吉利、极氪等车企也宣布完成与DeepSeek模型的深度融合。", [("吉利", O), ("极氪", O), ("DeepSeek", M)],
         {("吉利", "uses", "DeepSeek", None), ("极氪", "uses", "DeepSeek", None)}),
        ("中泰证券早在去年12月就运用DeepSeek V3模型。", [("中泰证券", O), ("DeepSeek V3", M)],
         {("中泰证券", "uses", "DeepSeek V3", None)}),
        # near misses: helping others use it, a model not used, the noun 应用
        ("應科院計劃幫助更多機構在內部場景應用私有大語言模型。", [("應科院", O), ("大語言模型", T)], set()),
        ("使用DRAFT增强的GPT-4o-mini的性能甚至超过了不使用DRAFT的GPT-4o。", [("GPT-4o-mini", M), ("GPT-4o", M)], set()),
        ("有用户投诉称，在苹果应用商店搜索下载DeepSeek。", [("苹果", O), ("DeepSeek", M)], set()),
    ],
)
def test_relations_uses_completed_integrations(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("谷歌将使用其 DeepMind 部门开发的 SynthID 技术来标记图片。", [("谷歌", O), ("DeepMind 部门", O)],
         {("DeepMind 部门", "partOf", "谷歌", None)}),
        ("阿里巴巴的通义实验室发布了新模型。", [("阿里巴巴", O), ("通义实验室", O)], {("通义实验室", "partOf", "阿里巴巴", None)}),
        # a company after 的 is no unit of the first
        ("阿里巴巴的竞争对手京东发布了新模型。", [("阿里巴巴", O), ("京东", O)], set()),
    ],
)
def test_relations_units_named_as_the_company_s(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "partOf"} == expected


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # the title describes the interviewer, not the interviewee
        ("马斯克在接受曾担任微软首席战略官的马克·佩恩专访时，对未来做出了预测。", [("马斯克", P), ("微软", O), ("马克·佩恩", P)]),
        # verbs without objects in a list of dates
        ("相比2022年11月ChatGPT推出、2023年3月GPT-4推出之间的数月，GPT-5显得难产。", [("ChatGPT", M), ("GPT-4", M), ("GPT-5", M)]),
        # the users of a product, a repository that collects apps
        ("位于美国的ChatGPT Pro用户可以使用Operator的研究预览版。", [("ChatGPT Pro", M), ("Operator", M)]),
        ("DeepSeek 还在 GitHub 专门创建了一个库来收集展示各种整合了 DeepSeek 模型的应用。", [("GitHub", O), ("DeepSeek", M)]),
    ],
)
def test_relations_near_misses_of_wider_gaps(text, ents):
    assert not {t for t in _triples(text, ents) if t[1] in ("worksFor", "released", "uses")
                and not (t[0] == "马克·佩恩")}


def test_relations_backer_of_a_company_founded_it_not():
    got = _triples("目前，法国政府正积极扶持2023年成立的Mistral AI公司。", [("法国政府", O), ("Mistral AI", O)])
    assert not {t for t in got if t[1] == "founded"}


@pytest.mark.parametrize(
    ("text", "ents", "kept", "gone"),
    [
        # the place of the organization after 的 (总部位于北京的比特大陆), not of one before
        ("由于美国海关加强审查，总部位于北京的比特大陆最近发货被推迟。", [("美国海关", O), ("北京", L), ("比特大陆", O)],
         {("比特大陆", "locatedIn", "北京", None)}, {("美国海关", "locatedIn", "北京", None)}),
        # 成立的 says when a company was set up, not who set it up
        ("蚂蚁集团起步于2004年成立的支付宝。", [("蚂蚁集团", O), ("支付宝", O)], set(), {("蚂蚁集团", "founded", "支付宝", None)}),
        ("2015年，阿尔特曼和马斯克成立了OpenAI。", [("阿尔特曼", P), ("马斯克", P), ("OpenAI", O)],
         {("阿尔特曼", "founded", "OpenAI", None), ("马斯克", "founded", "OpenAI", None)}, set()),
        # clouds listed before 云计算厂商 serve the models they put online
        ("目前已有亚马逊云科技、阿里云在内的十几家云计算厂商上线了DeepSeek-R1模型。",
         [("亚马逊云科技", O), ("阿里云", O), ("DeepSeek-R1", M)],
         {("亚马逊云科技", "uses", "DeepSeek-R1", None), ("阿里云", "uses", "DeepSeek-R1", None)},
         {("阿里云", "released", "DeepSeek-R1", None), ("亚马逊云科技", "released", "DeepSeek-R1", None)}),
        # a listed unit named after another company is that company's
        ("谷歌和微软的搜索很强。亚马逊旗下AWS、谷歌云平台和微软Azure正在北美投资。",
         [("谷歌", O), ("微软", O), ("亚马逊", O), ("AWS", O), ("谷歌云平台", O), ("微软Azure", O)],
         {("AWS", "partOf", "亚马逊", None)}, {("谷歌云平台", "partOf", "亚马逊", None), ("微软Azure", "partOf", "亚马逊", None)}),
    ],
)
def test_relations_look_ahead_established_clouds_and_owned_lists(text, ents, kept, gone):
    got = _triples(text, ents)
    assert kept <= got and not (gone & got)


def test_relations_release_after_a_place_and_a_quoted_event():
    got = _triples("蚂蚁集团在上海“外滩大会”上发布了自研的蚂蚁百灵大模型。",
                   [("蚂蚁集团", O), ("上海", L), ("蚂蚁百灵大模型", M)])
    assert ("蚂蚁集团", "released", "蚂蚁百灵大模型", None) in got


def test_relations_uses_a_model_as_its_basis():
    got = _triples("邮储银行在“邮智”大模型基础上，借助DeepSeek的技术能力。", [("邮储银行", O), ("邮智", M), ("DeepSeek", M)])
    assert ("邮储银行", "uses", "邮智", None) in got


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a title glued to 兼 by the segmenter, a second organization with its own title
        ("即蚂蚁集团副总裁兼蚂蚁国际首席技术官王晓航已正式离职。", [("蚂蚁集团", O), ("蚂蚁国际", O), ("王晓航", P)],
         {("王晓航", "worksFor", "蚂蚁集团", "副总裁"), ("王晓航", "worksFor", "蚂蚁国际", "首席技术官")}),
        # the title held now before the name, the new one after it; any chief officer is a title
        ("蚂蚁国际宣布任命现任首席产品官杨江明为首席创新官。", [("蚂蚁国际", O), ("杨江明", P)],
         {("杨江明", "worksFor", "蚂蚁国际", "首席产品官"), ("杨江明", "worksFor", "蚂蚁国际", "首席创新官")}),
        ("界面新闻记者 | 肖芳", [("界面新闻", O), ("肖芳", P)], {("肖芳", "worksFor", "界面新闻", "记者")}),
        # two posts at two bodies before one holder: both his; two holders each with their own post stay apart
        ("在江苏省委常委、南京市委书记周红波看来，产业生态很重要。", [("江苏省委", O), ("南京市委", O), ("周红波", P)],
         {("周红波", "worksFor", "江苏省委", "常委"), ("周红波", "worksFor", "南京市委", "书记")}),
        # after joining, the post taken at the body named with it
        ("许主洪正式加入阿里巴巴，出任阿里集团副总裁，向吴嘉汇报。", [("许主洪", P), ("阿里巴巴", O), ("阿里集团", O), ("吴嘉", P)],
         {("许主洪", "worksFor", "阿里巴巴", None), ("许主洪", "worksFor", "阿里集团", "副总裁")}),
        ("腾讯董事长马化腾、阿里巴巴董事长蔡崇信出席。", [("腾讯", O), ("马化腾", P), ("阿里巴巴", O), ("蔡崇信", P)],
         {("马化腾", "worksFor", "腾讯", "董事长"), ("蔡崇信", "worksFor", "阿里巴巴", "董事长")}),
        # an outlet's byline: its name, the writer's and the date; a company before a person and a date is no outlet
        ("雷递网 乐天 2月7日 布鲁可日前宣布上市。", [("雷递网", O), ("乐天", P), ("布鲁可", O)],
         {("乐天", "worksFor", "雷递网", "记者")}),
        ("百度 李彦宏 2月7日出席。", [("百度", O), ("李彦宏", P)], set()),
    ],
)
def test_relations_titles_at_two_organizations_appointments_and_bylines(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("OpenAI 為了降低對輝達的依賴，先前就宣佈與博通（Broadcom）合作開發專用晶片。", [("OpenAI", O), ("博通", O)],
         {("OpenAI", "partnersWith", "博通", None)}),
        # a channel that discloses the news is not the partner
        ("中昊芯英在官方微信披露，近日，公司与中国联通合作。", [("微信", O), ("中国联通", O)], set()),
    ],
)
def test_relations_partner_named_after_a_chain_of_clauses(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "partnersWith"} == expected


def test_relations_seat_before_a_described_company():
    got = _triples("总部位于西雅图的加密货币挖矿公司Luxor Technology首席运营官Ethan Vera表示。",
                   [("西雅图", L), ("Luxor Technology", O), ("Ethan Vera", P)])
    assert ("Luxor Technology", "locatedIn", "西雅图", None) in got


@pytest.mark.parametrize(
    ("text", "ents", "gone"),
    [
        ("截至2月7日，同花顺DeepSeek概念收盘于1329.05点。", [("同花顺", O), ("DeepSeek", M)], ("同花顺", "developed", "DeepSeek", None)),
        ("百度集团旗下百度智能云千帆平台已正式上线DeepSeek-R1模型。", [("百度集团", O), ("百度", O), ("DeepSeek-R1", M)],
         ("百度", "released", "DeepSeek-R1", None)),
    ],
)
def test_relations_themes_and_platforms_named_after_a_model(text, ents, gone):
    assert gone not in _triples(text, ents)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Meta人事主管贾内尔·盖尔称，裁员将在数天内展开。", [("Meta", O), ("贾内尔·盖尔", P)],
         {("贾内尔·盖尔", "worksFor", "Meta", "人事主管")}),
        ("这两天李彦宏、雷军等国内科技大佬都首次公开谈论DeepSeek。", [("李彦宏", P), ("雷军", P), ("DeepSeek", M)],
         {("李彦宏", "explains", "DeepSeek", None), ("雷军", "explains", "DeepSeek", None)}),
        ("华为、上汽合作敲定，鸿蒙智行将推第五品牌。", [("华为", O), ("上汽", O), ("鸿蒙智行", O)],
         {("华为", "partnersWith", "上汽", None)}),
    ],
)
def test_relations_heads_of_functions_talk_about_models_and_pairs_of_partners(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("worksFor", "explains", "partnersWith")} == expected


def test_relations_companies_listed_before_their_kind_use_the_model():
    got = _triples("近日，网易有道、云学堂、希沃等多家教育行业公司宣布旗下产品接入DeepSeek大模型。",
                   [("网易有道", O), ("云学堂", O), ("希沃", O), ("DeepSeek", M)])
    assert {t for t in got if t[1] == "uses"} == {(n, "uses", "DeepSeek", None) for n in ("网易有道", "云学堂", "希沃")}


def test_relations_a_model_on_another_model_s_basis_is_based_on_it():
    got = _triples("s1模型是在Qwen2.5-32B-Instruct模型的基础上，通过微调训练出来的。", [("s1", M), ("Qwen2.5-32B-Instruct", M)])
    assert {t for t in got if t[1] in ("uses", "basedOn")} == {("s1", "basedOn", "Qwen2.5-32B-Instruct", None)}


def test_relations_a_model_said_to_be_the_base_model_of_another():
    got = _triples("DeepSeek-V3是我们今天用到的R1模型的基础模型。", [("DeepSeek-V3", M), ("R1", M)])
    assert {t for t in got if t[1] == "basedOn"} == {("R1", "basedOn", "DeepSeek-V3", None)}
    got = _triples("GPT-4不是o1模型的基础模型。", [("GPT-4", M), ("o1", M)])
    assert not [t for t in got if t[1] == "basedOn"]


def test_relations_a_product_named_after_the_model_it_is_built_on():
    got = _triples("青岛农商银行宣布已本地化部署以DeepSeek大模型为基座的企业级AI模型服务中台“智慧Qimi”。",
                   [("青岛农商银行", O), ("DeepSeek", M), ("智慧Qimi", M)])
    assert ("智慧Qimi", "basedOn", "DeepSeek", None) in got


def test_relations_pre_check_skips_sentences_no_rule_can_match():
    from kg.relations import _may_match, load_rules

    rules = load_rules()
    # a place or a technique alone, with no rule's words: nothing can match
    assert not _may_match(rules, frozenset({"Location"}), "今天北京天气很好。")
    assert not _may_match(rules, frozenset({"Technology"}), "强化学习很重要。")
    # an organization may always hold a nested name; a release needs its words
    assert _may_match(rules, frozenset({"Organization"}), "百度今天很忙。")
    assert _may_match(rules, frozenset({"Person", "AIModel"}), "李彦宏表示文心一言很好。")


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("据了解，华为、荣耀等手机厂商选择直接将DeepSeek-R1接入自家手机。", [("华为", O), ("荣耀", O), ("DeepSeek-R1", M)],
         {("华为", "uses", "DeepSeek-R1", None), ("荣耀", "uses", "DeepSeek-R1", None)}),
        ("医渡科技宣布将DeepSeek整合至公司自主研发的YiduCore。", [("医渡科技", O), ("DeepSeek", M), ("YiduCore", M)],
         {("医渡科技", "uses", "DeepSeek", None), ("YiduCore", "uses", "DeepSeek", None)}),
        ("万达信息在互动平台表示，公司正在将DeepSeek集成到公司产品中。", [("万达信息", O), ("DeepSeek", M)],
         {("万达信息", "uses", "DeepSeek", None)}),
        ("OpenAI即将敲定来自日本软银集团的400亿美元首轮投资。", [("OpenAI", O), ("日本", L), ("软银集团", O)],
         {("软银集团", "investedIn", "OpenAI", None)}),
        ("饿了么启动“新店免佣季”，联合高德地图推出“到店前下单”功能。", [("饿了么", O), ("高德地图", O)],
         {("饿了么", "partnersWith", "高德地图", None)}),
        # opposing a use is no use
        ("首席科学家杰夫·迪恩也曾签署反对将机器学习用于自动化武器的公开信。", [("杰夫·迪恩", P), ("机器学习", T)], set()),
    ],
)
def test_relations_integrations_investments_from_and_joint_launches(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("uses", "investedIn", "partnersWith")} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a dateline with the reporter in brackets; the photo agency before it employs no one
        ("图源：视觉中国 蓝鲸新闻2月10日讯（记者 翟智超）在AI浪潮席卷之下。", [("视觉中国", O), ("蓝鲸新闻", O), ("翟智超", P)],
         {("翟智超", "worksFor", "蓝鲸新闻", "记者")}),
        # an outlet and its reporter closing an article
        ("建议关注阿里健康等。 （科创板日报 张真）", [("阿里健康", O), ("科创板日报", O), ("张真", P)],
         {("张真", "worksFor", "科创板日报", None)}),
    ],
)
def test_relations_reporters_in_datelines_and_closing_credits(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_works_for_a_title_after_a_technology_naming_the_department():
    got = _triples("小米汽车自动驾驶负责人叶航军先解释了区别。", [("小米汽车", O), ("自动驾驶", "Technology"), ("叶航军", P)])
    assert {t for t in got if t[1] == "worksFor"} == {("叶航军", "worksFor", "小米汽车", "负责人")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a body issuing a plan publishes it, each body of a list
        ("上海市科学技术委员会印发《上海市脑机接口未来产业培育行动方案》。",
         [("上海市科学技术委员会", O), ("上海市脑机接口未来产业培育行动方案", "Publication")],
         {("上海市科学技术委员会", "published", "上海市脑机接口未来产业培育行动方案", None)}),
        ("国家发展改革委、国家能源局联合印发《抽水蓄能电站开发建设管理暂行办法》。",
         [("国家发展改革委", O), ("国家能源局", O), ("抽水蓄能电站开发建设管理暂行办法", "Publication")],
         {("国家发展改革委", "published", "抽水蓄能电站开发建设管理暂行办法", None),
          ("国家能源局", "published", "抽水蓄能电站开发建设管理暂行办法", None)}),
    ],
)
def test_relations_published_by_issuing_bodies(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "published"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a stake in the company named after a description of it; not the company the description names
        ("Google不仅开发自己的AI模型，还持有OpenAI主要竞争对手Anthropic股份。",
         [("Google", O), ("OpenAI", O), ("Anthropic", O)], {("Google", "investedIn", "Anthropic", None)}),
        # the holder is the organization named last before the verb
        ("苹果表示，亚马逊持有Anthropic股份。", [("苹果", O), ("亚马逊", O), ("Anthropic", O)],
         {("亚马逊", "investedIn", "Anthropic", None)}),
    ],
)
def test_relations_stake_after_a_description(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "investedIn"} == expected


def test_relations_investors_listed_after_from():
    got = _triples("SSI从红杉资本、Andreessen Horowitz 和 DST Global 等五家投资机构筹集了10亿美元。",
                   [("SSI", O), ("红杉资本", O), ("Andreessen Horowitz", O), ("DST Global", O)])
    assert {t for t in got if t[1] == "investedIn"} == {
        ("红杉资本", "investedIn", "SSI", None), ("Andreessen Horowitz", "investedIn", "SSI", None),
        ("DST Global", "investedIn", "SSI", None)}


def test_relations_uses_by_companies_joining_a_model_named_before():
    got = _triples("努比亚宣布接入DeepSeek，而在此之前，华为、荣耀等手机厂商已逐步完成接入。",
                   [("努比亚", O), ("DeepSeek", M), ("华为", O), ("荣耀", O)])
    assert {t for t in got if t[1] == "uses"} == {("努比亚", "uses", "DeepSeek", None), ("华为", "uses", "DeepSeek", None),
                                                   ("荣耀", "uses", "DeepSeek", None)}
    # not yet joined: nothing
    assert not [t for t in _triples("DeepSeek发布后，苹果暂未接入。", [("DeepSeek", M), ("苹果", O)]) if t[1] == "uses"]


def test_relations_explains_by_a_person_asked_about_a_model():
    got = _triples("百度创始人李彦宏也被问及如何看待DeepSeek。", [("百度", O), ("李彦宏", P), ("DeepSeek", M)])
    assert ("李彦宏", "explains", "DeepSeek", None) in got
    assert not [t for t in _triples("李彦宏拒绝被问及DeepSeek。", [("李彦宏", P), ("DeepSeek", M)]) if t[1] == "explains"]


def test_relations_outlet_credits_glued_to_names():
    text = "智东西（公众号：zhidxcom）作者 | 许丽思编辑 | 漠影智东西2月8日报道，融资潮即将爆发。"
    got = _triples(text, [("智东西", O), ("许丽思", P), ("漠影", P)])
    assert {t for t in got if t[1] == "worksFor"} == {("许丽思", "worksFor", "智东西", "作者"),
                                                       ("漠影", "worksFor", "智东西", "编辑")}
    # an outlet that is itself a credit's value (a photo agency) employs nobody named after it
    text = "图片来源：视觉中国 文丨雅萱 编辑丨叶锦言 出品丨深网"
    assert not [t for t in _triples(text, [("视觉中国", O), ("雅萱", P), ("叶锦言", P)]) if t[1] == "worksFor"]


def test_relations_investors_named_after_a_funding_round():
    got = _triples("量子创业公司QuEra宣布完成2.3亿美元的融资，投资方包括谷歌和软银等知名机构。",
                   [("QuEra", O), ("谷歌", O), ("软银", O)])
    assert {t for t in got if t[1] == "investedIn"} == {("谷歌", "investedIn", "QuEra", None),
                                                         ("软银", "investedIn", "QuEra", None)}


def test_relations_a_list_mixing_products_and_companies_shares_the_relation():
    got = _triples("文心一言、科大讯飞、知乎直答接入DeepSeek。", [("文心一言", M), ("科大讯飞", O), ("知乎直答", M), ("DeepSeek", M)])
    assert {t for t in got if t[1] == "uses"} == {("文心一言", "uses", "DeepSeek", None), ("科大讯飞", "uses", "DeepSeek", None),
                                                   ("知乎直答", "uses", "DeepSeek", None)}
    # people are not mixed into a list of companies
    got = _triples("腾讯、马化腾与百度合作。", [("腾讯", O), ("马化腾", P), ("百度", O)])
    assert not [t for t in got if "马化腾" in (t[0], t[2]) and t[1] == "partnersWith"]


def test_relations_a_companys_platform_named_after_it_serves_the_models_it_puts_online():
    got = _triples("科大讯飞开放平台正式上线包括“满血版”DeepSeek-V3和DeepSeek-R1在内的全系大模型。",
                   [("科大讯飞", O), ("DeepSeek-V3", M), ("DeepSeek-R1", M)])
    assert {t for t in got if t[1] == "uses"} == {("科大讯飞", "uses", "DeepSeek-V3", None),
                                                   ("科大讯飞", "uses", "DeepSeek-R1", None)}
    assert not [t for t in got if t[1] == "released"]


def test_relations_read_over_a_share_class_and_a_stock_code_aside():
    text = "百度集团-SW（HK 09888，股价86.25港元，市值2419.5亿港元）旗下百度智能云上线DeepSeek-R1。"
    got = _triples(text, [("百度集团", O), ("百度智能云", O), ("DeepSeek-R1", M)])
    assert ("百度智能云", "partOf", "百度集团", None) in got
    assert ("百度智能云", "uses", "DeepSeek-R1", None) in got


def test_relations_the_product_a_model_is_put_in_uses_it():
    got = _triples("邮储银行将DeepSeek大模型应用于智能问答助手——“小邮助手”，新增逻辑推理功能。",
                   [("邮储银行", O), ("DeepSeek", M), ("小邮助手", M)])
    assert {t for t in got if t[1] == "uses"} == {("邮储银行", "uses", "DeepSeek", None), ("小邮助手", "uses", "DeepSeek", None)}


def test_relations_an_aside_on_an_organization_says_who_bought_it():
    got = _triples("Silo AI（该实验室去年被AMD收购，目前正在参与OpenEuroLLM项目）的首席执行官彼得·萨林表示。",
                   [("Silo AI", O), ("AMD", O), ("OpenEuroLLM", O), ("彼得·萨林", P)])
    assert ("AMD", "acquired", "Silo AI", None) in got
    assert ("彼得·萨林", "worksFor", "Silo AI", "首席执行官") in got


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("多家公募宣布完成DeepSeek模型私有化部署，包括了汇添富、富国、国泰等多家头部基金公司。",
         [("DeepSeek", M), ("汇添富", O), ("富国", O), ("国泰", O)],
         {("汇添富", "uses", "DeepSeek", None), ("富国", "uses", "DeepSeek", None), ("国泰", "uses", "DeepSeek", None)}),
        ("汇添富基金目前已正积极展开DeepSeek大模型的本地化部署。", [("汇添富基金", O), ("DeepSeek", M)],
         {("汇添富基金", "uses", "DeepSeek", None)}),
        ("手机厂商中，华为有盘古大模型，vivo有蓝心大模型。", [("华为", O), ("盘古大模型", M), ("vivo", O), ("蓝心大模型", M)],
         {("华为", "developed", "盘古大模型", None), ("vivo", "developed", "蓝心大模型", None)}),
    ],
)
def test_relations_deployments_with_the_companies_listed_after_and_own_models(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("uses", "developed")} == expected


def test_relations_bylines_of_an_outlet_and_of_institutions():
    got = _triples("文 | 数读社，作者 | 卢梭 2月11日，马云出现在杭州。", [("数读社", O), ("卢梭", P), ("马云", P)])
    assert {t for t in got if t[1] == "worksFor"} == {("卢梭", "worksFor", "数读社", "作者")}
    text = "中国人民大学科学研究处、中国人民大学信息资源管理学院：钱明辉、杨建梁 在人工智能技术快速迭代的今天。"
    got = _triples(text, [("中国人民大学科学研究处", O), ("中国人民大学信息资源管理学院", O), ("钱明辉", P), ("杨建梁", P)])
    assert {(t[0], t[2]) for t in got if t[1] == "worksFor"} == {
        (p, o) for p in ("钱明辉", "杨建梁") for o in ("中国人民大学科学研究处", "中国人民大学信息资源管理学院")}


def test_relations_a_plural_pronoun_stands_for_the_list_before_it():
    got = _triples("华为、荣耀、OPPO等手机厂商推出新机。上述厂商均已接入DeepSeek。",
                   [("华为", O), ("荣耀", O), ("OPPO", O), ("DeepSeek", M)])
    assert {t for t in got if t[1] == "uses"} == {(c, "uses", "DeepSeek", None) for c in ("华为", "荣耀", "OPPO")}
    # a single company named before: no list, no relation from a plural pronoun
    got = _triples("华为推出新机。上述厂商均已接入DeepSeek。", [("华为", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "uses"]


def test_relations_a_company_trying_a_model_out_does_not_release_it():
    got = _triples("魅族21系列率先上线尝试DeepSeek，其他机型暂未提及。", [("魅族", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "released"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("比亚迪宣布其“璇玑架构”全面接入DeepSeek。", [("比亚迪", O), ("璇玑架构", T), ("DeepSeek", M)],
         {("璇玑架构", "uses", "DeepSeek", None)}),
        # a field of companies is no subject
        ("云计算巨头接入DeepSeek。", [("云计算", T), ("DeepSeek", M)], set()),
        ("天神之眼A为三激光版本，主要搭载于仰望品牌。", [("天神之眼", T), ("仰望", O)], {("仰望", "uses", "天神之眼", None)}),
    ],
)
def test_relations_a_named_system_takes_a_model_in_and_a_brand_carries_a_system(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


def test_relations_a_credited_name_then_the_producing_outlet():
    got = _triples("作者 | Evan Doyle 翻译 | 郑丽媛 出品 | CSDN（ID：CSDNnews） 最近有一种观点。",
                   [("Evan Doyle", P), ("郑丽媛", P), ("CSDN", O)])
    assert {t for t in got if t[1] == "worksFor"} == {("郑丽媛", "worksFor", "CSDN", "翻译")}


def test_relations_a_persons_view_on_a_named_technique():
    got = _triples("在专业课上，王兴兴对智能驾驶阐述了自己的观点。", [("王兴兴", P), ("智能驾驶", T)])
    assert ("王兴兴", "explains", "智能驾驶", None) in got
    assert not [t for t in _triples("王兴兴拒绝对智能驾驶发表评论。", [("王兴兴", P), ("智能驾驶", T)]) if t[1] == "explains"]


def test_relations_a_model_served_with_a_named_technique():
    got = _triples("目前，DeepSeek-R1支持采用vLLM加速部署。", [("DeepSeek-R1", M), ("vLLM", T)])
    assert ("DeepSeek-R1", "uses", "vLLM", None) in got


def test_relations_a_company_from_a_place_releasing_a_quoted_kind_of_product():
    got = _triples("三天前，来自巴黎的AI明星初创公司Mistral AI震撼发布了“AI超级助手”Le Chat。",
                   [("巴黎", L), ("Mistral AI", O), ("Le Chat", M)])
    assert ("Mistral AI", "locatedIn", "巴黎", None) in got and ("Mistral AI", "released", "Le Chat", None) in got
    # announcing a finished deployment, or content about a model, releases nothing
    got = _triples("富国基金、博时基金等多家基金公司“官宣”完成了DeepSeek多款模型的部署。", [("富国基金", O), ("博时基金", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "released"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # public posts, each held at its own body
        ("参会的嘉宾包括中共中央政治局委员、国务院副总理张国清。", [("中共中央政治局", O), ("国务院", O), ("张国清", P)],
         {("张国清", "worksFor", "中共中央政治局", "委员"), ("张国清", "worksFor", "国务院", "副总理")}),
        ("据徐汇区委常委、副区长俞林伟透露，已有255家企业落地。", [("徐汇区委", O), ("俞林伟", P)],
         {("俞林伟", "worksFor", "徐汇区委", "常委"), ("俞林伟", "worksFor", "徐汇区委", "副区长")}),
        ("上海市经济信息化委人工智能发展处处长潘焱表示。", [("上海市经济信息化委人工智能发展处", O), ("潘焱", P)],
         {("潘焱", "worksFor", "上海市经济信息化委人工智能发展处", "处长")}),
        # a Latin title beside its Han form
        ("谷歌CEO首席执行官桑达尔·皮查伊也将出席。", [("谷歌", O), ("桑达尔·皮查伊", P)],
         {("桑达尔·皮查伊", "worksFor", "谷歌", "CEO"), ("桑达尔·皮查伊", "worksFor", "谷歌", "首席执行官")}),
        # a title before a verb that is itself a title word is one title (教授|主编的)
        ("复旦大学教授主编的这本书出版了。", [("复旦大学", O)], set()),
    ],
)
def test_relations_public_posts_and_titles_side_by_side(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("好莱坞公司Endeavor的首席执行官也支持该收购。", [("好莱坞", L), ("Endeavor", O)], {("Endeavor", "locatedIn", "好莱坞", None)}),
        ("硅谷投资机构UpHonest Capital早期投资了Cosine。", [("硅谷", L), ("UpHonest Capital", O)],
         {("UpHonest Capital", "locatedIn", "硅谷", None)}),
        # a place glued to a name is too often part of the name or a photo credit to say where the company is
        ("杭州宇树科技大量招兵买马。", [("杭州", L), ("宇树科技", O)], set()),
        # a country says a company's nationality; a photo credit says where the picture was taken
        ("法国初创企业Mistral AI发布了新模型。", [("法国", L), ("Mistral AI", O)], set()),
        ("合肥 视觉中国 资料图 开发DeepSeek的公司深度求索。", [("合肥", L), ("视觉中国", O)], set()),
        ("北京的门店增加了。", [("北京", L)], set()),
    ],
)
def test_relations_a_city_before_the_kind_of_a_company_is_where_it_is(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "locatedIn"} == expected


def test_relations_a_company_launching_a_counted_new_product_releases_it():
    got = _triples("接着美团上线了一款名为“妙刷”的AI小程序。", [("美团", O), ("妙刷", M)])
    assert ("美团", "released", "妙刷", None) in got
    # not the model the new ones are compared with
    got = _triples("深度求索先后发布两款性能比肩GPT-4o的大模型。", [("深度求索", O), ("GPT-4o", M)])
    assert not [t for t in got if t[1] == "released"]


def test_relations_a_person_close_to_a_company_does_not_speak_for_it():
    got = _triples("也有接近美团的人士称还有一款被称为longcat的内部模型。", [("美团", O), ("longcat", M)])
    assert not [t for t in got if t[1] == "explains"]
    assert ("中信证券", "explains", "longcat", None) in _triples("中信证券称，longcat是一款内部模型。",
                                                             [("中信证券", O), ("longcat", M)])


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("日本软银集团即将敲定400亿美元对OpenAI的首轮投资。", [("软银集团", O), ("OpenAI", O)], {("软银集团", "investedIn", "OpenAI", None)}),
        ("软银也将超越微软，成为OpenAI的最大投资方。", [("软银", O), ("微软", O), ("OpenAI", O)],
         {("软银", "investedIn", "OpenAI", None), ("微软", "investedIn", "OpenAI", None)}),
        ("OpenAI长期投资的美国机器人初创企业Figure宣布终止合作。", [("OpenAI", O), ("美国", L), ("Figure", O)],
         {("OpenAI", "investedIn", "Figure", None)}),
        # a subsidiary described, a market's interest, a refused stake: no investment
        ("百度的美国子公司Figure宣布。", [("百度", O), ("美国", L), ("Figure", O)], set()),
        ("市场对OpenAI的投资热情很高。", [("OpenAI", O)], set()),
        ("软银拒绝对OpenAI的新一轮投资。", [("软银", O), ("OpenAI", O)], set()),
    ],
)
def test_relations_investments_toward_and_investors_described(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "investedIn"} == expected


def test_relations_both_parties_found_a_joint_venture_named_after_it():
    text = "软银刚刚与OpenAI达成协议，将在日本成立合资企业“SB OpenAI Japan”，共同打造名为“Cristal（水晶）”的人工智能产品。"
    got = _triples(text, [("软银", O), ("OpenAI", O), ("日本", L), ("SB OpenAI Japan", O), ("Cristal", M)])
    assert {t for t in got if t[1] == "founded"} == {("软银", "founded", "SB OpenAI Japan", None),
                                                     ("OpenAI", "founded", "SB OpenAI Japan", None)}
    # a party that withdrew founds nothing
    got = _triples("软银与OpenAI此前称，不会成立合资企业“SB OpenAI Japan”。", [("软银", O), ("OpenAI", O), ("SB OpenAI Japan", O)])
    assert not [t for t in got if t[1] == "founded"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("号称“最具互联网基因的银行”的江苏银行，应该是最早拥抱DeepSeek的银行。", [("江苏银行", O), ("DeepSeek", M)],
         {("江苏银行", "uses", "DeepSeek", None)}),
        ("邮储银行近期已经发文称，依托自有大模型“邮智”，第一时间本地部署并集成DeepSeek-V3模型。",
         [("邮储银行", O), ("邮智", M), ("DeepSeek-V3", M)], {("邮储银行", "uses", "DeepSeek-V3", None)}),
        # someone else named as the one taking it in; a company spoken to
        ("交银国际表示，多家医药公司接入DeepSeek。", [("交银国际", O), ("DeepSeek", M)], set()),
        ("首都在线向深圳证券交易所提交一份声明称，它已经部署了DeepSeek-R1。", [("首都在线", O), ("深圳证券交易所", O), ("DeepSeek-R1", M)],
         set()),
        ("江苏银行不是最早拥抱DeepSeek的银行。", [("江苏银行", O), ("DeepSeek", M)], set()),
    ],
)
def test_relations_a_company_telling_what_it_took_in(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses" and t[0] != "首都在线"} == expected


def test_relations_those_listed_after_ji_did_it_first():
    text = "继网易有道、学而思、希沃之后，近日，火山引擎、知乎直答等也宣布拥抱DeepSeek。"
    got = _triples(text, [("网易有道", O), ("学而思", O), ("希沃", O), ("火山引擎", O), ("知乎直答", M), ("DeepSeek", M)])
    users = {t[0] for t in got if t[1] == "uses"}
    assert {"网易有道", "学而思", "希沃", "知乎直答"} <= users
    got = _triples("继网易有道之后，学而思也拒绝接入DeepSeek。", [("网易有道", O), ("学而思", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "uses"]


def test_relations_a_kind_of_company_inside_a_name_is_no_parent():
    got = _triples("中国投资协会上市公司投资专业委员会副会长表示。", [("中国投资协会上市公司投资专业委员会", O)])
    assert not [t for t in got if t[1] == "partOf" and t[2].endswith("上市公司")]


def test_relations_a_maker_described_and_a_companys_model_launched():
    got = _triples("开发DeepSeek的AI公司深度求索都在杭州。", [("DeepSeek", M), ("深度求索", O), ("杭州", L)])
    assert ("深度求索", "developed", "DeepSeek", None) in got
    got = _triples("随着创业公司DeepSeek（深度求索）的DeepSeek-R1大模型正式发布，概念股上涨。",
                   [("DeepSeek", O), ("深度求索", O), ("DeepSeek-R1", M)])
    assert ("DeepSeek", "released", "DeepSeek-R1", None) in got
    # its users are no maker
    got = _triples("使用DeepSeek的用户腾讯说。", [("DeepSeek", M), ("腾讯", O)])
    assert not [t for t in got if t[1] == "developed"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("作为性能比肩OpenAI的国产大模型，DeepSeek具有相对低成本优势。", [("OpenAI", O), ("DeepSeek", M)],
         {("DeepSeek", "competesWith", "OpenAI", None)}),
        ("DeepSeek证明只需使用极小一部分资源，便可达到OpenAI顶级AI聊天机器人的性能。", [("DeepSeek", O), ("OpenAI", O)],
         {("DeepSeek", "competesWith", "OpenAI", None)}),
        ("百度的模型无法达到OpenAI的水平。", [("百度", O), ("OpenAI", O)], set()),
        ("模型已经开发到了相当于GPT-4.5的水平，并且要达到GPT-5.5的水平并不难。", [("GPT-4.5", M), ("GPT-5.5", M)], set()),
    ],
)
def test_relations_a_match_for_a_rival(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "competesWith"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("四雄的最后一位是强脑科技，这是脑机接口企业，也是马斯克和Neuralink最大竞争对手。",
         [("强脑科技", O), ("马斯克", P), ("Neuralink", O)], {("强脑科技", "competesWith", "Neuralink", None)}),
        ("在特朗普亲自推动下，甲骨文、OpenAI、日本软银等企业共同发起“星际之门”项目。",
         [("特朗普", P), ("甲骨文", O), ("OpenAI", O), ("日本", L), ("软银", O), ("星际之门", O)],
         {("甲骨文", "founded", "星际之门", None), ("OpenAI", "founded", "星际之门", None), ("软银", "founded", "星际之门", None)}),
        ("马斯克早年创办的在线支付平台X.com曾对贝宝构成挑战。", [("马斯克", P), ("X.com", O), ("贝宝", O)],
         {("马斯克", "founded", "X.com", None), ("X.com", "competesWith", "贝宝", None)}),
        ("贝宝（Paypal）创始人、风险投资家彼得·蒂尔也是特朗普的支持者。", [("贝宝", O), ("Paypal", O), ("彼得·蒂尔", P), ("特朗普", P)],
         {("彼得·蒂尔", "founded", "贝宝", None), ("彼得·蒂尔", "worksFor", "贝宝", "创始人")}),
        ("百度不是阿里的竞争对手。", [("百度", O), ("阿里", O)], set()),
    ],
)
def test_relations_rivals_joint_founders_and_founders_described(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("competesWith", "founded", "worksFor")} == expected


def test_relations_a_list_of_deals_names_no_buyer_among_its_objects():
    got = _triples("汤和松操盘了收购91无线、投资去哪儿、投资爱奇艺、收购PPS。", [("91无线", O), ("去哪儿", O), ("爱奇艺", O), ("PPS", O)])
    assert not [t for t in got if t[1] == "acquired"]
    assert ("谷歌", "acquired", "Wiz", None) in _triples("谷歌宣布收购Wiz。", [("谷歌", O), ("Wiz", O)])


def test_relations_a_party_between_titles_is_no_department():
    got = _triples("众议院美中战略竞争特别委员会主席、共和党籍议员约翰·穆勒纳尔等人致信。",
                   [("众议院美中战略竞争特别委员会", O), ("约翰·穆勒纳尔", P)])
    assert {t for t in got if t[1] == "worksFor"} == {("约翰·穆勒纳尔", "worksFor", "众议院美中战略竞争特别委员会", "主席")}


def test_relations_a_rumour_told_with_chuan_is_hedged():
    _, _, _, (rels, _) = _run_news("最近又在传苹果手机的内置AI将使用DeepSeek，不知真假。", [("苹果", O), ("DeepSeek", M)])
    assert [(r.subject.text, r.predicate, r.object.text) for r in rels] == [("苹果", "uses", "DeepSeek")]
    assert rels[0].confidence <= 0.5
    _, _, _, (rels, _) = _run_news("苹果将使用DeepSeek，传统厂商也一样。", [("苹果", O), ("DeepSeek", M)])
    assert rels and rels[0].confidence > 0.5


def test_relations_putting_a_model_to_use_with_a_partner_releases_nothing():
    got = _triples("早在2月5日，江苏银行就官宣已经落地DeepSeek大模型的应用。", [("江苏银行", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "released"]
    got = _triples("北京银行宣布，该行联合华为率先引入部署DeepSeek系列大模型。", [("北京银行", O), ("华为", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "uses" and t[0] == "华为"]


def test_relations_chip_makers_adapting_a_model_use_it_unless_they_cannot():
    got = _triples("龙芯中科、昆仑芯等AI芯片厂商纷纷宣布适配支持DeepSeek R1模型。",
                   [("龙芯中科", O), ("昆仑芯", O), ("DeepSeek R1", M)])
    assert got == {("龙芯中科", "uses", "DeepSeek R1", None), ("昆仑芯", "uses", "DeepSeek R1", None)}
    for text in ("华为无法适配DeepSeek。", "华为不能接入DeepSeek。", "华为暂不接入DeepSeek。"):
        assert not _triples(text, [("华为", O), ("DeepSeek", M)]), text


def test_relations_models_joined_by_a_slash_are_each_used():
    got = _triples("龙芯中科、昆仑芯等AI芯片厂商纷纷宣布适配支持DeepSeek R1/V3模型。",
                   [("龙芯中科", O), ("昆仑芯", O), ("DeepSeek R1", M), ("V3", M)])
    assert got == {(o, "uses", m, None) for o in ("龙芯中科", "昆仑芯") for m in ("DeepSeek R1", "V3")}


def test_relations_released_model_described_by_its_technology():
    got = _triples("2024年初，OpenAI发布了文生视频大模型Sora，再次引发关注。", [("OpenAI", O), ("文生视频", T), ("Sora", M)])
    assert ("OpenAI", "released", "Sora", None) in got


def test_relations_read_past_a_converted_amount_in_brackets():
    got = _triples("微软计划投入800亿美元（约合人民币5835亿元），其董事长兼CEO萨蒂亚·纳德拉称，需求将增长。",
                   [("微软", O), ("萨蒂亚·纳德拉", P)])
    assert got == {("萨蒂亚·纳德拉", "worksFor", "微软", "董事长"), ("萨蒂亚·纳德拉", "worksFor", "微软", "CEO")}


def test_relations_a_partner_s_title_with_its_kind():
    got = _triples("金沙江创投主管合伙人朱啸虎表示，他会投资。", [("金沙江创投", O), ("朱啸虎", P)])
    assert got == {("朱啸虎", "worksFor", "金沙江创投", "主管合伙人")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("在去年Menlo Ventures领投的一轮融资中，Anthropic估值还只是180亿美元。", [("Menlo Ventures", O), ("Anthropic", O)],
         {("Menlo Ventures", "investedIn", "Anthropic", None)}),
        ("以及由Palantir联合创始人Joe Lonsdale领导的风险投资公司8VC。", [("Palantir", O), ("Joe Lonsdale", P), ("8VC", O)],
         {("Joe Lonsdale", "worksFor", "8VC", None), ("Joe Lonsdale", "worksFor", "Palantir", "联合创始人")}),
        ("王小川正带领百川智能扶持大模型领域创业者。", [("王小川", P), ("百川智能", O)], {("王小川", "worksFor", "百川智能", None)}),
        # a group led by someone and then a verb: the company after the verb is no employer
        ("由马斯克领导的投资人集团正寻求收购OpenAI。", [("马斯克", P), ("OpenAI", O)], set()),
        ("他带领百度和谷歌的代表参加。", [("百度", O), ("谷歌", O)], set()),
    ],
)
def test_relations_investor_of_a_valued_round_and_leaders(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("investedIn", "worksFor")} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("通过大规模预训练和微调技术，DeepSeek能够快速理解和生成自然流畅的语言。", [("预训练", T), ("微调", T), ("DeepSeek", M)],
         {("DeepSeek", "uses", "预训练", None), ("DeepSeek", "uses", "微调", None)}),
        ("通过提供平价自动驾驶解决方案，比亚迪将开辟新战场。", [("自动驾驶", T), ("比亚迪", O)], set()),
        ("目前，DeepSeek-R1 模型能力已经在知乎直答网页和知乎 App 双端集成上线。", [("DeepSeek-R1", M), ("知乎直答", M), ("知乎", O)],
         {("知乎直答", "uses", "DeepSeek-R1", None)}),
        ("字节跳动旗下的云服务平台火山引擎宣布已经支持 DeepSeek V3 等开源模型。", [("字节跳动", O), ("火山引擎", O), ("DeepSeek V3", M)],
         {("火山引擎", "uses", "DeepSeek V3", None)}),
        ("在智能信贷领域，苏商银行应用DeepSeek-VL2多模态模型，成功破解难题。", [("苏商银行", O), ("DeepSeek-VL2", M)],
         {("苏商银行", "uses", "DeepSeek-VL2", None)}),
    ],
)
def test_relations_uses_by_technique_integration_support_and_application(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("很多国内外媒体去了DeepSeek杭州总部，吃了闭门羹。", [("DeepSeek", M), ("杭州", L)], {("DeepSeek", "locatedIn", "杭州", None)}),
        ("马云突然闪现阿里杭州园区。", [("马云", P), ("阿里", O), ("杭州", L)], {("阿里", "locatedIn", "杭州", None)}),
        ("腾讯今天在深圳总部举行发布会。", [("腾讯", O), ("深圳", L)], {("腾讯", "locatedIn", "深圳", None)}),
        ("实际上DeepSeek在北京还有办公地。", [("DeepSeek", M), ("北京", L)], {("DeepSeek", "locatedIn", "北京", None)}),
        ("腾讯在北京的办公室很大。", [("腾讯", O), ("北京", L)], set()),
    ],
)
def test_relations_seat_written_with_headquarters_or_office(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "locatedIn"} == expected


def test_relations_a_party_is_no_employer_and_a_list_of_deals_no_investor():
    got = _triples("美国马萨诸塞州民主党参议员伊丽莎白·沃伦批评政府。", [("马萨诸塞州", L), ("民主党", O), ("伊丽莎白·沃伦", P)])
    assert not [t for t in got if t[1] == "worksFor"]
    got = _triples("汤和松操盘了收购91无线、投资去哪儿、投资爱奇艺、收购PPS。", [("91无线", O), ("去哪儿", O), ("爱奇艺", O), ("PPS", O)])
    assert not [t for t in got if t[1] == "investedIn"]
    assert _triples("百度、腾讯投资了智谱。", [("百度", O), ("腾讯", O), ("智谱", O)]) == {
        ("百度", "investedIn", "智谱", None), ("腾讯", "investedIn", "智谱", None)}


def test_relations_each_coordinated_speaker_said_it():
    _, _, _, (rels, quotes) = _run_news("高盛和大摩都表示，DeepSeek很好。", [("高盛", O), ("大摩", O), ("DeepSeek", M)])
    assert {(r.subject.text, r.predicate, r.object.text) for r in rels} == {
        ("高盛", "explains", "DeepSeek"), ("大摩", "explains", "DeepSeek")}
    assert sorted(q.speaker.text for q in quotes) == ["大摩", "高盛"] and len({q.text for q in quotes}) == 1


@pytest.mark.parametrize(
    ("text", "ents", "explains"),
    [
        # analysts, brokers and research bodies give views; one quoted through its research report too
        ("中信建投证券认为，用好DeepSeek很重要。", [("中信建投证券", O), ("DeepSeek", M)], True),
        ("国泰君安证券研报指出，字节跳动可能形成以豆包为核心的产品矩阵。", [("国泰君安", O), ("字节跳动", O), ("豆包", M)], True),
        # a company speaking of its products or deployments announces
        ("据OpenAI介绍，o3在软件工程方面强于o1。", [("OpenAI", O), ("o3", M), ("o1", M)], False),
        ("邮储银行也透露了DeepSeek应用的最新进展。", [("邮储银行", O), ("DeepSeek", M)], False),
    ],
)
def test_relations_an_organization_s_view_explains_only_from_analysts(text, ents, explains):
    _, _, _, (rels, quotes) = _run_news(text, ents)
    assert any(r.predicate == "explains" for r in rels) == explains
    assert quotes, "the statement is kept as a quote either way"


def test_relations_founders_of_a_joint_venture_listed_with_he_are_not_partners():
    got = _triples("星际之门是OpenAI、软银和甲骨文将共同成立的一家合资企业。", [("星际之门", O), ("OpenAI", O), ("软银", O), ("甲骨文", O)])
    assert {t[1] for t in got} == {"founded"}
    got = _triples("科大讯飞与华南理工大学联合成立了脑机协同混合智能技术研究中心。", [("科大讯飞", O), ("华南理工大学", O)])
    assert ("科大讯飞", "partnersWith", "华南理工大学", None) in got
    assert ("百度", "partnersWith", "华为", None) in _triples("百度和华为共同推出新产品。", [("百度", O), ("华为", O)])


def test_relations_a_proposal_is_no_quote_and_a_proposal_about_a_model_proposes_nothing():
    got = _triples("谷歌提出了Transformer架构。", [("谷歌", O), ("Transformer架构", T)])
    assert got == {("谷歌", "proposed", "Transformer架构", None)}
    assert ("张三", "explains", "DeepSeek", None) in _triples("张三提出，DeepSeek的成本很低。", [("张三", P), ("DeepSeek", M)])
    got = _triples("已有吉利汽车、长城汽车等十余家车企提出让DeepSeek上车的举措。", [("吉利汽车", O), ("长城汽车", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "proposed"]
    assert not _triples("江苏银行率先官宣了DeepSeek大语言模型的落地应用。", [("江苏银行", O), ("DeepSeek", M)])



def test_relations_models_coordinated_past_the_word_for_a_model():
    got = _triples("邮储银行第一时间本地部署并集成DeepSeek-V3模型和轻量DeepSeek-R1推理模型。",
                   [("邮储银行", O), ("DeepSeek-V3", M), ("DeepSeek-R1", M)])
    assert got == {("邮储银行", "uses", "DeepSeek-V3", None), ("邮储银行", "uses", "DeepSeek-R1", None)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the lead named right after the round, then those who follow it
        ("月之暗面完成10亿美元融资，阿里巴巴领投，红杉中国、小红书跟投。",
         [("月之暗面", O), ("阿里巴巴", O), ("红杉中国", O), ("小红书", O)],
         {("阿里巴巴", "investedIn", "月之暗面", None), ("红杉中国", "investedIn", "月之暗面", None),
          ("小红书", "investedIn", "月之暗面", None)}),
        # old shareholders following a list of investors, a name the recognizer missed among them
        ("宇树科技曾宣布完成近10亿元B2轮融资，投资方包括美团、金石投资，老股东深创投、中网投、容亿、敦鸿和米达钧石跟投。",
         [("宇树科技", O), ("美团", O), ("金石投资", O), ("深创投", O), ("中网投", O), ("容亿", O)],
         {(x, "investedIn", "宇树科技", None) for x in ("美团", "金石投资", "深创投", "中网投", "容亿")}),
        # investors named after the rounds a company raised
        ("影目科技已经拿到了4轮融资，包括经纬创投等市场化的基金。", [("影目科技", O), ("经纬创投", O)],
         {("经纬创投", "investedIn", "影目科技", None)}),
        # companies that raised money, not investors
        ("智谱与月之暗面都完成了融资，包括百度等公司也在观望。", [("智谱", O), ("月之暗面", O), ("百度", O)], set()),
        # a denied part is no investment
        ("月之暗面完成融资，阿里巴巴对此并未领投。", [("月之暗面", O), ("阿里巴巴", O)], set()),
    ],
)
def test_relations_investors_following_a_round(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "investedIn"} == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # every reporter the dateline credits
        ("新华社重庆2月11日电（记者李松、周文冲）家家户户的厨房里都有刀。", [("新华社", O), ("重庆", L), ("李松", P), ("周文冲", P)],
         {("李松", "worksFor", "新华社", "记者"), ("周文冲", "worksFor", "新华社", "记者")}),
        # the outlet's reporter credited through its app
        ("来源：金融时报客户端记者：张冰洁", [("金融时报", O), ("张冰洁", P)], {("张冰洁", "worksFor", "金融时报", "记者")}),
        # a desk editor's credit in a dateline is left out, as is a verb before the credit
        ("财联社2月14日讯（编辑 刘蕊）英特尔股价上涨。", [("财联社", O), ("刘蕊", P), ("英特尔", O)], set()),
        ("华为昨日宣布电（记者 张晓明）。", [("华为", O), ("张晓明", P)], set()),
    ],
)
def test_relations_reporters_of_datelines_and_apps(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_uses_a_quoted_edition_of_a_model():
    got = _triples("知乎宣布旗下AI搜索产品知乎直答接入“满血版”DeepSeek-R1。", [("知乎", O), ("知乎直答", M), ("DeepSeek-R1", M)])
    assert ("知乎直答", "uses", "DeepSeek-R1", None) in got


def test_relations_models_listed_after_a_kind_of_model():
    got = _triples("江苏银行成功本地化部署微调DeepSeek-VL2多模态模型、轻量DeepSeek-R1推理模型。",
                   [("江苏银行", O), ("DeepSeek-VL2", M), ("多模态", T), ("DeepSeek-R1", M)])
    assert got == {("江苏银行", "uses", "DeepSeek-VL2", None), ("江苏银行", "uses", "DeepSeek-R1", None)}


def test_relations_appointed_to_a_title_of_the_company():
    got = _triples("小米集团董事会选举卢伟冰为公司总裁。", [("小米集团", O), ("卢伟冰", P)])
    assert [(s, p, o) for s, p, o, _ in got] == [("卢伟冰", "worksFor", "小米集团")]
    assert all(role.endswith("总裁") for *_, role in got)  # 公司总裁 or 总裁, as the segmenter cuts it


def test_relations_a_clause_of_time_names_no_founded_company():
    got = _triples("此前，闪极科技发布首款量产的AI眼镜时创始人张波就曾表示，目标是完成出货。", [("闪极科技", O), ("张波", P)])
    assert not [t for t in got if t[1] == "founded" and t[2] != "闪极科技"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("DeepSeek已被腾讯采用。", [("DeepSeek", M), ("腾讯", O)], {("腾讯", "uses", "DeepSeek", None)}),
        ("DeepSeek被美国商务部调查。", [("DeepSeek", M), ("美国商务部", O)], set()),  # not every 被 puts a model to use
        ("借助DeepSeek，腾讯实现了降本。", [("DeepSeek", M), ("腾讯", O)], {("腾讯", "uses", "DeepSeek", None)}),
        # deploying a model on its own platform does not make it the organization's model
        ("腾讯在其平台部署了DeepSeek-R1。", [("腾讯", O), ("DeepSeek-R1", M)], {("腾讯", "uses", "DeepSeek-R1", None)}),
    ],
)
def test_relations_uses_passive_helped_and_deployed_on_its_platform(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("uses", "developed")} == expected


def test_relations_as_a_title_and_an_organization_in_brackets():
    got = _triples("作为百度创始人，李彦宏表示，AI很重要。", [("百度", O), ("李彦宏", P)])
    assert got == {("李彦宏", "worksFor", "百度", "创始人"), ("李彦宏", "founded", "百度", None)}
    got = _triples("张三教授（清华大学）指出，模型很强。", [("张三", P), ("清华大学", O)])
    assert got == {("张三", "worksFor", "清华大学", "教授")}


def test_relations_a_list_of_models_each_after_its_maker_is_one_list():
    got = _triples("阿里巴巴声称Qwen 2.5-Max性能超越DeepSeek-V3、OpenAI GPT-4o和Meta Llama-3.1-405B等主流模型。",
                   [("阿里巴巴", O), ("Qwen 2.5-Max", M), ("DeepSeek-V3", M), ("OpenAI", O), ("GPT-4o", M), ("Meta", O),
                    ("Llama-3.1-405B", M)])
    assert {t[2] for t in got if t[:2] == ("Qwen 2.5-Max", "competesWith")} == {"DeepSeek-V3", "GPT-4o", "Llama-3.1-405B"}


def test_relations_competition_stated_after_a_pair():
    assert _triples("英伟达与OpenAI在芯片上展开竞争。", [("英伟达", O), ("OpenAI", O)]) == {
        ("英伟达", "competesWith", "OpenAI", None)}
    assert _triples("OpenAI和谷歌是主要竞争对手。", [("OpenAI", O), ("谷歌", O)]) == {("OpenAI", "competesWith", "谷歌", None)}
    assert not _triples("OpenAI和谷歌不是竞争对手。", [("OpenAI", O), ("谷歌", O)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在谈到DeepSeek时，李彦宏表示，创新不能被计划。", {("李彦宏", "explains", "DeepSeek", None)}),
        ("李彦宏对DeepSeek给予了高度评价。", {("李彦宏", "explains", "DeepSeek", None)}),
        ("李彦宏谈DeepSeek：创新不能被计划。", {("李彦宏", "explains", "DeepSeek", None)}),
        ("李彦宏对DeepSeek没有评价。", set()),
    ],
)
def test_relations_explains_a_topic_named_before_or_beside_the_speaker(text, expected):
    assert {t for t in _triples(text, [("李彦宏", P), ("DeepSeek", M)]) if t[1] == "explains"} == expected


def test_relations_a_versioned_model_releases_nothing():
    got = _triples("原本OpenAI计划将在o3-mini推出后发布完整版o3模型。", [("OpenAI", O), ("o3-mini", M), ("o3", M)])
    assert not [t for t in got if t[1] == "released" and t[0] == "o3-mini"]


def test_relations_products_of_a_company_putting_a_model_to_use_are_no_development():
    got = _triples("最后是终端厂商如联想、华为、荣耀旗下部分产品接入DeepSeek模型。",
                   [("联想", O), ("华为", O), ("荣耀", O), ("DeepSeek", M)])
    assert not [t for t in got if t[1] == "developed"]


def test_relations_this_company_s_title_in_the_same_sentence():
    got = _triples("DeepSeek由幻方量化孵化，该公司创始人梁文锋表示，模型很强。", [("DeepSeek", O), ("幻方量化", O), ("梁文锋", P)])
    assert ("梁文锋", "worksFor", "幻方量化", "创始人") in got  # 该公司|创始人: the title without the word for the company
    assert ("梁文锋", "founded", "幻方量化", None) in got


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a technique a model works by, is built on at its core, or has as a capability
        ("文心一言还通过持续学习（Continual Learning），让模型能够适应新知识。", [("文心一言", M), ("持续学习", T)],
         {("文心一言", "uses", "持续学习", None)}),
        ("文心一言的核心技术之一是知识增强。", [("文心一言", M), ("知识增强", T)], {("文心一言", "uses", "知识增强", None)}),
        ("文心一言还具备强大的多模态理解和生成能力。", [("文心一言", M), ("多模态", T)], {("文心一言", "uses", "多模态", None)}),
        ("文心一言不具备多模态能力。", [("文心一言", M), ("多模态", T)], set()),
        # a company's own assistant is its development
        ("国行版手机将核心交给了三星自有语音助手Bixby。", [("三星", O), ("Bixby", M)], {("三星", "developed", "Bixby", None)}),
    ],
)
def test_relations_a_model_s_techniques_and_a_company_s_own_assistant(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("uses", "developed")} == expected


def test_relations_a_company_s_parent_named_right_after_it():
    got = _triples("2月4日，谷歌母公司Alphabet表示，预计资本支出将达到750亿美元。", [("谷歌", O), ("Alphabet", O)])
    assert ("谷歌", "partOf", "Alphabet", None) in got


def test_relations_launch_named_after_a_colon_and_a_founder_who_left_a_later_post():
    got = _triples("关键因素是Anthropic推出的新模型：Claude 3.5 Sonnet。", [("Anthropic", O), ("Claude 3.5 Sonnet", M)])
    assert ("Anthropic", "released", "Claude 3.5 Sonnet", None) in got
    got = _triples("谷歌大脑的创始人兼前负责人吴恩达表示支持。", [("谷歌大脑", O), ("吴恩达", P)])
    assert ("吴恩达", "founded", "谷歌大脑", None) in got
    assert not [t for t in got if t[1] == "worksFor" and t[3] == "负责人"]  # the post held before is not asserted


def test_relations_a_model_launched_as_the_company_s_own_was_developed_by_it():
    got = _triples("蚂蚁集团在上海“外滩大会”上发布了自研的蚂蚁金融大模型。", [("蚂蚁集团", O), ("上海", L), ("蚂蚁金融大模型", M)])
    assert ("蚂蚁集团", "developed", "蚂蚁金融大模型", None) in got
    got = _triples("苹果曾公布了自家的多模态大模型研究成果。", [("苹果", O), ("多模态", T)])
    assert not [t for t in got if t[1] == "developed"]  # a technique named in a description is no product



def test_relations_a_list_summed_up_by_its_kind_and_one_more():
    got = _triples("国泰君安、广发证券等多家券商，以及汇添富基金目前已展开DeepSeek大模型的本地化部署。",
                   [("国泰君安", O), ("广发证券", O), ("汇添富基金", O), ("DeepSeek", M)])
    assert {t for t in got if t[1] == "uses"} == {(x, "uses", "DeepSeek", None) for x in ("国泰君安", "广发证券", "汇添富基金")}
    # the list's only member opening the sentence
    got = _triples("国泰君安等券商，以及汇添富基金目前已展开DeepSeek大模型的本地化部署。",
                   [("国泰君安", O), ("汇添富基金", O), ("DeepSeek", M)])
    assert ("国泰君安", "uses", "DeepSeek", None) in got
    # a clause, not a count and a kind, between 等 and the conjunction: no list
    got = _triples("国泰君安等券商已经涨停，以及汇添富基金展开DeepSeek大模型的本地化部署。",
                   [("国泰君安", O), ("汇添富基金", O), ("DeepSeek", M)])
    assert ("国泰君安", "uses", "DeepSeek", None) not in got


def test_relations_a_counted_kind_inside_a_list_keeps_the_names_after_it():
    ents = [("亚马逊", O), ("微软", O), ("阿里云", O), ("腾讯云", O), ("DeepSeek", M)]
    got = _triples("DeepSeek爆火以来，众多云厂商纷纷接入，包括亚马逊、微软、三大运营商、阿里云、腾讯云等。", ents)
    assert {t[0] for t in got if t[1] == "uses"} == {"亚马逊", "微软", "阿里云", "腾讯云"}
    # words that count nothing end the list there
    got = _triples("DeepSeek爆火以来，众多云厂商纷纷接入，包括亚马逊、微软、各地运营商、阿里云、腾讯云等。", ents)
    assert {t[0] for t in got if t[1] == "uses"} == {"亚马逊", "微软"}


def test_relations_a_conjunction_and_a_description_add_one_more_member():
    got = _triples("谷歌发布了性能更强的Gemini 2.0 Pro以及主打低价的Gemini 2.0 Flash-Lite预览版。",
                   [("谷歌", O), ("Gemini 2.0 Pro", M), ("Gemini 2.0 Flash-Lite", M)])
    assert {t[2] for t in got if t[1] == "released"} == {"Gemini 2.0 Pro", "Gemini 2.0 Flash-Lite"}
    got = _triples("百度发布了文心一言以及谷歌的Gemini。", [("百度", O), ("文心一言", M), ("谷歌", O), ("Gemini", M)])
    assert ("百度", "released", "Gemini", None) not in got  # a description naming someone else's is no description


def test_relations_the_topic_of_a_clause_with_a_place_partners_with_those_named_after_and():
    ents = [("应用材料", O), ("印度", L), ("印度科学研究院", O), ("印度理工学院", O)]
    got = _triples("应用材料目前在印度运营六个站点，并与印度科学研究院和印度理工学院等知名机构紧密合作。", ents)
    assert {t for t in got if t[1] == "partnersWith"} == {("应用材料", "partnersWith", "印度科学研究院", None),
                                                         ("应用材料", "partnersWith", "印度理工学院", None)}


def test_relations_a_list_member_the_slot_s_words_rule_out_stays_out():
    got = _triples("百度、金山云上线了文心一言。", [("百度", O), ("金山云", O), ("文心一言", M)])
    assert ("百度", "released", "文心一言", None) in got
    assert ("金山云", "released", "文心一言", None) not in got  # a cloud puts another's model online: it uses it


def test_relations_a_model_launched_under_a_quoted_latin_name(models):
    from tests.test_entities import _mentions

    text = "1月30日，米斯特拉尔公司发布了名为“Mistral Small 3”的全新开源语言模型。"
    assert ("Mistral Small 3", "AIModel") in _mentions(text, models)  # the quoted name whole, not Mistral and Small 3
    got = _triples(text, [("米斯特拉尔公司", O), ("Mistral Small 3", M)])
    assert ("米斯特拉尔公司", "released", "Mistral Small 3", None) in got


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("一项名为“星际之门”的项目，将由OpenAI和甲骨文联合出资打造。", [("星际之门", O), ("OpenAI", O), ("甲骨文", O)],
         {("OpenAI", "investedIn", "星际之门", None), ("甲骨文", "investedIn", "星际之门", None)}),
        ("“星际之门”的初始股权投资方包括软银、OpenAI和甲骨文。", [("星际之门", O), ("软银", O), ("OpenAI", O), ("甲骨文", O)],
         {(x, "investedIn", "星际之门", None) for x in ("软银", "OpenAI", "甲骨文")}),
        # the investor named after what he is; a company named on the way is not the investor
        ("创始人是SpaceX的早期投资者和前特斯拉董事会成员Antonio Gracias。", [("SpaceX", O), ("特斯拉", O), ("Antonio Gracias", P)],
         {("Antonio Gracias", "investedIn", "SpaceX", None)}),
    ],
)
def test_relations_funders_and_named_investors(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "investedIn"} == expected


def test_relations_a_well_known_part_named_with_its_whole():
    # the gazetteer knows 阿里云 as part of 阿里巴巴: an article naming both states it; the first sentence naming both
    # is the evidence
    text = "阿里云上线了DeepSeek。阿里巴巴股价上涨，阿里云收入增长。"
    _, _, _, (rels, _) = _run_news(text, [("阿里云", O), ("DeepSeek", M), ("阿里巴巴", O)])
    part = [r for r in rels if r.predicate == "partOf"]
    assert [(r.subject.text, r.object.text, text[r.evidence_start:r.evidence_end]) for r in part] == [
        ("阿里云", "阿里巴巴", "阿里巴巴股价上涨，阿里云收入增长。")]
    assert part[0].rule_id == "gazetteer-part-of" and 0 < part[0].confidence < 1
    assert not [t for t in _triples("阿里云上线了DeepSeek。", [("阿里云", O), ("DeepSeek", M)]) if t[1] == "partOf"]


def test_relations_a_post_held_by_the_person_a_pronoun_stands_for():
    got = _triples("李四毕业于清华大学。他曾任百度副总裁，负责搜索业务。", [("李四", P), ("清华大学", O), ("百度", O)])
    assert ("李四", "worksFor", "百度", "副总裁") in got
    got = _triples("王小川出席会议。他是百川智能的创始人。", [("王小川", P), ("百川智能", O)])
    assert {("王小川", "founded", "百川智能", None), ("王小川", "worksFor", "百川智能", "创始人")} <= got
    # with no person before it, a pronoun holds nothing
    assert not _triples("他曾任百度副总裁。", [("百度", O)])


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("宇树科技是一家来自杭州的具身智能创业公司，成立于2016年，创始人为王兴兴。",
         [("宇树科技", O), ("杭州", L), ("具身智能", T), ("王兴兴", P)],
         {("王兴兴", "founded", "宇树科技", None), ("王兴兴", "worksFor", "宇树科技", "创始人")}),
        ("小米是一家科技公司，其创始人为雷军。", [("小米", O), ("雷军", P)],
         {("雷军", "founded", "小米", None), ("雷军", "worksFor", "小米", "创始人")}),
        # the founder of another company named between
        ("百度是一家公司，腾讯的创始人为马化腾。", [("百度", O), ("腾讯", O), ("马化腾", P)],
         {("马化腾", "founded", "腾讯", None), ("马化腾", "worksFor", "腾讯", "创始人")}),
    ],
)
def test_relations_the_founder_named_after_a_company_is_described(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] in ("founded", "worksFor")} == expected


def test_relations_a_lead_investor_after_jiang_is_not_read_as_general():
    # 将领投 is 将|领投 (will lead the round), not 将领|投 (a general)
    got = _triples("消息称日本软银集团预计将领投OpenAI的这轮融资。", [("日本", L), ("软银集团", O), ("OpenAI", O)])
    assert ("软银集团", "investedIn", "OpenAI", None) in got


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("刚刚，港大字节联手发布最新视频生成模型。", [("港大", O), ("字节", O)], {("港大", "partnersWith", "字节", None)}),
        ("OpenAI“完全期待与微软保持长期合作关系”。", [("OpenAI", O), ("微软", O)], {("OpenAI", "partnersWith", "微软", None)}),
        ("港大的字节研究员发布了模型。", [("港大", O), ("字节", O)], set()),
    ],
)
def test_relations_partners_side_by_side_or_keeping_a_partnership(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "partnersWith"} == expected
