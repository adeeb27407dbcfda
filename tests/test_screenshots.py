"""`make screenshots` rewrites a tracked image only when its picture changed."""
import struct
import zlib

from screenshots import save_if_changed


def png(pixels, level=6):
    """A small RGB PNG; `level` changes the bytes of the file but not its picture."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\0" + bytes(row) for row in pixels)
    header = struct.pack(">IIBBBBB", len(pixels[0]) // 3, len(pixels), 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, level))
            + chunk(b"IEND", b""))


WHITE = [[255] * 6] * 2
GREY = [[255, 255, 255, 128, 128, 128]] + [[255] * 6]


def test_the_same_picture_encoded_differently_leaves_the_file_alone(tmp_path):
    target = tmp_path / "feedback.png"
    target.write_bytes(png(WHITE, level=9))
    before = target.stat().st_mtime_ns
    assert png(WHITE, level=1) != png(WHITE, level=9)
    assert not save_if_changed(png(WHITE, level=1), target)
    assert target.read_bytes() == png(WHITE, level=9) and target.stat().st_mtime_ns == before


def test_a_changed_or_new_picture_is_written(tmp_path):
    target = tmp_path / "feedback.png"
    assert save_if_changed(png(WHITE), target)
    assert save_if_changed(png(GREY), target)
    assert target.read_bytes() == png(GREY)
