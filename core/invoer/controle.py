"""Checking rows of the template against the base data: every problem in Dutch, with row and column.

``controleer`` turns the text rows of a form or a file into ``Cijfer`` records, each shaped
like a row of its database table, or returns every problem found (all rows, not only the
first problem). Nothing here reads or writes the database: the known lines, kengetallen and
documents come from the ``Basis`` the entry is checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.data import Basis
from core.invoer.inlezen import Fout, Rij
from core.invoer.sjabloon import (
    BEGROTING, GROOTHEDEN_HALFJAAR, HALFJAAR, INDEXATIES, KANTEN, KENGETAL, NORM_GROOTHEID, NORMPAD, ONDERDEEL_LABEL,
    ONDERDELEN, SOORTEN, STROMEN,
)
from core.model.periode import begindatum, deadline
from core.tekst import formatting as fmt

# The database table of each onderdeel and the columns that identify one figure across versions
# (the same keys as core.data.SEED_TABLES).
TABEL = {HALFJAAR: "halfjaarcijfer", BEGROTING: "begrotingsregel", KENGETAL: "kengetal", NORMPAD: "normpad"}
SLEUTEL = {
    HALFJAAR: ("periode", "grootheid"),
    BEGROTING: ("jaar", "regel"),
    KENGETAL: ("onderwerp", "sleutel", "periode"),
    NORMPAD: ("periode",),
}
FRAME = {HALFJAAR: "halfjaar", BEGROTING: "begroting", KENGETAL: "kengetallen", NORMPAD: "normpad"}
WAARDEKOLOM = {HALFJAAR: "waarde", BEGROTING: "bedrag", KENGETAL: "waarde", NORMPAD: "max_achterstand"}

HALFJAAR_RE = re.compile(r"(\d{4})-H([12])")
JAAR_RE = re.compile(r"\d{4}")
KENGETAL_PERIODE_RE = re.compile(r"\d{4}(-H[12])?")
PEILDATUM_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
NL_DATUM_RE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
BRON_ID_RE = re.compile(r"[a-z0-9][a-z0-9_]{1,59}")
OUDSTE_JAAR, NIEUWSTE_JAAR = 2000, 2100
MAX_TEKST = 500
PERSONEN_EENHEDEN = ("personen", "woningen", "trede")
JA_NEE = "ja/nee"  # a rule that holds (1) or not (0), e.g. the huurtoeslag rule for large families

# Kengetallen the app reads that the start data may not hold yet: their label and unit, so an
# entry needs only the value and its source (risk page: reserve/stand_jaarrekening).
BEKENDE_KENGETALLEN = {
    ("reserve", "stand_jaarrekening"): ("Stand reserve Beschermd Thuis volgens de jaarrekening", "euro"),
    ("reserve", "stand_begin"): ("Stand reserve Beschermd Thuis aan het begin van het begrotingsjaar", "euro"),
    ("indexatie", "du_mo_pct"): ("Indexatie DU MO volgens de circulaire", "procent"),
    ("huurtoeslag", "grote_gezinnen_plaatsbaar"): (
        "Grote gezinnen plaatsbaar in grote corporatiewoningen zonder HAR+ (1 ja, 0 nee)", JA_NEE),
    ("landelijk", "landelijke_taakstelling"): ("Landelijke taakstelling vergunninghouders", "personen"),
}


@dataclass(frozen=True)
class Cijfer:
    """One figure to store: ``rij`` has the columns of its table (without ``versie``)."""

    onderdeel: str
    rij: dict
    herkomst: int | None = None  # the row of the file or form it came from

    @property
    def sleutel(self) -> tuple:
        return tuple(self.rij[k] for k in SLEUTEL[self.onderdeel])

    @property
    def tabel(self) -> str:
        return TABEL[self.onderdeel]

    @property
    def waarde(self) -> float:
        return float(self.rij[WAARDEKOLOM[self.onderdeel]])

    @property
    def naam(self) -> str:
        """A Dutch name for the figure: ``realisatie 2e helft 2026``, ``begroting 2027: Zorg Beschermd Wonen``."""
        r = self.rij
        if self.onderdeel == HALFJAAR:
            return f"{r['grootheid'].replace('_', ' ')} {fmt.periode(r['periode'])}"
        if self.onderdeel == NORMPAD:
            return f"norm achterstand {fmt.datum(r['deadline'])}"
        if self.onderdeel == BEGROTING:
            return f"begroting {r['jaar']}: {r['regel']}"
        return f"{r['label']} ({r['periode']})"


@dataclass(frozen=True)
class NieuwDocument:
    """A source document added with an entry (table ``document``)."""

    bron_id: str
    titel: str
    kort: str
    datum: str | None = None  # as precise as the document: 2027-04-15, 2027-04, 2027; None: undated
    bestand: str = ""


@dataclass
class Uitkomst:
    cijfers: list[Cijfer] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)


def lees_getal(tekst: str, euro: bool = False) -> float:
    """A number as people type it: ``116``, ``3805532,37``, ``3.805.532,37``, ``€ 514.922``, ``2,5%``, ``-415583``.

    ``514.922`` in a money field is ambiguous (Dutch thousands or a decimal point) and refused.
    Raises ValueError with a Dutch message.
    """
    schoon = tekst.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if not schoon:
        raise ValueError("er staat geen getal")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", schoon) and ("," in schoon or schoon.count(".") > 1):
        return float(schoon.replace(".", "").replace(",", "."))
    if re.fullmatch(r"[+-]?\d+,\d+", schoon):
        return float(schoon.replace(",", "."))
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", schoon):
        if euro and re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", schoon):
            raise ValueError(
                f"'{tekst}' is dubbelzinnig (een punt als duizendtal of als decimaalteken); "
                "schrijf het bedrag zonder punt of met een decimale komma"
            )
        return float(schoon)
    raise ValueError(f"'{_kort(tekst)}' is geen getal")


def _kort(tekst: str, lengte: int = 40) -> str:
    tekst = " ".join(str(tekst).split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def lees_peildatum(tekst: str) -> str | None:
    """``2027-01-01``, ``2027-04``, ``2027``, ``1-1-2027``, or empty (the source names no date). ValueError otherwise."""
    tekst = tekst.strip()
    if not tekst:
        return None
    if m := NL_DATUM_RE.fullmatch(tekst):
        tekst = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if not PEILDATUM_RE.fullmatch(tekst):
        raise ValueError(f"'{_kort(tekst)}' is geen datum; schrijf 2027-01-01, 2027-01 of 2027 (of laat de cel leeg)")
    try:
        eerste_dag(tekst)
    except ValueError:
        raise ValueError(f"'{tekst}' is geen bestaande datum") from None
    return tekst


def eerste_dag(peildatum: str) -> date:
    """The first day a (partial) peildatum can mean: ``2027-04`` -> 1 april 2027."""
    delen = [int(d) for d in peildatum.split("-")] + [1, 1]
    return date(delen[0], delen[1], delen[2])


def lees_ja_nee(tekst: str) -> bool:
    waarde = tekst.strip().casefold()
    if waarde in ("", "nee", "n", "false", "onwaar", "0"):
        return False
    if waarde in ("ja", "j", "true", "waar", "1"):
        return True
    raise ValueError(f"'{_kort(tekst)}' is geen ja of nee")


def controleer(rijen: list[Rij], basis: Basis, vandaag: date, documenten: list[NieuwDocument] = ()) -> Uitkomst:
    """Every row checked; the figures when all are right, else every problem (and no figures)."""
    uitkomst = Uitkomst()
    bekende_bronnen = set(basis.documenten["bron_id"]) | {d.bron_id for d in documenten}
    gezien: dict[tuple, int] = {}
    for rij in rijen:
        fouten: list[Fout] = []
        cijfer = _cijfer(rij, basis, vandaag, bekende_bronnen, fouten)
        if cijfer is not None and not fouten:
            sleutel = (cijfer.onderdeel, cijfer.sleutel)
            if sleutel in gezien:
                fouten.append(Fout(
                    f"dit cijfer ({cijfer.naam}) staat ook in rij {gezien[sleutel]}; elk cijfer mag één keer voorkomen.",
                    rij.nummer,
                ))
            else:
                gezien[sleutel] = rij.nummer
                uitkomst.cijfers.append(cijfer)
        uitkomst.fouten += fouten
    if uitkomst.fouten:
        uitkomst.cijfers = []
    return uitkomst


def controleer_documenten(documenten: list[NieuwDocument], basis: Basis, vandaag: date) -> list[Fout]:
    """New source documents: a new, well-formed bron_id, a title and a short name, a date not in the future."""
    fouten = []
    bestaand = set(basis.documenten["bron_id"])
    for nummer, doc in enumerate(documenten, start=1):
        waar = f"Nieuw document {nummer}"
        if not BRON_ID_RE.fullmatch(doc.bron_id):
            fouten.append(Fout(f"{waar}, bron_id: gebruik 2 tot 60 kleine letters, cijfers en _ (bijvoorbeeld coa_2027_01)."))
        elif doc.bron_id in bestaand:
            fouten.append(Fout(f"{waar}, bron_id: '{doc.bron_id}' bestaat al; kies dat document in de lijst of een andere naam."))
        if not doc.titel.strip() or len(doc.titel) > MAX_TEKST:
            fouten.append(Fout(f"{waar}, titel: vul een titel in (hoogstens {MAX_TEKST} tekens)."))
        if not doc.kort.strip() or len(doc.kort) > 80:
            fouten.append(Fout(f"{waar}, korte naam: vul een korte naam in (hoogstens 80 tekens)."))
        if doc.datum:
            try:
                datum = lees_peildatum(doc.datum)
                if datum and eerste_dag(datum) > vandaag:
                    fouten.append(Fout(f"{waar}, datum: {fmt.peildatum(datum)} ligt in de toekomst."))
            except ValueError as error:
                fouten.append(Fout(f"{waar}, datum: {error}."))
    if len({d.bron_id for d in documenten}) < len(documenten):
        fouten.append(Fout("Twee nieuwe documenten hebben dezelfde bron_id."))
    return fouten


def _cijfer(rij: Rij, basis: Basis, vandaag: date, bronnen: set[str], fouten: list[Fout]) -> Cijfer | None:
    v = rij.velden
    n = rij.nummer

    def fout(kolom: str, melding: str) -> None:
        fouten.append(Fout(melding, n, kolom))

    onderdeel = v["onderdeel"].casefold()
    if onderdeel not in ONDERDELEN:
        fout("onderdeel", f"'{_kort(v['onderdeel'])}' is geen onderdeel; kies {', '.join(ONDERDELEN)}." if v["onderdeel"]
             else f"leeg; kies {', '.join(ONDERDELEN)}.")
        return None
    maak = {HALFJAAR: _halfjaar, NORMPAD: _normpad, BEGROTING: _begroting, KENGETAL: _kengetal}[onderdeel]
    eigen = maak(v, basis, vandaag, fout)
    gemeenschappelijk = _herkomst(v, basis, vandaag, bronnen, fout)
    if eigen is None or gemeenschappelijk is None:
        return None
    return Cijfer(onderdeel, {**eigen, **gemeenschappelijk}, n)


def _herkomst(v: dict, basis: Basis, vandaag: date, bronnen: set[str], fout) -> dict | None:
    goed = True
    if not v["bron_id"]:
        fout("bron_id", "leeg; elk cijfer heeft een bron (een document).")
        goed = False
    elif v["bron_id"] not in bronnen:
        fout("bron_id", f"het document '{_kort(v['bron_id'])}' is onbekend; kies een bestaand document of voeg het toe.")
        goed = False
    if not v["sectie"]:
        fout("sectie", "leeg; noem het hoofdstuk, de paragraaf of de tabel in het document.")
        goed = False
    elif len(v["sectie"]) > MAX_TEKST:
        fout("sectie", f"te lang (hoogstens {MAX_TEKST} tekens).")
        goed = False
    if len(v["toelichting"]) > 2 * MAX_TEKST:
        fout("toelichting", f"te lang (hoogstens {2 * MAX_TEKST} tekens).")
        goed = False
    peildatum = None
    try:
        peildatum = lees_peildatum(v["peildatum"])
        if peildatum and eerste_dag(peildatum) > vandaag:
            fout("peildatum", f"{fmt.peildatum(peildatum)} ligt in de toekomst; een cijfer kan niet later gemeten zijn dan vandaag.")
            goed = False
    except ValueError as error:
        fout("peildatum", f"{error}.")
        goed = False
    if v["soort"].casefold() not in SOORTEN:
        fout("soort", f"'{_kort(v['soort'])}' is geen soort; kies {', '.join(SOORTEN)}." if v["soort"]
             else f"leeg; kies {', '.join(SOORTEN)}.")
        goed = False
    if not goed:
        return None
    return {"bron_id": v["bron_id"], "sectie": v["sectie"], "peildatum": peildatum, "soort": v["soort"].casefold(),
            "toelichting": v["toelichting"]}


def _halfjaar_periode(tekst: str, fout) -> str | None:
    periode = tekst.strip().upper().replace("H", "-H", 1) if re.fullmatch(r"\d{4}[hH][12]", tekst.strip()) else tekst.strip().upper()
    m = HALFJAAR_RE.fullmatch(periode)
    if not m or not OUDSTE_JAAR <= int(m.group(1)) <= NIEUWSTE_JAAR:
        fout("periode", f"'{_kort(tekst)}' is geen halfjaar; schrijf het jaar en de helft, bijvoorbeeld 2027-H1." if tekst
             else "leeg; schrijf het halfjaar, bijvoorbeeld 2027-H1.")
        return None
    return periode


def _heel_getal(v: dict, fout, minimum: int = 0) -> int | None:
    try:
        waarde = lees_getal(v["waarde"])
    except ValueError as error:
        fout("waarde", f"{error}.")
        return None
    if not waarde.is_integer():
        fout("waarde", f"{fmt.getal(waarde, 2)} is geen heel aantal personen.")
        return None
    if waarde < minimum:
        fout("waarde", f"{fmt.getal(waarde)} is negatief; een aantal personen kan niet kleiner zijn dan {minimum}.")
        return None
    if waarde > 1_000_000:
        fout("waarde", f"{fmt.getal(waarde)} is onwaarschijnlijk groot voor een aantal personen in Maastricht.")
        return None
    return int(waarde)


def _halfjaar(v: dict, basis: Basis, vandaag: date, fout) -> dict | None:
    periode = _halfjaar_periode(v["periode"], fout)
    grootheid = v["grootheid"].casefold().replace(" ", "_")
    if grootheid not in GROOTHEDEN_HALFJAAR:
        fout("grootheid", f"'{_kort(v['grootheid'])}' is geen grootheid van een halfjaar; kies {', '.join(GROOTHEDEN_HALFJAAR)}.")
        grootheid = None
    waarde = _heel_getal(v, fout)
    if periode is None or grootheid is None or waarde is None:
        return None
    if grootheid in ("realisatie", "achterstand_eind") and begindatum(periode) > vandaag:
        fout("periode", f"{fmt.periode(periode)} is nog niet begonnen; een {grootheid.replace('_', ' ')} kan daar nog niet zijn gemeten.")
        return None
    return {"periode": periode, "grootheid": grootheid, "waarde": waarde}


def _normpad(v: dict, basis: Basis, vandaag: date, fout) -> dict | None:
    periode = _halfjaar_periode(v["periode"], fout)
    if v["grootheid"].casefold() not in (NORM_GROOTHEID, ""):
        fout("grootheid", f"'{_kort(v['grootheid'])}' hoort niet bij het normpad; schrijf {NORM_GROOTHEID}.")
        return None
    waarde = _heel_getal(v, fout)
    if periode is None or waarde is None:
        return None
    return {"periode": periode, "deadline": deadline(periode).isoformat(), "max_achterstand": waarde}


def _jaar(tekst: str, fout) -> int | None:
    if not JAAR_RE.fullmatch(tekst.strip()) or not OUDSTE_JAAR <= int(tekst) <= NIEUWSTE_JAAR:
        fout("periode", f"'{_kort(tekst)}' is geen jaar; schrijf bijvoorbeeld 2027." if tekst else "leeg; schrijf het jaar, bijvoorbeeld 2027.")
        return None
    return int(tekst)


def _keuze(v: dict, kolom: str, keuzes: tuple[str, ...], bekend, fout) -> str | None:
    waarde = v[kolom].strip()
    if not waarde:
        if bekend is None:
            fout(kolom, f"leeg; een nieuwe regel heeft een {kolom} nodig ({', '.join(keuzes)}).")
        return bekend
    gevonden = next((k for k in keuzes if k.casefold() == waarde.casefold()), None)
    if gevonden is None:
        fout(kolom, f"'{_kort(waarde)}' is geen {kolom}; kies {', '.join(keuzes)}.")
    return gevonden


def _begroting(v: dict, basis: Basis, vandaag: date, fout) -> dict | None:
    jaar = _jaar(v["periode"], fout)
    regel = " ".join(v["grootheid"].split())
    bekende = {r["regel"]: r for r in basis.begroting.sort_values("jaar").to_dict("records")}  # newest year last
    bestaand = bekende.get(regel)
    if not regel:
        fout("grootheid", "leeg; schrijf de naam van de begrotingsregel.")
        return None
    if bestaand is None and not (v["stroom"] and v["kant"] and v["indexatie"]):
        fout("grootheid", f"'{_kort(regel)}' is een onbekende begrotingsregel. Kies een bestaande regel "
             f"({'; '.join(sorted(bekende))}), of vul stroom, kant en indexatie in voor een nieuwe regel.")
        return None
    stroom = _keuze(v, "stroom", STROMEN, bestaand and bestaand["stroom"], fout)
    kant = _keuze(v, "kant", KANTEN, bestaand and bestaand["kant"], fout)
    indexatie = _keuze(v, "indexatie", INDEXATIES, bestaand and bestaand["indexatie"], fout)
    try:
        bedrag = lees_getal(v["waarde"], euro=True)
    except ValueError as error:
        fout("waarde", f"{error}.")
        return None
    if bedrag < 0:
        fout("waarde", f"{fmt.euro(bedrag, 2)} is negatief; een begrotingsregel is een bedrag aan lasten of baten (kolom kant), altijd 0 of meer.")
        return None
    if round(bedrag, 2) != bedrag or abs(bedrag) >= 1e12:
        fout("waarde", "een bedrag heeft hoogstens twee decimalen en minder dan twaalf cijfers voor de komma.")
        return None
    try:
        raming = lees_ja_nee(v["raming"]) if v["raming"] else bool(bestaand and bestaand["raming"])
    except ValueError as error:
        fout("raming", f"{error}.")
        return None
    if None in (jaar, stroom, kant, indexatie):
        return None
    return {"jaar": jaar, "stroom": stroom, "regel": regel, "kant": kant, "bedrag": bedrag, "indexatie": indexatie,
            "raming": raming}


def _kengetal(v: dict, basis: Basis, vandaag: date, fout) -> dict | None:
    delen = v["grootheid"].strip().split("/")
    if len(delen) != 2 or not all(re.fullmatch(r"[A-Za-z0-9_]{1,60}", d) for d in delen):
        fout("grootheid", f"'{_kort(v['grootheid'])}' is geen kengetal; schrijf onderwerp/sleutel, bijvoorbeeld reserve/stand_jaarrekening.")
        return None
    onderwerp, sleutel = delen
    periode = v["periode"].strip().upper()
    if not KENGETAL_PERIODE_RE.fullmatch(periode) or not OUDSTE_JAAR <= int(periode[:4]) <= NIEUWSTE_JAAR:
        fout("periode", f"'{_kort(v['periode'])}' is geen periode; schrijf een jaar (2027) of een halfjaar (2027-H1)." if v["periode"]
             else "leeg; schrijf een jaar (2027) of een halfjaar (2027-H1).")
        return None
    eerder = [r for r in basis.kengetallen.to_dict("records") if (r["onderwerp"], r["sleutel"]) == (onderwerp, sleutel)]
    bestaand = max(eerder, key=lambda r: r["periode"]) if eerder else None
    bekend = BEKENDE_KENGETALLEN.get((onderwerp, sleutel), (None, None))
    label = " ".join(v["omschrijving"].split()) or (bestaand and bestaand["label"]) or bekend[0]
    eenheid = v["eenheid"].strip() or (bestaand and bestaand["eenheid"]) or bekend[1]
    if not label or not eenheid:
        ontbreekt = "omschrijving" if not label else "eenheid"
        fout(ontbreekt, f"leeg; '{onderwerp}/{sleutel}' is een nieuw kengetal en heeft een omschrijving en een eenheid nodig.")
        return None
    if len(label) > MAX_TEKST or len(eenheid) > 40:
        fout("omschrijving", "te lang.")
        return None
    try:
        waarde = lees_getal(v["waarde"], euro=eenheid == "euro")
    except ValueError as error:
        fout("waarde", f"{error}.")
        return None
    if eenheid in PERSONEN_EENHEDEN and (waarde < 0 or not waarde.is_integer()):
        fout("waarde", f"{fmt.getal(waarde, 2)} is geen aantal ({eenheid}): een heel getal, 0 of meer.")
        return None
    if eenheid == JA_NEE and waarde not in (0, 1):
        fout("waarde", f"{fmt.getal(waarde, 0 if waarde.is_integer() else 2)} is geen ja/nee-waarde: vul 1 in voor ja of 0 voor nee.")
        return None
    if round(waarde, 2) != waarde or abs(waarde) >= 1e12:
        fout("waarde", "een kengetal heeft hoogstens twee decimalen en minder dan twaalf cijfers voor de komma.")
        return None
    try:
        raming = lees_ja_nee(v["raming"]) if v["raming"] else False
    except ValueError as error:
        fout("raming", f"{error}.")
        return None
    return {"onderwerp": onderwerp, "sleutel": sleutel, "periode": periode, "label": label, "waarde": waarde,
            "eenheid": eenheid, "raming": raming}


def onderdeel_label(onderdeel: str) -> str:
    return ONDERDEEL_LABEL[onderdeel]
