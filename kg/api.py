"""kg's Python API: what the command line calls. Build graphs, extract records, write outputs."""

from __future__ import annotations

import itertools
from collections import Counter
import json
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from rdflib import Graph
from rdflib.namespace import RDF

from kg import pipeline
from kg.errors import KgError
from kg.ingest import read_inputs
from kg.output import atomic_path, write_atomic
from kg.progress import Progress
from kg.names import stable_id
from kg.rdf import GraphBuilder, article_graph, article_iri, ntriples_line
from kg.resources import ENTITY_CLASSES
from kg.vocab import KG
from kg.records import Article, Extraction, Failure
from kg.settings import Settings

__all__ = [
    "BuildResult",
    "NoArticlesError",
    "extract_articles",
    "build",
    "extract",
    "extraction_record",
    "graph_format_for",
    "content_hash",
]

_BATCH = 64
"""Articles handed to the worker pool at a time, per worker: bounds memory on any corpus size."""


@dataclass
class BuildResult:
    """What a build made: the graph, counts, and every input that failed with its reason."""

    graph_source: Graph | Callable[[], Graph] = field(repr=False)
    """The graph, or what makes it on first use of :attr:`graph`."""
    articles: int = 0
    chars: int = 0
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    relations: int = 0
    failures: list[Failure] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    store: dict[str, Any] | None = None
    """Articles added, replaced and unchanged in the store, when one was given."""

    @property
    def graph(self) -> Graph:
        """The whole graph, made on first use: a build that only writes files never holds it."""
        if not isinstance(self.graph_source, Graph):
            self.graph_source = self.graph_source()
        return self.graph_source

    def summary(self) -> dict[str, Any]:
        """Counts for the run report (``--report FILE``)."""
        return {
            "articles": self.articles,
            "characters": self.chars,
            "triples": self.triples,
            "entities": self.entities,
            "relations": self.relations,
            "failed": [{"input": f.origin, "reason": f.reason} for f in self.failures],
            "outputs": self.outputs,
            **({"store": self.store} if self.store else {}),
        }


_SERIAL_BELOW = 24
"""Inputs with fewer articles than this are extracted in-process even when jobs > 1."""

_WORKER_MODELS: pipeline.Models | None = None


_WORKER_KEEPS_TOKENS = True


def _init_worker(settings: Settings, keep_tokens: bool = True) -> None:
    global _WORKER_MODELS, _WORKER_KEEPS_TOKENS
    _WORKER_MODELS = _load(settings)
    _WORKER_KEEPS_TOKENS = keep_tokens


def _work(article: Article) -> Extraction | Failure:
    if _WORKER_MODELS is None:  # initializer did not run
        raise KgError("worker started without models")
    ex = next(pipeline.run([article], _WORKER_MODELS))
    if _WORKER_KEEPS_TOKENS or isinstance(ex, Failure):
        return ex
    # tokens are most of an extraction's pickled size; a graph build never reads them
    return replace(ex, sentences=tuple(replace(s, tokens=()) for s in ex.sentences))


def _load(settings: Settings) -> pipeline.Models:
    return pipeline.load_models(settings.segmenter, settings.ontology_dir, settings.concepts_per_article)


def extract_articles(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    keep_tokens: bool = True,
) -> Iterator[Extraction]:
    """Read and extract every article under ``paths``, in input order.

    ``keep_tokens=False`` lets worker processes (``jobs > 1``) send sentences back without
    their tokens, which a graph build does not need.

    Inputs that cannot be used are passed to ``on_failure`` (and counted by ``progress``);
    with ``settings.on_error == "raise"`` the first one raises instead. ``jobs > 1`` runs
    extraction in that many worker processes, each loading the models once; the output is
    the same as with one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("标题\\n百度发布文心一言。")
    >>> [ex.article.title for ex in extract_articles([d])]
    ['标题']
    """
    settings = settings or Settings()
    items = read_inputs(paths, stdin=stdin)
    if jobs <= 1:
        results: Iterator[Extraction | Failure] = pipeline.run(items, _load(settings), settings.on_error)
    else:
        results = _parallel(items, settings, jobs, keep_tokens)
    for item in results:
        if isinstance(item, Failure):
            if settings.on_error == "raise":
                raise KgError(f"{item.origin}: {item.reason}")
            if progress:
                progress.failure()
            if on_failure:
                on_failure(item)
            continue
        if progress:
            progress.article(len(item.article.text))
        yield item


def _parallel(
    items: Iterable[Article | Failure], settings: Settings, jobs: int, keep_tokens: bool = True
) -> Iterator[Extraction | Failure]:
    it = iter(items)
    first = list(itertools.islice(it, _SERIAL_BELOW))
    if len(first) < _SERIAL_BELOW:  # a handful of articles: starting workers would cost more than it saves
        yield from pipeline.run(first, _load(settings), settings.on_error)
        return
    it = itertools.chain(first, it)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings, keep_tokens)) as pool:

        def submit() -> tuple[list[Article | Failure], Iterator[Extraction | Failure]] | None:
            batch = list(itertools.islice(it, _BATCH * jobs))
            if not batch:
                return None
            return batch, iter(pool.imap(_work, [x for x in batch if isinstance(x, Article)], chunksize=4))

        # the next batch is already queued while this one is handed on: workers never wait for the reader
        current = submit()
        while current is not None:
            following = submit()
            batch, done = current
            for x in batch:
                yield x if isinstance(x, Failure) else next(done)
            current = following


def build(
    paths: Sequence[str | Path],
    output: str | Path | None = None,
    *,
    fmt: str | None = None,
    html: str | Path | None = None,
    settings: Settings | None = None,
    jobs: int = 1,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    store: str | Path | None = None,
) -> BuildResult:
    """Build one knowledge graph from the articles under ``paths`` and write the outputs.

    ``output`` gets the graph in ``fmt`` (by default from the file's extension, else Turtle),
    ``html`` an interactive page. Every file is written atomically: an existing graph is
    replaced only by a complete new one. ``store`` adds the articles to a persistent store,
    one named graph each: unchanged articles are skipped, changed ones replaced.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("标题\\nOpenAI发布了Sora。")
    >>> r = build([d], d / "g.ttl")
    >>> r.articles, (d / "g.ttl").read_text().startswith("@prefix")
    (1, True)
    """
    settings = settings or Settings()
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        if on_failure:
            on_failure(f)

    extractions = _Counted(
        extract_articles(paths, settings, jobs=jobs, stdin=stdin, progress=progress, on_failure=failed,
                         keep_tokens=False)
    )
    into_store = _IntoStore(extractions, store, settings.min_confidence) if store is not None else None
    if into_store is not None:
        extractions = _Counted(into_store)
    builder = GraphBuilder(settings.min_confidence)
    fmt = fmt or (graph_format_for(output) if output is not None else "turtle")
    if output is not None and fmt == "nt":
        # N-Triples streams: each triple is written as soon as it is final, into a temporary
        # file that replaces the output only when the build is complete.
        with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as fh:
            for ex in extractions:
                fh.writelines(map(ntriples_line, builder.add(ex)))
            _no_articles_check(extractions.articles, paths)
            fh.writelines(map(ntriples_line, builder.finish()))
    else:
        for ex in extractions:
            builder.add(ex)
        _no_articles_check(extractions.articles, paths)
        if output is not None:
            write_atomic(output, builder.serialize(fmt))
    result = BuildResult(builder.graph, extractions.articles, extractions.chars, failures=failures)
    _count(result, builder)
    if into_store is not None:
        result.store = {"path": str(store), **into_store.counts}
    if output is not None:
        result.outputs.append(str(output))
    if html is not None:
        from kg.viz import write_html

        write_html(result.graph, html, max_nodes=settings.max_html_nodes, seed=settings.seed)
        result.outputs.append(str(html))
    return result


class _IntoStore:
    """Pass extractions through while adding each article's graph to a store, 200 at a time."""

    def __init__(self, items: Iterable[Extraction], store: str | Path, min_confidence: float):
        self._items, self.store, self.min_confidence = items, store, min_confidence
        self.counts = {"added": 0, "replaced": 0, "unchanged": 0}

    def __iter__(self) -> Iterator[Extraction]:
        pending: list[Extraction] = []
        for ex in self._items:
            pending.append(ex)
            yield ex
            if len(pending) >= 200:
                self._flush(pending)
        if pending:
            self._flush(pending)

    def _flush(self, pending: list[Extraction]) -> None:
        from kg.store import update_articles

        items = [
            (str(article_iri(e.article.id)), content_hash(e.article), article_graph(e, self.min_confidence))
            for e in pending
        ]
        report = update_articles(self.store, items)
        for key in self.counts:
            self.counts[key] += getattr(report, key)
        pending.clear()


def content_hash(article: Article) -> str:
    """Hash of everything about an article that its graph depends on, with kg's version.

    Examples
    --------
    >>> from kg.records import Article
    >>> content_hash(Article(id="a", text="x")) == content_hash(Article(id="a", text="y"))
    False
    """
    from kg import __version__

    fields = (article.id, article.text, article.title, article.date, article.source, article.publisher,
              article.author, article.url, article.lang)
    return stable_id(__version__, *(f or "" for f in fields), length=40)


def _no_articles_check(articles: int, paths: Sequence[str | Path]) -> None:
    if articles == 0:
        raise NoArticlesError(f"no article could be read from {', '.join(map(str, paths))}; nothing was written")


def _count(result: BuildResult, builder: GraphBuilder) -> None:
    types = Counter(o for _s, p, o in builder.seen if p == RDF.type)
    result.entities = {c: types[KG[c]] for c in ENTITY_CLASSES}
    result.relations = types[RDF.Statement]
    result.triples = len(builder.seen) + len(builder.finish())


class NoArticlesError(KgError):
    """Every input failed or none was given: no graph is written, existing outputs stay."""


class _Counted:
    """Pass extractions through, counting articles and characters."""

    def __init__(self, items: Iterable[Extraction]):
        self._items = items
        self.articles = 0
        self.chars = 0

    def __iter__(self) -> Iterator[Extraction]:
        for ex in self._items:
            self.articles += 1
            self.chars += len(ex.article.text)
            yield ex


def graph_format_for(path: str | Path) -> str:
    """Output format implied by a file name (Turtle when the extension says nothing).

    Examples
    --------
    >>> graph_format_for("g.nt"), graph_format_for("g.jsonld"), graph_format_for("g.out")
    ('nt', 'jsonld', 'turtle')
    """
    ext = Path(path).suffix.lower().lstrip(".")
    return {"nt": "nt", "jsonld": "jsonld", "json": "jsonld", "trig": "trig", "rdf": "xml", "xml": "xml"}.get(
        ext, "turtle"
    )


def extraction_record(ex: Extraction) -> dict[str, Any]:
    """The JSON record ``kg extract`` writes for one article.

    Examples
    --------
    >>> from kg.records import Article, Extraction, Mention
    >>> a = Article(id="a", text="百度。", title="t")
    >>> extraction_record(Extraction(a, mentions=(Mention("a", 0, 2, "百度", "Organization"),)))["entities"]
    [{'text': '百度', 'type': 'Organization', 'start': 0, 'end': 2, 'name': '百度'}]
    """
    art = ex.article
    rec: dict[str, Any] = {"id": art.id, "title": art.title}
    for key in ("date", "source", "publisher", "author", "url", "lang"):
        value = getattr(art, key)
        if value:
            rec[key] = value
    rec["entities"] = [
        {"text": m.text, "type": m.label, "start": m.start, "end": m.end, "name": m.name} for m in ex.mentions
    ]
    written = _written_names(ex)
    rec["relations"] = [
        {
            "subject": written.get(r.subject.name, r.subject.text),
            "subject_type": r.subject.label,
            "predicate": r.predicate,
            "object": written.get(r.object.name, r.object.text),
            "object_type": r.object.label,
            "subject_name": r.subject.name,
            "object_name": r.object.name,
            "evidence": art.text[r.evidence_start : r.evidence_end],
            "evidence_start": r.evidence_start,
            "evidence_end": r.evidence_end,
            "confidence": round(r.confidence, 3),
            "rule": r.rule_id,
            **({"role": r.role} if r.role else {}),
        }
        for r in ex.relations
    ]
    rec["quotes"] = [
        {"speaker": q.speaker.name, "text": q.text, "start": q.start, "end": q.end, "about": [m.name for m in q.about]}
        for q in ex.quotes
    ]
    rec["concepts"] = list(ex.concepts)
    return rec


def _written_names(ex: Extraction) -> dict[str, str]:
    """Each entity's fullest name as the article writes it (its script, its spelling), by canonical name.

    A relation is shown with the names a reader finds in the article: 蘋果 stays 蘋果 (not the
    gazetteer's 苹果公司), and a later surname-only mention shows as the full name written earlier.
    """
    best: dict[str, str] = {}
    for m in ex.mentions:
        cur = best.get(m.name)
        if cur is None or len(m.text) > len(cur):
            best[m.name] = m.text
    return best


def extract(
    paths: Sequence[str | Path],
    output: str | Path | None = None,
    *,
    settings: Settings | None = None,
    jobs: int = 1,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    sink: IO[str] | None = None,
) -> int:
    """Write one JSON line per article (entities with offsets, relations with evidence).

    Writes to ``output`` atomically, or to ``sink`` (standard output) when no output is given.
    Returns the number of articles written.
    """
    exs = extract_articles(paths, settings, jobs=jobs, stdin=stdin, progress=progress, on_failure=on_failure)
    n = 0
    if output is None:
        if sink is None:
            raise KgError("extract needs an output file or a sink")
        for ex in exs:
            sink.write(json.dumps(extraction_record(ex), ensure_ascii=False) + "\n")
            n += 1
        return n
    with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for ex in exs:
            fh.write(json.dumps(extraction_record(ex), ensure_ascii=False) + "\n")
            n += 1
    return n
