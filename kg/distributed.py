"""Extraction on a Dask cluster over partitions of JSON Lines corpora, merged into the same graph as a local build."""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.plugins.parsers.ntriples import W3CNTriplesParser
from rdflib.plugins.serializers.nt import _nt_row

from kg import ingest, pipeline
from kg.errors import KgError, OutputError
from kg.output import atomic_path
from kg.rdf import GraphBuilder, Triple, article_triples, ntriples_line
from kg.records import Article, Failure
from kg.settings import Settings

__all__ = ["Partition", "PartResult", "partitions", "extract_partition", "extract_to_parts", "merge_parts", "build"]

_HEAD = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # also the start of the UTF-32 marks


@dataclass(frozen=True, slots=True)
class Partition:
    """A run of lines of one JSON Lines file, or a whole input that is read in one piece."""

    index: int
    """Position among all partitions; names the part file."""
    origin: str
    """The path as given: failures and line numbers name it, as a local read does."""
    file: str
    """Absolute path the workers open."""
    start: int = 0
    """Byte offset of the first line."""
    stop: int = -1
    """Byte offset just past the last line (-1: the whole input, read by :func:`kg.ingest.read_inputs`' own reader)."""
    first_line: int = 1
    """Line number of the first line (1-based)."""


@dataclass
class PartResult:
    """What one worker made of one partition."""

    part: Path
    """N-Triples file: every article's triples, in article order, duplicates kept."""
    articles: int = 0
    chars: int = 0
    failures: list[Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    """Id of each article before run-wide deduplication, in order."""
    final_ids: list[str] | None = None
    """Ids the articles were given (None: as read)."""


def partitions(paths: Sequence[str | Path], partition_lines: int = 2000) -> list[Partition]:
    """Cut JSON Lines files into runs of at most ``partition_lines`` lines, at line ends.

    Inputs that are not plain JSON Lines (UTF-16 files, binary or missing files, folders) are
    one partition each, read on a worker exactly as a local build reads them.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = f.write_text('{"text": "百度发布文心一言。"}\\n' * 5)
    >>> [(p.first_line, p.stop - p.start) for p in partitions([f], partition_lines=2)]
    [(1, 80), (3, 80), (5, 40)]
    """
    if partition_lines < 1:
        raise KgError(f"partition_lines must be at least 1, not {partition_lines}")
    out: list[Partition] = []
    for p in paths:
        origin, file = str(Path(p)), os.path.abspath(p)
        if not _plain_jsonl(file):
            out.append(Partition(len(out), origin, file))
            continue
        for start, stop, first in _line_runs(file, partition_lines):
            out.append(Partition(len(out), origin, file, start, stop, first))
    return out


def _plain_jsonl(file: str) -> bool:
    """True for a regular, non-empty ``.jsonl`` file that ingest reads line by line (no UTF-16, not binary)."""
    if not file.lower().endswith(".jsonl") or not os.path.isfile(file):
        return False
    try:
        with open(file, "rb") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return False
    if not head or head.startswith(_UTF16_BOMS):
        return False
    return not (head.count(b"\x00") > len(head) * 0.1 or (b"\x00" in head and b"{" not in head))


def _line_runs(file: str, n: int) -> Iterator[tuple[int, int, int]]:
    offset, start, first, lines = 0, 0, 1, 0
    with open(file, "rb") as fh:
        for raw in fh:
            offset += len(raw)
            lines += 1
            if lines == n:
                yield start, offset, first
                start, first, lines = offset, first + n, 0
    if lines or start == 0:
        yield start, offset, first


class _Ids:
    """Records each id ingest asks for; hands out the run-wide ids once the client knows them."""

    def __init__(self, final: Sequence[str] | None = None) -> None:
        self.asked: list[str] = []
        self._final = final

    def claim(self, base: str) -> str:
        self.asked.append(base)
        if self._final is None:
            return base
        return self._final[len(self.asked) - 1]


def _read(part: Partition, ids: _Ids) -> Iterator[Article | Failure]:
    """The articles of one partition, read with ingest's own JSON Lines reader."""
    if part.stop < 0:
        # Read by absolute path; messages name the input as it was given.
        for item in ingest._read_path(Path(part.file), ids):  # noqa: SLF001
            if item.origin and item.origin.startswith(part.file):
                item = replace(item, origin=part.origin + item.origin[len(part.file) :])
            yield item
        return
    with open(part.file, "rb") as fh:
        fh.seek(part.start)
        raw: Iterator[bytes] = io.BytesIO(fh.read(part.stop - part.start))
    if part.first_line > 1:
        # A leading blank line keeps ingest's first-line-only BOM handling off this run's first line,
        # and blank lines before it keep the line numbers of the whole file.
        raw = itertools.chain([b"\n"], raw)
        lines = itertools.chain(itertools.repeat("", part.first_line - 2), ingest._decoded_lines(raw))  # noqa: SLF001
    else:
        lines = ingest._decoded_lines(raw)  # noqa: SLF001
    stem = Path(part.origin).stem
    yield from ingest._jsonl_lines(lines, part.origin, stem, ids)  # noqa: SLF001


_MODELS: dict[tuple[str, str | None, int], pipeline.Models] = {}
"""Models loaded in this worker process, by the settings they depend on: loaded once per worker."""


def _models(settings: Settings) -> pipeline.Models:
    key = (settings.segmenter, settings.ontology_dir, settings.concepts_per_article)
    if key not in _MODELS:
        _MODELS[key] = pipeline.load_models(*key)
    return _MODELS[key]


def extract_partition(
    part: Partition, out_dir: str | Path, settings: Settings | None = None, final_ids: list[str] | None = None
) -> PartResult:
    """Extract one partition and write its triples, one N-Triples line each, to a part file atomically.

    This is what each worker runs. ``final_ids`` renames the articles (in order) when ids
    repeat across partitions, as a local read would.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); f = d / "news.jsonl"
    >>> _ = f.write_text('{"id": "n1", "text": "OpenAI发布了Sora。"}\\n')
    >>> r = extract_partition(partitions([f])[0], d)
    >>> r.part.name, r.articles, r.ids
    ('part-00000.nt', 1, ['n1'])
    """
    settings = settings or Settings()
    ids = _Ids(final_ids)
    result = PartResult(Path(out_dir) / f"part-{part.index:05d}.nt", final_ids=final_ids)
    models = _models(settings)
    with atomic_path(result.part) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        for item in pipeline.run(_read(part, ids), models, settings.on_error):
            if isinstance(item, Failure):
                result.failures.append(item)
                continue
            result.articles += 1
            result.chars += len(item.article.text)
            fh.writelines(_nt_row(t) for t in article_triples(item, settings.min_confidence))
    result.ids = ids.asked
    return result


def extract_to_parts(
    jsonl_paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    client: Any = None,
    partition_lines: int = 2000,
    settings: Settings | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    stats: dict[str, int] | None = None,
) -> list[Path]:
    """Extract JSON Lines corpora on a Dask cluster; one N-Triples part file per partition, in order.

    ``client`` is a ``dask.distributed.Client`` (None: a local cluster with one worker process
    per core, closed afterwards). Workers must see ``jsonl_paths`` and ``out_dir`` at the same
    paths (a shared file system), and have kg installed; each loads the models once. Inputs that
    cannot be used go to ``on_failure`` in input order; ``stats`` receives ``articles`` and
    ``chars``. Article ids are those a local read gives, repeated ids included.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from dask.distributed import Client
    >>> d = pathlib.Path(tempfile.mkdtemp()); f = d / "news.jsonl"
    >>> _ = f.write_text('{"text": "OpenAI发布了Sora。"}\\n{"text": "百度推出文心一言。"}\\n')
    >>> with Client(processes=False, n_workers=1, dashboard_address=":0") as client:
    ...     parts = extract_to_parts([f], d / "parts", client=client, partition_lines=1)
    >>> [p.name for p in parts]
    ['part-00000.nt', 'part-00001.nt']
    """
    settings = settings or Settings()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the parts folder ({exc.strerror})") from exc
    parts = partitions(jsonl_paths, partition_lines)
    if client is None:
        from dask.distributed import Client, LocalCluster

        with LocalCluster(
            n_workers=pipeline.default_jobs(), threads_per_worker=1, dashboard_address=":0"
        ) as cluster, Client(cluster) as own:
            results = _run(own, parts, out, settings)
    else:
        results = _run(client, parts, out, settings)
    failures = _failures(parts, results)
    if settings.on_error == "raise" and failures:
        raise KgError(f"{failures[0].origin}: {failures[0].reason}")
    for f in failures:
        if on_failure:
            on_failure(f)
    if stats is not None:
        stats["articles"] = sum(r.articles for r in results)
        stats["chars"] = sum(r.chars for r in results)
    return [r.part for r in results]


def _run(client: Any, parts: list[Partition], out: Path, settings: Settings) -> list[PartResult]:
    futures = client.map(extract_partition, parts, out_dir=str(out), settings=settings, pure=False)
    results: list[PartResult] = client.gather(futures)
    # Ids repeated across partitions are renamed -2, -3 ... in input order, as one local read
    # renames them: the few partitions whose ids change are extracted again with their new ids.
    claimed = ingest._Ids()  # noqa: SLF001
    again: dict[int, list[str]] = {}
    for part, r in zip(parts, results):
        final = [claimed.claim(i) for i in r.ids]
        if final != r.ids:
            again[part.index] = final
    if again:
        redo = [
            client.submit(extract_partition, parts[i], str(out), settings, again[i], pure=False) for i in sorted(again)
        ]
        for i, r in zip(sorted(again), client.gather(redo)):
            results[i] = r
    return results


def _failures(parts: list[Partition], results: list[PartResult]) -> list[Failure]:
    """Failures in input order; a file of only blank lines is reported once, as a local read does."""
    blank: dict[str, list[bool]] = {}
    for part, r in zip(parts, results):
        if part.stop >= 0:
            blank.setdefault(part.origin, []).append(
                any(f.origin == part.origin and f.reason == "only white space" for f in r.failures)
            )
    out: list[Failure] = []
    reported: set[str] = set()
    for part, r in zip(parts, results):
        for f in r.failures:
            if part.stop >= 0 and f.origin == part.origin and f.reason == "only white space":
                if not all(blank[part.origin]) or part.origin in reported:
                    continue
                reported.add(part.origin)
            out.append(f)
    return out


class _Sink:
    def __init__(self, triples: list[Triple]) -> None:
        self.triples = triples

    def triple(self, s: Any, p: Any, o: Any) -> None:
        self.triples.append((s, p, o))


def read_part(path: str | Path, triples: list[Triple] | None = None) -> list[Triple]:
    """The triples of one part file, in order, duplicates kept (appended to ``triples`` if given)."""
    triples = [] if triples is None else triples
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            W3CNTriplesParser(_Sink(triples)).parse(fh)
    except OSError as exc:
        raise KgError(f"{path}: cannot read part file ({exc.strerror})") from exc
    except Exception as exc:  # rdflib's ParseError and decoding errors
        raise KgError(f"{path}: not a kg part file: {exc}") from exc
    return triples


def merge_parts(part_paths: Sequence[str | Path], min_confidence: float = 0.0) -> Graph:
    """The graph of all parts, in order: exactly what a local :func:`kg.api.build` of the same corpus makes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); f = d / "news.jsonl"
    >>> _ = f.write_text('{"id": "n1", "text": "OpenAI发布了Sora。"}\\n')
    >>> g = merge_parts([extract_partition(partitions([f])[0], d).part])
    >>> from kg.rdf import serialize
    >>> from kg.api import build
    >>> serialize(g) == serialize(build([f]).graph)
    True
    """
    builder = GraphBuilder(min_confidence)
    for _ in _merge(part_paths, builder):
        pass
    return builder.graph()


def _merge(part_paths: Sequence[str | Path], builder: GraphBuilder) -> Iterator[list[Triple]]:
    """Feed each part to ``builder``; yield the triples that are new and final, as a local build streams them."""
    for p in part_paths:
        yield builder.add_triples(read_part(p))


def build(
    jsonl_paths: Sequence[str | Path],
    output: str | Path | None = None,
    *,
    parts_dir: str | Path | None = None,
    fmt: str | None = None,
    client: Any = None,
    partition_lines: int = 2000,
    settings: Settings | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> Any:
    """Extract on a Dask cluster, merge the parts, write the graph: :func:`kg.api.build` beyond one machine.

    ``parts_dir`` keeps the N-Triples parts (None: a temporary folder beside ``output``, removed
    afterwards). The output is byte for byte what ``kg build`` writes for the same corpus.
    Returns a :class:`kg.api.BuildResult`.
    """
    import shutil
    import tempfile

    from kg.api import BuildResult, NoArticlesError, _count, graph_format_for
    from kg.output import write_atomic

    settings = settings or Settings()
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        if on_failure:
            on_failure(f)

    temp = None
    if parts_dir is None:
        where = Path(output).parent if output is not None else None
        if where is not None and not where.is_dir():
            raise OutputError(f"{output}: the directory {where} does not exist")
        try:
            temp = tempfile.mkdtemp(prefix=".kg-parts-", dir=where)
        except OSError as exc:
            raise OutputError(f"{output}: cannot write there ({exc.strerror})") from exc
        parts_dir = temp
    fmt = fmt or (graph_format_for(output) if output is not None else "turtle")
    builder = GraphBuilder(settings.min_confidence)
    try:
        stats: dict[str, int] = {}
        parts = extract_to_parts(
            jsonl_paths, parts_dir, client=client, partition_lines=partition_lines,
            settings=settings, on_failure=failed, stats=stats,
        )
        if stats["articles"] == 0:
            raise NoArticlesError(
                f"no article could be read from {', '.join(map(str, jsonl_paths))}; nothing was written"
            )
        if output is not None and fmt == "nt":
            # the same order as a local build streams N-Triples: triples as first made, then the finished labels
            with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as fh:
                for new in _merge(parts, builder):
                    fh.writelines(map(ntriples_line, new))
                fh.writelines(map(ntriples_line, builder.finish()))
        else:
            for _ in _merge(parts, builder):
                pass
            if output is not None:
                write_atomic(output, builder.serialize(fmt))
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    result = BuildResult(builder.graph, stats["articles"], stats["chars"], failures=failures)
    _count(result, builder)
    if output is not None:
        result.outputs.append(str(output))
    return result
