"""Tests of kg.store: incremental updates by content hash, atomic batches, locking, loading files."""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import IngestError, StoreError
from kg.query import load_graph, named_queries, run_query
from kg.rdf import article_graph, article_iri, entity_iri
from kg.store import (
    STORE_GRAPH,
    close_store,
    from_oxigraph,
    load_files,
    open_store,
    store_stats,
    stored_hashes,
    update_articles,
)
from kg.vocab import KG
from test_query import news_extractions

ROOT = Path(__file__).resolve().parents[1]


def _items(changed: bool = False):
    return [
        (str(article_iri(ex.article.id)), hashlib.sha256(ex.article.text.encode()).hexdigest(), article_graph(ex))
        for ex in news_extractions(changed)
    ]


def _content(store_dir: Path) -> set[tuple]:
    store = open_store(store_dir)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def _graph_of(store_dir: Path, name: URIRef | None) -> Graph:
    store = open_store(store_dir)
    g = Graph()
    graph = ox.DefaultGraph() if name is None else ox.NamedNode(str(name))
    for q in store.quads_for_pattern(None, None, None, graph):
        g.add((from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object)))
    return g


@contextlib.contextmanager
def _store(tmp_path: Path) -> Iterator[Path]:
    """A store directory in ``tmp_path``, released when the test ends."""
    d = tmp_path / "store"
    try:
        yield d
    finally:
        close_store(d)


def test_store_rerun_changes_nothing(tmp_path):
    with _store(tmp_path) as store_dir:
        first = update_articles(store_dir, _items())
        assert (first.added, first.replaced, first.unchanged) == (2, 0, 0)
        before = _content(store_dir)
        again = update_articles(store_dir, _items())
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
        assert _content(store_dir) == before


def test_store_keeps_one_named_graph_per_article_and_a_merged_default(tmp_path):
    with _store(tmp_path) as store_dir:
        items = _items()
        update_articles(store_dir, items)
        union = Graph()
        for iri, _, g in items:
            assert isomorphic(_graph_of(store_dir, URIRef(iri)), g)
            union += g
        assert isomorphic(_graph_of(store_dir, None), union)
        assert store_stats(store_dir)["graphs"] == 2
        # OpenAI is in both articles: the merged graph holds its type once
        r = run_query(open_store(store_dir), "SELECT (COUNT(*) AS ?n) WHERE { ?o a kg:Organization ; rdfs:label 'OpenAI'@en }")
        assert int(r.rows[0][0]) == 1


def test_store_new_article_is_added_to_an_existing_store(tmp_path):
    with _store(tmp_path) as store_dir:
        one, two = _items()
        update_articles(store_dir, [one])
        report = update_articles(store_dir, [one, two])
        assert (report.added, report.unchanged) == (1, 1)
        assert isomorphic(_graph_of(store_dir, URIRef(two[0])), two[2])


def test_store_changed_article_replaces_only_its_own_triples(tmp_path):
    with _store(tmp_path) as store_dir:
        update_articles(store_dir, _items())
        old_tech = entity_iri("Technology", "Transformer")
        new_tech = entity_iri("Technology", "扩散模型")
        report = update_articles(store_dir, _items(changed=True))
        assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)
        merged = _graph_of(store_dir, None)
        assert (entity_iri("AIModel", "Gemini"), KG.uses, new_tech) in merged
        assert (entity_iri("AIModel", "Gemini"), KG.uses, old_tech) not in merged
        assert (entity_iri("Person", "杰夫·迪恩"), KG.explains, old_tech) in merged
        # OpenAI is mentioned by both articles: still there after one of them is replaced
        assert (URIRef(article_iri("a1")), KG.mentions, entity_iri("Organization", "OpenAI")) in merged
        assert (entity_iri("Organization", "OpenAI"), None, None) in merged
        union = Graph()
        for iri, _, g in _items(changed=True):
            union += g
        assert isomorphic(merged, union)


def test_store_failed_batch_writes_nothing(tmp_path):
    with _store(tmp_path) as store_dir:
        update_articles(store_dir, _items())
        before = _content(store_dir)
        bad = Graph()
        bad.add((URIRef("https://w3id.org/kgnews/id/x"), KG.mentions, URIRef("not an iri")))
        one, two = _items(changed=True)
        with pytest.raises(StoreError, match="rolled back"):  # a new article with a bad IRI, in a batch of its own
            update_articles(store_dir, [(str(article_iri("bad")), "h", bad)])
        with pytest.raises(StoreError, match="rolled back"):  # a changed article and a bad one in one batch
            update_articles(store_dir, [two, (str(article_iri("bad")), "h", bad)])
        assert _content(store_dir) == before


def test_store_new_store_appears_only_when_complete(tmp_path):
    target = tmp_path / "store"

    def items():
        yield from _items()
        raise RuntimeError("extraction died")

    with pytest.raises(RuntimeError):
        update_articles(target, items(), batch_size=1)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


_HOLD = textwrap.dedent(
    """
    import sys, time
    from kg.store import open_store
    open_store(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    """
)


def test_store_locked_by_another_process_gives_clear_error(tmp_path):
    d = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(d)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(d)
        with pytest.raises(StoreError, match="in use by another process"):
            update_articles(d, _items())
        from kg.cli_graph import store

        res = CliRunner().invoke(store, ["stats", str(d)])
        assert res.exit_code == 2 and "in use by another process" in res.output and "Traceback" not in res.output
    finally:
        holder.communicate("\n", timeout=30)
    assert update_articles(d, _items()).added == 2  # free again once the other process is gone
    close_store(d)


def test_store_query_with_params_and_named_queries(tmp_path):
    with _store(tmp_path) as store_dir:
        update_articles(store_dir, _items())
        store = open_store(store_dir)
        released = run_query(store, named_queries()["released_models"])
        assert {(str(r[1]), str(r[4])) for r in released.rows} == {("OpenAI", "Sora"), ("谷歌", "Gemini")}
        openai = entity_iri("Organization", "OpenAI")
        r = run_query(store, named_queries()["released_models"], {"org": f"<{openai}>"})
        assert [str(row[4]) for row in r.rows] == ["Sora"]
        hostile = run_query(store, "SELECT ?org ?m WHERE { ?org kg:released ?m }", {"org": 'x" } UNION { ?org ?p ?m'})
        assert hostile.rows == ()
        quotes = run_query(store, named_queries()["model_quotes"])
        assert [str(row[4]) for row in quotes.rows] == ["Sora将改变视频创作。"]
        # query by directory path works too (same process: the open handle is reused)
        assert run_query(str(store_dir), "ASK { ?s kg:basedOn ?t }").boolean is True
        graph_names = run_query(store, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{STORE_GRAPH}>) }}")
        assert {row[0] for row in graph_names.rows} == {article_iri("a1"), article_iri("a2")}


def test_store_load_files_by_content(tmp_path):
    d = tmp_path / "store"
    f = tmp_path / "g.ttl"
    g = Graph()
    g.add((URIRef("https://w3id.org/kgnews/id/a"), KG.mentions, URIRef("https://w3id.org/kgnews/id/b")))
    g.serialize(f, format="turtle")
    assert load_files(d, [f]).added == 1
    assert load_files(d, [f]).unchanged == 1
    g.add((URIRef("https://w3id.org/kgnews/id/a"), KG.confidence, Literal(0.5)))
    g.serialize(f, format="turtle")
    report = load_files(d, [f])
    assert report.replaced == 1 and report.triples == 2
    assert isomorphic(_graph_of(d, None), load_graph(f))
    close_store(d)


def test_store_cli_load_and_stats(tmp_path):
    from kg.cli_graph import query, store

    f = tmp_path / "g.nt"
    g = Graph()
    for _, _, ag in _items():
        g += ag
    g.serialize(f, format="nt")
    d = tmp_path / "store"
    runner = CliRunner()
    res = runner.invoke(store, ["load", str(d), str(f)])
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output
    stats = runner.invoke(store, ["stats", str(d)])
    assert stats.exit_code == 0 and f'"triples": {len(g)}' in stats.output
    res = runner.invoke(query, [str(d), "people_organizations", "--format", "csv"])
    assert res.exit_code == 0 and "首席科学家" in res.output
    close_store(d)


def test_store_refuses_non_store_directories(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="not a kg store"):
        load_graph(tmp_path / "empty")


def test_store_malformed_file_names_the_line_and_writes_nothing(tmp_path):
    good = tmp_path / "good.nt"
    good.write_text("<https://e.org/a> <https://e.org/p> <https://e.org/b> .\n", encoding="utf-8")
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://e.org/a> <https://e.org/p> <https://e.org/b> .\n<https://e.org/a> <https://e.org/p> x .\n",
                   encoding="utf-8")
    with _store(tmp_path) as d:
        with pytest.raises(IngestError, match=r"bad\.nt:2: malformed nt"):
            load_files(d, [bad])
        assert not d.exists()  # a new store is only renamed into place when complete
        load_files(d, [good])
        before = _content(d)
        with pytest.raises(IngestError, match=r"bad\.nt:2: malformed nt"):
            load_files(d, [bad])
        assert _content(d) == before


def test_store_stored_hashes_let_a_build_skip_known_articles(tmp_path):
    with _store(tmp_path) as d:
        assert stored_hashes(d) == {}
        items = _items()
        update_articles(d, items)
        assert stored_hashes(d) == {iri: h for iri, h, _ in items}


def test_store_will_not_take_over_a_directory_with_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a kg store, and not empty"):
        update_articles(tmp_path, _items())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
