"""Screenshots of the web pages (story list, the seed story on a laptop and a phone, its charts, search).

    .venv/bin/python benchmarks/screenshots.py [--db FILE] [--out docs/screenshots]

Without --db it ingests examples/seeds/ into a throwaway database first.
Needs Debian's chromium (/usr/bin/chromium) and the test extra (playwright).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from storyline.config import Settings
from storyline.service.library import ingest
from storyline.service.workspace import Workspace
from storyline.web.app import create_app
from storyline.web.background import chromium_context, running

REPO = Path(__file__).resolve().parents[1]
LAPTOP = {"width": 1400, "height": 900}


def capture(db: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(Settings(db_path=db), comparison_wait_s=600)  # screenshots of compared stories
    saved = []
    with running(app) as base, chromium_context(viewport=LAPTOP) as context:
        page = context.new_page()
        page.goto(base + "/")
        story_href = page.locator("a.story-link").first.get_attribute("href")
        shots = [  # (file, page, viewport, whole page?): the long story page only as far as the viewport
            ("stories.png", "/", LAPTOP, True),
            ("story.png", story_href, {"width": 1400, "height": 1600}, False),
            ("story-phone.png", story_href, {"width": 390, "height": 1400}, False),
            ("search.png", "/search?q=Kanani", LAPTOP, True),
        ]
        for name, path, viewport, full_page in shots:
            page.set_viewport_size(viewport)
            page.goto(base + path)
            page.screenshot(path=out / name, full_page=full_page)
            saved.append(out / name)
        page.set_viewport_size(LAPTOP)
        page.goto(base + story_href)
        page.locator("section.timeline").scroll_into_view_if_needed()
        page.screenshot(path=out / "story-charts.png", full_page=False)
        saved.append(out / "story-charts.png")
        page.set_viewport_size(LAPTOP)
        page.goto(base + story_href)
        page.locator(".column .claim.shared").first.click()  # a selected claim and its counterparts
        page.screenshot(path=out / "story-selected.png")
        saved.append(out / "story-selected.png")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="library to show (default: the seeds, ingested now)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-shots-") as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "seeds.db"
            with Workspace(Settings(db_path=db)) as ws:
                ingest(ws, [REPO / "examples" / "seeds"])
        for path in capture(db, args.out):
            print(path)


if __name__ == "__main__":
    main()
