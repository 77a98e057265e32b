"""A file that says, in Dutch, why the file asked for could not be made.

A download is made only when it is clicked, after the page has been drawn, so the page can no
longer show a message. Instead the user gets a file of the type they asked for that opens
with the message in it, never nothing.
"""

from __future__ import annotations

import html
import io

import openpyxl

MELDING = (
    "Dit bestand kon niet worden gemaakt door een fout in de verkenner. Er is niets gewijzigd. "
    "Probeer het opnieuw; lukt het dan nog niet, meld het aan de beheerder met de tijd van het downloaden."
)


def foutbestand(extensie: str, melding: str = MELDING) -> bytes:
    if extensie == "xlsx":
        werkmap = openpyxl.Workbook()
        werkmap.active.title = "Fout"
        werkmap.active["A1"] = melding
        buffer = io.BytesIO()
        werkmap.save(buffer)
        return buffer.getvalue()
    if extensie == "csv":
        return ("Melding\r\n" + '"' + melding.replace('"', '""') + '"\r\n').encode("utf-8-sig")
    if extensie == "svg":
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><text x="10" y="35" '
            f'font-family="sans-serif" font-size="14">{html.escape(melding)}</text></svg>'
        ).encode()
    if extensie == "html":
        return f'<!DOCTYPE html><html lang="nl"><meta charset="utf-8"><p>{html.escape(melding)}</p></html>'.encode()
    if extensie == "png":
        import vl_convert as vlc

        spec = {"width": 900, "height": 60, "mark": {"type": "text", "fontSize": 14, "align": "left", "x": 5},
                "data": {"values": [{"t": melding}]}, "encoding": {"text": {"field": "t"}}}
        return vlc.vegalite_to_png(spec)
    return melding.encode()
