"""The news gold sets both benches report, in order: label and the file stems of ``bench/gold/*/`` they pool.

The development set has different stems for entities (``simplified``, ``traditional``) and relations
(``news``); every other set has one stem in both folders. See ``bench/gold/entities/README.md``.
"""

from __future__ import annotations

DEVELOPMENT = "development (tuned on)"

BLIND_SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("first blind set (misses looked at since)", ("blind",)),
    ("second blind set (misses studied after its first measurement)", ("blind2",)),
    ("fourth blind set (misses studied after its first measurement)", ("blind4",)),
    ("fifth blind set (misses studied after its first measurement)", ("blind5",)),
    ("seventh blind set (misses studied after its first measurement)", ("blind7",)),
    ("eighth blind set (misses studied after its first measurement)", ("blind8",)),
    ("tenth blind set (misses studied after its first measurement)", ("blind10",)),
    ("twelfth blind set (misses studied after its first measurement)", ("blind12",)),
    ("fourteenth blind set (misses studied after its first measurement)", ("blind14",)),
    ("sixteenth blind set (misses studied after its first measurement)", ("blind16",)),
    ("eighteenth blind set (misses studied after its first measurement)", ("blind18",)),
    ("twentieth blind set (misses studied after its first measurement)", ("blind20",)),
    ("twenty-second blind set (misses studied after its first measurement)", ("blind22",)),
    ("twenty-fourth blind set (misses studied after its first measurement)", ("blind24",)),
    ("twenty-sixth blind set (misses studied after its first measurement)", ("blind26",)),
    ("twenty-eighth blind set (misses studied after its first measurement)", ("blind28",)),
    ("thirtieth blind set (misses studied after its first measurement)", ("blind30",)),
    ("thirty-second blind set (misses studied after its first measurement)", ("blind32",)),
    ("thirty-fourth blind set (misses studied after its first measurement)", ("blind34",)),
    ("thirty-sixth blind set (misses studied after its first measurement)", ("blind36",)),
    ("thirty-eighth blind set (misses studied after its first measurement)", ("blind38",)),
    ("fortieth blind set (misses studied after its first measurement)", ("blind40",)),
    ("forty-second blind set (misses studied after its first measurement)", ("blind42",)),
    ("forty-fourth blind set (misses studied after its first measurement)", ("blind44",)),
    ("forty-sixth blind set (misses studied after its first measurement)", ("blind46",)),
    ("forty-eighth blind set (misses studied after its first measurement)", ("blind48",)),
    ("fiftieth blind set (misses studied after its first measurement)", ("blind50",)),
    ("fifty-second blind set (misses studied after its first measurement)", ("blind52",)),
    ("fifty-fourth blind set (misses studied after its first measurement)", ("blind54",)),
    ("fifty-sixth blind set (misses studied after its first measurement)", ("blind56",)),
    ("fifty-eighth blind set (misses studied after its first measurement)", ("blind58",)),
    ("third blind set (measured, never studied)", ("blind3",)),
    ("sixth blind set (measured, never studied)", ("blind6",)),
    ("ninth blind set (measured, never studied)", ("blind9",)),
    ("eleventh blind set (measured, never studied)", ("blind11",)),
    ("thirteenth blind set (measured, never studied)", ("blind13",)),
    ("fifteenth blind set (measured, never studied)", ("blind15",)),
    ("seventeenth blind set (measured, never studied)", ("blind17",)),
    ("nineteenth blind set (measured, never studied)", ("blind19",)),
    ("twenty-first blind set (measured, never studied)", ("blind21",)),
    ("twenty-third blind set (measured, never studied)", ("blind23",)),
    ("twenty-fifth blind set (measured, never studied)", ("blind25",)),
    ("twenty-seventh blind set (measured, never studied)", ("blind27",)),
    ("twenty-ninth blind set (measured, never studied)", ("blind29",)),
    ("thirty-first blind set (measured, never studied)", ("blind31",)),
    ("thirty-third blind set (measured, never studied)", ("blind33",)),
    ("thirty-fifth blind set (measured, never studied)", ("blind35",)),
    ("thirty-seventh blind set (measured, never studied)", ("blind37",)),
    ("thirty-ninth blind set (measured, never studied)", ("blind39",)),
    ("forty-first blind set (measured, never studied)", ("blind41",)),
    ("forty-third blind set (measured, never studied)", ("blind43",)),
    ("forty-fifth blind set (measured, never studied)", ("blind45",)),
    ("forty-seventh blind set (measured, never studied)", ("blind47",)),
    ("forty-ninth blind set (measured, never studied)", ("blind49",)),
    ("fifty-first blind set (measured, never studied)", ("blind51",)),
    ("fifty-third blind set (measured, never studied)", ("blind53",)),
    ("fifty-fifth blind set (measured, never studied)", ("blind55",)),
    ("fifty-seventh blind set (measured, never studied)", ("blind57",)),
    ("fifty-ninth blind set (measured, never studied)", ("blind59",)),
    ("held-out (annotated from the text alone, never tuned on)", ("heldout",)),
    ("never studied, pooled (held-out, third, sixth, ninth, eleventh, thirteenth, fifteenth, seventeenth, nineteenth, "
     "twenty-first, twenty-third, twenty-fifth, twenty-seventh, twenty-ninth, thirty-first, thirty-third, thirty-fifth, "
     "thirty-seventh, thirty-ninth, forty-first, forty-third, forty-fifth, forty-seventh, forty-ninth, fifty-first, "
     "fifty-third, fifty-fifth, fifty-seventh and fifty-ninth blind sets)",
     ("heldout", "blind3", "blind6", "blind9", "blind11", "blind13", "blind15", "blind17", "blind19", "blind21",
      "blind23", "blind25", "blind27", "blind29", "blind31", "blind33", "blind35", "blind37",
      "blind39", "blind41", "blind43", "blind45", "blind47", "blind49", "blind51", "blind53", "blind55",
      "blind57", "blind59")),
)
"""Every set but the development one; each annotated from the article text alone before kg was run on it."""

ALL = "all gold articles"
