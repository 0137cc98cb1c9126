"""Workbooks as other programs write them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

DIMENSION = re.compile(rb"<dimension [^>]*/>")


def with_bogus_dimension(source: Path, target: Path) -> Path:
    """``source`` with every sheet saying ``<dimension ref="A1"/>``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", item.filename):
                if DIMENSION.search(data):
                    data = DIMENSION.sub(b'<dimension ref="A1"/>', data, count=1)
                else:
                    data = data.replace(b"<sheetViews", b'<dimension ref="A1"/><sheetViews', 1)
                assert b'<dimension ref="A1"/>' in data, item.filename
            dst.writestr(item, data)
    return target
