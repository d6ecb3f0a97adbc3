"""The type evidence besides NER (:mod:`kg.extract.types` sets the cues, :mod:`kg.resolve.type_vote` weighs them): a
module of its own, importing nothing, so the cross-article merge votes without loading spaCy."""
from __future__ import annotations

# cue -> (type it argues for, weight); one NER label counts 2
CUE_TYPES: dict[str, tuple[str, int]] = {
    "title": ("Person", 6),         # a role written before the name: "Defense Secretary Jim Mattis"
    "kin": ("Person", 6),           # "Trump's wife"
    "person-verb": ("Person", 4),   # subject of a verb of cognition or life: "X thinks", "X resigned"
    "given-name": ("Person", 1),    # "Donald Trump": a known given name first (weak: "Fan Expo Canada")
    "given-name-person": ("Person", 0),  # both on one mention: "Defense Secretary Jim Mattis" (never an org)
    # a given name that is no English word first and a last word of no dictionary ("Bianca Jagger", "Ursula
    # Bauer"; not "Leanne Press", "Russian Wikipedia"): with "given-name" it outweighs one NER label
    "given-name-surname": ("Person", 2),
    # a given name first and the last word written alone in the article ("Fran Crippen ... Crippen told"):
    # set by in-article resolution (kg.resolve.entities), which sees the article's other names
    "surname-alone": ("Person", 4),
    "org-suffix": ("Organization", 6),   # "Acme Corp", "Justice Department"
    "known-place": ("Place", 4),    # a country, US state or city of a million people
    "place-suffix": ("Place", 6),   # "Millbank Tower", "Oxley Highway", "Santos Avenue"
    "place-prefix": ("Place", 6),   # "Punta de Lobos", "Isla Mocha", "Puerto Montt"
    "publisher": ("Organization", 6),   # the source of a cited story: '"Title" — Edmonton Sun, August 16, 2008'
    # the text says what the name is ("Minetest is an open-source game", "Traralgon, a town in Victoria,"):
    # a definition outweighs NER (kg.resolve.type_vote.decide)
    "defined-product": ("Product", 6),
    "defined-organization": ("Organization", 6),
    "defined-place": ("Place", 6),
    "defined-work": ("Work", 6),
    "defined-person": ("Person", 6),    # "the girl, Aiyana Jones,", "X, a pensioner,"
}
DEFINED = {cue: kind for cue, (kind, _) in CUE_TYPES.items() if cue.startswith("defined-")}
NER_WEIGHT = 2
