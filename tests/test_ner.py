"""The character CRF: features, BIO decoding, the shipped model and the training split."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path

import pytest

from kg.ner import LABELS, MODEL_PATH, char_features, decode_bio, load_labeller
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
    spans = decode_bio(lab.tag(char_features(fold(text), toks, [], load_word_lists())))
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
