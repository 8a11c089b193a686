"""Relations of what puts a model or a technique to use: products it is brought into, platforms it is deployed to."""

from __future__ import annotations

import pytest

from tests.test_relations import M, O, _triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a model brought into a company's products (将……整合至), and the platform a model is deployed to
        ("医渡科技宣布将DeepSeek整合至公司自主研发的医疗大脑。", [("医渡科技", O), ("DeepSeek", M)],
         {("医渡科技", "uses", "DeepSeek", None)}),
        ("2月2日，腾讯云官方宣布，DeepSeek-R1大模型一键部署至腾讯云HAI上。", [("腾讯云", O), ("DeepSeek-R1", M)],
         {("腾讯云", "uses", "DeepSeek-R1", None)}),
        ("华为不会将DeepSeek接入到小艺中。", [("华为", O), ("DeepSeek", M)], set()),
    ],
)
def test_relations_a_model_brought_into_products_or_deployed_to_a_platform(text, ents, expected):
    assert {t for t in _triples(text, ents) if t[1] == "uses"} == expected
