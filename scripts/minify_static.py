"""
`make minify`: the copies of static/js and static/css that pages load
(static/js/min/, static/css/min/), so that a first view fetches less. Edit the
sources; then run `make minify` (a test fails while a copy is stale).

Nothing is renamed or rewritten: whole comment lines and comment blocks,
indentation and empty lines go, each remaining line stays as written, so a
copy runs as its source does (the browser tests run the copies). No npm step:
a minifier that renames would save little more once the files are gzipped.
"""
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
# A block comment that starts a line (never inside a string or a regular expression: ours have none there).
BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)  # JavaScript only: CSS has no // comments


def minified(text, suffix):
    """The source text without comment lines, indentation or empty lines."""
    text = BLOCK_COMMENT.sub("", text)
    if suffix == ".js":
        text = LINE_COMMENT.sub("", text)
    return "".join(line.strip() + "\n" for line in text.splitlines() if line.strip())


def copies():
    """{source: its minified copy's path} for every script and stylesheet."""
    sources = [*sorted((STATIC / "js").glob("*.js")), *sorted((STATIC / "css").glob("*.css"))]
    return {source: source.parent / "min" / source.name for source in sources}


def main():
    for source, copy in copies().items():
        copy.parent.mkdir(exist_ok=True)
        copy.write_text(minified(source.read_text(encoding="utf-8"), source.suffix), encoding="utf-8")
        print(f"{copy.relative_to(STATIC)}: {source.stat().st_size:,} -> {copy.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
