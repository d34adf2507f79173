"""The slide deck and the PDF brief as a person sees them: rendered by LibreOffice (the deck) and
poppler (both) to PDF and PNG, then every word's box checked: on the page, not over another
word, and at least the smallest size allowed (18 pt on slides, 9 pt in the brief).

LibreOffice and poppler come from Debian's packages; .ci/run installs them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dashboard import exports

pytestmark = pytest.mark.slow
SHOTS = Path(__file__).resolve().parents[2] / "results" / "screenshots"
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
LINE_HEIGHT = 1.3  # a word's box is about 1.3 times its font size (DejaVu Sans, as rendered by poppler)

for tool in ("soffice", "pdftotext", "pdftoppm"):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian's libreoffice-impress and poppler-utils; .ci/run installs "
                    "them)", allow_module_level=True)


def pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each page's width, height and words with their boxes (points, from the top left)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h), [(*map(float, m[:4]), m[4]) for m in WORD.findall(body)])
            for w, h, body in PAGE.findall(html)]


def problems(pdf: Path, min_pt: float) -> list[str]:
    """Words off the page, over another word, or smaller than `min_pt`."""
    found = []
    for n, (width, height, words) in enumerate(pages(pdf), 1):
        for x0, y0, x1, y1, text in words:
            if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
                found.append(f"page {n}: {text!r} off the page")
            if (y1 - y0) / LINE_HEIGHT < min_pt - 0.5:
                found.append(f"page {n}: {text!r} at {(y1 - y0) / LINE_HEIGHT:.1f} pt")
        found += [f"page {n}: {a[4]!r} over {b[4]!r}" for i, a in enumerate(words) for b in words[i + 1:]
                  if overlap(a, b)]
    return found


def overlap(a: tuple, b: tuple) -> bool:
    """Two words drawn over each other. The boxes of wrapped lines touch (a box is taller than the
    line pitch), so it takes more than 40 % of the lower box's height to count."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    return across > 1 and down > 0.4 * min(a[3] - a[1], b[3] - b[1])


def to_png(pdf: Path, name: str) -> list[Path]:
    """Every page as a PNG under results/screenshots/, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob(f"{name}-*.png"):
        old.unlink()  # from an earlier run with more pages
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(SHOTS / name)], check=True, timeout=120)
    return sorted(SHOTS.glob(f"{name}-*.png"))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_deck_renders_at_18_pt_and_nothing_overflows(two_scenarios, tmp_path, lang):
    deck = tmp_path / f"deck_{lang}.pptx"
    deck.write_bytes(exports.pptx_deck(two_scenarios, lang))
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"  # a fresh profile: no shared lock
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   check=True, capture_output=True, timeout=300)
    pdf = tmp_path / f"deck_{lang}.pdf"
    assert not problems(pdf, 18)
    width, height, _ = pages(pdf)[0]
    assert abs(width / height - 16 / 9) < 0.01
    assert len(to_png(pdf, f"deck_{lang}")) == len(pages(pdf))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_brief_renders_and_nothing_overflows(comparison, tmp_path, lang):
    pdf = tmp_path / f"brief_{lang}.pdf"
    pdf.write_bytes(exports.pdf_brief(comparison, lang))
    # Matplotlib's embedded fonts give poppler taller boxes than LibreOffice's, and its symbol
    # glyphs (€, ▲) boxes of their own: sizes are checked on the figures below, not here.
    assert not [p for p in problems(pdf, 0) if "over" not in p or not re.search(r"'.' over|over '.'", p)]
    assert len(to_png(pdf, f"brief_{lang}")) == len(exports.brief_pages(comparison, lang))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_brief_has_no_text_below_9_pt(comparison, lang):
    sizes = []
    for draw in exports.brief_pages(comparison, lang):
        fig = draw()
        sizes += [text.get_fontsize() for text in fig.findobj(exports.plt.Text) if text.get_text().strip()]
        exports.plt.close(fig)
    assert min(sizes) >= 9
