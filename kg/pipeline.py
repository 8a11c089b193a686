"""The extraction pipeline: a named list of stages run over each article, models loaded once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from kg import bylines, entities, keywords, linking, relations, segment
from kg.errors import KgError
from kg.records import Article, Extraction, Failure
from kg.resources import ontology_dir

__all__ = ["Models", "STAGES", "DEFAULT", "load_models", "extract", "run"]


@dataclass(frozen=True)
class Models:
    """What the stages need, loaded once per process."""

    tagger: segment.Tagger
    """Segmenter with kg's user dictionary."""
    recognizer: Any
    """Entity recognizer (gazetteer, patterns and statistical model)."""
    rules: Any
    """Relation rules."""
    concepts_per_article: int = 8
    """Number of salient keywords kept per article."""
    bylines: tuple[bylines.BylineRule, ...] = ()
    """Article-level rules for the byline author (an invited expert explains the article's subjects)."""


STAGES: dict[str, Callable[..., Any]] = {
    "segment": segment.segment,
    "entities": entities.find_mentions,
    "link": linking.link_mentions,
    "relations": relations.extract_relations,
    "keywords": keywords.salient_keywords,
}
"""Every stage by name, in the order :func:`extract` runs them."""

DEFAULT = list(STAGES)


def load_models(
    segmenter: str = "rjieba", ontology: str | Path | None = None, concepts_per_article: int = 8
) -> Models:
    """Load the tagger, recognizer and rules from the ontology directory.

    Examples
    --------
    >>> m = load_models()
    >>> m.concepts_per_article
    8
    """
    odir = ontology_dir(ontology)
    userdict = segment.load_userdict(odir / "dicts" / "userdict.txt")
    return Models(
        tagger=segment.make_tagger(segmenter, userdict),
        recognizer=entities.load_recognizer(odir),
        rules=relations.load_rules(odir),
        concepts_per_article=concepts_per_article,
        bylines=bylines.load_byline_rules(odir),
    )


def extract(article: Article, models: Models) -> Extraction:
    """Run every stage over one article.

    Examples
    --------
    >>> from kg.records import Article
    >>> ex = extract(Article(id="a", text="OpenAI发布了视频生成模型Sora。"), load_models())
    >>> sorted({(m.text, m.label) for m in ex.mentions})
    [('OpenAI', 'Organization'), ('Sora', 'AIModel'), ('视频生成', 'Technology')]
    >>> [(r.subject.text, r.predicate, r.object.text) for r in ex.relations if r.predicate == "released"]
    [('OpenAI', 'released', 'Sora')]
    """
    sentences = segment.segment(article, models.tagger)
    mentions = entities.find_mentions(article, sentences, models.recognizer)
    mentions = linking.link_mentions(article, mentions, models.recognizer)
    found, quotes = relations.extract_relations(article, sentences, mentions, models.rules)
    found = _with_byline_relations(found, bylines.byline_relations(article, sentences, mentions, models.bylines))
    concepts = keywords.salient_keywords(sentences, mentions, models.concepts_per_article)
    return Extraction(article, sentences, mentions, tuple(found), tuple(quotes), tuple(concepts))


def _with_byline_relations(found: tuple, extra: tuple) -> tuple:
    """Byline relations not already stated by a sentence, merged in the order relations are kept; a sentence's
    relation without a post takes the one a credit gives the same person at the same organization."""
    if not extra:
        return found
    roles = {(r.subject.name, r.predicate, r.object.name): r.role for r in extra if r.role}
    found = tuple(r if r.role else replace(r, role=roles.get((r.subject.name, r.predicate, r.object.name)))
                  for r in found)  # （编辑 刘蕊）: the credit names the post a sentence rule left out
    seen = {(r.subject.name, r.predicate, r.object.name) for r in found}
    new = [r for r in extra if (r.subject.name, r.predicate, r.object.name) not in seen]
    return tuple(sorted((*found, *new), key=lambda r: (r.evidence_start, r.subject.start, r.object.start,
                                                       r.predicate, r.role or "", r.rule_id)))


def run(
    items: Iterable[Article | Failure],
    models: Models,
    on_error: Literal["raise", "skip"] = "skip",
) -> Iterator[Extraction | Failure]:
    """Extract every article, in order; inputs that failed earlier pass through as Failures.

    With ``on_error="skip"`` an article whose extraction fails becomes a Failure naming it;
    with ``"raise"`` the error stops the run.
    """
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield extract(item, models)
        except KgError:
            raise
        except Exception as exc:  # one bad article must not end a batch
            if on_error == "raise":
                raise
            yield Failure(item.origin or item.id, f"extraction failed: {type(exc).__name__}: {exc}")


def default_jobs() -> int:
    """Number of worker processes by default: every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
