"""Entity patterns of real news: Latin names, company words, quoted names, units, lists, cited sources, junk."""

from __future__ import annotations

import pytest

from tests.test_entities import _mentions


def test_latin_words_before_a_comma_without_a_title_are_no_person(models):
    found = _mentions("Meta Platforms, 新創公司 Runway 等業者展開激烈的競爭。", models)
    assert ("Meta Platforms", "Person") not in found, found


def test_a_latin_name_after_a_company_word_is_an_organization(models):
    found = _mentions("由他创立的人工智能初创公司 Safe Superintelligence（SSI）正与投资方洽谈融资。", models)
    assert ("Safe Superintelligence", "Organization") in found, found
    assert ("SSI", "Organization") in found, found
    found = _mentions("软银接近完成对芯片设计公司Ampere的65亿美元收购。", models)
    assert ("Ampere", "Organization") in found, found


def test_a_metric_or_title_after_a_company_word_is_no_organization(models):
    found = _mentions("该公司ROE持续下降，公司CEO表示将回购股票。", models)
    assert not [f for f in found if f[0] in {"ROE", "CEO"}], found


def test_a_quoted_name_before_joint_venture_is_an_organization(models):
    found = _mentions("软银和OpenAI宣布成立了“SB OpenAI Japan”合资公司。", models)
    assert ("SB OpenAI Japan", "Organization") in found, found
    # a quoted description before 公司 is no name
    found = _mentions("投资者开始追捧“卖铲子”公司。", models)
    assert not [f for f in found if f[0] == "卖铲子"], found


def test_a_quoted_latin_name_said_to_be_a_model_is_a_model(models):
    found = _mentions("他的團隊創造出一個「s1」的AI推理模型。", models)
    assert ("s1", "AIModel") in found, found


def test_a_quoted_name_after_the_word_for_an_assistant_is_a_model(models):
    found = _mentions("联想的人工智能体“小天”也已接入DeepSeek。", models)
    assert ("小天", "AIModel") in found, found


def test_a_proper_name_before_a_company_word_is_a_company(models):
    found = _mentions("宇树科技宣布与海通证券、厦门银行达成合作。", models)
    assert ("海通证券", "Organization") in found, found
    assert ("厦门银行", "Organization") in found, found
    # an index, a category or a region before the same words is no company
    found = _mentions("恒生科技指数上涨，上市银行和欧洲银行普遍下跌，房地产科技企业承压。", models)
    assert not [f for f in found if f[1] == "Organization" and f[0] in {"恒生科技", "上市银行", "欧洲银行", "房地产科技"}], found


@pytest.mark.parametrize(
    ("text", "names", "not_companies"),
    [
        # a word the segmenter only guessed before a company's own word; guessed words glued from a verb or a
        # function word are no names, and 资本市场 is a market
        ("影目科技发布了新品，毕得医药宣布收购，颖通控股递交招股书。", ("影目科技", "毕得医药", "颖通控股"),
         "家长们将压岁钱存进银行，加快推进数字化赋能资本市场，股东拟增持股份。"),
        # sports, consulting and internet words close a company's name; a field before the word is no company, and
        # 数据 after a name is mostly figures (通胀数据)
        ("亚玛芬体育发布财报，贝恩咨询认为增长放缓，浙文互联公告称。", ("亚玛芬体育", "贝恩咨询", "浙文互联"),
         "这种方法能够提高通信互联效率，通胀数据好于预期。"),
    ],
)
def test_names_before_company_words_are_companies(text, names, not_companies, models):
    found = _mentions(text, models)
    for name in names:
        assert (name, "Organization") in found, (name, found)
    found = _mentions(not_companies, models)
    assert not [f for f in found if f[1] == "Organization"], found


def test_technology_terms_and_cloud_and_chip_firms_are_in_the_gazetteer(models):
    found = _mentions("平台支持ASR、TTS、图计算和模型压缩技术，推动金融科技、智慧城市與車聯網發展。", models)
    for name in ("ASR", "TTS", "图计算", "模型压缩", "智慧城市", "車聯網"):
        assert (name, "Technology") in found, (name, found)
    assert ("金融科技", "Technology") not in found  # a sector (fintech), as 养老金融 is
    found = _mentions("万国数据、世纪互联与天翼云、移动云都在扩建数据中心。", models)
    for name in ("万国数据", "世纪互联", "天翼云", "移动云"):
        assert (name, "Organization") in found, (name, found)


def test_institution_categories_fields_and_laws_are_no_names(models):
    found = _mentions("一家股份制银行和多家城商行、农商行等金融机构在养老金融领域发力。摩尔定律以晶体管数量每18个月翻倍著称。", models)
    assert not [f for f in found if f[0] in {"股份制银行", "农商行", "金融机构", "养老金融领域", "摩尔定律"}], found


def test_a_name_stops_before_a_share_class_or_a_rack_and_a_source_line_at_a_comma(models):
    found = _mentions("移动/电信/联通H股25年预期股息率为7%，AI需求暴增驱动北美机柜租赁价格上涨。", models)
    assert not [f for f in found if f[0].endswith(("H股", "机柜"))], found
    found = _mentions("本文作者：徐菲，来源：通信张建民团队，原文标题：《运营商：AI有望驱动算力价值重估》", models)
    assert not [f for f in found if "原文标题" in f[0]], found


def test_hong_kong_institutions_a_carmaker_brand_and_a_name_before_a_glued_adverb(models):
    found = _mentions("應科院與國家科學技術部合作，小米汽车发布新车，而竞争对手英伟达和博通则大幅上涨。", models)
    for name in ("應科院", "國家科學技術部", "小米汽车", "博通"):
        assert (name, "Organization") in found, (name, found)


def test_quoted_institutions_analysts_firms_and_names_after_an_office(models):
    found = _mentions("學院成立了「微電子技術聯盟」及「金融科技與永續發展聯盟」。Stifel 分析師認為前景向好。", models)
    for name in ("微電子技術聯盟", "金融科技與永續發展聯盟", "Stifel"):
        assert (name, "Organization") in found, (name, found)
    found = _mentions("美国副总统万斯在法国举行的人工智能峰会上表示，硬件将在美国制造。", models)
    assert ("万斯", "Person") in found, found
    found = _mentions("该校入选“全国重点实验室”名单，坚持“以客户为中心”。", models)
    assert not [f for f in found if f[1] == "Organization"], found


def test_an_organization_runs_on_over_a_unit_word_and_a_dot_name_is_a_person(models):
    found = _mentions("首席财务官大卫·津斯纳（David Zinsner）和英特尔产品部首席执行官米歇尔表示。", models)
    assert ("英特尔产品部", "Organization") in found, found
    assert ("大卫·津斯纳", "Person") in found, found
    assert not [f for f in found if f[0] == "英特尔"], found


def test_a_capitalised_latin_name_after_a_country_is_a_company(models):
    found = _mentions("學院與多家科企簽訂備忘錄，包括法國Prophesee和本地初創。德国DAX指数下跌。", models)
    assert ("Prophesee", "Organization") in found, found
    assert not [f for f in found if f[0] == "DAX"], found


def test_unknown_members_of_a_list_take_the_class_of_their_fellows(models):
    found = _mentions("Keep已上线FitPulse、Gogogola、CalCut等多款AI应用，帮助用户健身。", models)
    for name in ("FitPulse", "Gogogola", "CalCut"):
        assert (name, "AIModel") in found, (name, found)
    found = _mentions("代表性的龙头企业包括力特、TDK、安世半导体、意法半导体等国际知名企业。", models)
    assert ("力特", "Organization") in found and ("TDK", "Organization") in found, found
    found = _mentions("5G、MIMO、波束成形等先进技术正在发展。", models)
    assert ("MIMO", "Technology") in found, found
    found = _mentions("AppLovin、Palantir、Snowflake、Shopify等AI应用公司业绩超预期。", models)
    assert not [f for f in found if f[1] == "AIModel"], found
    found = _mentions("水利、天文、纺织、食品加工与保鲜等方面也久负盛名。", models)
    assert not [f for f in found if f[0] in ("天文", "保鲜")], found
    # among many known names of a kind, a short common noun is one more name; among few, it is not
    found = _mentions("继网易有道、学而思、希沃、弈小象、中公之后，火山引擎也接入了DeepSeek。", models)
    assert ("弈小象", "Organization") in found, found
    found = _mentions("继网易有道、学而思、小象、大象、海象之后，火山引擎也接入了DeepSeek。", models)
    assert not [f for f in found if f[0] in ("大象", "海象")], found


def test_a_source_cited_for_figures_is_an_organization_when_it_looks_like_a_name(models):
    found = _mentions("根据三体云动的数据，2023年我国健身会员渗透率不足5%。", models)
    assert ("三体云动", "Organization") in found, found
    found = _mentions("据第三方数据显示，增速放缓。据公开数据显示，增速高于同期商业银行营收。", models)
    assert not [f for f in found if f[1] == "Organization"], found


_P = pytest.param


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        _P("字节跳动（ByteDance）有限公司的 Doubao 很受欢迎。", ("有限公司",), id="company-endings-alone"),
        _P("它是国内第一个以数学推理大模型切入的教育科技公司。", ("教育科技公司",), id="field-words-and-a-head"),
        _P("这项技术让国有大行、地方农商行争相引入。", ("地方农商行",), id="region-and-a-category"),
        _P("它将使用户更加依赖和信任银行的服务。", ("信任银行",), id="verb-and-an-institution-word"),
        _P("AI 法案也为市场监管机构提供法律确定性。", ("市场监管机构",), id="generic-words-only"),
        _P("该APP面向中小型银行及股份制银行分行的销售管理场景。", ("股份制银行分行",), id="generic-word-and-a-branch"),
        _P("芯片要经过封装和测试流程。测试计划（Test Plan）是确保芯片质量的关键。", ("测试计划",), id="unsure-without-ending"),
        _P("马云现身阿里园区，身着阿里文化夹克，去了闲鱼的办公区。", ("阿里文化夹克",), id="unsure-without-ending-2"),
        _P("在知识库中存储半导体制造的CP、FT、WAT等数据。而AI、TV这样的字母组合更能卖出高价。", ("CP", "TV"), id="capitals-listed-with-abbreviations"),
        _P("Google DeepMind的团队在RestBench和ToolBench这两个广泛使用的基准上测试。", ("ToolBench",), id="camelcase-word-where-latin-names-are-spaced"),
        _P("华为在北京的研究院和腾讯将要建设的实验室都已开放。", ("腾讯将要建设的实验室",), id="no-unit-over-function-words-or-verbs"),
        _P("AI助手无法辨别新闻报道中的信息，卫星互联网消息不断，深交所官网消息显示如此。", ("无法辨别新闻", "卫星互联网", "深交所官网"), id="no-outlet-from-a-verb-a-report-or-a-generic-word"),
        _P("AlphaGeometry2 在国际数学奥林匹克竞赛（IMO）几何问题上取得突破。", ("奥林匹克竞赛", "IMO"), id="event"),
        _P("恩智浦計劃在 2025 年德國紐倫堡 Embedded World 展會上展示成果。", ("Embedded World",), id="event-after-a-place"),
        _P("长期看，DeepSeek带来的应是算力层面的杰文斯悖论，整体生态繁荣。", ("杰文斯",), id="law-named-after-someone"),
        _P("股东批准了Paul Bulcke和Alexandre Ricard的董事任期，加拿大BC省省长戴维·埃比表示反对。", ("Alexandre Ricard", "BC"), id="no-employer-before-a-clause-or-a-place"),
    ],
)
def test_entities_junk_organizations_and_latin_guesses_are_dropped(text, junk, models):
    found = _mentions(text, models)
    assert not [f for f in found if f[0] in junk and f[1] in ("Organization", "Person")], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        _P("而中国人民大学高瓴人工智能学院研究团队所提出的方法很新。", ["中国人民大学高瓴人工智能学院"], id="team-cut-off"),
        _P("應科院董事局主席李惠光說，學院與深城交數字科技和灣區互聯科技簽約。", ["應科院", "灣區互聯科技"], id="board-cut-off-and-two-company-words"),
        _P("苏商银行金融科技实验室相关负责人表示，业务已转入阿里智能信息事业群。", ["苏商银行金融科技实验室", "阿里智能信息事业群"], id="description-and-a-unit"),
        _P("主要进行前沿技术研发工作的通义实验室保留在阿里云体系内。", ["通义实验室"], id="model-lab"),
        _P("中关村物联网产业联盟副秘书长袁帅表示，中国互联网金融协会持股36%。", ["中关村物联网产业联盟", "中国互联网金融协会"], id="place-description-and-an-association"),
        _P("2月13日，经济观察网获悉，据雷递网消息，百度风投参投。上游新闻记者 郑直报道。", ["经济观察网", "雷递网", "上游新闻"], id="outlet-before-a-report"),
        _P("提到的股票 * [GOOGL Alphabet Inc](/analysis/GOOGL) * [MMAT Meta Materials Inc](/analysis/MMAT)", ["Alphabet Inc", "Meta Materials Inc"], id="latin-organization-after-a-ticker"),
        _P("他們說什麼 * Janus Henderson 投資組合經理 Richard Clode 表示，前景正面。", ["Janus Henderson"], id="latin-employer-before-a-title-and-a-name"),
        _P("FutureLabs首席专家胡延平表示，算力需求依然大幅增长。", ["FutureLabs"], id="latin-employer-glued-to-a-title-and-a-name"),
    ],
)
def test_entities_organizations_grown_cut_or_found_by_their_context(text, expected, models):
    found = _mentions(text, models)
    orgs = [f[0] for f in found if f[1] == "Organization"]
    assert all(name in orgs for name in expected), found
    assert not [o for o in orgs if any(o != name and (name in o or o in name) for name in expected)], found


def test_entities_latin_names_in_unspaced_text_model_tiers_and_new_gazetteer_entries(models):
    # without Latin words written apart (CLUENER glues them), a CamelCase word may still be a name
    assert ("PatrickBach", "Person") in _mentions("游戏制作人PatrickBach表示，这次发售很顺利。", models)
    found = _mentions("ChatGPT Plus订阅用户可以享受更高强度的计算，而ChatGPT Pro订阅用户则能解锁更多功能。", models)
    assert ("ChatGPT Plus", "AIModel") in found and ("ChatGPT Pro", "AIModel") in found, found
    found = _mentions("阿里重整通义和夸克。EDA工具、分布式计算与网络爬虫都用到高效能運算，AI Agents也在普及。", models)
    for item in (("夸克", "AIModel"), ("EDA", "Technology"), ("分布式计算", "Technology"), ("网络爬虫", "Technology"),
                 ("高效能運算", "Technology"), ("AI Agents", "Technology")):
        assert item in found, (item, found)
    found = _mentions("EIC77系列芯片是奕斯伟计算自主研发的，复旦微电与IANA也在名单中。", models)
    for name in ("奕斯伟计算", "复旦微电", "IANA"):
        assert (name, "Organization") in found, (name, found)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("小米SU7发布伊始，对标最多的就是Model 3。", {"SU7", "Model 3"}),
        ("苹果iPhone 16系列发布会上介绍了AI功能。", {"iPhone 16"}),
        ("小鹏 P7 发布没多久，新车就到了深圳。", {"P7"}),
        ("iOS18版本推出了新功能。", {"iOS18"}),
    ],
)
def test_phones_cars_and_systems_with_versions_are_no_models(text, wrong, models):
    assert not {t for t, label in _mentions(text, models) if label == "AIModel"} & wrong


@pytest.mark.parametrize(
    ("text", "model"),
    [("DeepSeek发布R1模型。", "R1"), ("字节跳动推出了OmniHuman-1。", "OmniHuman-1"), ("谷歌发布Gemini 2.0。", "Gemini 2.0"),
     ("OpenAI首席执行官山姆··奥特曼在博客上发文。", None), ("训练出的s1推理模型以Qwen为基础。", "s1")],
)
def test_models_with_versions_and_doubled_dots_in_names(text, model, models):
    got = _mentions(text, models)
    if model is None:
        assert ("山姆··奥特曼", "Person") in got
    else:
        assert (model, "AIModel") in got


def test_a_latin_name_right_after_a_latin_title_is_a_person(models):
    assert ("Andy Jassy", "Person") in _mentions("亚马逊CEO Andy Jassy此前已多次表达过其判断。", models)
    # a Latin title further back names no one
    assert ("Model Gallery", "Person") not in _mentions("CEO表示，阿里云PAI Model Gallery支持一键部署。", models)


@pytest.mark.parametrize(("text", "name"), [("邮储银行在“邮智”大模型基础上升级。", "邮智"), ("好未来研发“九章”大模型。", "九章")])
def test_a_quoted_chinese_name_before_the_word_for_a_model_is_a_model(text, name, models):
    assert (name, "AIModel") in _mentions(text, models)


def test_a_product_line_with_a_tier_is_no_model(models):
    got = _mentions("小米15 Ultra和小米SU7 Ultra月底见！", models)
    assert not [t for t, label in got if label == "AIModel"]


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a conjunction after a known name ends it; a Latin name keeps its company word
        ("近日，宁德时代与物流公司DHL集团（敦豪集团）签署战略协议。", {("宁德时代", "Organization"), ("DHL集团", "Organization")},
         {"宁德时代与物流公司"}),
        # a name opening a clause with its post in brackets is a person
        ("3.王兴兴（宇树科技CEO） 全球四足机器人领军企业创始人。", {("王兴兴", "Person"), ("宇树科技", "Organization")}, set()),
    ],
)
def test_names_end_at_a_conjunction_keep_their_company_word_and_posts_in_brackets(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong


def test_a_latin_employer_before_a_chief_officer_with_a_transliterated_name(models):
    got = _mentions("Aleph Alpha首席研究官亚瑟·贾迪迪（Yasser Jadidi）指出。", models)
    assert ("Aleph Alpha", "Organization") in got and ("亚瑟·贾迪迪", "Person") in got


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("知乎直答接入DeepSeek 2月10日，科大讯飞开放平台正式上线。", {("DeepSeek", "AIModel")}, {"DeepSeek 2"}),
        ("近日，网易有道、云学堂、希沃等多家教育行业公司宣布接入大模型。", {("云学堂", "Organization"), ("希沃", "Organization")}, set()),
        ("iOS版百度文小言（原文心一言）App迎来了更新。", {("文小言", "AIModel")}, set()),
        # Latin members of several words, a count in Chinese numerals, investors as the kind
        ("SSI从红杉资本、Andreessen Horowitz 和 DST Global 等五家投资机构筹集了10亿美元。",
         {("Andreessen Horowitz", "Organization"), ("DST Global", "Organization")}, {"DST Global 等"}),
    ],
)
def test_a_date_is_no_version_and_lists_of_companies_by_their_kind(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a listing's share class and stock code are no part of a name, nor a model's version
        ("小米集团-W（HK 01810）：雷军给员工发新年红包。", {("小米集团", "Organization")}, {"小米集团-W", "HK 01810"}),
        ("歌尔股份（SZ 002241）：歌尔光学发布新模组。", set(), {"SZ 002241"}),
        ("Llama 3.1 405B和Gemini 2.0发布。", {("Llama 3.1 405B", "AIModel"), ("Gemini 2.0", "AIModel")}, set()),
    ],
)
def test_share_classes_and_stock_codes_are_no_names(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a company whose first word the segmenter tags as a place keeps its name (德邦 is no place)
        ("德邦物流公司是繁华中学校友崔维星创立。", "德邦物流公司"),
        # a name continuing after a known place with a character that can also join clauses (同洲, 同方)
        ("周铭磊找到了深圳同洲电子股份有限公司董事长袁明。", "深圳同洲电子股份有限公司"),
    ],
)
def test_company_names_that_look_like_descriptions_or_clauses_stay(text, name, models):
    assert (name, "Organization") in _mentions(text, models)


def test_companies_of_a_watch_list_and_no_sectors(models):
    text = "方正证券研报建议关注： 1）AI+诊断：联影医疗、万东医疗、迪安诊断； 2）AI+健康管理：美年健康、平安好医生、微医控股等。"
    got = set(_mentions(text, models))
    assert {(n, "Organization") for n in ("万东医疗", "迪安诊断", "美年健康", "微医控股")} <= got
    assert not {t for t, _ in _mentions("中信证券建议关注：算力、存储、光模块三条主线。", models)} & {"算力", "存储", "光模块"}


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a title after a described Latin company is the next person's
        ("合资企业得到了法国初创企业Mistral AI CEO阿瑟·门斯的支持。", {("Mistral AI", "Organization")}, {"Mistral AI CEO"}),
        # a place and the word for a company describe, they do not name
        ("好莱坞公司Endeavor的首席执行官阿里·伊曼纽尔也支持收购。", {("Endeavor", "Organization")}, {"好莱坞公司"}),
        # a country before a known company stays apart
        ("OpenAI即将敲定来自日本软银集团的400亿美元投资。", {("软银集团", "Organization")}, {"日本软银集团"}),
        # a Latin name after 外媒 or before 采访 is an outlet, not a person
        ("法国政府负责人曾在接受外媒Euronews Next采访时提到。", {("Euronews Next", "Organization")}, set()),
    ],
)
def test_described_companies_countries_and_outlets(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong


@pytest.mark.parametrize(
    ("text", "name"),
    [("蓝鲸新闻2月10日讯（记者 翟智超）手机行业迎来变革。", "蓝鲸新闻"), ("建议关注阿里健康等。 （科创板日报 张真）", "科创板日报")],
)
def test_outlets_in_datelines_and_closing_credits(text, name, models):
    assert (name, "Organization") in _mentions(text, models)


def test_the_investors_of_a_funding_round_are_organizations(models):
    got = _mentions("宇树科技完成B2轮融资，投资方包括美团、金石投资、源码，老股东深创投、中网投跟投。", models)
    assert {("金石投资", "Organization"), ("源码", "Organization"), ("深创投", "Organization")} <= set(got)
    # a controlling shareholder and the actual controller are no companies
    got = _mentions("新时达收到公司控股股东、实际控制人的通知。", models)
    assert not [t for t, label in got if label == "Organization" and t.startswith("实际")]


@pytest.mark.parametrize(
    ("text", "names"),
    [("国内港股公司诸如方舟健客、医渡科技、平安好医生等也已具备相应能力。", {"方舟健客", "医渡科技"}),
     ("包括汇添富、富国、国泰、中欧、景顺长城、诺安、永赢、博时等多家头部基金公司。", {"博时", "富国"})],
)
def test_a_list_named_by_its_kind_of_company_holds_organizations(text, names, models):
    got = _mentions(text, models)
    assert {(n, "Organization") for n in names} <= set(got)


def test_a_kind_of_company_does_not_make_places_or_kinds_organizations(models):
    got = set(_mentions("北京、上海等地的企业纷纷接入。", models))
    assert {("北京", "Location"), ("上海", "Location")} <= got
    got = {t for t, label in _mentions("还应积极与金融科技公司、不良资产投资基金等新兴机构合作。", models)}
    assert not got & {"积极", "金融科技公司", "不良资产投资基金"}



@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("蚂蚁集团发布了C端智能金融助理“支小宝2.0”与B端智能业务助手“支小助”。",
         {("支小宝2.0", "AIModel"), ("支小助", "AIModel")}, set()),
        ("邮储银行将DeepSeek应用于智能问答助手——“小邮助手”。", {("小邮助手", "AIModel")}, set()),
        ("邮储银行依托自有大模型“邮智”推出新服务。", {("邮智", "AIModel")}, set()),
        # a quoted phrase, not a name
        ("如何让AI设计助手“更加懂你”。", set(), {"更加懂你"}),
        ("这个是公认的大模型“一哥”。", set(), {"一哥"}),
    ],
)
def test_quoted_names_of_assistants_and_own_models(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong



def test_a_brokers_bracketed_stocks_are_companies(models):
    got = _mentions("首推龙头【三花智控】【拓普集团】，关注【北特科技】【浙江荣泰】等。", models)
    assert {("三花智控", "Organization"), ("拓普集团", "Organization"), ("北特科技", "Organization")} <= set(got)


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("手机厂商中，vivo有蓝心大模型，OPPO安第斯大模型。",
         {("vivo", "Organization"), ("蓝心大模型", "AIModel"), ("OPPO", "Organization"), ("安第斯大模型", "AIModel")},
         {"OPPO安第斯大模型"}),
        # a kind of model, a verb or a preposition before 大模型 is no name
        ("蚂蚁集团发布了金融大模型。", set(), {"金融大模型"}),
        ("亚马逊在部署大模型时强调成本。", set(), {"在部署大模型"}),
        ("百度开发大模型。", set(), {"开发大模型"}),
    ],
)
def test_a_companys_own_model_named_after_it(text, expected, wrong, models):
    got = _mentions(text, models)
    assert expected <= set(got) and not {t for t, _ in got} & wrong



def test_latin_names_written_with_no_break_spaces(models):
    got = _mentions("潜力上看Figure\xa0AI> Agility>德国Neura\xa0Robotics。", models)
    assert ("Figure\xa0AI", "Organization") in got and ("Neura\xa0Robotics", "Organization") in got



def test_an_author_named_after_the_word_for_author(models):
    got = _mentions("《大潮剖面》是中国发展出版社1999年出版的书籍，作者是王东京", models)
    assert ("王东京", "Person") in got and ("东京", "Location") not in got



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("金本凯出生于1982年2月，毕业于太原理工大学法学专业。", {("金本凯", "Person"), ("太原理工大学", "Organization")}),
        ("夏潇潇，女，1980年2月出生，安徽省合肥市人。", {("夏潇潇", "Person")}),
        ("陈希孺1956年毕业于武汉大学数学系。", {("陈希孺", "Person")}),
    ],
)
def test_the_subject_of_a_biography_and_a_school_without_its_major(text, expected, models):
    assert expected <= set(_mentions(text, models))


def test_listed_companies_after_a_broker_s_such_as(models):
    found = _mentions("建议关注存在AI产品落地预期的标的，如豆神教育、天立国际控股、昂立教育、传智教育等。", models)
    for name in ("豆神教育", "天立国际控股", "昂立教育", "传智教育"):
        assert (name, "Organization") in found, (name, found)
    # a list of sectors after the same cue names no company
    found = _mentions("建议关注相关标的，如算力、存储、光模块等。", models)
    assert not [f for f in found if f[1] == "Organization"], found


def test_listed_companies_named_by_how_their_shares_moved(models):
    found = _mentions("截至收盘，华大智造、思创医惠、贝瑞基因涨停，东风科技一字涨停，港股方面，医渡科技涨超25%。", models)
    for name in ("华大智造", "思创医惠", "贝瑞基因", "东风科技", "医渡科技"):
        assert (name, "Organization") in found, (name, found)
    found = _mentions("半导体板块涨超3%，算力、存储等跟涨。", models)  # sectors, no companies
    assert not [f for f in found if f[1] == "Organization"], found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("比如润和软件（300339）去年前三季度营收增长了10%以上。", "润和软件"),  # a Shenzhen code alone
        ("软通动力（301236）作为盘古大模型首批合作伙伴，去年净利润下降。", "软通动力"),
        ("工业巨头卡特彼勒(CAT.US)财报后股价大跌。", "卡特彼勒"),  # a US ticker, after the kind before it
        ("支付巨头Block(XYZ.US)下跌。", "Block"),
        ("游客需求激增令迪士尼(DIS.US)股价上涨。", "迪士尼"),
    ],
)
def test_listed_companies_named_with_a_bare_code_or_a_us_ticker(text, name, models):
    assert (name, "Organization") in _mentions(text, models)


def test_listed_company_codes_that_are_no_company(models):
    found = _mentions("沪深300指数（000300）收涨1%，公司的软件（300339）更新了。", models)
    assert not [f for f in found if f[1] == "Organization"], found
    # a name of several Latin words is not cut to its last word
    assert ("America", "Organization") not in _mentions("周五，Titan America(TTAM.US)登陆美股市场。", models)


def test_listed_companies_a_theme_s_stocks_are_listed_as(models):
    found = _mentions("人形机器人落地量产进程有望加快，概念股包括精锻科技、拓斯达、昊志机电等。", models)
    for name in ("精锻科技", "拓斯达", "昊志机电"):
        assert (name, "Organization") in found, (name, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开源证券认为，DeepSeek的R1模型将大幅提升座舱的交互体验。", True),  # a broker opening a clause and speaking
        ("对此，国金证券指出，市场回暖。", True),
        ("数字银行表示欢迎。", False),  # a descriptor and a company word
        ("他们投资开源证券相关的项目。", False),  # not opening a clause
    ],
)
def test_a_broker_named_by_a_common_word_when_it_speaks(text, expected, models):
    assert any(label == "Organization" and name.endswith(("证券", "银行"))
               for name, label in _mentions(text, models)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("马斯克在X平台表示，Grok 3很强。", True),
        ("他在社交媒体X上发文称，DeepSeek很好。", True),
        ("X光检查很重要。", False),  # a letter in a word
        ("SpaceX的火箭发射成功，X上的帖子很多。", True),
        ("Space X平台的火箭。", False),  # the end of another name
    ],
)
def test_the_network_x_named_as_a_platform(text, expected, models):
    assert (("X", "Organization") in _mentions(text, models)) is expected


def test_companies_listed_before_the_kind_of_platform_they_are(models):
    found = _mentions("目前，阿里、腾讯、超算互联网等算力平台，均已经上线DeepSeek系列模型。", models)
    assert {("阿里", "Organization"), ("腾讯", "Organization"), ("超算互联网", "Organization")} <= set(found), found
    found = _mentions("鲜活水产销售较为突出；在叮咚买菜、盒马等电商平台，鲜活商品热销。", models)
    assert ("叮咚买菜", "Organization") in found and ("在叮咚买菜", "Organization") not in found, found
    # a bare 等平台 closes a list of kinds of business, no companies
    assert not [f for f in _mentions("电商、直播等平台都在增长。", models) if f[1] == "Organization"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("云天励飞高级副总裁、董秘邓浩然告诉记者，AI大模型与智能眼镜的结合是浪潮。", "邓浩然"),
        ("这项法案最后被加州州长纽森拒绝签署。", "纽森"),
        ("天风国际分析师郭明錤认为，苹果机器人量产可能要等到2028年。", "郭明錤"),  # a rare character of the name
    ],
)
def test_a_name_after_any_position_a_relation_rule_knows(text, name, models):
    assert (name, "Person") in _mentions(text, models)


def test_every_position_head_of_the_relation_rules_marks_a_name_in_the_word_lists():
    import json

    from kg.patterns import load_word_lists
    from kg.resources import ontology_dir

    titles = load_word_lists().titles
    heads = set()
    for line in (ontology_dir() / "patterns" / "roles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["kind"] == "head":
            heads |= set(row["words"])
    # the heads that also end organizations' names (镇党委|书记, 政治局|委员, 实验室|主任) are left out on purpose
    not_name_marks = {"编译", "摄影", "顾问", "专家", "常委", "组长", "党委书记", "党组书记", "政治局委员", "研究主管",
                      "研究总监", "研究经理", "学术委员会主任", "实验室主任", "系主任", "研究科学家"}
    assert heads - titles <= not_name_marks, sorted(heads - titles - not_name_marks)


def test_a_latin_word_listed_with_a_model_is_a_model(models):
    found = _mentions("谷歌还发布了名为Goose和Gemma的模型。", models)
    assert ("Goose", "AIModel") in found and ("Goose", "Person") not in found, found
    assert ("Sam Altman", "Person") in _mentions("马斯克和Sam Altman见面。", models)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("此前360的纳米搜索也接入了DeepSeek。", True),  # the company's product after it
        ("港股360期指上涨。", False),  # a count
        ("360度全方位展示。", False),
    ],
)
def test_a_three_digit_company_name_needs_a_company_s_words_after_it(text, expected, models):
    assert (("360", "Organization") in _mentions(text, models)) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("青岛农商银行部署了企业级AI模型服务中台“智慧Qimi”。", "智慧Qimi"),
        ("日照广播电视台复刻推出数字主持人“智夏”参与新闻报道。", "智夏"),
    ],
)
def test_a_quoted_name_after_the_word_for_an_ai_platform_or_presenter_is_a_model(text, name, models):
    assert (name, "AIModel") in _mentions(text, models)


def test_media_accounts_named_in_quotes(models):
    for text, name in (("据公号“滨江发布”消息，宇树科技正在大力招聘。", "滨江发布"),
                       ("2月11日，“合肥日报”微信公众号刊文谈创新。", "合肥日报")):
        assert (name, "Organization") in _mentions(text, models), text


@pytest.mark.parametrize(
    ("text", "name"),
    [("作者 张成刚 首都经济贸易大学劳动经济学院副教授、中国新就业形态研究中心主任 2025蛇年伊始，", "中国新就业形态研究中心"),
     ("作者 张成刚 首都经济贸易大学劳动经济学院副教授、中国新就业形态研究中心主任 2025蛇年伊始，", "首都经济贸易大学劳动经济学院"),
     ("国家信息中心经济预测部主任张成刚表示，需求正在回暖。", "国家信息中心经济预测部")],
)
def test_the_words_before_a_persons_post_name_the_body_of_the_post(text, name, models):
    assert (name, "Organization") in _mentions(text, models)


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [("经济日报 作者：李先军 作者系中国社会科学院工业经济研究所副研究员）", "中国社会科学院工业经济研究所", "作者系"),
     ("这天，也正好是证监会主席吴清上任满一年的日子。", None, "正好是"),
     ("亿航智能设备（广州）有限公司副总裁伍雅琛也在采访中透露。", None, "有限公司"),
     ("伟业顾问北京公司副总经理梁炜表示。", None, "北京公司")],
)
def test_the_words_a_clause_opens_with_stay_out_of_the_body_of_a_post(text, name, wrong, models):
    got = _mentions(text, models)
    assert name is None or (name, "Organization") in got, got
    assert not [t for t, label in got if label == "Organization" and t.startswith(wrong)], got


def test_a_compound_post_a_posts_modifier_or_a_country_stay_out_of_the_body(models):
    got = _mentions("富国基金知名基金经理张成刚认为，美国微软公司首席执行官纳德拉表示支持。", models)
    assert ("微软公司", "Organization") in got
    assert not [t for t, label in got if label == "Organization" and t.endswith(("基金", "公司")) and len(t) > 4]


def test_a_given_name_cut_short_is_whole_where_the_article_writes_it_twice(models):
    text = "于东来曾公开解释过原因。在书中，于东来说，胖东来是一所学校。张兰承认，自己并未回应。"
    found = _mentions(text, models)
    assert ("于东来", "Person") in found and ("于东", "Person") not in found, found
    assert not [t for t, label in found if label == "Person" and t.startswith("张兰") and len(t) > 2]


def test_a_title_holding_a_question_mark_is_one_publication(models):
    got = _mentions("交汇点连续发布了三篇专稿文章《DeepSeek为什么会出现在杭州？》《杭州有DeepSeek，南京有什么？》。", models)
    assert ("DeepSeek为什么会出现在杭州？", "Publication") in got, got
    assert ("杭州有DeepSeek，南京有什么？", "Publication") in got, got
    assert not [t for t, label in _mentions("春晚节目《秧BOT？》很火。", models) if label == "Publication"]


def test_the_words_after_an_assistants_kind_that_name_a_kind_are_no_model(models):
    got = _mentions("在一众同质化的AI助手应用中，微信公众号数据成为元宝的优势。", models)
    assert not [t for t, label in got if label == "AIModel" and t.startswith("应用")], got


def test_an_edition_of_a_latin_product_is_part_of_its_name(models):
    got = _mentions("OpenAI推出了一款面向美国政府的AI平台ChatGPT Gov，并宣布ChatGPT Search向所有人开放。", models)
    assert {("ChatGPT Gov", "AIModel"), ("ChatGPT Search", "AIModel")} <= set(got), got


def test_a_firm_s_bracketed_latin_name_after_the_word_for_a_firm_starts_after_it():
    from kg.entity_patterns import _bilingual_firms

    t = "初创公司米斯特拉尔(Mistral)创始人对媒体表示"
    words = {0: (2, "n"), 2: (4, "n"), 4: (9, "nr")}
    assert [t[s:e] for s, e, *_ in _bilingual_firms(t, words)] == ["米斯特拉尔"]
