"""Precision, recall and F1 of relation extraction on real news (own gold) and on DuIE 2.0.

Usage (from the repository root)::

    python3 bench/relation_bench.py news            # gold: bench/gold/relations/news.jsonl (tuned on),
                                                    # blind.jsonl (first blind set, misses looked at since),
                                                    # heldout.jsonl (annotated from the text alone, never tuned on)
    python3 bench/relation_bench.py duie --half dev      # the seeded half used to write rules
    python3 bench/relation_bench.py duie --half report   # the other half, reported
    python3 bench/relation_bench.py news -v          # also list false positives and misses
    python3 bench/relation_bench.py duie --oracle    # gold entity names as mentions: the rules alone

Matching (both benches): a predicted relation matches a gold one when the predicates are
equal and the subject names and the object names are each equal after
``kg.names.normalize_key`` or one contains the other (pairs with equal names are matched first) (李彦宏 ~ 百度创始人李彦宏 is not
needed, but 浙江大学 ~ 浙江大学上海高等研究院 would be: the containment rule is lenient
on name boundaries, never on which entity is meant). For ``worksFor`` a gold ``role``, when
given, must be matched as well (same containment rule); gold relations without a role match
any predicted role. Symmetric properties of the ontology (partnersWith, competesWith) match in
either direction. Each gold relation is matched at most once; a predicted relation is
counted once however many rules found it. Relations are compared per article (news) or per
sentence (DuIE).

DuIE: predicates 创始人, 董事长, 校长, 毕业院校, 总部地点 and 作者 are mapped to kg
relations (创始人: subject company, object person -> founded(person, company); 董事长 /
校长 -> worksFor(person, org) with that role; 毕业院校 -> alumniOf(person, school); 总部地点
-> locatedIn(org, place); 作者: subject work, object person -> authorOf(person, work)). The
file is shuffled with a fixed seed and cut in two halves, ``dev`` and ``report``. In each
half, every sentence holding one of those predicates is scored, plus an equal number of
sentences without them (seeded sample) to count false positives. A predicted worksFor is
scored as 董事长/校长 when its role contains that title (副董事长 and 副校长 excluded);
other predicted relations are outside the six predicates and ignored, as are relations whose
classes are not the ones DuIE's schema gives the predicate (founded and worksFor: person and
organization; alumniOf: person and school; locatedIn: organization and place; authorOf: person and
work): an organization founding another is no 创始人 fact.

The texts are read from ../shared/data at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gold_sets import ALL, BLIND_SETS, DEVELOPMENT  # noqa: E402
from kg.bylines import byline_relations, load_byline_rules  # noqa: E402
from kg.entities import find_mentions, load_recognizer  # noqa: E402
from kg.linking import link_mentions  # noqa: E402
from kg.pipeline import _with_byline_relations  # noqa: E402
from kg.names import normalize_key  # noqa: E402
from kg.records import Article, Mention, Relation  # noqa: E402
from kg.relations import extract_relations, load_rules  # noqa: E402
from kg.resources import load_ontology, ontology_dir  # noqa: E402
from kg.segment import load_userdict, make_tagger, segment  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "relations"
SEED = 20240601

DUIE_MAP = {"创始人": "founded", "董事长": "worksFor", "校长": "worksFor", "毕业院校": "alumniOf",
            "总部地点": "locatedIn", "作者": "authorOf"}
DUIE_TYPES = {"人物": "Person", "企业": "Organization", "学校": "Organization", "地点": "Location",
              "图书作品": "Publication"}
# (subject, object) of the kg relation, taken from DuIE's (subject, object)
DUIE_SWAP = {"创始人": True, "董事长": True, "校长": True, "毕业院校": False, "总部地点": False, "作者": True}
# the classes DuIE's schema gives those predicates, as (subject, object) classes of the kg relation:
# an organization founding an organization, or a person's home town, is no 创始人 / 总部地点 fact
DUIE_CLASSES = {"founded": ("Person", "Organization"), "worksFor": ("Person", "Organization"),
                "alumniOf": ("Person", "Organization"), "locatedIn": ("Organization", "Location"),
                "authorOf": ("Person", "Publication")}


class Pipeline:
    """Segmenter, recognizer and rules, loaded once."""

    def __init__(self) -> None:
        self.tagger = make_tagger("rjieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
        self.recognizer = load_recognizer()
        self.rules = load_rules()
        self.bylines = load_byline_rules(ontology_dir())

    def relations(self, article: Article, oracle: list[tuple[str, str]] | None = None) -> tuple[tuple[Relation, ...], tuple]:
        """Relations of an article; ``oracle`` (name, class) pairs replace recognized mentions they overlap."""
        sents = segment(article, self.tagger)
        ms = find_mentions(article, sents, self.recognizer)
        ms = link_mentions(article, ms, self.recognizer)
        if oracle:
            ms = with_oracle(article, ms, oracle)
        found, quotes = extract_relations(article, sents, ms, self.rules)  # and the article-level rules, as kg extract
        self.surfaces = surfaces(ms)
        return _with_byline_relations(found, byline_relations(article, sents, ms, self.bylines)), quotes


def with_oracle(article: Article, mentions: tuple[Mention, ...], names: list[tuple[str, str]]) -> tuple[Mention, ...]:
    """Mentions where every occurrence of a gold name is a mention of its gold class (diagnostic only)."""
    gold: list[Mention] = []
    for name, label in sorted(set(names), key=lambda x: -len(x[0])):
        i = article.text.find(name)
        while i >= 0:
            m = Mention(article.id, i, i + len(name), name, label, "", "oracle")
            if not any(g.start < m.end and m.start < g.end for g in gold):
                gold.append(m)
            i = article.text.find(name, i + len(name))
    rest = [m for m in mentions if not any(g.start < m.end and m.start < g.end for g in gold)]
    return tuple(sorted(gold + rest, key=lambda m: (m.start, m.end)))


def same_name(a: str | tuple[str, ...], b: str) -> bool:
    """Names agree (equal keys, or one key inside the other); ``a`` may list alternatives."""
    kb = normalize_key(b)
    for x in (a,) if isinstance(a, str) else a:
        ka = normalize_key(x)
        if ka and kb and (ka == kb or ka in kb or kb in ka):
            return True
    return False


def same_key(a: str | tuple[str, ...], b: str) -> bool:
    """Names have equal keys (``a`` may list alternatives)."""
    kb = normalize_key(b)
    return any(normalize_key(x) == kb for x in ((a,) if isinstance(a, str) else a))


def _symmetric() -> frozenset[str]:
    """Local names of the ontology's owl:SymmetricProperty terms (partnersWith, competesWith)."""
    from rdflib import OWL, RDF

    return frozenset(str(p).rsplit("#", 1)[-1] for p in load_ontology().subjects(RDF.type, OWL.SymmetricProperty))


SYMMETRIC = _symmetric()
"""A symmetric relation (A competesWith B is B competesWith A) matches its gold in either direction."""


def match(pred: list[tuple], gold: list[tuple]) -> tuple[int, list[tuple], list[tuple]]:
    """One-to-one matching, exact names first, then containment; returns (true positives, unmatched
    predicted, unmatched gold). Exact pairs go first so that a loose match never takes the gold
    relation another prediction names exactly. Symmetric relations match in either direction."""
    used = [False] * len(gold)
    hit = [False] * len(pred)
    for same in (same_key, same_name):
        for j, p in enumerate(pred):
            if hit[j]:
                continue
            subj, obj = p[0], p[2]
            if same is same_key and len(p) > 4:  # the entities' other surface forms, exact matches only
                subj, obj = tuple(dict.fromkeys(subj + p[4][0])), tuple(dict.fromkeys(obj + p[4][1]))
            for i, g in enumerate(gold):
                if used[i] or p[1] != g[1]:
                    continue
                if not (same(subj, g[0]) and same(obj, g[2])) and not (
                        p[1] in SYMMETRIC and same(subj, g[2]) and same(obj, g[0])):
                    continue
                if g[3] and not (p[3] and same_name(p[3], g[3])):
                    continue
                used[i] = hit[j] = True
                break
    fps = [p for p, h in zip(pred, hit) if not h]
    return sum(hit), fps, [g for g, u in zip(gold, used) if not u]


def prf(tp: int, np_: int, ng: int) -> tuple[float, float, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def surfaces(mentions: tuple[Mention, ...]) -> dict[str, tuple[str, ...]]:
    """Linked name → the surface forms its mentions have in the article (山姆·阿尔特曼 → 山姆·奥尔特曼, Sam Altman)."""
    out: dict[str, dict[str, None]] = {}
    for m in mentions:
        out.setdefault(m.name, {})[m.text] = None
    return {k: tuple(v) for k, v in out.items()}


def _names(m) -> tuple[str, ...]:
    """The linked name first, then the surface form when it differs (both may match gold)."""
    return (m.name,) if m.text == m.name else (m.name, m.text)


def _unique(rels: tuple[Relation, ...], min_conf: float, forms: dict[str, tuple[str, ...]] | None = None) -> list[tuple]:
    """Predicted relations as (subject names, predicate, object names, role), one per distinct fact."""
    seen: dict[tuple, tuple] = {}
    for r in rels:
        if r.confidence < min_conf:
            continue
        key = (r.subject.name, r.predicate, r.object.name, r.role or "")
        if r.predicate in SYMMETRIC and (r.object.name, r.predicate, r.subject.name, key[3]) in seen:
            continue  # B competesWith A, found after A competesWith B, is the same fact
        if key in seen:
            s, p, o, role = seen[key]
            seen[key] = (tuple(dict.fromkeys(s + _names(r.subject))), p, tuple(dict.fromkeys(o + _names(r.object))), role)
        else:
            seen[key] = (_names(r.subject), r.predicate, _names(r.object), r.role or "")
    forms = forms or {}
    # the other forms the article writes each entity in match gold exactly (not by containment): the
    # relation holds between entities, and 山姆·奥尔特曼 and Sam Altman are one person
    return [seen[k] + ((forms.get(k[0], ()), forms.get(k[2], ())),) for k in sorted(seen)]


NEWS_SETS = ((DEVELOPMENT, ("news.jsonl",)),
             *((label, tuple(stem + ".jsonl" for stem in stems)) for label, stems in BLIND_SETS),
             (ALL, ("news.jsonl",) + tuple(dict.fromkeys(stem + ".jsonl" for _, stems in BLIND_SETS for stem in stems))))
"""The gold files of bench/gold/relations/, reported apart and together."""


def _read_gold(names: tuple[str, ...]) -> dict[str, list[tuple]]:
    gold: dict[str, list[tuple]] = {}
    for name in names:
        f = GOLD / name
        if not f.is_file():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                row = json.loads(line)
                gold[row["id"]] = [(g["subject"], g["predicate"], g["object"], g.get("role", "")) for g in
                                   row["relations"]]
    return gold


def bench_news(pipe: Pipeline, verbose: bool, min_conf: float) -> None:
    path = DATA / "news" / "articles.jsonl"
    wanted = _read_gold(tuple(n for _, names in NEWS_SETS for n in names))
    articles = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                articles[row["id"]] = row
    missing = sorted(set(wanted) - set(articles))
    if missing:
        print(f"gold names articles not in {path}: {missing}", file=sys.stderr)
    for label, names in NEWS_SETS:
        gold = {k: v for k, v in _read_gold(names).items() if k in articles}
        if gold:
            _score_news(pipe, gold, articles, label, verbose and label.startswith("all"), min_conf)


def _score_news(pipe: Pipeline, gold: dict[str, list[tuple]], articles: dict[str, dict], label: str,
                verbose: bool, min_conf: float) -> None:
    per = Counter()
    by_pred: dict[str, Counter] = {}
    t0 = time.perf_counter()
    for aid in sorted(gold):
        row = articles[aid]
        a = Article(id=aid, text=row["text"], title=row.get("title", ""), lang=row.get("lang"))
        rels, _ = pipe.relations(a)
        pred = _unique(rels, min_conf, pipe.surfaces)
        tp, fps, fns = match(pred, gold[aid])
        per.update(tp=tp, np=len(pred), ng=len(gold[aid]))
        for p in pred:
            c = by_pred.setdefault(p[1], Counter())
            c["np"] += 1
        for g in gold[aid]:
            by_pred.setdefault(g[1], Counter())["ng"] += 1
        for p in pred:
            if p not in fps:
                by_pred[p[1]]["tp"] += 1
        if verbose:
            print(f"== {aid} {row.get('title', '')[:40]} tp={tp} fp={len(fps)} fn={len(fns)}")
            for p in fps:
                print("   FP", p)
            for g in fns:
                print("   FN", g)
    dt = time.perf_counter() - t0
    print(f"news gold, {label}: {len(gold)} articles, {per['ng']} gold relations, {per['np']} predicted "
          f"(confidence >= {min_conf}), {dt:.1f}s")
    for pred_name in sorted(by_pred):
        c = by_pred[pred_name]
        p, r, f = prf(c["tp"], c["np"], c["ng"])
        print(f"  {pred_name:13s} gold={c['ng']:3d} pred={c['np']:3d} tp={c['tp']:3d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    p, r, f = prf(per["tp"], per["np"], per["ng"])
    print(f"news micro, {label}: P={p:.3f} R={r:.3f} F1={f:.3f}")


def duie_halves() -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in (DATA / "duie" / "train.jsonl").open(encoding="utf-8") if line.strip()]
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    return [rows[i] for i in sorted(order[:half])], [rows[i] for i in sorted(order[half:])]


def duie_selection(rows: list[dict]) -> list[dict]:
    pos = [r for r in rows if any(s["predicate"] in DUIE_MAP for s in r["spo_list"])]
    neg = [r for r in rows if not any(s["predicate"] in DUIE_MAP for s in r["spo_list"])]
    rng = random.Random(SEED + 1)
    return pos + rng.sample(neg, min(len(pos), len(neg)))


def duie_gold(row: dict) -> list[tuple]:
    out = []
    for s in row["spo_list"]:
        p = s["predicate"]
        if p not in DUIE_MAP:
            continue
        subj, obj = s["subject"], s["object"]["@value"]
        if DUIE_SWAP[p]:
            subj, obj = obj, subj
        out.append((subj, p, obj, ""))
    return sorted(set(out))


def duie_label(rel: tuple) -> str | None:
    subj, pred, obj, role = rel[:4]
    if pred == "founded":
        return "创始人"
    if pred == "worksFor":
        for title, names in (("董事长", ("董事长", "董事局主席", "董事会主席")), ("校长", ("校长",))):
            if any(n in role and f"副{n}" not in role for n in names):
                return title
        return None
    return {"alumniOf": "毕业院校", "locatedIn": "总部地点", "authorOf": "作者"}.get(pred)


def duie_oracle(row: dict) -> list[tuple[str, str]]:
    """Gold (name, class) pairs of the sentence's scored triples, for the oracle-mention diagnostic."""
    out = []
    for s in row["spo_list"]:
        if s["predicate"] in DUIE_MAP:
            out.append((s["subject"], DUIE_TYPES.get(s["subject_type"], "Organization")))
            out.append((s["object"]["@value"], DUIE_TYPES.get(s["object_type"]["@value"], "Person")))
    return out


def bench_duie(pipe: Pipeline, half: str, verbose: bool, min_conf: float, limit: int | None,
               oracle: bool = False) -> None:
    dev, report = duie_halves()
    halves = {"dev": dev, "report": report}
    for name in (["dev", "report"] if half == "both" else [half]):
        rows = duie_selection(halves[name])
        if limit:
            rows = rows[:limit]
        counts: dict[str, Counter] = {p: Counter() for p in DUIE_MAP}
        t0 = time.perf_counter()
        for i, row in enumerate(rows):
            a = Article(id=f"duie-{name}-{i}", text=row["text"])
            rels, _ = pipe.relations(a, duie_oracle(row) if oracle else None)
            pred = []
            fits = tuple(r for r in rels if DUIE_CLASSES.get(r.predicate, (r.subject.label, r.object.label))
                         == (r.subject.label, r.object.label))
            for r in _unique(fits, min_conf):
                lab = duie_label(r)
                if lab:
                    pred.append((r[0], lab, r[2], ""))
            gold = duie_gold(row)
            tp, fps, fns = match(pred, gold)
            for p in pred:
                counts[p[1]]["np"] += 1
                if p not in fps:
                    counts[p[1]]["tp"] += 1
            for g in gold:
                counts[g[1]]["ng"] += 1
            if verbose and (fps or fns):
                print(f"-- {row['text']}")
                for p in fps:
                    print("   FP", p)
                for g in fns:
                    print("   FN", g)
        dt = time.perf_counter() - t0
        how = "gold entity names as mentions (oracle diagnostic)" if oracle else "recognized mentions"
        print(f"DuIE {name} half: {len(rows)} sentences scored ({dt:.1f}s), confidence >= {min_conf}, {how}")
        tot = Counter()
        for p, c in counts.items():
            tot.update(c)
            pp, rr, ff = prf(c["tp"], c["np"], c["ng"])
            print(f"  {p:5s} ({DUIE_MAP[p]:9s}) gold={c['ng']:4d} pred={c['np']:4d} tp={c['tp']:4d}  "
                  f"P={pp:.3f} R={rr:.3f} F1={ff:.3f}")
        pp, rr, ff = prf(tot["tp"], tot["np"], tot["ng"])
        print(f"DuIE {name} micro{' (oracle mentions)' if oracle else ''}: P={pp:.3f} R={rr:.3f} F1={ff:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("which", choices=["news", "duie"])
    ap.add_argument("--half", choices=["dev", "report", "both"], default="both")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--oracle", action="store_true",
                    help="DuIE only: mark the gold entity names as mentions, to measure the rules apart from recognition")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: this benchmark needs ../shared/data (news/articles.jsonl, duie/train.jsonl)")
    pipe = Pipeline()
    if args.which == "news":
        bench_news(pipe, args.verbose, args.min_confidence)
    else:
        bench_duie(pipe, args.half, args.verbose, args.min_confidence, args.limit, args.oracle)


if __name__ == "__main__":
    main()
