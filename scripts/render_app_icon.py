"""Render resources/icons/app.svg to app.png (256x256) and app.ico (16-256) for the build.

PyInstaller puts app.ico into the Windows program (build.spec); app.png is the Linux one.
Run after changing app.svg (needs only PySide6; works offscreen)::

    QT_QPA_PLATFORM=offscreen python scripts/render_app_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico file of PNG-compressed images (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, offset = b"", 6 + 16 * len(images)
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(images.values())


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS_DIR / "app.svg"
    images = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS_DIR / "app.png").write_bytes(images[256])
    (ICONS_DIR / "app.ico").write_bytes(ico(images))
    print(f"wrote {ICONS_DIR / 'app.png'} and {ICONS_DIR / 'app.ico'} ({len(images)} sizes)")
    del _app
    return 0


if __name__ == "__main__":
    sys.exit(main())
