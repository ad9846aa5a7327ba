"""A dyad series as a chart for reports: events per period stacked by quad class, the mean PLOVER score as
a line on its own axis (-10..+10). PNG or SVG by the file's suffix; matplotlib is the `charts` extra.

    draw(dyad_series(store, "CHN", "RUS", by="quarter"), "chn-rus.svg")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from entente.errors import EntenteError
from entente.store.dyad import QUADS

COLOURS = {"verbal cooperation": "#9ecae1", "material cooperation": "#3182bd", "verbal conflict": "#fdae6b",
           "material conflict": "#e6550d"}


def draw(series: dict[str, Any], path: str) -> None:
    """Write the chart of `series` (as `dyad_series` returns it) to `path` (.png or .svg)."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise EntenteError(f"{path}: a chart is written as .png or .svg")
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only, never a window
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as e:
        raise EntenteError("charts need matplotlib, which is not installed: pip install 'entente[charts]'") from e

    periods = series["periods"]
    labels = [p["period"] for p in periods]
    x = list(range(len(periods)))
    fig, ax = plt.subplots(figsize=(max(7.0, min(16.0, 0.25 * len(periods) + 4)), 5.0))
    try:
        bottom = [0] * len(periods)
        for q in QUADS:
            heights = [p["quads"][q] for p in periods]
            ax.bar(x, heights, bottom=bottom, color=COLOURS[q], label=q, width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_ylabel("events")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max([1, *bottom]) * 1.1)
        step = max(1, len(labels) // 24)  # at most about 24 labels under the axis
        ax.set_xticks(x[::step], labels[::step], rotation=60 if len(labels) > 8 else 0, ha="right", fontsize=8)
        score = ax.twinx()
        # a period without events has no score: the line breaks there
        means = [float("nan") if p["mean_score"] is None else p["mean_score"] for p in periods]
        score.plot(x, means, color="black", marker="o", markersize=3, linewidth=1.2, label="mean PLOVER score")
        score.axhline(0, color="grey", linewidth=0.6, linestyle=":")
        score.set_ylim(-10, 10)
        score.set_ylabel("mean PLOVER score (conflict -10 … +10 cooperation)")
        arrow = "↔" if series["both"] else "→"
        ax.set_title(f"{series['actor']} {arrow} {series['recipient']}, by {series['by']}: "
                     f"{series['total']['events']} events\n(not negated; a cluster of reports counts once)",
                     fontsize=10)
        handles, names = ax.get_legend_handles_labels()
        more, more_names = score.get_legend_handles_labels()
        fig.legend(handles + more, names + more_names, fontsize=8, loc="lower center", ncol=3, frameon=False)
        fig.tight_layout(rect=(0, 0.1, 1, 1))
        fig.savefig(path, format=suffix[1:])
    finally:
        plt.close(fig)
