"""Relation rule files: validation errors that quote the row, and the token matcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import PatternError
from kg.records import Mention, Sentence, Token
from kg.resources import ontology_dir
from kg.relations import read_hedges, read_roles, read_views
from kg.units import build_units
from kg.rules import RuleSet, Unit, match_rule, read_rules

GOOD = {"id": "r1", "relation": "released",
        "pattern": [{"ENT": "Organization"}, {"TEXT": "发布"}, {"ENT": "AIModel"}], "subject": 0, "object": 2}


def _write(tmp_path: Path, rows: list, name: str = "relations.jsonl") -> Path:
    p = tmp_path / name
    p.write_text("# header\n" + "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                                        for r in rows), encoding="utf-8")
    return p


BAD = [
    ({**GOOD, "relation": "releasd"}, "unknown property 'releasd'"),
    ({**GOOD, "pattern": [{"ENT": "Organisation"}, {"TEXT": "发布"}, {"ENT": "AIModel"}]}, "unknown class 'Organisation'"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"TXT": "发布"}, {"ENT": "AIModel"}]}, "unknown key(s) ['TXT']"),
    ({**GOOD, "object": 3}, "slot 'object' = 3 is out of range"),
    ({**GOOD, "object": 1, "pattern": [{"ENT": "Organization"}, {"GAP": 3}, {"ENT": "AIModel"}]}, "is a gap"),
    ({**GOOD, "subject": 2}, "subject and object are the same element"),
    ({**GOOD, "confidence": 1.5}, "confidence must be a number between 0 and 1"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"TEXT": "发布", "OP": "#"}, {"ENT": "AIModel"}]}, "OP must be one of"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"GAP": -1}, {"ENT": "AIModel"}], "object": 2}, "GAP must be"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"GAP": 2, "CROSS": ["Persn"]}, {"ENT": "AIModel"}]},
     "unknown class 'Persn' in CROSS"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"TEXT": {"REGEX": "("}}, {"ENT": "AIModel"}]}, "does not compile"),
    ({**GOOD, "pattern": [{"ENT": "Organization", "AS": "Thing"}, {"TEXT": "发布"}, {"ENT": "AIModel"}]}, "AS must name"),
    ({**GOOD, "kind": "quotation"}, "unknown kind"),
    ({**GOOD, "not_after": {"GAP": 2}}, "not_after must be a plain token object"),
    ({**GOOD, "coordinate": "yes"}, "coordinate must be true or false"),
    ({k: v for k, v in GOOD.items() if k != "subject"}, "missing slot 'subject'"),
    ({**GOOD, "pattern": []}, "pattern must be a non-empty list"),
    ('{"id": "r1", "relation": ', "not valid JSON"),
    ({**GOOD, "pattern": [{"ENT": "Organization"}, {"TEXT": "发布"}, {"POS": "r", "REFER": ["AIModel"]}]},
     "REFER must list classes"),
]


@pytest.mark.parametrize("row,message", BAD, ids=[m for _, m in BAD])
def test_rules_bad_row_names_file_line_and_quotes_it(tmp_path, row, message):
    p = _write(tmp_path, [row])
    with pytest.raises(PatternError) as err:
        read_rules(p)
    text = str(err.value)
    assert f"{p}:2" in text
    assert message in text
    raw = row.strip() if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
    assert raw in text


def test_rules_duplicate_id(tmp_path):
    p = _write(tmp_path, [GOOD, GOOD])
    with pytest.raises(PatternError, match=r"relations.jsonl:3: duplicate id 'r1' \(first at .*:2\)"):
        read_rules(p)


def test_rules_shipped_files_load():
    pdir = ontology_dir() / "patterns"
    rules = read_rules(pdir / "relations.jsonl")
    assert len(rules) > 40
    assert {r.kind for r in rules} == {"relation", "quote", "nested"}
    hedges = read_hedges(pdir / "hedges.jsonl")
    assert {"未", "否认", "据传", "或将"} <= {h.cue for h in hedges}
    heads, mods, joiners = read_roles(pdir / "roles.jsonl")
    assert {"首席执行官", "院长", "ceo"} <= heads and "兼" in joiners


@pytest.mark.parametrize(
    "row,message",
    [({"cue": "未", "effect": "deny"}, "effect must be"), ({"cue": "", "effect": "negate"}, "missing cue"),
     ({"cue": "或将", "effect": "hedge", "scope": "paragraph"}, "scope must be")],
)
def test_rules_bad_hedge_row(tmp_path, row, message):
    p = _write(tmp_path, [row], "hedges.jsonl")
    with pytest.raises(PatternError, match=message):
        read_hedges(p)


@pytest.mark.parametrize(
    ("row", "words"),
    [({"kind": "names", "pattern": "(证券"}, "bad pattern"), ({"kind": "analysts", "words": ["研报"]}, "expected"),
     ({"kind": "report_words", "words": []}, "expected")],
)
def test_rules_bad_views_row_names_file_line_and_row(tmp_path, row, words):
    p = _write(tmp_path, [row], "views.jsonl")
    with pytest.raises(PatternError, match="views.jsonl:2") as err:
        read_views(p)
    assert words in str(err.value) and json.dumps(row, ensure_ascii=False) in str(err.value)


def test_rules_bad_roles_row(tmp_path):
    p = _write(tmp_path, [{"kind": "title", "words": ["院长"]}], "roles.jsonl")
    with pytest.raises(PatternError, match="roles.jsonl:2"):
        read_roles(p)


def _units(*spec):
    out, pos = [], 0
    for text, ent in spec:
        m = Mention("a", pos, pos + len(text), text, ent) if ent and ent != "Role" else None
        out.append(Unit(pos, pos + len(text), text.casefold(), "n", ent, m, (text,) if ent == "Role" else ()))
        pos += len(text)
    return tuple(out)


def _rule(tmp_path, pattern, subject=0, object=2, **extra):
    row = {"id": "x", "relation": "released", "pattern": pattern, "subject": subject, "object": object, **extra}
    return read_rules(_write(tmp_path, [row]))[0]


def test_rules_text_may_span_split_tokens(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Organization"}, {"TEXT": "领投"}, {"ENT": "Organization"}])
    units = _units(("红杉", "Organization"), ("领", ""), ("投", ""), ("月之暗面", "Organization"))
    assert match_rule(rule, units) == [(4, {0: 0, 1: 1, 2: 3})]


def test_rules_gap_stops_at_entities_and_punctuation(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Organization"}, {"GAP": 5}, {"TEXT": "发布"}, {"ENT": "AIModel"}], 0, 3)
    assert match_rule(rule, _units(("百度", "Organization"), ("今天", ""), ("发布", ""), ("文心", "AIModel")))
    assert not match_rule(rule, _units(("百度", "Organization"), ("，", ""), ("发布", ""), ("文心", "AIModel")))
    assert not match_rule(rule, _units(("百度", "Organization"), ("李", "Person"), ("发布", ""), ("文心", "AIModel")))
    crossing = _rule(tmp_path, [{"ENT": "Organization"}, {"GAP": 5, "CROSS": ["，"]}, {"TEXT": "发布"}, {"ENT": "AIModel"}], 0, 3)
    assert match_rule(crossing, _units(("百度", "Organization"), ("，", ""), ("发布", ""), ("文心", "AIModel")))


def test_rules_not_after_is_a_look_behind(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "AIModel"}, {"TEXT": "发布"}, {"ENT": "AIModel"}],
                 not_after={"ENT": "Organization"})
    plain = _units(("深度求索", "AIModel"), ("发布", ""), ("R1", "AIModel"))
    assert match_rule(rule, plain)
    assert not match_rule(rule, _units(("阿里云", "Organization"), ("通义", "AIModel"), ("发布", ""), ("Qwen", "AIModel")))


def test_rules_negative_op(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Organization"}, {"TEXT": "部署"}, {"TEXT": "到", "OP": "!"}, {"ENT": "AIModel"}], 0, 3)
    assert match_rule(rule, _units(("银行", "Organization"), ("部署", ""), ("模型", "AIModel")))
    assert not match_rule(rule, _units(("银行", "Organization"), ("部署", ""), ("到", ""), ("模型", "AIModel")))


def test_rules_build_units_title_chain_and_aside():
    text = "百度首席技术官王海峰（Wang）表示"
    toks = (Token(0, 2, "百度", "n"), Token(2, 4, "首席", "n"), Token(4, 6, "技术", "n"), Token(6, 8, "官王", "n"),
            Token(8, 10, "海峰", "nr"), Token(10, 11, "（", "x"), Token(11, 15, "Wang", "eng"),
            Token(15, 16, "）", "x"), Token(16, 18, "表示", "v"))
    s = Sentence("a", 0, len(text), text, toks)
    ms = (Mention("a", 0, 2, "百度", "Organization"), Mention("a", 7, 10, "王海峰", "Person"))
    rs = RuleSet((), role_heads=frozenset({"首席技术官"}), role_modifiers=frozenset({"首席"}))
    units = build_units(s, ms, rs)
    assert [(u.text, u.ent, u.roles) for u in units] == [
        ("百度", "Organization", ()), ("首席技术官", "Role", ("首席技术官",)), ("王海峰", "Person", ()),
        ("表示", "", ())]
    assert units[2].end == 16  # the parenthesis is folded into the name


def test_rules_name_slot_reads_plain_tokens_up_to_a_boundary(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Publication"}, {"TEXT": "作者是"},
                            {"NAME": {"min": 2, "max": 6, "right": ["，", "等"]}, "NOT": [{"TEXT": ["的"]}], "AS": "Person"}],
                 subject=2, object=0)
    units = _units(("三体", "Publication"), ("作者是", ""), ("刘", ""), ("慈欣", ""), ("，", ""), ("获奖", ""))
    assert match_rule(rule, units) == [(4, {0: 0, 1: 1, 2: 2, ~2: 4})]  # ~2: where the name ends
    # no boundary after the run, a run too long, or a token the run may not hold: no name
    assert not match_rule(rule, _units(("三体", "Publication"), ("作者是", ""), ("刘", ""), ("慈欣", ""), ("获得了大奖", "")))
    assert not match_rule(rule, _units(("三体", "Publication"), ("作者是", ""), ("一位", ""), ("非常", ""), ("著名的", ""), ("作家", "")))
    assert not match_rule(rule, _units(("三体", "Publication"), ("作者是", ""), ("他", ""), ("的", ""), ("，", "")))
    # the sentence end is a boundary too
    assert match_rule(rule, _units(("三体", "Publication"), ("作者是", ""), ("刘", ""), ("慈欣", "")))


def test_rules_name_slot_left_boundary_and_entities(tmp_path):
    left = _rule(tmp_path, [{"NAME": {"left": ["，"]}, "AS": "Organization"}, {"ENT": "Role"}, {"ENT": "Person"}],
                 subject=2, object=0)
    units = _units(("据悉", ""), ("，", ""), ("辉煌", ""), ("水暖", ""), ("董事长", "Role"), ("王建业", "Person"))
    assert [caps[0] for _, caps in match_rule(left, units)] == [2]  # never the shorter 水暖
    ent = _rule(tmp_path, [{"TEXT": "作者是"}, {"NAME": {"entity": True}, "AS": "Person"}], subject=1, object=0)
    assert match_rule(ent, _units(("作者是", ""), ("巴金", "Location")))
    plain = _rule(tmp_path, [{"TEXT": "作者是"}, {"NAME": {}, "AS": "Person"}], subject=1, object=0)
    assert not match_rule(plain, _units(("作者是", ""), ("巴金", "Location")))


@pytest.mark.parametrize("name,message", [
    ({"NAME": {}}, "a NAME needs AS"),
    ({"NAME": {"min": 5, "max": 2}, "AS": "Person"}, "min and max"),
    ({"NAME": {"size": 2}, "AS": "Person"}, "NAME must be an object"),
    ({"NAME": {}, "AS": "Person", "TEXT": "x"}, "unknown key(s) ['TEXT'] in a NAME"),
])
def test_rules_bad_name_slot(tmp_path, name, message):
    p = _write(tmp_path, [{**GOOD, "pattern": [{"ENT": "Organization"}, {"TEXT": "发布"}, name]}])
    with pytest.raises(PatternError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        read_rules(p)


def test_rules_name_slot_maximal_and_lead(tmp_path):
    rule = _rule(tmp_path, [{"NAME": {"maximal": True, "lead": ["Location"]}, "NOT": [{"TEXT": ["要数"]}, {"POS": ["p"]}],
                             "AS": "Organization"}, {"ENT": "Role"}, {"ENT": "Person"}], subject=2, object=0)
    # a place the recognizer found opens the school's name; the run is taken whole, never a tail of it
    units = _units(("，", ""), ("荔湾区", "Location"), ("实验", ""), ("小学", ""), ("校长", "Role"), ("刘纯健", "Person"))
    assert [(caps[0], caps[~0]) for _, caps in match_rule(rule, units)] == [(1, 4)]
    after_p = (Unit(0, 1, "在", "p"),) + _units(("棠湖", ""), ("中学", ""), ("校长", "Role"), ("刘凯", "Person"))
    assert [caps[0] for _, caps in match_rule(rule, after_p)] == [1]
    # a department right after a recognized organization is part of it, not an organization
    assert not match_rule(rule, _units(("中国青年报", "Organization"), ("评论部", ""), ("主任", "Role"),
                                       ("冯雪梅", "Person")))


def test_rules_start_anchors_the_sentence_topic(tmp_path):
    rule = _rule(tmp_path, [{"START": True}, {"ENT": "Organization"}, {"GAP": 6, "CROSS": ["，", "Organization"]},
                            {"TEXT": "位于"}, {"ENT": "Location"}], subject=1, object=4)
    units = _units(("甲公司", "Organization"), ("，", ""), ("由", ""), ("乙公司", "Organization"), ("投资", ""),
                   ("，", ""), ("位于", ""), ("沈阳", "Location"))
    assert [caps[1] for _, caps in match_rule(rule, units)] == [0]  # never 乙公司, named in passing
    assert not match_rule(rule, (Unit(0, 1, "据", "p"),) + units)
    with pytest.raises(PatternError, match="START must be"):
        _rule(tmp_path, [{"ENT": "Organization"}, {"START": True}, {"ENT": "Location"}], subject=0, object=2)


def test_rules_gap_not_may_list_token_objects(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Organization"}, {"GAP": 3, "NOT": [{"POS": ["v"]}, {"TEXT": ["前"]}]},
                            {"ENT": "Role"}, {"ENT": "Person"}], subject=3, object=0)
    assert match_rule(rule, _units(("小米", "Organization"), ("新生态", ""), ("总监", "Role"), ("董红光", "Person")))
    assert not match_rule(rule, _units(("OpenAI", "Organization"), ("前", ""), ("研究员", "Role"), ("列维", "Person")))


def test_rules_maximal_name_never_starts_inside_a_name(tmp_path):
    rule = _rule(tmp_path, [{"NAME": {"maximal": True}, "NOT": [{"POS": ["v"]}], "AS": "Organization"},
                            {"ENT": "Role"}, {"ENT": "Person"}], subject=2, object=0)
    # 盛视天 (a verb to the tagger) may be the name's first word: no truncated 橙传媒 is read
    units = (Unit(0, 3, "盛视天", "v"), Unit(3, 6, "橙传媒", "n"), Unit(6, 9, "创始人", "n", "Role", None, ("创始人",)),
             Unit(9, 11, "陈嵩", "", "Person", Mention("a", 9, 11, "陈嵩", "Person")))
    assert not match_rule(rule, units)
    # after a function word or a verb of office the name starts
    units = (Unit(0, 2, "现任", "v"),) + units[1:]
    assert [caps[0] for _, caps in match_rule(rule, units)] == [1]


def test_rules_maximal_name_takes_ordinals_whole(tmp_path):
    rule = _rule(tmp_path, [{"NAME": {"maximal": True}, "NOT": [{"POS": ["p"]}], "AS": "Organization"},
                            {"ENT": "Role"}, {"ENT": "Person"}], subject=2, object=0)
    # 三一 is a numeral the run may hold: the name is 三一重装, never 重装 alone
    units = (Unit(0, 1, "，", "x"), Unit(1, 3, "三一", "m"), Unit(3, 5, "重装", "n"),
             Unit(5, 8, "总经理", "n", "Role", None, ("总经理",)),
             Unit(8, 11, "张志宏", "", "Person", Mention("a", 8, 11, "张志宏", "Person")))
    assert [(caps[0], caps[~0]) for _, caps in match_rule(rule, units)] == [(1, 3)]


def test_rules_name_suffix_requires_an_ending(tmp_path):
    rule = _rule(tmp_path, [{"ENT": "Organization"}, {"TEXT": "位于"}, {"NAME": {"suffix": ["市", "开发区"]}, "AS": "Location"}],
                 subject=0, object=2)
    assert match_rule(rule, _units(("甲公司", "Organization"), ("位于", ""), ("沧州", ""), ("市", "")))
    assert not match_rule(rule, _units(("甲公司", "Organization"), ("位于", ""), ("耳塞", ""), ("正后方", "")))


def test_rules_not_before_must_be_a_list_of_plain_tokens(tmp_path):
    import json as _json

    from kg.errors import PatternError
    from kg.rules import read_rules

    base = {"id": "r1", "relation": "locatedIn", "pattern": [{"ENT": "Organization"}, {"ENT": "Location"}],
            "subject": 0, "object": 1}
    for bad in ({"TEXT": "的"}, [], [{"GAP": 2}]):
        f = tmp_path / "relations.jsonl"
        f.write_text(_json.dumps({**base, "not_before": bad}, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(PatternError, match="not_before"):
            read_rules(f)
    f.write_text(_json.dumps({**base, "not_before": [{"TEXT": "的"}, {"ENT": "Organization"}]}) + "\n", encoding="utf-8")
    (rule,) = read_rules(f)
    assert len(rule.not_before) == 2
