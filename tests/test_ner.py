"""The character CRF: features, BIO decoding, the shipped model and the training split."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.ner import LABELS, MODEL_PATH, char_features, decode_bio, load_clusters, load_labeller
from kg.patterns import fold, load_word_lists

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        ([], []),
        (["O", "O"], []),
        (["B-PER", "I-PER", "I-PER"], [(0, 3, "PER")]),
        (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (1, 2, "ORG")]),
        (["I-LOC", "I-LOC", "O"], [(0, 2, "LOC")]),
        (["B-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),
    ],
)
def test_ner_decode_bio(tags, spans):
    assert decode_bio(tags) == spans


def test_ner_features_one_list_per_character():
    text = fold("百度创始人李彦宏")
    toks = [(0, 2, "nz"), (2, 5, "n"), (5, 8, "nr")]
    f = char_features(text, toks, [(0, 2, "Organization"), (5, 8, "Person")], load_word_lists())
    assert len(f) == len(text)
    assert "c=李" in f[5] and "p=Bnr" in f[5] and "tl" in f[5] and "x=BP" in f[5]
    assert "x=BO" in f[0] and "x=IO" in f[1]
    assert all(isinstance(x, str) for row in f for x in row)


def test_ner_shipped_model_is_small_and_tags_names():
    assert MODEL_PATH.stat().st_size < 8_000_000
    lab = load_labeller()
    text = "国务院总理李强今天在北京会见了来访的法国总统马克龙。"
    from kg.segment import make_tagger

    toks = []
    pos = 0
    for w, p in make_tagger().tag(text):
        toks.append((pos, pos + len(w), p))
        pos += len(w)
    spans = decode_bio(lab.tag(char_features(fold(text), toks, [], load_word_lists(), lab.clusters)))
    found = {(text[s:e], LABELS[k]) for s, e, k in spans}
    assert ("李强", "Person") in found
    assert ("北京", "Location") in found


def test_ner_labeller_pickles():
    lab = pickle.loads(pickle.dumps(load_labeller()))
    assert lab.tag([]) == []
    assert lab.tag([["c=李"], ["c=强"]]) and len(lab.tag([["c=李"], ["c=强"]])) == 2


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ner_training_split_is_seeded_and_disjoint():
    t = _train_module()
    data = [(str(i), []) for i in range(100)]
    a_train, a_held = t.split(data)
    b_train, b_held = t.split(data)
    assert a_held == b_held and len(a_held) == 10
    assert not {x for x, _ in a_train} & {x for x, _ in a_held}


def test_ner_bio_skips_overlapping_gold_spans():
    t = _train_module()
    assert t.bio(4, [(0, 2, "PER"), (1, 3, "ORG")]) == ["B-PER", "I-PER", "O", "O"]


def test_ner_cluener_reader(shared_data):
    t = _train_module()
    rows = t.read_cluener(shared_data / "cluener" / "train.json")
    assert len(rows) > 10000
    text, spans = rows[0]
    assert all(0 <= s < e <= len(text) and k in LABELS for s, e, k in spans)


def test_ner_cluster_table_gives_features():
    clusters = load_clusters()
    coarse, fine = clusters.codes("李王，x")
    assert len(coarse) == len(fine) == 4
    assert "_" not in fine[:2] and fine[2:] == "__"  # Han characters are clustered, the rest is unknown
    f = char_features("李强说", [(0, 2, "nr"), (2, 3, "v")], [], load_word_lists(), clusters)
    assert "kf=" + fine[0] in f[0] and "kr=" + clusters.codes("强")[1] in f[0]
    assert "kl=^" in f[0] and "kr=$" in f[2]
    assert not any(x.startswith("k") for x in char_features("李强说", [(0, 3, "n")], [], load_word_lists())[0])


def test_ner_cluster_table_missing_or_corrupt(tmp_path):
    with pytest.raises(ModelError, match="none.txt: the character cluster table is missing"):
        load_clusters(tmp_path / "none.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("# header\n李\t1\t2\n王\tx\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"bad.txt:3: bad cluster row"):
        load_clusters(bad)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ModelError, match="binary.txt"):
        load_clusters(binary)
    with pytest.raises(ModelError, match="none.txt"):
        load_labeller(clusters=tmp_path / "none.txt")


def test_ner_labeller_pickles_its_cluster_table():
    lab = pickle.loads(pickle.dumps(load_labeller()))
    assert lab.clusters is not None and lab.clusters.codes("李") == load_clusters().codes("李")


def test_ner_training_features_are_the_run_time_features():
    """scripts/train_ner.py computes exactly the features kg tags an article with, sentence by sentence."""
    from kg.entities import find_mentions, load_recognizer
    from kg.records import Article
    from kg.resources import ontology_dir
    from kg.segment import load_userdict, make_tagger, segment

    t = _train_module()
    rec = load_recognizer()
    tagger = make_tagger("rjieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
    text = "国务院总理李强今天在北京会见了法国总统马克龙。百度创始人李彦宏表示，腾讯和阿里巴巴都在上海市浦东新区设有办公室！"
    seen = []
    tag = rec.labeller.tag
    rec.labeller.tag = lambda x: seen.append(x) or tag(x)
    try:
        a = Article(id="a", text=text)
        find_mentions(a, segment(a, tagger), rec)
    finally:
        del rec.labeller.tag
    sents = next(t.featurize([text], tagger, rec.lexicon, rec.lists, rec.labeller.clusters))
    assert len(sents) == 2
    # at run time the features are UTF-8 and the word features the model has no weights for are left out
    known = rec.labeller.attributes
    word = ("pw=", "nw=", "w=")

    def runtime(f):
        b = f.encode()
        if b in known or f.startswith(word):
            return b
        return b[:3] if f.startswith(("bl=", "br=")) else b  # a bigram without weights goes as the bare prefix

    def runtime_rows(rows):
        return [[runtime(f) for f in row if not f.startswith(word) or f.encode() in known] for row in rows]

    assert seen == [runtime_rows(x) for _, _, x in sents]
    assert [tag(x) for x in seen] == [tag(x) for _, _, x in sents]
    assert t.sentence_tags(["B-PER", "I-PER", "I-PER", "O"], 1, 4) == ["B-PER", "I-PER", "O"]


def test_ner_dev_split_stays_inside_the_training_part():
    t = _train_module()
    data = [(str(i), []) for i in range(200)]
    train, held = t.split(data)
    rest, dev = t.dev_split(train)
    assert len(dev) == len(train) // 9 and len(rest) + len(dev) == len(train)
    assert not {x for x, _ in dev} & {x for x, _ in held} and not {x for x, _ in dev} & {x for x, _ in rest}
