"""Payload -> one self-contained HTML file: vendored vis-network, the page script and the data inline.

The page loads nothing from the network. Source text reaches it only as JSON data in a
`<script type="application/json">` block, with every `<`, `>` and `&` escaped, so an article quoting
`</script>` or `" onmouseover=` stays text.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from twingraph.errors import UserError
from twingraph.viz.payload import Payload

HERE = Path(__file__).resolve().parent
VIS_JS = HERE / "vendor" / "vis-network.min.js"
TIMELINE_JS = HERE / "vendor" / "vis-timeline-graph2d.min.js"  # fact pages only: the world map has no time axis


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element or open markup: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline_script(path: Path) -> str:
    code = path.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise ValueError(f"{path.name} cannot be inlined: it contains </script or <!--")
    return code


def render(payload: Payload) -> str:
    """The whole page as text."""
    parts = {
        "TITLE": html.escape(payload.title),
        "CSS": (HERE / "page.css").read_text(encoding="utf-8"),
        # vis-timeline first: vis-network, loaded after it, keeps `vis.DataSet` its own
        "VIS_JS": "\n;\n".join(
            _inline_script(path) for path in ((TIMELINE_JS, VIS_JS) if payload.mode == "facts" else (VIS_JS,))
        ),
        "APP_JS": _inline_script(HERE / "page.js"),
        "DATA": json_for_script(payload.as_json_data()),
    }
    template = (HERE / "page.html").read_text(encoding="utf-8")
    return re.sub(r"%%([A-Z_]+)%%", lambda m: parts[m[1]], template)  # one pass: inserted text is not rescanned


def check_output_path(out_path: Path) -> None:
    """A user error now, before any work, when the page could not be written where asked."""
    out_path = Path(out_path)
    if out_path.is_dir():
        raise UserError(f"{out_path} is a folder; give a file name for the page, e.g. {out_path / 'graph.html'}")
    if out_path.parent.exists() and not out_path.parent.is_dir():
        raise UserError(f"cannot write {out_path}: {out_path.parent} is not a folder")
    if not out_path.parent.is_dir():
        raise UserError(f"no folder {out_path.parent} to write {out_path.name} into")
    if not os.access(out_path.parent, os.W_OK) or (out_path.exists() and not os.access(out_path, os.W_OK)):
        raise UserError(f"cannot write {out_path}: permission denied")


def write_page(payload: Payload, out_path: Path) -> Path:
    """Write the page as UTF-8; returns its path."""
    out_path = Path(out_path)
    check_output_path(out_path)
    out_path.write_text(render(payload), encoding="utf-8")
    return out_path
