"""Regenerate the SVGs in screenshots/ from the real app on the bundled sample store.

    python scripts/make_screenshots.py

Each scenario drives the app with Pilot key presses, exactly as a user would,
with annotations in a throwaway directory.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.data.annotations import AnnotationStore  # noqa: E402
from tui.data.index import Index  # noqa: E402
from tui.data.store import load_store, sample_store_path  # noqa: E402
from tui.ui.app import BriefingApp  # noqa: E402

# name -> (terminal size, keys pressed before the screenshot)
SCENARIOS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "main-120x36": ((120, 36), ["tab", "down", "down"]),
    "main-80x24": ((80, 24), ["tab", "down", "down"]),
    "filter-80x24": ((80, 24), ["slash", *"kind:state -russia", "enter", "tab"]),
    "actor-facet-120x36": ((120, 36), ["down", "down", "enter", "down"]),
    "note-dialog-80x24": ((80, 24), ["tab", "tab", "n", *"Watch for a NATO statement", "enter", *"before Friday."]),
    "fetch-dialog-80x24": ((80, 24), ["f", *"https://example.org/world/rss.xml"]),
    "help-80x24": ((80, 24), ["question_mark"]),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str], out: Path, notes: Path) -> Path:
    store = notes / "store"  # a copy: the bundled sample store itself is read-only to fetch
    if not store.exists():
        shutil.copytree(sample_store_path(), store)
    app = BriefingApp(Index(load_store(store)), AnnotationStore(notes / f"{name}.jsonl"),
                      store_name="sample store", poll=0)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
    return path


async def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as notes:
        for name, (size, keys) in SCENARIOS.items():
            print(await shoot(name, size, keys, out, Path(notes)))


if __name__ == "__main__":
    asyncio.run(main())
