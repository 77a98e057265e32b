"""Drawing the Gegevens bijwerken page: the forms, the upload, the preview and storing, history and undo.

The checks, the preview and storing are in core.invoer; this module only keeps what the user
entered in the session (so a refused entry stays on screen) and draws.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from core import toegang
from core.data import invoer as data_invoer
from core.data import DataError, load_basis
from core.invoer import NieuwDocument, Voorbeeld, sjabloon_csv, sjabloon_excel, voorbereid_bestand, voorbereid_rijen
from core.invoer import formulier as fm
from core.invoer import tabellen as it
from core.invoer.inlezen import MAX_BYTES
from core.invoer.opslaan import OngeldigeInvoer, bewaar, draai_terug
from core.invoer.sjabloon import KOLOMMEN, SOORTEN
from core.tekst import formatting as fmt
from core.toegang import Gebruiker
from ui import downloads, state
from ui.tekst import als_tekst
from ui.weergave import toon

INVOER_KEY = "_invoer"  # ("rijen", rows, documents) or ("bestand", name, bytes, documents): the entry awaiting storage
GEBOREN_KEY = "_invoer_opgeslagen"
NIEUW_DOCUMENT = "__nieuw__"

def nieuwste_basis():
    """Entries are always checked against the newest data, whatever date the sidebar shows."""
    return load_basis(state.pad(), state.nieuwste_versie())


def documentkeuze(basis, key: str) -> tuple[str, list[NieuwDocument]]:
    """Choose the source document, or add a new one (its fields stay on screen when refused)."""
    namen = dict(zip(basis.documenten["bron_id"], basis.documenten["kort"]))
    bron = st.selectbox("Bron (document)", [*namen, NIEUW_DOCUMENT], key=f"{key}_bron",
                        format_func=lambda b: "Nieuw document toevoegen…" if b == NIEUW_DOCUMENT else namen[b])
    if bron != NIEUW_DOCUMENT:
        return bron, []
    links, rechts = st.columns(2)
    doc = NieuwDocument(
        bron_id=links.text_input("Code van het document", key=f"{key}_doc_id", placeholder="coa_2027_01",
                                 help="Kleine letters, cijfers en _; blijft altijd hetzelfde."),
        titel=rechts.text_input("Titel", key=f"{key}_doc_titel", max_chars=500),
        kort=links.text_input("Korte naam (voor tabellen)", key=f"{key}_doc_kort", max_chars=80),
        datum=rechts.text_input("Datum van het document", key=f"{key}_doc_datum", placeholder="2027-01-15",
                                help="Zo precies als het document: 2027-01-15, 2027-01 of 2027; leeg als het geen datum heeft.") or None,
    )
    return doc.bron_id, [doc]


def herkomstvelden(key: str) -> dict[str, str]:
    links, rechts = st.columns(2)
    return {
        "sectie": links.text_input("Sectie (hoofdstuk, paragraaf, tabel)", key=f"{key}_sectie", max_chars=500),
        "peildatum": rechts.text_input("Peildatum", key=f"{key}_peildatum", placeholder="2027-01-01",
                                       help="Zo precies als de bron: 2027-01-01, 2027-01 of 2027; leeg als de bron geen datum noemt."),
        "soort": links.selectbox("Soort", SOORTEN, key=f"{key}_soort"),
        "toelichting": rechts.text_input("Toelichting (optioneel)", key=f"{key}_toelichting", max_chars=1000),
    }


def formulier_enkel(basis) -> None:
    soort = st.selectbox("Wat voert u in?", [f.naam for f in fm.FORMULIEREN], key="invoer_formulier",
                         format_func=lambda n: fm.FORMULIER[n].label)
    f = fm.FORMULIER[soort]
    keuzes = fm.keuzes(f, basis)
    with st.form("invoer_enkel", border=True):  # a form keeps what was typed when the preview refuses it
        links, rechts = st.columns(2)
        periode = links.text_input(f.periode_label, key="enkel_periode", placeholder=f.periode_voorbeeld)
        grootheid = rechts.selectbox("Welk cijfer", list(keuzes), key=f"enkel_grootheid_{soort}",
                                     format_func=keuzes.get) if keuzes else None
        waarde = links.text_input(f.waarde_label, key="enkel_waarde", placeholder="bijvoorbeeld 150 of 3.805.532,37")
        bron, documenten = documentkeuze(basis, "enkel")
        herkomst = herkomstvelden("enkel")
        if st.form_submit_button("Voorbeeld bekijken", type="primary"):
            rij = fm.rij(f, periode=periode, grootheid=grootheid, waarde=waarde, bron_id=bron, **herkomst)
            st.session_state[INVOER_KEY] = ("rijen", [rij], documenten)


def upload(basis) -> None:
    links, rechts = st.columns(2)
    downloads.knop(links, "Sjabloon als Excel (.xlsx)", lambda: sjabloon_excel(met_voorbeeld=True), "sjabloon_gegevens.xlsx",
                   "sjabloon_xlsx", icon=":material/download:")
    downloads.knop(rechts, "Sjabloon als CSV", lambda: sjabloon_csv(met_voorbeeld=True), "sjabloon_gegevens.csv",
                   "sjabloon_csv", icon=":material/download:")
    with st.expander("De kolommen van het sjabloon"):
        st.markdown("\n".join(f"- **{k.naam}**{' (verplicht)' if k.verplicht else ''}: {als_tekst(k.uitleg)}" for k in KOLOMMEN))
        st.caption("Rij 1 is de kopregel; meldingen noemen de rij zoals een spreadsheetprogramma hem nummert.")
    with st.form("invoer_upload", border=True):
        bestand = st.file_uploader("Bestand met cijfers (CSV of Excel)", type=["csv", "xlsx"], key="upload_bestand",
                                   max_upload_size=max(1, MAX_BYTES // 1_000_000))
        bron_id, documenten = documentkeuze(basis, "upload")
        st.caption("Een nieuw document hier toevoegen kan; verwijs er in de kolom bron_id naar met zijn code.")
        if st.form_submit_button("Voorbeeld bekijken", type="primary"):
            if bestand is None:
                st.error("Kies eerst een bestand.", icon=":material/error:")
            else:
                st.session_state[INVOER_KEY] = ("bestand", bestand.name, bestand.getvalue(), documenten)


def voorbeeld(basis, vandaag: date) -> Voorbeeld | None:
    invoer = st.session_state.get(INVOER_KEY)
    if invoer is None:
        return None
    if invoer[0] == "rijen":
        return voorbereid_rijen(invoer[1], basis, vandaag, invoer[2], formulier=True)
    return voorbereid_bestand(invoer[1], invoer[2], basis, vandaag, invoer[3])


def toon_voorbeeld(v: Voorbeeld) -> None:
    if v.fouten:
        st.error("Er is niets opgeslagen. Pas de invoer aan en bekijk het voorbeeld opnieuw:\n\n"
                 + "\n".join(f"- {als_tekst(f.tekst)}" for f in v.fouten), icon=":material/error:")
        return
    st.markdown("**Wat verandert**")
    toon(it.wijzigingen_frame(v))
    st.markdown("**Gevolgen voor de kerncijfers** (basisscenario, op de huidige gegevens en met deze invoer)")
    toon(it.effecten_frame(v))
    if v.bevindingen:
        st.warning("De controles vinden iets nieuws. Opslaan kan alleen met een uitleg.", icon=":material/warning:")
        toon(it.bevindingen_frame(v.bevindingen))
    else:
        st.caption("De controles (achterstand, opgave, begrotingstotalen, reserve) vinden niets nieuws.")


def opslaan(v: Voorbeeld, wie: Gebruiker) -> None:
    with st.form("invoer_opslaan", border=True):
        naam = "" if wie.aangemeld else st.text_input("Uw naam (voor de geschiedenis)", key="opslaan_wie", max_chars=80)
        if wie.aangemeld:
            st.caption(f"Wordt opgeslagen op naam van {als_tekst(wie.naam)}.")
        reden = st.text_input("Reden van deze invoer", key="opslaan_reden", max_chars=500,
                              placeholder="bijvoorbeeld: COA-cijfers tweede helft 2026")
        uitleg = st.text_area("Waarom slaat u deze cijfers toch op? (verplicht bij bevindingen)", key="opslaan_uitleg",
                              max_chars=500) if v.vraagt_reden_bevindingen else ""
        if st.form_submit_button("Opslaan", type="primary", icon=":material/save:"):
            try:
                versie = bewaar(state.pad(), v, wie, naam=naam, reden=reden, reden_bevindingen=uitleg)
            except (OngeldigeInvoer, toegang.GeenToegang, DataError) as error:
                st.error(als_tekst(str(error)), icon=":material/error:")
            else:
                st.session_state[GEBOREN_KEY] = versie
                st.session_state[INVOER_KEY] = None
                state.start_run()
                st.rerun()


def melding_opgeslagen() -> None:
    if versie := st.session_state.pop(GEBOREN_KEY, None):
        st.success(f"Opgeslagen als dataversie {versie}. Alle pagina's rekenen nu met deze cijfers.", icon=":material/check_circle:")


def geschiedenis(basis) -> None:
    versies = data_invoer.versies(state.pad())
    st.markdown("**Alle dataversies**")
    toon(state.teksttabel(it.versies_frame(versies), it.VERSIES))
    downloads.knop(st, "Auditlog downloaden (CSV)", lambda: it.audit_csv(data_invoer.alle_wijzigingen(state.pad())),
                   "auditlog_gegevens.csv", "auditlog_csv", icon=":material/download:")
    st.markdown("**Geschiedenis van één cijfer**")
    cijfers = _cijferlijst(basis)
    gekozen = st.selectbox("Cijfer", list(cijfers), key="geschiedenis_cijfer", format_func=lambda k: cijfers[k][0])
    tabel, sleutel, eenheid = gekozen[0], gekozen[1:], cijfers[gekozen][1]
    rijen = data_invoer.geschiedenis(state.pad(), tabel, sleutel)
    toon(state.teksttabel(it.geschiedenis_frame(rijen, eenheid), it.GESCHIEDENIS))


def _cijferlijst(basis) -> dict[tuple, tuple[str, str | None]]:
    result: dict[tuple, tuple[str, str | None]] = {}
    for r in basis.halfjaar.to_dict("records"):
        result[("halfjaarcijfer", r["periode"], r["grootheid"])] = (f"{r['grootheid'].replace('_', ' ')} {fmt.periode(r['periode'])}", None)
    for r in basis.begroting.to_dict("records"):
        result[("begrotingsregel", int(r["jaar"]), r["regel"])] = (f"begroting {r['jaar']}: {r['regel']}", "euro")
    for r in basis.kengetallen.to_dict("records"):
        result[("kengetal", r["onderwerp"], r["sleutel"], r["periode"])] = (f"{r['label']} ({r['periode']})", r["eenheid"])
    for r in basis.normpad.to_dict("records"):
        result[("normpad", r["periode"])] = (f"norm achterstand {fmt.periode(r['periode'])}", None)
    return result


def terugdraaien(wie: Gebruiker) -> None:
    if not wie.mag(toegang.INVOER_TERUGDRAAIEN):
        st.caption(f"Als {wie.rol} kunt u invoer niet ongedaan maken; dat mag een beheerder.")
        return
    versies = data_invoer.versies(state.pad())
    te_kiezen = versies[versies["soort"] != "start"]
    if te_kiezen.empty:
        st.caption("Er is nog niets ingevoerd om ongedaan te maken.")
        return
    labels = {int(r["versie"]): f"versie {r['versie']}: {r['omschrijving']} ({r['wie']})" for _, r in te_kiezen.iterrows()}
    with st.form("invoer_terug", border=True):
        versie = st.selectbox("Dataversie", list(labels), format_func=labels.get, key="terug_versie")
        naam = "" if wie.aangemeld else st.text_input("Uw naam", key="terug_wie", max_chars=80)
        reden = st.text_input("Reden", key="terug_reden", max_chars=500)
        st.caption("Ongedaan maken slaat een nieuwe versie op met de cijfers van vóór deze versie; er wordt niets verwijderd.")
        if st.form_submit_button("Ongedaan maken", icon=":material/undo:"):
            try:
                nieuw = draai_terug(state.pad(), versie, wie, naam=naam, reden=reden)
            except (OngeldigeInvoer, toegang.GeenToegang, DataError) as error:
                st.error(als_tekst(str(error)), icon=":material/error:")
            else:
                st.session_state[GEBOREN_KEY] = nieuw
                state.start_run()
                st.rerun()
