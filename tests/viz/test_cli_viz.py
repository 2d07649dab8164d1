"""`twingraph viz` as a user runs it."""

from __future__ import annotations

from pathlib import Path

from twingraph.store import EmbeddedStore


def test_viz_writes_a_partnership_page(cli, viz_store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "dz.html"
    done = cli("viz", "--partnership", "dortmund, Schytomyr", "--out", str(out), "--store", str(viz_store.path))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"wrote {out}")
    page = out.read_text(encoding="utf-8")
    assert "<title>The partnership of Dortmund and Zhytomyr</title>" in page


def test_viz_focus_on_a_city(cli, viz_store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "dortmund.html"
    done = cli("viz", "--focus", "Dortmund", "-q", "--out", str(out), "--store", str(viz_store.path))
    assert done.returncode == 0 and done.stderr == ""
    page = out.read_text(encoding="utf-8")
    assert "Dortmund and its partner cities" in page and "Amiens" in page and "Leeds" in page


def test_viz_unknown_city_is_one_line_and_exit_2(cli, viz_store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("viz", "--focus", "Atlantis", "--out", str(tmp_path / "x.html"), "--store", str(viz_store.path))
    assert done.returncode == 2
    assert done.stderr.strip() == "error: unknown city 'Atlantis': no label or mention in the store matches it"
    assert not (tmp_path / "x.html").exists()


def test_viz_needs_an_existing_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("viz", "--store", str(tmp_path / "nothing"))
    assert done.returncode == 2
    assert "no store at" in done.stderr


def test_viz_knows_every_spelling_the_resolver_knows(cli, viz_store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "zd.html"
    done = cli("viz", "--partnership", "Житомир,Dortmund", "--out", str(out), "--store", str(viz_store.path))
    assert done.returncode == 0, done.stderr
    assert "<title>The partnership of Zhytomyr and Dortmund</title>" in out.read_text(encoding="utf-8")


def test_viz_checks_the_output_folder_before_the_work(cli, viz_store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "missing" / "page.html"
    done = cli("viz", "--out", str(out), "--store", str(viz_store.path))
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: no folder {out.parent} to write page.html into"
    done = cli("viz", "--out", str(tmp_path), "--store", str(viz_store.path))
    assert done.returncode == 2 and "is a folder" in done.stderr
    done = cli("viz", "--out", str(out), "--store", str(tmp_path / "no-store"))  # said before the store is opened
    assert done.stderr.strip() == f"error: no folder {out.parent} to write page.html into"
