"""Charts: static, accessible SVG drawn at build time.

The geometry is computed here; `templates/chart.html` writes the SVG with
Jinja's autoescaping, so any text (labels, titles) is escaped like every other
piece of data. Each chart carries <title> and <desc> for screen readers and is
meant to sit next to a table holding the same numbers. Nothing is fetched:
no script, no font, no external reference.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from nianbao.model.tables import number
from nianbao.site.render import render

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 36

Value = int | Decimal | None


@dataclass(frozen=True)
class Chart:
    id: str  # unique on its page, ASCII
    title: str
    desc: str
    categories: tuple[str, ...]  # one group of bars each (years, or labels)
    series: tuple[tuple[str, tuple[Value, ...]], ...]  # name and one value per category


def _fmt(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `maximum`, at most count + 1 of them."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    top = math.ceil(maximum / step) * step
    return [i * step for i in range(round(top / step) + 1)]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "chart"


def bar_chart(chart: Chart) -> Markup:
    """Vertical grouped bars: one group per category, one bar per series, a legend on top."""
    values = [float(v) for _, vs in chart.series for v in vs if v is not None]
    low = min([0.0, *values])
    ticks = nice_ticks(max([0.0, *values]))
    if low < 0:  # 本年增/减 can be negative
        step = ticks[1] - ticks[0]
        ticks = [-(i * step) for i in range(math.ceil(-low / step), 0, -1)] + ticks
    height = 300
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    span = (ticks[-1] - ticks[0]) or 1.0

    def y(v: float) -> float:
        return TOP + plot_h * (ticks[-1] - v) / span

    n_cat, n_ser = max(len(chart.categories), 1), max(len(chart.series), 1)
    group_w = plot_w / n_cat
    bar_w = group_w * 0.8 / n_ser
    bars = []
    for s, (name, vs) in enumerate(chart.series):
        for c, v in enumerate(vs):
            if v is None:
                continue
            x = LEFT + c * group_w + group_w * 0.1 + s * bar_w
            top, base = y(max(float(v), 0.0)), y(min(float(v), 0.0))
            bars.append(
                {
                    "x": _fmt(x),
                    "y": _fmt(top),
                    "w": _fmt(max(bar_w - 1, 1)),
                    "h": _fmt(max(base - top, 0.5)),
                    "fill": PALETTE[s % len(PALETTE)],
                    "tip": f"{chart.categories[c]} {name}：{number(v)}",
                }
            )
    legend = [
        {"x": _fmt(LEFT + i * (plot_w / n_ser)), "tx": _fmt(LEFT + i * (plot_w / n_ser) + 16), "fill": PALETTE[i % len(PALETTE)], "name": name}
        for i, (name, _) in enumerate(chart.series)
    ]
    return Markup(
        render(
            "chart.html",
            id=_slug(chart.id),
            title=chart.title,
            desc=chart.desc,
            width=WIDTH,
            height=height,
            left=LEFT,
            right=_fmt(WIDTH - RIGHT),
            ticks=[{"y": _fmt(y(t)), "text": _fmt(t)} for t in ticks],
            zero=_fmt(y(0.0)),
            bars=bars,
            labels=[{"x": _fmt(LEFT + (c + 0.5) * group_w), "text": t} for c, t in enumerate(chart.categories)],
            label_y=_fmt(height - BOTTOM + 18),
            legend=legend,
        )
    )


def describe(categories: Sequence[str], series: Sequence[tuple[str, Sequence[Value]]]) -> str:
    """A plain-language description with every number, for screen readers."""
    parts = []
    for name, vs in series:
        points = "，".join(f"{c} {number(v)}" for c, v in zip(categories, vs, strict=True) if v is not None)
        parts.append(f"{name}：{points}")
    return "；".join(parts) + "。"
