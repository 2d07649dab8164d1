"""Where a map puts things: country outlines from the vendored Natural Earth file, in the cities' projection."""

from __future__ import annotations

from twingraph.viz.layout import SCALE, _project, country_outlines


def test_country_outlines_are_in_the_cities_projection() -> None:
    lines = country_outlines()
    assert len(lines) > 1500 and all(len(line) >= 4 and len(line) % 2 == 0 for line in lines)
    xs = [x for line in lines for x in line[0::2]]
    assert min(xs) >= -180 * SCALE and max(xs) <= 180 * SCALE
    # Dortmund (51.51 N, 7.47 E) lies inside the box of the outlines around it, as drawn under the city
    dx, dy = _project(51.51, 7.47)
    near = [(x, y) for line in lines for x, y in zip(line[0::2], line[1::2], strict=True) if abs(x - dx) < 4 * SCALE]
    assert min(y for _, y in near) < dy < max(y for _, y in near)


def test_no_outline_crosses_the_map() -> None:
    """An arc along the antimeridian or clipped at 80° would otherwise draw a line across the whole world."""
    for line in country_outlines():
        steps = [abs(line[i + 2] - line[i]) for i in range(0, len(line) - 2, 2)]
        assert max(steps) < 90 * SCALE
