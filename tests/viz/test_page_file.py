"""The page as a file: self-contained, UTF-8, and source text only ever as escaped JSON data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from twingraph.errors import UserError
from twingraph.store import EmbeddedStore
from twingraph.viz import write_partnership_html, write_store_html
from twingraph.viz.html import json_for_script


def test_json_for_script_cannot_close_the_script_element() -> None:
    text = json_for_script({"evidence": '</script><script>alert(1)</script> & " onmouseover="x'})
    assert "</" not in text and "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"evidence": '</script><script>alert(1)</script> & " onmouseover="x'}


def test_partnership_page_is_self_contained(viz_store: EmbeddedStore, tmp_path: Path) -> None:
    out = write_partnership_html(viz_store, tmp_path / "p.html", cities=("Dortmund", "Zhytomyr"))
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert "connect-src 'none'" in page  # the page may not fetch anything, even if a script tried
    assert page.count("<script") == 3  # data, vis-network, page script: all inline
    assert "<title>The partnership of Dortmund and Zhytomyr</title>" in page
    data = json.loads(re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S)[1])
    labels = {n["label"].split("\n")[0] for n in data["nodes"]}
    assert {"Dortmund", "Zhytomyr", "Solidarity partnership", "Svitlana Olshanska"} <= labels
    assert "Amiens" not in labels  # another partnership of Dortmund


def test_pages_are_utf8_with_umlauts_and_cyrillic(viz_store: EmbeddedStore, tmp_path: Path) -> None:
    page = write_store_html(viz_store, tmp_path / "all.html").read_bytes().decode("utf-8")
    assert "Dnipro" in page and "Дніпр" in page  # a mention as written in the Ukrainian article
    assert "Büro für Internationale Beziehung der Stadt Dortmund" in page


def test_unknown_city_and_bad_partnership_are_user_errors(viz_store: EmbeddedStore, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown city 'Atlantis'"):
        write_store_html(viz_store, tmp_path / "x.html", focus="Atlantis")
    with pytest.raises(UserError, match="two cities"):
        write_store_html(viz_store, tmp_path / "x.html", partnership=["Dortmund"])
