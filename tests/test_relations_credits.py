"""Relations of people to where they work, read from credits (a reporter in a bracket, writers dated from a place) and
from short biographies (曾在谷歌工作)."""

from __future__ import annotations

import pytest

from tests.test_relations import M, O, P, T, _triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the outlet's report, its reporter in the bracket
        ("【环球时报报道 记者 马俊】编者的话：网络空间竞争加剧。", [("环球时报", O), ("马俊", P)],
         {("马俊", "worksFor", "环球时报", "记者")}),
        ("【环球网科技报道 记者 王楠】在发布会上。", [("环球网", O), ("王楠", P)], {("王楠", "worksFor", "环球网", "记者")}),
        # the text by an outlet's writer (文/…), not a company named after 文
        ("【文/观察者网 赖家琪】中国应用程序DeepSeek近期撼动全球。", [("观察者网", O), ("赖家琪", P), ("DeepSeek", M)],
         {("赖家琪", "worksFor", "观察者网", "作者")}),
        ("本文/百度 李明表示。", [("百度", O), ("李明", P)], set()),
        # no bracket: a source quoted in the text is no reporter of it
        ("知情人士告诉环球时报报道记者马俊。", [("环球时报", O), ("马俊", P)], set()),
    ],
)
def test_relations_a_reporter_in_the_bracket_of_the_outlet_s_report(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_writers_dated_from_a_place_work_for_the_account_named_after():
    got = _triples("> 金磊 一水 发自 凹非寺 > > 量子位 | 公众号 QbitAI 刚刚，百度发布新模型。",
                   [("金磊", P), ("一水", P), ("量子位", O), ("百度", O)])
    assert {t for t in got if t[1] == "worksFor"} == {("金磊", "worksFor", "量子位", "记者"),
                                                      ("一水", "worksFor", "量子位", "记者")}


def test_relations_a_technique_s_rise_is_no_release_of_it():
    got = _triples("思维链的兴起一般认为是OpenAI发布的o1模型。", [("思维链", T), ("OpenAI", O), ("o1", M)])
    assert ("OpenAI", "released", "o1", None) in got
    assert ("OpenAI", "released", "思维链", None) not in got


def test_relations_a_rule_giving_both_a_role_slot_and_a_role_word_is_refused(tmp_path):
    from kg.errors import PatternError
    from kg.rules import read_rules

    path = tmp_path / "relations.jsonl"
    path.write_text('{"id": "r", "relation": "worksFor", "pattern": [{"ENT": ["Person"]}, {"ENT": "Role"}, '
                    '{"ENT": ["Organization"]}], "subject": 0, "object": 2, "role": 1, "role_word": "记者"}\n',
                    encoding="utf-8")
    with pytest.raises(PatternError, match=r"relations\.jsonl:1: role_word"):
        read_rules(path)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("杨江明有在Airbnb、微软等工作经历。", [("杨江明", P), ("Airbnb", O), ("微软", O)],
         {("杨江明", "worksFor", "Airbnb", None), ("杨江明", "worksFor", "微软", None)}),
        ("张三曾在谷歌工作多年。", [("张三", P), ("谷歌", O)], {("张三", "worksFor", "谷歌", None)}),
        # denied, or not the person's own work
        ("李四没有在腾讯工作过。", [("李四", P), ("腾讯", O)], set()),
        ("赵六在阿里巴巴的帮助下工作。", [("赵六", P), ("阿里巴巴", O)], set()),
    ],
)
def test_relations_where_a_person_worked(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_a_title_written_after_the_name_as_well_as_before():
    got = _triples("英国南安普顿大学计算机科学家温迪·霍尔教授在接受采访时表示。", [("英国南安普顿大学", O), ("温迪·霍尔", P)])
    assert ("温迪·霍尔", "worksFor", "英国南安普顿大学", "教授") in got
