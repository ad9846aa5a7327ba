"""What one BLAS thread changes for natasha's models (entente/nlp/threads.py), in process CPU time.

Run it on a quiet machine and again with the other cores busy (two `python3 -c "while True: pass"`
beside it on this 2-core machine): the BLAS worker threads spin while they wait. The Russian bench-corpus
sentences that hold a common event word are parsed with natasha's
`NewsSyntaxParser`, and the texts themselves tagged with `NewsNERTagger`, once with numpy's BLAS threads as
they come and once limited to the calling thread, document by document in turn.

    .venv/bin/python bench/blas_threads.py [--corpus PATH] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from entente.nlp.sentences import sentences
from entente.nlp.threads import one_blas_thread
from entente.nlp.tokens import tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, load_corpus, machine, revision  # noqa: E402

EVENT_WORDS = ("встре", "перег", "визит", "санкц", "заяви", "обвин", "подде", "подпи", "призв", "угроз", "отказ")


def measure(corpus: Path, limit: int) -> dict:
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser

    texts = [r["text"] for r in load_corpus(corpus) if r.get("lang") == "ru"][:limit]
    docs = []
    for text in texts:
        split = [[t.text for t in tokenize(s, "ru")] for _, _, s in sentences(text)]
        docs.append(sorted((s for s in split if 0 < len(s) <= 120 and any(w.lower()[:5] in EVENT_WORDS for w in s)),
                           key=len))
    emb = NewsEmbedding()
    parser, tagger = NewsSyntaxParser(emb), NewsNERTagger(emb)
    list(parser.map([["Прогрев", "."]]))
    tagger("Прогрев.")
    cpu = {f"{model} {mode}": 0.0 for model in ("parse", "ner") for mode in ("threads", "one thread")}
    for n, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        for mode in (("threads", "one thread") if n % 2 == 0 else ("one thread", "threads")):
            runs = (("parse", lambda d=doc: list(parser.map(d))), ("ner", lambda t=text: tagger(t)))
            for model, run in runs:
                t = time.process_time()
                if mode == "one thread":
                    with one_blas_thread():
                        run()
                else:
                    run()
                cpu[f"{model} {mode}"] += time.process_time() - t
    return {"corpus": str(corpus), "revision": revision(), "machine": machine(), "documents": len(texts),
            "sentences_parsed": sum(map(len, docs)), "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="Russian documents (default: 300)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = measure(args.corpus, args.limit)
    print(json.dumps(r, ensure_ascii=False, indent=1) if args.json else
          f"{r['documents']} documents, {r['sentences_parsed']} sentences parsed; CPU s: {r['cpu_seconds']}")


if __name__ == "__main__":
    main()
