"""
PNGs of the learner's main states, taken from the real page.

    python scripts/screenshots.py [--out docs/screenshots]

Starts the workbench the way `make run` does (scripts/run_workbench.py, here
on a free port with a throwaway --home, so no local state leaks in), drives
Debian's chromium through Playwright, and writes:

    empty.png      before the first submission (the empty customer map)
    feedback.png   after a first attempt (the README shows this one)
    exhausted.png  attempts used up: why each missed group matters, the takeaway
    error.png      an empty answer refused
    phone.png      the feedback at 360 px wide
    zoom-200.png   the feedback at 200 % zoom of a 1280 px window

A PNG whose picture is unchanged is left alone (not rewritten), so the
README's tracked images change only when the view does.
"""
import argparse
import shutil
import struct
import tempfile
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright

from run_workbench import serving

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCENARIO = "customer_tenet.1"  # two attempts, so all the states appear
FIRST = "our insureds\nbrokers\nmy boss\nthe weather"
SECOND = FIRST + "\nthe claims department\nmy coworkers"


def picture(png):
    """
    A PNG's size, pixel format and decompressed image data: the same for the
    same picture from one encoder, whatever the compression or metadata.
    """
    header, data, position = b"", [], 8  # after the PNG signature
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        body = png[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            data.append(body)
        position += 12 + length  # length, type, body, CRC
    return header, zlib.decompress(b"".join(data))


def save_if_changed(png, path):
    """Write the PNG unless the file already holds the same picture. Returns whether it wrote."""
    if path.exists() and picture(path.read_bytes()) == picture(png):
        return False
    path.write_bytes(png)
    return True


class Learner:
    def __init__(self, browser, base, student, **context):
        self.page = browser.new_context(**{"viewport": {"width": 1100, "height": 900}, **context}).new_page()
        self.page.goto(f"{base}/scenario/{SCENARIO}/?student={student}")
        self.block = self.page.locator(".customer-tenet")
        self.block.locator(".ct-map-picture .ct-you").wait_for()

    def submit(self, answer):
        self.block.get_by_label("Your customers", exact=True).fill(answer)
        self.block.get_by_role("button", name="Submit").click()
        self.block.locator(".ct-submit:not([aria-busy])").wait_for()

    def shoot(self, path):
        self.page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        # The whole page, clipped to the block: an element screenshot would scroll under the workbench's fixed header.
        box = self.block.bounding_box()
        scroll = self.page.evaluate("({x: window.scrollX, y: window.scrollY})")
        margin = 8
        clip = {"x": max(box["x"] + scroll["x"] - margin, 0), "y": max(box["y"] + scroll["y"] - margin, 0),
                "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin}
        png = self.page.screenshot(full_page=True, clip=clip, animations="disabled", caret="hide")
        print(path if save_if_changed(png, path) else f"{path} (unchanged)")
        self.page.context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home, serving(Path(home)) as (_process, base):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            Learner(browser, base, "shots-empty").shoot(args.out / "empty.png")

            learner = Learner(browser, base, "shots-learner")
            learner.submit(FIRST)
            learner.shoot(args.out / "feedback.png")
            learner = Learner(browser, base, "shots-learner")  # reload: the saved state comes back
            learner.submit(SECOND)
            learner.block.locator(".ct-group-why").first.wait_for()
            learner.shoot(args.out / "exhausted.png")

            learner = Learner(browser, base, "shots-error")
            learner.submit("  ")
            learner.block.locator(".ct-error").wait_for()
            learner.shoot(args.out / "error.png")

            learner = Learner(browser, base, "shots-phone", viewport={"width": 360, "height": 740},
                              device_scale_factor=2)
            learner.submit(FIRST)
            learner.shoot(args.out / "phone.png")

            # 200 % zoom of a 1280 px window: a 640 css px viewport drawn with two device pixels per css px.
            learner = Learner(browser, base, "shots-zoom", viewport={"width": 640, "height": 450},
                              device_scale_factor=2)
            learner.submit(FIRST)
            learner.shoot(args.out / "zoom-200.png")
            browser.close()


if __name__ == "__main__":
    main()
