"""Which story an article joins: the similarity of two articles and the linkage rule, with no database in sight.

Two articles are compared by

    score = cosine(title + lead embeddings) + ACTORS * Jaccard(named actors) + EVENTS * [a shared event cluster]
            + LANGUAGES * [written in different languages]

Named actors are the people, organizations and groups an article mentions (countries and places are left out:
nearly every article on Russia mentions RUS); a shared event cluster (entente.store.clusters) means both
articles report one real-world event. The last term corrects a bias of the model: the same content in two
languages scores lower than in one (median cosine of hand-labelled same-happening pairs 0.896 across ru/uk,
0.929 within one language; of different happenings 0.834 and 0.858).

An article joins a story when its publication day keeps the story within WINDOW days from first to last
article, and the average of its scores with every article of the story reaches THRESHOLD (average linkage); of
several stories, the best (then the smallest id). Else it starts a story of its own. Articles are taken in
the order they were stored, and one never changes story.

Measured on BSNLP news with hand-labelled pairs (bench/stories.py, EVALUATION.md): the date window matters
most; within it, actors and event clusters add little and large weights hurt (every article of one topic
names the same people, so they glue a topic's different happenings into one story), hence the small
weights. Complete linkage (every pair above the threshold) splits stories, single linkage chains them
into topic-sized ones once evidence is added; average linkage sits between and was best.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

THRESHOLD = 0.9  # average score at and above which an article joins a story
ACTORS = 0.05  # weight of the Jaccard similarity of two articles' named actors
EVENTS = 0.05  # weight of a shared event cluster
LANGUAGES = 0.02  # added to the score of two articles in different languages
WINDOW = 3  # days from a story's first to its last article
LINKAGES = ("average", "complete", "single")


@dataclass(frozen=True)
class Params:
    """The rule's constants, as one value (the benchmark varies them; the store uses the defaults)."""

    threshold: float = THRESHOLD
    actors: float = ACTORS
    events: float = EVENTS
    languages: float = LANGUAGES
    window: int = WINDOW
    linkage: str = "average"

    def __post_init__(self) -> None:
        if self.linkage not in LINKAGES:
            raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}, not {self.linkage!r}")


DEFAULT = Params()


@dataclass(frozen=True, eq=False)
class Member:
    """One article as story matching sees it. `day` is its publication date as a day number (None: not dated
    to the day), `vector` its unit-length embedding (None: not embedded)."""

    article_id: str
    day: int | None
    vector: np.ndarray | None  # a story of several articles holds only members with one
    actors: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    lang: str | None = None


def day_number(published: str | None) -> int | None:
    """A YYYY-MM-DD publication date as a day number; None for a coarser or missing one."""
    if not published or len(published) != 10:
        return None
    try:
        return dt.date.fromisoformat(published).toordinal()
    except ValueError:
        return None


@dataclass
class Story:
    """A story as matching sees it: its day span and its articles (those with a vector)."""

    id: str  # the article id of its first article
    first: int | None
    last: int | None
    members: list[Member] = field(default_factory=list)
    stored: bool = False
    _matrix: np.ndarray | None = None

    def admits(self, day: int, window: int) -> bool:
        return self.first is not None and self.last is not None and max(self.last, day) - min(self.first, day) <= window

    def vectors(self) -> np.ndarray:
        if self._matrix is None or len(self._matrix) != len(self.members):
            self._matrix = np.stack([m.vector for m in self.members])  # type: ignore[misc]
        return self._matrix

    def add(self, m: Member) -> None:
        self.members.append(m)
        if m.day is not None and self.first is not None and self.last is not None:
            self.first, self.last = min(self.first, m.day), max(self.last, m.day)


def scores(m: Member, story: Story, params: Params) -> np.ndarray:
    """The pair scores of an article with each article of a story."""
    assert m.vector is not None
    found = story.vectors() @ m.vector
    if params.actors and m.actors:
        found = found + params.actors * np.array([_jaccard(m.actors, o.actors) for o in story.members])
    if params.events and m.events:
        found = found + params.events * np.array([bool(m.events & o.events) for o in story.members], dtype=np.float32)
    if params.languages and m.lang:
        found = found + params.languages * np.array([bool(o.lang and o.lang != m.lang) for o in story.members],
                                                    dtype=np.float32)
    return found


def linkage(m: Member, story: Story, params: Params) -> float:
    found = scores(m, story, params)
    if params.linkage == "complete":
        return float(found.min())
    return float(found.max() if params.linkage == "single" else found.mean())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class Assigned:
    """The stories of one batch of articles."""

    stories: dict[str, tuple[str, float | None]] = field(default_factory=dict)  # article -> (story, score)
    new: list[Story] = field(default_factory=list)
    touched: list[Story] = field(default_factory=list)  # stored stories that gained articles


def assign(batch: Iterable[Member], stored: Sequence[Story], params: Params = DEFAULT) -> Assigned:
    """Give each article, in order, a story: the best one it may join among `stored` and those this batch has
    started, else a new one. An article without a day or an embedding always starts its own."""
    by_first: dict[int, list[Story]] = {}
    for s in stored:
        if s.first is not None:
            by_first.setdefault(s.first, []).append(s)
    out, touched = Assigned(), {}
    for m in batch:
        best: tuple[float, str, Story] | None = None
        if m.day is not None and m.vector is not None:
            for d in range(m.day - params.window, m.day + params.window + 1):
                for s in by_first.get(d, ()):
                    if s.admits(m.day, params.window):
                        score = linkage(m, s, params)
                        if score >= params.threshold and (best is None or (-score, s.id) < (-best[0], best[1])):
                            best = (score, s.id, s)
        if best is None:
            story = Story(m.article_id, m.day, m.day, [m])
            out.new.append(story)
            if m.day is not None:
                by_first.setdefault(m.day, []).append(story)
            out.stories[m.article_id] = (story.id, None)
            continue
        score, _, story = best
        first = story.first
        story.add(m)
        if story.first != first and first is not None:  # re-indexed under its new first day
            by_first[first].remove(story)
            by_first.setdefault(story.first, []).append(story)  # type: ignore[arg-type]
        if story.stored:
            touched[story.id] = story
        out.stories[m.article_id] = (story.id, round(score, 4))
    out.touched = list(touched.values())
    return out
