"""Charts drawn on the server as SVG: no JavaScript, a title and description for screen readers,
and every bar labelled with its value, so nothing depends on colour or on reading a scale.

A chart always sits beside its table, never instead of it.
"""

from __future__ import annotations

from html import escape
from itertools import count

from markupsafe import Markup

ROW = 28
BAR = 18
LABEL_WIDTH = 250
BAR_WIDTH = 260
VALUE_WIDTH = 60
_ids = count(1)


def bar_chart(title: str, items: list[tuple[str, float | int | str]], unit: str = "") -> Markup:
    """A horizontal bar chart of `items` (label, value). Values that are not numbers (such as
    "<5" or "N/A") are shown as text with no bar: a suppressed figure is never drawn."""
    chart_id = f"chart-{next(_ids)}"
    numbers = [v for _, v in items if isinstance(v, (int, float))]
    largest = max(numbers, default=0) or 1
    height = ROW * max(1, len(items)) + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    described = "; ".join(f"{label}: {value}{unit if isinstance(value, (int, float)) else ''}"
                          for label, value in items) or "No figures"
    parts = [
        f'<svg class="portal-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(described)}</desc>',
    ]
    for index, (label, value) in enumerate(items):
        y = index * ROW + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 4}" text-anchor="end" '
            f'class="portal-chart__label">{escape(_short(str(label)))}</text>'
        )
        shown = f"{value}{unit}" if isinstance(value, (int, float)) else str(value)
        length = (value / largest) * BAR_WIDTH if isinstance(value, (int, float)) and value > 0 else 0
        if length:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR}" '
                f'class="portal-chart__bar"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR - 4}" '
            f'class="portal-chart__value">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    # Every label and value is escaped above; the rest is our own markup.
    return Markup("".join(parts))  # nosec B704


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
