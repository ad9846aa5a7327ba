"""Direct-quote spans and speakers (entente.extract.quotes) against annotated corpora, plus the seed pages.

    .venv/bin/python bench/quotes.py [--shared ../shared] [--no-ner] [--json] [--show N]

Corpora (each SOURCE.md tells their format):
- ADAQ Russian (`data/adaq-ru-quotes`, shared part, single sentences). A gold direct quote is the quoted
  stretch of a `content`-tagged run: from its first to its last quote mark (« » paired as such). Gold
  speaker = the sentence's `source` tokens (the tags do not link source to content; most sentences
  have one attribution). People / organizations for the speaker come from natasha's NER (PER / ORG)
  run on each sentence, or none with --no-ner.
- PolNeAR English (`data/polnear`, dev and train; first annotator per article as metadata.tsv lists).
  A gold direct quote is a quoted region (“…” / "…" / ''…'', paired per paragraph, a mark left open runs to
  the paragraph end) at least half covered by some attribution's Content; its speaker is that
  attribution's Source. Quoted regions outside any Content (titles, scare quotes) are negatives. No
  NER is used for English: the speaker comes from the rules alone.

A found quote matches a gold one when their spans, trimmed of spaces and punctuation, overlap by at
least half of their union (IoU >= 0.5); `exact` counts identical trimmed spans. A speaker is right when
the found speaker phrase overlaps the gold source span (so "Mr. Obama" vs "Obama" counts, and a
pronoun counts when gold also marks the pronoun). Gold quotes are marked ones: a quote found without
marks (dash dialogue, speech after a colon, interview answers) inside an annotated content is left out
of the counts, one outside any content counts against precision. Seeds: every gold quote of `gold/seeds.json` must
be found (text starting with `starts_with`); the speaker phrase found is printed beside gold's.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from entente.extract.quotes import QuoteFinder, QuoteSpan

ROOT = Path(__file__).resolve().parents[1]
PUNCT = " \t\n.,;:!?…—–-\"'«»„“”‘’"
Span = tuple[int, int]


def trim(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in PUNCT:
        s += 1
    while e > s and text[e - 1] in PUNCT:
        e -= 1
    return s, e


def iou(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def overlaps(span: Span | None, golds: list[Span]) -> bool:
    return span is not None and any(span[0] < g[1] and g[0] < span[1] for g in golds)


class Score:
    """Counts for one corpus: gold quotes, found quotes, matches, speakers."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.c: dict[str, float] = defaultdict(float)
        self.misses: list[str] = []
        self.extra: list[str] = []
        self.wrong: list[str] = []

    def add(self, text: str, found: list[QuoteSpan], gold: list[tuple[Span, list[Span]]],
            content: list[Span] = ()) -> None:  # type: ignore[assignment]
        """gold: (quote span, source spans) per gold quote. Gold quotes are marked ones; a quote found
        without marks (dash dialogue, speech after a colon) that lies in annotated `content` is right
        but outside that definition, so it is left out of the counts; one outside any content counts
        against precision."""
        found = [q for q in found if q.marked or not _covered(trim(text, q.start, q.end), content)]
        spans = [trim(text, q.start, q.end) for q in found]
        used: set[int] = set()
        self.c["gold"] += len(gold)
        self.c["found"] += len(found)
        for g, sources in gold:
            g = trim(text, *g)
            best = max(range(len(spans)), key=lambda k: iou(spans[k], g), default=-1)
            if best < 0 or iou(spans[best], g) < 0.5:
                self.misses.append(text[g[0]:g[1]][:90])
                continue
            used.add(best)
            self.c["matched"] += 1
            self.c["exact"] += spans[best] == g
            if sources:
                q = found[best]
                sp = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
                self.c["with_source"] += 1
                ok = overlaps(sp, sources)  # type: ignore[arg-type]
                self.c["speaker_ok"] += ok
                if not ok:
                    said = text[sp[0]:sp[1]] if sp else None
                    self.wrong.append(f"{said!r} for {[text[s:e] for s, e in sources]} :: {text[g[0]:g[1]][:60]!r}")
        self.c["true_found"] += len(used)
        self.extra += [text[s:e][:90] for k, (s, e) in enumerate(spans) if k not in used]

    def row(self) -> dict[str, float | str]:
        c = self.c
        rec = c["matched"] / c["gold"] if c["gold"] else 0.0
        prec = c["true_found"] / c["found"] if c["found"] else 0.0
        return {"corpus": self.name, "gold": int(c["gold"]), "found": int(c["found"]), "recall": round(rec, 4),
                "precision": round(prec, 4), "f1": round(2 * rec * prec / (rec + prec), 4) if rec + prec else 0.0,
                "exact": round(c["exact"] / c["matched"], 4) if c["matched"] else 0.0,
                "speaker_n": int(c["with_source"]),
                "speaker_acc": round(c["speaker_ok"] / c["with_source"], 4) if c["with_source"] else 0.0}


def _covered(span: Span, content: list[Span]) -> bool:
    inside = sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in content)
    return inside * 2 >= span[1] - span[0]


def adaq(shared: Path, finder: QuoteFinder, ner: object | None) -> Score:
    base = shared / "data/adaq-ru-quotes"
    with open(base / "ru_sentences.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    tokens: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(base / "ru_tokens.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            tokens[parts[2]].append(('"' if parts[1] == '""""' else parts[1], parts[4]))
    score = Score("adaq-ru")
    for text, sid in rows:
        spans, pos = [], 0
        for tok, tag in tokens[sid]:
            at = text.find(tok, pos)
            if at < 0:
                break
            spans.append((at, at + len(tok), tok, tag))
            pos = at + len(tok)
        if len(spans) < len(tokens[sid]):
            continue  # sentence and tokens do not align: skip rather than guess
        gold = [(q, [(s, e) for s, e, _, tag in spans if tag == "source"]) for q in adaq_quotes(spans)]
        people, orgs = entities(ner, text)
        content = [(s, e) for s, e, _, tag in spans if tag == "content"]
        score.add(text, finder.find(text, "ru", people, orgs), gold, content)
    return score


def adaq_quotes(spans: list[tuple[int, int, str, str]]) -> list[Span]:
    """Quoted stretches of content runs: first to last quote mark of each run."""
    out: list[Span] = []
    run: list[tuple[int, int, str, str]] = []
    for tok in [*spans, (0, 0, "", "None")]:
        if tok[3] == "content":
            run.append(tok)
            continue
        marks = [t for t in run if t[2] in '"«»“”„']
        if len(marks) >= 2 and marks[0][2] in '"«“„':
            out.append((marks[0][1], marks[-1][0]))
        run = []
    return out


def entities(ner: object | None, text: str) -> tuple[list[Span], list[Span]]:
    if ner is None:
        return [], []
    from natasha import Doc

    segmenter, tagger = ner  # type: ignore[misc]
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return ([(s.start, s.stop) for s in doc.spans if s.type == "PER"],
            [(s.start, s.stop) for s in doc.spans if s.type == "ORG"])


def polnear(shared: Path, part: str, finder: QuoteFinder, timing: list[float]) -> Score:
    base = shared / "data/polnear"
    order: dict[str, list[str]] = {}
    with open(base / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            order[row["filename"]] = row["annotators"].split("|")
    anns: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((base / part / "attributions").glob("*.ann")):
        anns[path.stem.rsplit("_", 1)[0]].append(path)
    score = Score(f"polnear-{part}")
    for name, paths in sorted(anns.items()):
        rank = order.get(name, [])
        path = min(paths, key=lambda p: rank.index(p.stem.rsplit("_", 1)[1]) if p.stem.rsplit("_", 1)[1] in rank
                   else len(rank))
        text = (base / part / "text" / f"{name}.txt").read_text(encoding="utf-8")
        contents = read_ann(path)
        gold = []
        for region in polnear_regions(text):
            best, cover = None, 0
            for content, sources in contents:
                c = sum(max(0, min(e, region[1]) - max(s, region[0])) for s, e in content)
                if c > cover:
                    best, cover = sources, c
            if best is not None and cover * 2 >= region[1] - region[0]:
                gold.append((region, best))
        t0 = time.perf_counter()
        found = finder.find(text, "en")
        timing.append(time.perf_counter() - t0)
        score.add(text, found, gold, [span for spans, _ in contents for span in spans])
    return score


def read_ann(path: Path) -> list[tuple[list[Span], list[Span]]]:
    """(content spans, source spans) per attribution of a brat .ann file."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, [(int(a), int(b)) for a, b in (p.split() for p in where.split(";"))])
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("E"):
            roles = dict(r.split(":", 1) for r in line.split("\t")[1].split() if ":" in r)
            content = spans.get(roles.get("Content", ""), ("", []))[1]
            source = spans.get(roles.get("Source", ""), ("", []))[1]
            if content:
                out.append((content, source))
    return out


def polnear_regions(text: str) -> list[Span]:
    """Quoted regions of an English text, paired simply per paragraph: “, or a ” / " / '' standing before
    a word, opens; ” or " or '' after a word closes. A mark left open runs to the paragraph end."""
    out: list[Span] = []
    pos = 0
    for para in text.split("\n"):
        opened = -1
        for i, ch in enumerate(para):
            if ch == "'" and (para[i + 1:i + 2] != "'" or para[i - 1:i] == "'"):
                continue  # an apostrophe, or the second half of ''
            width = 2 if ch == "'" else 1
            before = para[i - 1] if i else " "
            after = para[i + width] if i + width < len(para) else " "
            opens = ch == "“" or ch in '”"\'' and (before.isspace() or before in "(—-") and not after.isspace()
            if opened < 0 and opens:
                opened = pos + i + width
            elif opened >= 0 and ch in '”"\'':
                out.append((opened, pos + i))
                opened = -1
        if opened >= 0:
            out.append((opened, pos + len(para)))
        pos += len(para) + 1
    return [r for r in out if r[1] > r[0]]


def seeds(shared: Path, finder: QuoteFinder, ner: object | None, timing: list[float]) -> dict:
    gold = json.loads((shared / "gold/seeds.json").read_text(encoding="utf-8"))
    rows = []
    for doc in gold["documents"]:
        text = (shared / "seeds" / doc["file"]).read_text(encoding="utf-8")
        people, orgs = entities(ner, text)
        t0 = time.perf_counter()
        found = finder.find(text, doc["lang"], people, orgs)
        timing.append(time.perf_counter() - t0)
        for g in doc["quotes"]:
            hit = next((q for q in found if q.text.startswith(g["starts_with"])), None)
            phrase = None
            if hit and hit.speaker_start is not None:
                phrase = text[hit.speaker_start:hit.speaker_end]
                if hit.speaker_kind == "pronoun" and people:
                    ante = finder.antecedent(text, doc["lang"], hit.speaker_start, people)
                    phrase += f" -> {text[ante[0]:ante[1]]}" if ante else ""
            rows.append({"file": doc["file"], "starts_with": g["starts_with"], "found": hit is not None,
                         "gold_speaker": g["speaker"], "speaker": phrase,
                         "kind": hit.speaker_kind if hit else None})
    return {"quotes": len(rows), "found": sum(r["found"] for r in rows), "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-ner", action="store_true", help="no natasha NER for the Russian corpora and seeds")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print up to N missed quotes and wrong speakers per corpus")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data/polnear").is_dir():
        print(f"quotes: corpora not found under {shared}", file=sys.stderr)
        return 2
    ner = None
    if not args.no_ner:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter

        ner = (Segmenter(), NewsNERTagger(NewsEmbedding()))
    finder = QuoteFinder()
    timing: list[float] = []
    scores = [adaq(shared, finder, ner), polnear(shared, "dev", finder, timing),
              polnear(shared, "train", finder, timing)]
    seed = seeds(shared, finder, ner, timing)
    speed = {"articles": len(timing), "ms_per_article": round(1000 * sum(timing) / len(timing), 3),
             "ms_max": round(1000 * max(timing), 3)}
    if args.json:
        print(json.dumps({"corpora": [s.row() for s in scores], "seeds": seed, "speed": speed,
                          "ner": "natasha" if ner else None}, ensure_ascii=False))
        return 0
    cols = ["corpus", "gold", "found", "recall", "precision", "f1", "exact", "speaker_n", "speaker_acc"]
    print(" ".join(f"{c:>11}" for c in cols))
    for s in scores:
        print(" ".join(f"{v:>11}" for v in s.row().values()))
        for label, lines in (("missed", s.misses), ("not gold", s.extra), ("speaker", s.wrong)):
            for line in lines[:args.show]:
                print(f"    {label}: {line}")
    print(f"\nseeds: {seed['found']}/{seed['quotes']} gold quotes found (NER: {'natasha' if ner else 'none'})")
    for r in seed["rows"]:
        mark = "ok " if r["found"] else "MISS"
        print(f"  {mark} {r['file'][:3]} {r['starts_with'][:40]:<40} gold={r['gold_speaker']!s:<16} "
              f"found={r['speaker']}")
    print(f"\nspeed: {speed['ms_per_article']} ms per article (max {speed['ms_max']} ms) "
          f"over {speed['articles']} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
