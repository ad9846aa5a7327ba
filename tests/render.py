"""A whole analysis as readable text, for golden files: a reviewer sees any change at a glance."""

from __future__ import annotations

from entente.models import Analysis


def render(a: Analysis) -> str:
    head = [f"{k}: {getattr(a, k)}" for k in ("file", "lang", "title", "published", "source")]
    removed = [f"  - line {r.line:>3} [{r.reason}] {r.text}" for r in a.removed]
    paragraphs = [f"  [{p.start}:{p.end} {p.lang}] {a.text[p.start:p.end]}" for p in a.paragraphs]
    return "\n".join([*head, "removed:", *removed, "paragraphs:", *paragraphs, *render_record(a)]) + "\n"


def render_record(a: Analysis) -> list[str]:
    actors = [f"  {x.id} | {x.name} | {x.type} {x.country or '-'} {x.sector or '-'} | "
              + "; ".join(m.text for m in x.mentions) for x in a.actors]
    quotes = [f"  [{q.start}:{q.end}] {q.speaker or '?'} ({q.speaker_text or '-'}){' partial' if q.partial else ''}: "
              f"{q.text}" for q in a.quotes]
    events = []
    for e in a.events:
        flags = " ".join(x for x in ("NEGATED" if e.negated else "", e.modality if e.modality != "asserted" else "")
                         if x)
        events.append(f"  {e.type}{'/' + e.mode if e.mode else ''} {','.join(e.actor) or '-'} -> "
                      f"{','.join(e.recipient) or '-'} date={e.date} at={e.location} {flags} "
                      f"ctx={','.join(e.context) or '-'} [{e.trigger}] {e.sentence}")
    return ["actors:", *actors, "quotes:", *quotes, "events:", *events]
