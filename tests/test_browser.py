"""The graph page in a real browser (headless Chromium): it draws, search finds, filters hide, no article script runs."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from bench.chromium import Browser, find_chromium, png_colours
from kg.viz import write_concepts_html, write_html
from tests.test_viz import IMG, SCRIPT, hand_graph

pytestmark = pytest.mark.browser

CHROMIUM = find_chromium()
if CHROMIUM is None:
    pytest.skip("headless Chromium not found (install Debian's 'chromium' package, or set KG_CHROMIUM)",
                allow_module_level=True)

STABLE = "document.documentElement.getAttribute('data-kg-stabilized-ms')"
WIDTH, HEIGHT, SIDE = 1000, 700, 340


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The hand graph's page, opened once and laid out."""
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_html(hand_graph(extra_people=12), path, title="kg test")
    with Browser(CHROMIUM, WIDTH, HEIGHT) as b:
        b.open(path)
        b.wait_for(STABLE, timeout=60)
        yield b


def test_browser_graph_draws(page):
    assert page.eval("document.querySelectorAll('#kg-graph canvas').length") == 1
    assert page.eval("kgPage.network.body.nodeIndices.length") == 16
    assert page.eval("kgPage.network.body.edgeIndices.length") == 3
    png = page.screenshot()
    graph_area = png_colours(png, (0, 60, WIDTH - SIDE, HEIGHT))
    assert graph_area > 30, f"graph area looks blank ({graph_area} colours)"
    assert page.errors == []


def test_browser_layout_stops(page):
    assert page.eval("kgPage.network.physics.physicsEnabled") is False
    assert int(page.eval(STABLE)) > 0
    assert page.eval("document.getElementById('kg-progress').hidden") is True


def test_browser_no_network_requests(page):
    assert [u for u in page.requests if not u.startswith(("file:", "data:", "about:"))] == []


def test_browser_search_finds_a_node(page):
    found = page.eval("""(() => {
        document.getElementById('kg-search').value = 'sam altman';
        document.getElementById('kg-search-form').requestSubmit();
        const sel = kgPage.network.getSelectedNodes();
        return {sel: sel.map(id => kgPage.data.nodes[id].label),
                result: document.getElementById('kg-search-result').textContent,
                detail: document.getElementById('kg-detail-body').textContent};
    })()""")
    assert found["sel"] == ["山姆·奥特曼"]  # found through its English alias, case and spaces ignored
    assert "1 个结果" in found["result"]
    assert "首" not in found["detail"] and "奥特曼谈视频生成" in found["detail"]
    none = page.eval("kgPage.search('不存在的名字').length")
    assert none == 0 and "未找到" in page.eval("document.getElementById('kg-search-result').textContent")


def test_browser_article_script_never_runs(page):
    evil = page.eval(f"kgPage.data.nodes.find(n => n.label === {json.dumps(SCRIPT)}).id")
    page.eval(f"kgPage.showNode({evil})")
    detail = page.eval("document.getElementById('kg-detail-body').textContent")
    assert SCRIPT in detail and IMG in detail  # shown as text
    edge = page.eval(f"kgPage.data.edges.find(e => e.from === {evil}).id")
    page.eval(f"kgPage.showEdge({edge})")
    assert SCRIPT in page.eval("document.getElementById('kg-detail-body').textContent")
    page.eval(f"kgPage.search({json.dumps(SCRIPT[:20])})")
    assert page.eval("typeof window.__kgPwned") == "undefined"
    assert page.eval("document.title") == "kg test"
    assert page.eval("document.querySelectorAll('img').length") == 0
    assert page.eval("document.querySelectorAll('script').length") == 3


def test_browser_filters_hide_and_show(page):
    res = page.eval("kgPage.setClass('Person', false)")
    assert res["nodes"] == 16 - 13  # 1 named person and 12 extra people hidden
    altman = page.eval("kgPage.data.nodes.find(n => n.label === '山姆·奥特曼').id")
    assert page.eval(f"kgPage.network.body.nodes[{altman}].options.hidden") is True
    assert page.eval("kgPage.setClass('Person', true)")["nodes"] == 16
    assert page.eval("kgPage.setRelation('released', false)")["edges"] == 2
    assert page.eval("kgPage.setRelation('released', true)")["edges"] == 3
    low = page.eval("kgPage.setMinMetric(0.5)")
    assert low["edges"] == 2  # the 0.4 worksFor relation is hidden
    assert page.eval("document.getElementById('kg-min-conf-value').textContent") == "0.50"
    assert page.eval("kgPage.setMinMetric(0)")["edges"] == 3
    assert page.eval("document.querySelectorAll('#kg-classes input[type=checkbox]').length") == 3
    by_slider = page.eval("""(() => {
        const s = document.getElementById('kg-min-conf');
        s.value = '0.9';
        s.dispatchEvent(new Event('input'));
        return kgPage.network.body.edgeIndices.length;
    })()""")
    assert by_slider == 1  # only the 0.95 relation is left
    assert page.eval("kgPage.setMinMetric(0)")["edges"] == 3


def test_browser_cap_is_stated(page):
    header = page.eval("document.getElementById('kg-cap').textContent")
    assert re.search(r"all 16 entities", header)


def test_browser_concepts_page(tmp_path):
    g = nx.Graph()
    for i in range(30):
        g.add_node(f"c{i}", label=f"概念{i}", kind="Concept" if i % 3 else "Organization", count=30 - i,
                   community=i % 3)
    for i in range(30):
        g.add_edge(f"c{i}", f"c{(i + 3) % 30}", weight=0.2 + (i % 5) / 10, count=2)
    path = write_concepts_html(g, tmp_path / "c.html", max_nodes=20)
    with Browser(CHROMIUM, WIDTH, HEIGHT) as b:
        b.open(path.path)
        b.wait_for(STABLE, timeout=60)
        assert b.eval("document.querySelectorAll('#kg-communities li').length") == 3
        assert b.eval("kgPage.network.body.nodeIndices.length") == 20
        assert "showing 20 of 30 nodes" in b.eval("document.getElementById('kg-cap').textContent")
        assert png_colours(b.screenshot(), (0, 60, WIDTH - SIDE, HEIGHT)) > 30
        assert b.errors == []


def test_browser_search_tells_of_entities_left_out(tmp_path):
    path = write_html(hand_graph(extra_people=12), tmp_path / "g.html", max_nodes=5).path
    with Browser(CHROMIUM, WIDTH, HEIGHT) as b:
        b.open(path)
        b.wait_for(STABLE, timeout=60)
        assert b.eval("kgPage.search('路人011').length") == 0
        text = b.eval("document.getElementById('kg-search-result').textContent")
        assert "not drawn" in text and "路人011" in text
        assert b.eval("kgPage.search('zzz-nothing').length") == 0
        assert "no match" in b.eval("document.getElementById('kg-search-result').textContent")
