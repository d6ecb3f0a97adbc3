"""The viewer in a real headless browser: Debian's chromium driven by Playwright (its own browsers are never
downloaded; ``executable_path`` is the system's chromium). Used by the viewer tests and benchmark."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# WebGL in a headless browser without a GPU: SwiftShader, which chromium only enables on request
CHROMIUM_ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@contextmanager
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def viewer_page(b: Any, page: Path, *, width: int = 1400, height: int = 900, timeout_ms: int = 60_000
                ) -> Iterator[Any]:
    """``page`` opened offline (any request that leaves file:// fails the test), ready to be driven."""
    context = b.new_context(viewport={"width": width, "height": height}, offline=True)
    errors: list[str] = []
    requests: list[str] = []
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    try:
        pg.goto(page.as_uri())
        pg.wait_for_selector("body[data-ready=true], body[data-error]", state="attached", timeout=timeout_ms)
        assert not pg.evaluate("document.body.dataset.error || ''"), pg.evaluate("document.body.dataset.error")
        yield pg
        assert not errors, errors
        assert not requests, f"the viewer fetched {requests[:3]}"
    finally:
        context.close()


def dataset(pg: Any) -> dict[str, str]:
    return pg.evaluate("({...document.body.dataset})")


def centre_offset(pg: Any, node: str) -> float:
    """How far (CSS pixels) the node is drawn from the centre of the graph area, once the camera has stopped."""
    return pg.evaluate("""async (node) => {
        const r = window.kgViewer.renderer;
        while (r.getCamera().isAnimated()) await new Promise(f => setTimeout(f, 50));
        const a = r.getGraph().getNodeAttributes(node), p = r.graphToViewport({x: a.x, y: a.y});
        const {width, height} = r.getDimensions();
        return Math.hypot(p.x - width / 2, p.y - height / 2);
    }""", node)
