"""Frozen records that flow between the pipeline stages; annotations are character-offset views."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Token",
    "Sentence",
    "Mention",
    "Entity",
    "Relation",
    "Quote",
    "Extraction",
    "Failure",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: the cleaned body text and its metadata."""

    id: str
    """Stable id: the record's own id, else derived from the file name (and line)."""
    text: str
    """The article body; every offset in kg points into this string."""
    title: str = ""
    """Headline ("" when none was found)."""
    date: str | None = None
    """Publication date as ISO 8601 (``2024-02-24`` or ``2024-02-24T05:43:00``)."""
    source: str | None = None
    """Site or outlet the page was taken from (来源)."""
    publisher: str | None = None
    """Original publisher when the page is a reprint (本文转自)."""
    author: str | None = None
    """Byline author(s), comma separated."""
    url: str | None = None
    """Address of the page, when known."""
    lang: str | None = None
    """Language tag: ``zh-CN`` (Simplified) or ``zh-HK``/``zh-TW`` (Traditional)."""
    origin: str = ""
    """Where it was read from: ``path`` or ``path:line``."""


@dataclass(frozen=True, slots=True)
class Token:
    """A jieba token with its part-of-speech tag."""

    start: int
    """Character offset into ``Article.text``."""
    end: int
    """End offset (exclusive)."""
    text: str
    """Surface form."""
    pos: str
    """jieba part-of-speech tag (``n``, ``nr``, ``nt``, ``v``, ``eng`` ...)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article and its tokens."""

    article_id: str
    """Id of the article it belongs to."""
    start: int
    """Character offset into ``Article.text``."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The sentence text, ``article.text[start:end]``."""
    tokens: tuple[Token, ...] = ()
    """Tokens, with offsets into the article text."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names an entity of an ontology class."""

    article_id: str
    """Id of the article it belongs to."""
    start: int
    """Character offset into ``Article.text``."""
    end: int
    """End offset (exclusive)."""
    text: str
    """Surface form, ``article.text[start:end]``."""
    label: str
    """Ontology class local name: Person, Organization, Location, AIModel, Technology, Publication."""
    canonical: str = ""
    """Name of the entity it refers to, set by linking ("" means the text itself)."""
    source: str = ""
    """How it was found: ``lexicon:<id>``, ``crf``, ``pattern:<id>``, ``pos``."""
    confidence: float = 1.0
    """Confidence between 0 and 1."""

    @property
    def name(self) -> str:
        """The entity name this mention stands for."""
        return self.canonical or self.text


@dataclass(frozen=True, slots=True)
class Entity:
    """One real thing: all mentions of it across the articles, merged."""

    id: str
    """Stable id from class and normalized name."""
    label: str
    """Ontology class local name."""
    name: str
    """Preferred name (``rdfs:label``)."""
    aliases: tuple[str, ...] = ()
    """Other names seen (``skos:altLabel``), sorted."""
    mentions: tuple[Mention, ...] = ()
    """Every mention it came from."""


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two mentions, with the sentence that states it."""

    article_id: str
    """Id of the article it was found in."""
    subject: Mention
    """Subject mention."""
    predicate: str
    """Ontology property local name (``released``, ``worksFor`` ...)."""
    object: Mention
    """Object mention."""
    rule_id: str
    """Id of the rule (or model) that found it."""
    evidence_start: int
    """Start offset of the evidence sentence in ``Article.text``."""
    evidence_end: int
    """End offset (exclusive) of the evidence sentence."""
    confidence: float = 1.0
    """Confidence between 0 and 1 (hedged statements score lower)."""
    role: str | None = None
    """Position held, for ``worksFor`` (常务副院长, 首席执行官)."""
    method: str = "rule"
    """``rule`` or ``model``."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: who said what, in which article."""

    article_id: str
    """Id of the article it was found in."""
    speaker: Mention
    """The person or organization speaking."""
    start: int
    """Start offset of the quoted text."""
    end: int
    """End offset (exclusive) of the quoted text."""
    text: str
    """The quoted text."""
    about: tuple[Mention, ...] = ()
    """Entities the quote talks about."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    """The article."""
    sentences: tuple[Sentence, ...] = ()
    """Its sentences, with tokens."""
    mentions: tuple[Mention, ...] = ()
    """Entity mentions, sorted by offset, linked."""
    relations: tuple[Relation, ...] = ()
    """Relations between mentions."""
    quotes: tuple[Quote, ...] = ()
    """Reported speech."""
    concepts: tuple[str, ...] = field(default=())
    """Salient keywords of the article, most salient first."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used, and why."""

    origin: str
    """File (and line) at fault."""
    reason: str
    """One-line message for the user."""
