"""Charts rendered on the server as SVG and PNG (vl-convert), only when a download is asked for."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import vl_convert as vlc

BREEDTE = 900  # pixels; there is no container to take the width from
# vl-convert only knows the fonts installed here. With the generic "sans-serif" it picks
# Liberation Sans, which lacks "◆", and then draws that whole title in DejaVu Serif.
# DejaVu Sans has every glyph the charts use; a browser without it uses its own sans-serif.
EXPORT_FONT = "DejaVu Sans, sans-serif"


def _records(data) -> list[dict]:
    """JSON-safe rows (NaN and NA become null) from a DataFrame or an Arrow table; lists pass through."""
    if isinstance(data, pa.Table):
        data = data.to_pandas()
    if isinstance(data, pd.DataFrame):
        return json.loads(data.to_json(orient="records", date_format="iso", double_precision=15))
    return data


def exportspec(spec: dict) -> dict:
    """A renderable copy of a chart spec: plain records, a fixed width, an available font."""
    config = spec.get("config", {})
    width = spec.get("width")
    return {
        **spec,
        "width": width if isinstance(width, (int, float)) else BREEDTE,
        "datasets": {name: _records(data) for name, data in spec.get("datasets", {}).items()},
        "config": {**config, "font": EXPORT_FONT, "title": {**config.get("title", {}), "font": EXPORT_FONT}},
    }


def grafiek_svg(spec: dict) -> str:
    return vlc.vegalite_to_svg(exportspec(spec))


def grafiek_png(spec: dict, schaal: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(exportspec(spec), scale=schaal)
