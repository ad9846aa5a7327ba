"""Reproducible quality figures: gold corpora in, scores out.

    docs = read_corpus("nerel", "../shared/data/nerel/dev")       # corpora.py: GoldDoc readers
    result = evaluate(docs, Recognizer().entities)                # ner.py: exact-span P / R / F1
    print(render_table(result))                                   # or result.to_dict() as JSON

`entente eval ner --format factrueval|ner-uk|nerel PATH` is the command line for the same.
"""

from entente.eval.corpora import FORMATS, SPANS, GoldDoc, read_corpus
from entente.eval.ner import LABELS, NerResult, Score, evaluate, render_table

__all__ = ["FORMATS", "LABELS", "SPANS", "GoldDoc", "NerResult", "Score", "evaluate", "read_corpus", "render_table"]
