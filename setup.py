"""Build hook: the wheel carries the ontology, the query library and the data the commands read.

They live at the top of the checkout (ontology/, queries/, data/), where the project edits them; building a
wheel copies them into the package as twingraph/_bundled/, which twingraph.resources prefers when it is there.
Editable installs skip the copy and read the checkout itself. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# folder in the checkout -> what of it ships (the dev evaluation set and gold facts stay in the checkout)
BUNDLED = {
    "ontology": ("*.ttl", "*.jsonld"),
    "queries": ("*.rq",),
    "data/articles": ("*",),
    "data/gazetteer": ("*",),
    "data/twin-towns": ("*",),
}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "twingraph" / "_bundled"
        for folder, patterns in BUNDLED.items():
            source = HERE / folder
            if not source.is_dir():
                raise SystemExit(f"cannot bundle {folder}: no such folder beside setup.py")
            for pattern in patterns:
                for path in sorted(source.glob(pattern)):
                    if path.is_file():
                        copy = target / folder / path.name
                        copy.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, copy)


setup(cmdclass={"build_py": BuildWithData})
