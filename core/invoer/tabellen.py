"""The entry's preview, the history of a figure and the audit log as Dutch tables (screen, text and CSV).

One place for these tables: the page shows them, the command-line import prints them, and the
audit log download writes them (formula-safe, through core.export.tabellen).
"""

from __future__ import annotations

import pandas as pd

from core.export.tabellen import csv_bytes
from core.invoer.voorbeeld import Voorbeeld
from core.model.consistency import Bevinding
from core.tekst import formatting as fmt
from core.tekst.tabellen import DATUM, GETAL, TEKST, Kolom

WIJZIGINGEN = {"cijfer": "Cijfer", "oud": "Nu", "nieuw": "Wordt", "verschil": "Verschil", "herkomst": "Bron (wordt)"}
EFFECTEN = {"cijfer": "Kerncijfer (basisscenario)", "nu": "Op de huidige gegevens", "straks": "Met deze invoer"}
BEVINDINGEN = {"omschrijving": "Bevinding", "ernst": "Soort", "bron": "Gerapporteerd in", "berekening": "Berekend uit"}


def wijzigingen_frame(v: Voorbeeld) -> pd.DataFrame:
    return pd.DataFrame(
        [{"cijfer": w.cijfer, "oud": w.oud or "nieuw cijfer", "nieuw": w.nieuw,
          "verschil": w.verschil or ("geen" if w.oud is not None else ""),
          "herkomst": w.nieuwe_herkomst + (" (gewijzigd)" if w.herkomst_gewijzigd else "")}
         for w in v.wijzigingen],
        columns=list(WIJZIGINGEN),
    ).rename(columns=WIJZIGINGEN)


def effecten_frame(v: Voorbeeld) -> pd.DataFrame:
    rijen = []
    for e in v.effecten:
        if e.label_nu == e.label_straks:
            rijen.append({"cijfer": e.label_nu, "nu": e.nu, "straks": e.straks})
        else:  # the figure moves to another half year or deadline: name both
            rijen.append({"cijfer": e.label_straks or e.label_nu,
                          "nu": f"{e.label_nu}: {e.nu}" if e.label_nu else "(nog niet)",
                          "straks": f"{e.label_straks}: {e.straks}" if e.label_straks else "(gerealiseerd, geen prognose meer)"})
    return pd.DataFrame(rijen, columns=list(EFFECTEN)).rename(columns=EFFECTEN)


def bevindingen_frame(bevindingen: list[Bevinding]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"omschrijving": b.omschrijving, "ernst": b.ernst, "bron": b.bron_gerapporteerd, "berekening": b.bronnen_berekening}
         for b in bevindingen],
        columns=list(BEVINDINGEN),
    ).rename(columns=BEVINDINGEN)


def als_tekst(v: Voorbeeld) -> str:
    """The whole preview as plain text, for the command line: the same content as the page."""
    if v.fouten:
        return "Er is niets opgeslagen. Los deze fouten op:\n" + "\n".join(f"- {f.tekst}" for f in v.fouten)
    delen = ["Wat verandert:", _tekstblok(wijzigingen_frame(v)), "",
             "Gevolgen voor de kerncijfers (basisscenario):", _tekstblok(effecten_frame(v).loc[lambda f: f.iloc[:, 1] != f.iloc[:, 2]]
                                                                     if len(v.effecten) else effecten_frame(v))]
    if v.documenten:
        delen += ["", "Nieuwe documenten: " + "; ".join(f"{d.bron_id} ({d.titel})" for d in v.documenten)]
    if v.bevindingen:
        delen += ["", "Bevindingen van de controles (opslaan vraagt een uitleg):", _tekstblok(bevindingen_frame(v.bevindingen))]
    else:
        delen += ["", "De controles vinden niets nieuws."]
    return "\n".join(delen)


def _tekstblok(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "  (geen)"
    return "\n".join("  " + " | ".join(f"{k}: {v}" for k, v in rij.items() if v) for rij in frame.to_dict("records"))


VERSIES = {
    "versie": Kolom("Dataversie", GETAL),
    "ingelezen_op": Kolom("Opgeslagen op", DATUM),
    "tijd": Kolom("Tijd"),
    "omschrijving": Kolom("Wat"),
    "wie": Kolom("Wie"),
    "gebruiker_id": Kolom("Account"),
    "rol": Kolom("Rol"),
    "reden": Kolom("Reden"),
    "reden_bevindingen": Kolom("Uitleg bij bevindingen"),
    "soort": Kolom("Soort"),
    "cijfers": Kolom("Aantal cijfers", GETAL),
}

AUDIT = {
    "versie": Kolom("Dataversie", GETAL),
    "ingelezen_op": Kolom("Opgeslagen op", DATUM),
    "tijd": Kolom("Tijd"),
    "wie": Kolom("Wie"),
    "gebruiker_id": Kolom("Account"),
    "rol": Kolom("Rol"),
    "soort_versie": Kolom("Soort versie"),
    "reden": Kolom("Reden"),
    "reden_bevindingen": Kolom("Uitleg bij bevindingen"),
    "tabel": Kolom("Tabel"),
    "sleutel": Kolom("Cijfer"),
    "waarde": Kolom("Waarde", TEKST),
    "vervallen": Kolom("Vervallen"),
    "bron_id": Kolom("Bron"),
    "sectie": Kolom("Sectie"),
    "peildatum": Kolom("Peildatum"),
    "soort": Kolom("Soort cijfer"),
    "toelichting": Kolom("Toelichting"),
}

GESCHIEDENIS = {
    "versie": Kolom("Dataversie", GETAL),
    "ingelezen_op": Kolom("Opgeslagen op", DATUM),
    "waarde": Kolom("Waarde"),
    "vervallen": Kolom("Vervallen"),
    "bron_id": Kolom("Bron"),
    "sectie": Kolom("Sectie"),
    "peildatum": Kolom("Peildatum"),
    "soort": Kolom("Soort"),
    "wie": Kolom("Wie"),
    "reden": Kolom("Reden"),
}

SOORT_VERSIE = {"start": "startdata", "invoer": "invoer", "terugdraaien": "teruggedraaid"}


def _tijd(frame: pd.DataFrame) -> pd.DataFrame:
    uit = frame.copy()
    momenten = pd.to_datetime(uit["ingelezen_op"])
    uit["tijd"] = momenten.dt.strftime("%H:%M")
    uit["ingelezen_op"] = momenten.dt.date
    return uit


def versies_frame(versies: pd.DataFrame) -> pd.DataFrame:
    uit = _tijd(versies)
    uit["soort"] = uit["soort"].map(SOORT_VERSIE).fillna(uit["soort"])
    return uit[list(VERSIES)]


def audit_frame(rijen: pd.DataFrame) -> pd.DataFrame:
    uit = _tijd(rijen)
    uit["waarde"] = [fmt.getal(w, 0 if float(w).is_integer() else 2) for w in uit["waarde"]]
    uit["vervallen"] = ["ja" if v else "nee" for v in uit["vervallen"].fillna(False)]
    uit["soort_versie"] = uit["soort_versie"].map(SOORT_VERSIE).fillna(uit["soort_versie"])
    uit["peildatum"] = [fmt.peildatum(p) for p in uit["peildatum"]]
    return uit[list(AUDIT)]


def audit_csv(rijen: pd.DataFrame) -> bytes:
    """The whole audit log as Dutch CSV: every stored row of every figure with who, when and why; formula-safe."""
    return csv_bytes(audit_frame(rijen), AUDIT)


def geschiedenis_frame(rijen: pd.DataFrame, eenheid: str | None = None) -> pd.DataFrame:
    uit = rijen.copy()
    uit["ingelezen_op"] = pd.to_datetime(uit["ingelezen_op"]).dt.date
    uit["waarde"] = [fmt.euro(w, 2) if eenheid == "euro" else fmt.getal(w, 0 if float(w).is_integer() else 2) for w in uit["waarde"]]
    uit["vervallen"] = ["ja" if v else "nee" for v in uit["vervallen"].fillna(False)]
    uit["peildatum"] = [fmt.peildatum(p) for p in uit["peildatum"]]
    return uit[list(GESCHIEDENIS)]
