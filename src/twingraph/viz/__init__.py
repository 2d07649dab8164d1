"""NetworkX -> interactive HTML: self-contained pages (vendored vis-network) with a time slider, filters,
search and the provenance of every fact.

    write_partnership_html(store, Path("out/dortmund-zhytomyr.html"), cities=("Dortmund", "Zhytomyr"))
"""

from twingraph.viz.views import write_partnership_html, write_store_html

__all__ = ["write_partnership_html", "write_store_html"]
