"""docs/notebook.ipynb runs from top to bottom on the demo store, in a real kernel (nbclient + ipykernel)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebook.ipynb"

pytestmark = pytest.mark.slow


def outputs_of(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.append(data.get("text/html", "") + data.get("text/plain", ""))
    return "\n".join(parts)


def test_notebook_runs_on_the_demo_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    monkeypatch.setenv("TWINGRAPH_STORE", str(tmp_path / "store"))  # the kernel inherits it
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    text = [outputs_of(cell) for cell in code]
    assert text[0].strip().endswith("triples")
    assert "partners-of" in text[1] and "graph-edges" not in text[1]
    assert "<td>Zhytomyr</td>" in text[2] and "<td>solidarity</td>" in text[2]
    assert "solidarity" in text[3]
    assert "2023-09-24 visit" in text[4]
    assert "cities" in text[5] and "Dortmund" in text[5]
    assert text[6].lstrip().startswith("<iframe srcdoc=")
    assert not any(output.get("output_type") == "error" for cell in code for output in cell.get("outputs", []))
