"""The one look of every chart the bot draws: sizes, colours, the 1-5 scale, labels, PNG.

Charts are built with matplotlib's object API on the Agg canvas (no pyplot and no global
rcParams), so that several threads can draw at once; everything that makes them look alike
is set here, per figure and per axes. matplotlib is imported by the first figure(), so that
importing the charts costs nothing until one is drawn.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

DPI = 100
FONT = 9.5
SMALL = 8.5
TITLE = 11
TITLE_WIDTH = 70  # characters of a title line before it wraps, at most
TITLE_CHARS_PER_INCH = 7.5  # characters of a title that fit in an inch of the figure
LABEL_MAX = 38  # characters of a bar's label before it is shortened
TEXT = "#222222"
MUTED = "#5f6b7a"
GRID = "#e3e6ea"
BEFORE = "#8c96a3"
AFTER = "#1d4f91"
SCALE_MIN = 1
SCALE_MAX = 5


def figure(width: float, height: float) -> Figure:
    """Return an empty figure of width x height inches, laid out to fit its labels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    made = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(made)
    return made


def style(axes: Axes, *, grid: Literal["x", "y"] | None = None) -> None:
    """Give axes the common look: no top and right frame, small ticks, an optional light grid.

    grid is "x" or "y" for light lines behind the data along that axis, or None.
    """
    axes.spines[["top", "right"]].set_visible(False)
    axes.spines[["left", "bottom"]].set_color(MUTED)
    axes.tick_params(labelsize=FONT, colors=TEXT)
    axes.set_axisbelow(True)
    if grid is not None:
        axes.grid(axis=grid, color=GRID, linewidth=0.8)


def wrap(text: str, width: int = TITLE_WIDTH) -> str:
    """Break a title into lines of at most width characters, never inside "2027-01 – 2027-02"."""
    kept = text.replace(" – ", "\u00a0–\u00a0")
    lines = textwrap.wrap(kept, width, break_on_hyphens=False, break_long_words=False)
    return "\n".join(lines).replace("\u00a0", " ") or text


def title(axes: Axes, text: str) -> None:
    """Set a chart's title, left-aligned and wrapped to the figure's width."""
    inches = float(axes.get_figure(root=True).get_size_inches()[0])  # type: ignore[union-attr]
    width = min(TITLE_WIDTH, int(inches * TITLE_CHARS_PER_INCH))
    axes.set_title(wrap(text, width), fontsize=TITLE, color=TEXT, loc="left")


def short(text: str, limit: int = LABEL_MAX) -> str:
    """Shorten a label to limit characters, ending with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scale_axis(axes: Axes, label: str, *, axis: str = "x") -> None:
    """Draw the 1-5 knowledge scale as what it is: from 1 to 5, every step marked."""
    steps = list(range(SCALE_MIN, SCALE_MAX + 1))
    if axis == "x":
        axes.set_xlim(SCALE_MIN - 0.25, SCALE_MAX + 0.25)
        axes.set_xticks(steps)
        axes.set_xlabel(label, fontsize=FONT, color=TEXT)
    else:
        axes.set_ylim(SCALE_MIN - 0.25, SCALE_MAX + 0.25)
        axes.set_yticks(steps)
        axes.set_ylabel(label, fontsize=FONT, color=TEXT)


def label_bars(axes: Axes, bars: BarContainer, labels: Sequence[str], **options: Any) -> None:
    """Write a value label at the end of each bar."""
    axes.bar_label(bars, labels=list(labels), padding=3, fontsize=SMALL, color=TEXT, **options)


def whole_numbers(axes: Axes) -> None:
    """Mark only whole numbers on the y axis (counts)."""
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def png(drawn: Figure) -> bytes:
    """Render a figure as PNG bytes."""
    buffer = io.BytesIO()
    drawn.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
