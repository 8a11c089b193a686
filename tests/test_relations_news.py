"""Relation phrasings of real news: appositive titles, partner lists, subsidiaries, tools, rivals, stakes."""

from __future__ import annotations

import pytest

from tests.test_relations import B, L, M, O, P, T, _triples  # noqa: F401


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
    ],
)
def test_relations_appositive_titles(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "worksFor"} == expected


def test_relations_title_chain_with_founder_unchanged():
    got = _triples("百度创始人、董事长兼首席执行官李彦宏出席了发布会。", [("百度", O), ("李彦宏", P)])
    assert got == {("李彦宏", "worksFor", "百度", "创始人"), ("李彦宏", "worksFor", "百度", "董事长"),
                   ("李彦宏", "worksFor", "百度", "首席执行官"), ("李彦宏", "founded", "百度", None)}
