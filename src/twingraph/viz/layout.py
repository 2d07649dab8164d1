"""Positions for networks too large for in-browser physics: cities where they are on the map.

The twin-town table (`data/twin-towns/cities.csv`) gives latitude and longitude by city and country name;
cities without coordinates sit beside a located partner, or in a grid under the map when they have none.
"""

from __future__ import annotations

import csv
import math
import zlib
from pathlib import Path

import networkx as nx

from twingraph.resources import data_dir

VENDOR = Path(__file__).resolve().parent / "vendor"
SCALE = 40.0  # canvas units per degree of longitude
Position = tuple[float, float]


def default_coordinates_file() -> Path:
    return data_dir() / "twin-towns" / "cities.csv"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def read_coordinates(path: Path) -> dict[tuple[str, str | None], Position]:
    """(city, ISO country code) -> (lat, lon); also (city, None) for names found in one country only."""
    from twingraph.gazetteer.countries import Countries

    countries = Countries(data_dir() / "gazetteer" / "countries.tsv")
    located: dict[tuple[str, str | None], Position] = {}
    seen_in: dict[str, set[str | None]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            name, code = _fold(row["city"]), countries.code(row.get("country"))
            located[(name, code)] = (lat, lon)
            located.setdefault((name, None), (lat, lon))
            seen_in.setdefault(name, set()).add(code)
    for name, codes in seen_in.items():
        if len(codes) > 1:
            del located[(name, None)]
    return located


def _project(lat: float, lon: float) -> Position:
    """Equirectangular, with latitude stretched towards the poles a little (Miller-like) for readability."""
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(max(min(lat, 80.0), -80.0)) * 0.4))) / 0.4
    return (lon * SCALE, -y * SCALE)


def geographic_layout(network: nx.Graph, coordinates: dict[tuple[str, str | None], Position]) -> dict[str, Position]:
    """Canvas positions for every city node of `network` (attributes `label`, `country`)."""
    positions: dict[str, Position] = {}
    for node, data in network.nodes(data=True):
        name, code = _fold(data["label"]), data.get("country")
        found = coordinates.get((name, code.upper() if code else None)) or coordinates.get((name, None))
        if found:
            positions[node] = _project(*found)
    unplaced = [n for n in network if n not in positions]
    for round_ in range(2):  # next to located partners (twice: partners of partners)
        still = []
        for node in unplaced:
            anchors = [positions[m] for m in network.neighbors(node) if m in positions]
            if anchors:
                angle = (zlib.crc32(node.encode()) % 360) * math.pi / 180
                x = sum(a[0] for a in anchors) / len(anchors) + math.cos(angle) * SCALE * (1 + round_)
                y = sum(a[1] for a in anchors) / len(anchors) + math.sin(angle) * SCALE * (1 + round_)
                positions[node] = (x, y)
            else:
                still.append(node)
        unplaced = still
    return positions | grid_layout(unplaced, top=100 * SCALE)


def grid_layout(nodes: list[str], top: float = 0.0, spacing: float = SCALE) -> dict[str, Position]:
    """Nodes on a grid: what is left when nothing says where a city is."""
    columns = max(1, math.ceil(math.sqrt(len(nodes) * 4)))
    origin = -columns * spacing / 2
    return {
        node: (origin + (i % columns) * spacing, top + (i // columns) * spacing) for i, node in enumerate(sorted(nodes))
    }


def country_outlines(path: Path | None = None, tolerance: float = 1.5) -> list[list[int]]:
    """Country borders and coasts as polylines in canvas units (x, y, x, y, ...), one per TopoJSON arc.

    The arcs of world-atlas's `countries-50m.json` (Natural Earth, vendored) are each border once; drawn as
    lines they outline every country without filling anything. Points within `tolerance` canvas units of the
    simplified line are dropped (Douglas-Peucker; 1.5 units is about 4 km), which halves what a page carries.
    """
    import json

    topology = json.loads((path or VENDOR / "countries-50m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    lines: list[list[int]] = []

    def finish(points: list[Position]) -> None:
        kept = _simplify(points, tolerance)
        if len(kept) >= 2:
            lines.append([round(v) for point in kept for v in point])

    for arc in topology["arcs"]:
        qx = qy = 0
        points: list[Position] = []
        last_lon = None
        for dx, dy in arc:  # quantized and delta-encoded
            qx, qy = qx + dx, qy + dy
            lat, lon = qy * sy + ty, qx * sx + tx
            # the projection stops at 80°, and an arc along the antimeridian would cross the whole map: break there
            if abs(lat) > 80 or (last_lon is not None and abs(lon - last_lon) > 90):
                finish(points)
                points, last_lon = [], None
                if abs(lat) > 80:
                    continue
            points.append(_project(lat, lon))
            last_lon = lon
        finish(points)
    return lines


def _simplify(points: list[Position], tolerance: float) -> list[Position]:
    """Douglas-Peucker, iteratively: the fewest points that keep the line within `tolerance`."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, index = 0.0, 0
        for i in range(first + 1, last):
            x, y = points[i]
            distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]
