"""Every scenario assumption, described once: label, unit, range, baseline, soort and source.

The sidebar controls, the link format, the Bronnen page, the exports' Aannames sheet,
the scenario's own validation and the tests all read this table; nothing else defines
them. Where a source can be read two ways, the reading is an assumption here too
(``lezing=True``), with the quote it rests on, so the user can switch it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from core.tekst import formatting as fmt

# The widget that fits each kind of value. Integer sliders keep plain numbers in the URL;
# select sliders and choices carry their Dutch text (``2,5%``, ``€ 500.000``), as Streamlit's
# query-parameter binding writes the formatted option.
SLIDER, SELECT_SLIDER, TOGGLE, MULTISELECT, KEUZE = "slider", "select_slider", "toggle", "multiselect", "keuze"
SOORTEN = ("gerapporteerd", "afgeleid", "aanname")


@dataclass(frozen=True)
class Parameter:
    naam: str
    label: str
    kort: str  # short noun phrase for generated sentences ("DU MO-indexatie")
    eenheid: str
    standaard: object
    groep: str
    widget: str
    soort: str  # gerapporteerd / afgeleid / aanname: what the baseline value is
    bron: str  # document and section the baseline rests on, or "modelkeuze"
    onderbouwing: str  # why this baseline, how it was derived, and the alternatives
    toelichting: str  # what it does in the model
    citaat: str = ""  # the words in the source it rests on, verbatim
    lezing: bool = False  # a reading of a source that can be read two ways
    minimum: float | None = None
    maximum: float | None = None
    stap: float | None = None
    weergave: Callable[[object], str] = str
    slider_format: str | None = None  # printf format for integer sliders
    keuzes: dict = field(default_factory=dict)  # KEUZE: value -> Dutch label

    def formatteer(self, value) -> str:
        if self.widget == KEUZE:
            return self.keuzes.get(value, str(value))
        if self.widget == SELECT_SLIDER and value in self._optie_teksten:
            return self._optie_teksten[value]
        if self.widget == TOGGLE:
            return "ja" if value else "nee"
        if self.widget == MULTISELECT:
            return ", ".join(sorted(value)) or "geen"
        return self.weergave(value)

    @cached_property
    def opties(self) -> list:
        """The values the control offers: a choice's values, or minimum to maximum in steps (computed once)."""
        if self.widget == KEUZE:
            return list(self.keuzes)
        count = round((self.maximum - self.minimum) / self.stap)
        decimals = _decimals(self.stap)
        values = [round(self.minimum + i * self.stap, decimals) for i in range(count + 1)]
        return [int(v) for v in values] if decimals == 0 else values

    @cached_property
    def _optie_teksten(self) -> dict:
        # Select sliders format every option on every rerun: look them up instead.
        return {v: self.weergave(v) for v in self.opties} if self.widget == SELECT_SLIDER else {}

    @cached_property
    def optie_tekst(self) -> Callable[[object], str]:
        """A select slider's option as text: the same as ``formatteer`` for its options, as a plain
        dict lookup (Streamlit formats every option on every rerun, for each select slider)."""
        return self._optie_teksten.__getitem__

    @property
    def bereik(self) -> str:
        """``0% tot en met 10%``, or the choices; empty for a yes/no or a list of lines."""
        if self.widget == KEUZE:
            return " / ".join(self.keuzes.values())
        if self.minimum is None:
            return ""
        return f"{self.formatteer(self.minimum)} tot en met {self.formatteer(self.maximum)}"

    def help_tekst(self, extra: str = "") -> str:
        """The control's help: what it does, its range and unit, its baseline and where that comes from."""
        parts = [self.toelichting]
        if self.bereik:
            parts.append(f"Bereik: {self.bereik} ({self.eenheid}).")
        parts.append(f"Basiswaarde: {self.formatteer(self.standaard)} ({self.soort}). {self.onderbouwing}")
        if extra:
            parts.append(extra)
        parts.append(f"Bron: {self.bron}.")
        if self.citaat:
            parts.append(f"Citaat: '{self.citaat}'.")
        return " ".join(parts)

    def valideer(self, value) -> None:
        """Raise ValueError (Dutch) when ``value`` is outside what this parameter allows."""
        if self.widget in (SLIDER, SELECT_SLIDER):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{self.label}: dit is geen getal.")
            if not self.minimum <= value <= self.maximum:
                raise ValueError(
                    f"{self.label}: {self.formatteer(value)} valt buiten het toegestane bereik {self.bereik}."
                )
        elif self.widget == TOGGLE and not isinstance(value, bool):
            raise ValueError(f"{self.label}: dit is geen ja/nee-waarde.")
        elif self.widget == KEUZE and value not in self.keuzes:
            raise ValueError(f"{self.label}: dit is geen van de keuzes ({self.bereik}).")

    def naar_query(self, value) -> list[str]:
        """The URL form Streamlit's query-param binding uses for this widget."""
        if self.widget == SLIDER:
            return [str(int(value))]
        if self.widget in (SELECT_SLIDER, KEUZE):
            return [self.formatteer(value)]
        if self.widget == TOGGLE:
            return ["true" if value else "false"]
        return sorted(value) or [""]


def _decimals(step: float) -> int:
    text = f"{step:g}"
    return len(text.split(".")[1]) if "." in text else 0


def _pct1(value) -> str:
    return fmt.procent(value, 1)


REGIOBEGROTING = "Uitvoeringsplan Zicht op Thuis 2026, hoofdstuk 4 Regiobegroting 2026"
RAADSINFORMATIEBRIEF = "Raadsinformatiebrief 20 mei 2026, Stand van zaken huisvesten statushouders"
PROVINCIE = "Brief Provincie Limburg 10 maart 2026"
GELIJK_TEKORT = "Dekking uit de reserve is bij het gelijk blijven van het tekort zoals verwacht in 2026 mogelijk"


def _jaarlijkse_groei(naam: str, label: str, kort: str, onderbouwing: str, toelichting: str, citaat: str = GELIJK_TEKORT) -> Parameter:
    """A yearly growth rate after the begroting year; the begroting assumes none, hence baseline 0."""
    return Parameter(
        naam=naam, label=label, kort=kort, onderbouwing=onderbouwing, toelichting=toelichting, citaat=citaat,
        bron=f"{REGIOBEGROTING}, §4.2.4 Bestemmingsreserve", eenheid="procent per jaar", standaard=0.0,
        groep="Beschermd Thuis / MO", widget=SELECT_SLIDER, minimum=-5.0, maximum=10.0, stap=0.1, weergave=_pct1,
        soort="aanname",
    )


LEZING_A, LEZING_B = "a", "b"

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        naam="instroom_pct",
        label="Instroom (toekomstige taakstellingen t.o.v. de laatst bekende)",
        kort="instroom",
        eenheid="procent",
        standaard=0,
        groep="Statushouders",
        widget=SLIDER,
        minimum=-50,
        maximum=100,
        stap=5,
        slider_format="%+d%%",
        weergave=lambda v: fmt.procent(v, 0, signed=True),
        soort="aanname",
        bron="de laatst vastgestelde taakstelling in de basisdata (zie Bronnen)",
        onderbouwing=(
            "Toekomstige taakstellingen zijn onbekend; de basis neemt de laatst bekende taakstelling voor elk "
            "volgend halfjaar. De landelijke taakstelling schommelde de afgelopen jaren sterk (zie Bronnen)."
        ),
        toelichting=(
            "Verandering van de nog niet vastgestelde taakstellingen, vanaf het eerste halfjaar zonder "
            "vastgestelde taakstelling, ten opzichte van de laatst bekende taakstelling."
        ),
    ),
    Parameter(
        naam="huisvesting_per_halfjaar",
        label="Huisvesting per halfjaar (personen)",
        kort="tempo van huisvesting",
        eenheid="personen per halfjaar",
        standaard=96,
        groep="Statushouders",
        widget=SLIDER,
        minimum=0,
        maximum=300,
        stap=1,
        slider_format="%d",
        weergave=fmt.getal,
        soort="aanname",
        bron=RAADSINFORMATIEBRIEF,
        citaat="In het eerste half jaar 2026 heeft de gemeente Maastricht 96 statushouders kunnen huisvesten",
        onderbouwing=(
            "Een aanname, afgeleid uit een gerapporteerd cijfer: de 96 die de brief van 20 mei 2026 noemt, "
            "genomen als tempo voor elk volgend halfjaar."
        ),
        toelichting="Hoeveel statushouders per toekomstig halfjaar een woning kunnen krijgen.",
    ),
    Parameter(
        naam="huurtoeslag_grote_gezinnen",
        label="Huurtoeslagregels houden grote gezinnen plaatsbaar",
        kort="huurtoeslagregels die grote gezinnen plaatsbaar maken",
        eenheid="ja/nee",
        standaard=True,
        groep="Statushouders",
        widget=TOGGLE,
        soort="aanname",
        bron=RAADSINFORMATIEBRIEF,
        citaat=(
            "Dit heeft te maken met veranderde huurtoeslaggrenzen. Grote statushoudersgezinnen konden hierdoor "
            "succesvol worden geplaatst in grote huurwoningen van corporaties, zonder HAR+ gelden"
        ),
        onderbouwing=(
            "De brief meldt dat de regels van 2026 grote gezinnen plaatsbaar maakten; dat staat als gegeven per "
            "jaar in de basisdata (huurtoeslag/grote_gezinnen_plaatsbaar; tot en met 2025 gold een harde huurgrens "
            "van € 900,07). Dat zulke regels blijven gelden in de jaren zonder vastgelegde regel is een aanname."
        ),
        toelichting=(
            "Voor de jaren zonder vastgelegde huurtoeslagregel. Aan: grote gezinnen passen in grote "
            "corporatiewoningen zonder extra geld. Uit: hun plaatsing vraagt HAR+-geld of blijft uit."
        ),
    ),
    Parameter(
        naam="aandeel_grote_gezinnen",
        label="Aandeel grote gezinnen (6+ personen) in de opgave",
        kort="aandeel grote gezinnen",
        eenheid="aandeel",
        standaard=0.10,
        groep="Statushouders",
        widget=SELECT_SLIDER,
        minimum=0.0,
        maximum=0.5,
        stap=0.01,
        weergave=fmt.aandeel,
        soort="aanname",
        bron="Beleidskader Nieuwe Stadsgezichten 2024-2027, Huisvesting statushouders",
        onderbouwing=(
            "Geen cijfer in de bronnen; het beleidskader noemt woningen voor 6 of meer personen als grootste "
            "knelpunt. Modelaanname; pas aan als COA-gegevens beschikbaar zijn."
        ),
        toelichting="Deel van de te huisvesten personen dat tot een huishouden van 6 of meer hoort.",
    ),
    Parameter(
        naam="har_plus_budget",
        label="HAR+-budget (totaal)",
        kort="HAR+-budget",
        eenheid="euro",
        standaard=0,
        groep="Statushouders",
        widget=SELECT_SLIDER,
        minimum=0,
        maximum=2_000_000,
        stap=25_000,
        weergave=fmt.euro,
        soort="aanname",
        bron=RAADSINFORMATIEBRIEF,
        citaat="Sinds het collegebesluit van 16 december (...) is het nog niet nodig geweest om deze gelden in te zetten",
        onderbouwing="Het bedrag van de gemeentelijke HAR+-regeling staat niet in de bronnen; tot mei 2026 is er niets uit besteed.",
        toelichting="Geld om plaatsing van grote gezinnen te betalen als de huurtoeslagregels dat niet toelaten.",
    ),
    Parameter(
        naam="har_plus_kosten_per_huishouden",
        label="HAR+-kosten per groot huishouden",
        kort="HAR+-kosten per huishouden",
        eenheid="euro per huishouden",
        standaard=42_500,
        groep="Statushouders",
        widget=SELECT_SLIDER,
        minimum=20_000,
        maximum=80_000,
        stap=2_500,
        weergave=fmt.euro,
        soort="aanname",
        bron="Rijksoverheid: regeling huisvesting grote gezinnen vergunninghouders (landelijk, niet in de brondocumenten)",
        onderbouwing="Het midden van € 35.000 tot € 50.000 per groot huishouden uit de landelijke regeling.",
        toelichting="Wat HAR+ per geplaatst groot huishouden (6 personen) kost.",
    ),
    Parameter(
        naam="lezing_raadsinformatiebrief",
        label="Lezing van de raadsinformatiebrief",
        kort="lezing van de raadsinformatiebrief",
        eenheid="keuze",
        standaard=LEZING_A,
        groep="Statushouders",
        widget=KEUZE,
        keuzes={
            LEZING_A: "(a) halfjaar afgesloten",
            LEZING_B: "(b) tussenstand",
        },
        lezing=True,
        soort="aanname",
        bron=RAADSINFORMATIEBRIEF,
        citaat=(
            "In het eerste half jaar 2026 heeft de gemeente Maastricht 96 statushouders kunnen huisvesten. We zijn de "
            "achterstand op de taakstelling ingelopen naar een aantal van 71 statushouders. Voor het tweede half jaar "
            "van 2026 moet de gemeente Maastricht nog 113 + 71 (= 184) statushouders huisvesten"
        ),
        onderbouwing=(
            "(a) volgt de eigen som van de brief: het halfjaar is afgesloten met deze realisatie en deze achterstand. "
            "(b) leest de brief als tussenstand: hij is geschreven vóór het einde van het halfjaar, de realisatie is "
            "een telling tot de datum van de brief en de achterstand is die van het begin van het halfjaar, herhaald "
            "uit de brief van de Provincie; de achterstand aan het eind hangt dan af van de plaatsingen na de brief."
        ),
        toelichting=(
            "Hoe een realisatie en achterstand gelezen worden die een bron vóór het einde van het halfjaar meldt."
        ),
    ),
    Parameter(
        naam="tempo_na_tussenstand_pct",
        label="Plaatsingen na de tussenstand (tempo t.o.v. ervoor)",
        kort="tempo na de tussenstand",
        eenheid="procent van het tempo tot de tussenstand",
        standaard=100,
        groep="Statushouders",
        widget=SLIDER,
        minimum=0,
        maximum=200,
        stap=5,
        slider_format="%d%%",
        weergave=lambda v: fmt.procent(v, 0),
        soort="aanname",
        bron=RAADSINFORMATIEBRIEF,
        onderbouwing=(
            "Alleen bij lezing (b). 100% is hetzelfde tempo per dag als tot de datum van de brief; "
            "0% betekent geen plaatsingen meer tot het einde van het halfjaar."
        ),
        toelichting="Hoeveel er na een tussenstand tot het einde van dat halfjaar nog wordt gehuisvest.",
    ),
    _jaarlijkse_groei(
        naam="du_mo_indexatie_pct",
        label="Indexatie DU MO per jaar",
        kort="DU MO-indexatie",
        onderbouwing=(
            "De begroting rekent zonder indexatie. De indexatie wordt één keer toegepast, op het totaal van de "
            "DU MO-inkomsten (de DU MO-bijdrage en de compensatie DU MO, de indexatie die de regiogemeenten "
            "inbrengen), zodat zij niet dubbel telt."
        ),
        toelichting="Jaarlijkse groei na het begrotingsjaar van de DU MO-bijdrage en de compensatie DU MO.",
    ),
    _jaarlijkse_groei(
        naam="iubw_indexatie_pct",
        label="Indexatie IUBW per jaar",
        kort="IUBW-indexatie",
        onderbouwing="De begroting rekent zonder indexatie.",
        toelichting="Jaarlijkse groei na het begrotingsjaar van de IUBW-bijdrage Beschermd Wonen (95%).",
    ),
    _jaarlijkse_groei(
        naam="zorgkosten_groei_pct",
        label="Groei zorgkosten per jaar",
        kort="zorgkostengroei",
        onderbouwing="De begroting rekent met een gelijk tekort; de tarieven worden wel elk jaar geïndexeerd (§4.2.1).",
        toelichting="Jaarlijkse groei na het begrotingsjaar van de zorglasten Beschermd Wonen en Maatschappelijke Opvang.",
    ),
    _jaarlijkse_groei(
        naam="loon_prijs_indexatie_pct",
        label="Loon- en prijsindexatie overige regels per jaar",
        kort="loon- en prijsindexatie",
        onderbouwing="De begroting rekent met een gelijk tekort, dus zonder indexatie van personeel en overige regels.",
        toelichting=(
            "Jaarlijkse groei na het begrotingsjaar van de regels die geen eigen indexatie hebben: personeel, "
            "investeringskosten, eigen bijdragen, uitstelvervanging en het plan van aanpak dak- en thuisloosheid."
        ),
    ),
    Parameter(
        naam="eenmalig",
        label="Eenmalige begrotingsregels",
        kort="eenmalige regels",
        eenheid="begrotingsregels",
        standaard=frozenset({"Compensatie DU MO 2025"}),
        groep="Beschermd Thuis / MO",
        widget=MULTISELECT,
        lezing=True,
        soort="aanname",
        bron=f"{REGIOBEGROTING}, §4.1 Uitvoeringskosten",
        citaat="Compensatie DU MO 2025 € 130.861,00",
        onderbouwing=(
            "De begroting zegt niet of de 'Compensatie DU MO 2025' terugkomt. Basis: eenmalig, want hij "
            "compenseert een voorgaand jaar. Andere lezing: structureel, omdat de indexatiestap van 2025 "
            "in latere jaren blijft doorwerken."
        ),
        toelichting="Regels die alleen in het begrotingsjaar meetellen; alle andere regels lopen door in latere jaren.",
    ),
    Parameter(
        naam="dno_uitstel_jaren",
        label="Onttrekking voor de dag- en nachtopvang (DNO)",
        kort="onttrekking voor de DNO",
        eenheid="jaren na het begrotingsjaar",
        standaard=0,
        groep="Beschermd Thuis / MO",
        widget=KEUZE,
        keuzes={0: "in het begrotingsjaar", 1: "een jaar later", 2: "twee jaar later", 3: "drie jaar later"},
        lezing=True,
        soort="aanname",
        bron=f"{REGIOBEGROTING}, §4.1 Reserve Beschermd thuis",
        citaat="Verwachte toekomstige besteding (t.b.v. DNO conform besluit PHO MH januari 2024) € 1.010.000,00",
        onderbouwing=(
            "De bron noemt geen jaar. Basis: in het begrotingsjaar, zoals de tabel van de begroting het "
            "aftrekt om de verwachte ruimte eind van dat jaar te berekenen."
        ),
        toelichting="In welk jaar de verwachte besteding voor de nieuwe dag- en nachtopvang uit de reserve gaat.",
    ),
    Parameter(
        naam="reserve_na_centrumregeling",
        label="Reserve na het einde van de centrumregeling",
        kort="reserve na de centrumregeling",
        eenheid="keuze",
        standaard=0,
        groep="Beschermd Thuis / MO",
        widget=KEUZE,
        keuzes={
            0: "loopt door",
            1: "uitgekeerd bij het einde",
            2: "uitgekeerd een jaar later",
            3: "uitgekeerd twee jaar later",
        },
        lezing=True,
        soort="aanname",
        bron=f"{REGIOBEGROTING}, §3.5 Inrichting",
        citaat=(
            "In dit collegebesluit is afgesproken dat alle middelen die bij start van de doordecentralisatie nog "
            "in de reserve zitten, worden uitgekeerd aan de centrumgemeente Maastricht"
        ),
        onderbouwing=(
            "De centrumregeling loopt tot en met 2027; wanneer de doordecentralisatie start staat niet vast. "
            "Basis: de reserve loopt beleidsarm door. Anders: het saldo gaat aan het eind van het gekozen jaar "
            "naar Maastricht en de regionale reserve houdt op."
        ),
        toelichting="Wat er met de reserve gebeurt als de centrumregeling afloopt.",
    ),
    Parameter(
        naam="eind_jaar",
        label="Horizon (laatste jaar)",
        kort="horizon",
        eenheid="jaar",
        standaard=2030,
        groep="Algemeen",
        widget=SLIDER,
        minimum=2027,
        maximum=2040,
        stap=1,
        slider_format="%d",
        weergave=str,
        soort="aanname",
        bron="modelkeuze",
        onderbouwing="Tot en met welk jaar tabellen en grafieken lopen; het jaar waarin de reserve opraakt wordt altijd tot en met 2040 berekend.",
        toelichting="Tot en met welk jaar de prognoses getoond worden.",
    ),
)

PARAMETERS_BY_NAME: dict[str, Parameter] = {p.naam: p for p in PARAMETERS}
LEZINGEN: tuple[Parameter, ...] = tuple(p for p in PARAMETERS if p.lezing)

# Persons in one large household: the national scheme's definition of a large family.
PERSONEN_PER_GROOT_HUISHOUDEN = 6
# The run-out year of the reserve is searched up to here, whatever the horizon shown:
# a headline never says "not before the end of the chart".
REKENHORIZON = int(PARAMETERS_BY_NAME["eind_jaar"].maximum)


# --- Risk and uncertainty (issue 11): the simulation's spreads, policy risks, opvang budgets ----
# One block, appended to PARAMETERS below, so this table stays the one place for every assumption.
ONZEKERHEID = "Onzekerheid (simulatie)"
BELEIDSRISICO = "Beleidsrisico's"
OPVANG_BUDGETTEN = "Opvang en integratie"
BELEIDSKADER = "Beleidskader Nieuwe Stadsgezichten 2024-2027"


def _procentpunt(value) -> str:
    return f"± {fmt.getal(value, 1).removesuffix(',0')} procentpunt"


def _ingang(value) -> str:
    """A date stored as a year and a half (2027.0, 2027.5) so it fits a select slider."""
    return fmt.datum(f"{int(value)}-{'07' if value % 1 else '01'}-01")


def _bandbreedte(naam: str, label: str, kort: str, bron: str, onderbouwing: str, toelichting: str) -> Parameter:
    return Parameter(
        naam=naam, label=label, kort=kort, bron=bron, onderbouwing=onderbouwing, toelichting=toelichting,
        eenheid="procentpunt", standaard=1.0, groep=ONZEKERHEID, widget=SELECT_SLIDER, minimum=0.0, maximum=5.0,
        stap=0.1, weergave=_procentpunt, soort="aanname",
    )


def _spreiding(naam: str, label: str, kort: str, standaard: int, bron: str, onderbouwing: str, toelichting: str) -> Parameter:
    return Parameter(
        naam=naam, label=label, kort=kort, bron=bron, onderbouwing=onderbouwing, toelichting=toelichting,
        eenheid="procent per halfjaar", standaard=standaard, groep=ONZEKERHEID, widget=SLIDER, minimum=0, maximum=60,
        stap=1, slider_format="%d%%", weergave=lambda v: fmt.procent(v, 0), soort="afgeleid",
    )


RISICO_PARAMETERS: tuple[Parameter, ...] = (
    _spreiding(
        naam="spreiding_taakstelling_pct",
        label="Spreiding toekomstige taakstellingen",
        kort="spreiding van de taakstelling",
        standaard=19,
        bron="landelijke taakstelling per halfjaar 2022-2025 (Rijk; landelijke bekendmakingen, niet in de brondocumenten)",
        onderbouwing=(
            "Afgeleid: de standaardafwijking van de logaritme van de landelijke taakstellingen van de 2e helft van "
            "2022 tot en met de 2e helft van 2025 (13.500 tot 21.200 per halfjaar) is 19%. Kleiner kiezen maakt de "
            "kansen zekerder dan de geschiedenis rechtvaardigt."
        ),
        toelichting=(
            "Hoeveel een nog niet vastgestelde taakstelling per halfjaar kan afwijken van het scenario "
            "(lognormaal, middelste uitkomst gelijk aan het scenario, elk halfjaar een eigen trekking)."
        ),
    ),
    _spreiding(
        naam="spreiding_realisatie_pct",
        label="Spreiding realisatie per halfjaar",
        kort="spreiding van de realisatie",
        standaard=11,
        bron=f"{PROVINCIE}, bevindingen 2e helft 2025; {RAADSINFORMATIEBRIEF}",
        onderbouwing=(
            "Afgeleid: de standaardafwijking van de logaritme van de gerealiseerde halfjaren (116, 95 en 96 "
            "personen) is 11%."
        ),
        toelichting=(
            "Hoeveel de huisvesting per halfjaar kan afwijken van het tempo in het scenario "
            "(lognormaal, middelste uitkomst gelijk aan het tempo, elk halfjaar een eigen trekking)."
        ),
    ),
    _bandbreedte(
        naam="bandbreedte_du_mo_indexatie",
        label="Bandbreedte DU MO-indexatie",
        kort="bandbreedte van de DU MO-indexatie",
        bron=f"{REGIOBEGROTING}, §4.1 (Compensatie DU MO 2025 en 2026)",
        onderbouwing=(
            "Aanname: de bronnen noemen geen spreiding. De regiobegroting boekt als inleg van de DU MO-indexatie "
            "€ 130.861 (2025) en € 98.147 (2026), ongeveer 3,7% en 2,7% van de DU MO-bijdrage: een verschil van "
            "ongeveer 1 procentpunt."
        ),
        toelichting=(
            "De simulatie trekt per toekomst één DU MO-indexatie, gelijk verdeeld binnen deze afstand rond het "
            "scenario, en past die elk jaar toe."
        ),
    ),
    _bandbreedte(
        naam="bandbreedte_zorgkosten_groei",
        label="Bandbreedte zorgkostengroei",
        kort="bandbreedte van de zorgkostengroei",
        bron=f"{REGIOBEGROTING}, §4.2.1",
        onderbouwing=(
            "Aanname: de regiobegroting zegt dat de tarieven jaarlijks worden geïndexeerd en dat de druk op Beschermd "
            "Thuis aanhoudt, maar noemt geen percentage; dezelfde bandbreedte als de DU MO-indexatie."
        ),
        toelichting=(
            "De simulatie trekt per toekomst één zorgkostengroei, gelijk verdeeld binnen deze afstand rond het "
            "scenario, en past die elk jaar toe."
        ),
    ),
    Parameter(
        naam="simulatie_seed",
        label="Startgetal van de simulatie (seed)",
        kort="startgetal van de simulatie",
        eenheid="getal",
        standaard=0,
        groep=ONZEKERHEID,
        widget=SLIDER,
        minimum=0,
        maximum=999,
        stap=1,
        slider_format="%d",
        weergave=str,
        soort="aanname",
        bron="modelkeuze",
        onderbouwing=(
            "Hetzelfde startgetal en scenario geven precies dezelfde kansen. Een ander startgetal geeft andere "
            "gesimuleerde toekomsten; verschillen van meer dan een procentpunt wijzen op toeval."
        ),
        toelichting="Het startgetal van de toevalsgenerator van de simulatie op de pagina Risico's.",
    ),
    Parameter(
        naam="wetsvoorstel_36831",
        label="Wetsvoorstel 36831: geen voorrang meer voor statushouders",
        kort="afschaffing van de voorrang voor statushouders (wetsvoorstel 36831)",
        eenheid="ja/nee",
        standaard=False,
        groep=BELEIDSRISICO,
        widget=TOGGLE,
        soort="aanname",
        bron="wetsvoorstel 36831 (landelijk beleidsrisico, niet in de brondocumenten)",
        onderbouwing=(
            "Basis: het wetsvoorstel geldt niet. Het beëindigt de voorrang van statushouders bij woningtoewijzing; "
            "volgens het beleidskader horen statushouders nu bij de woonurgenten met voorrang."
        ),
        toelichting=(
            "Aan: vanaf de ingangsdatum valt een deel van de plaatsingen via urgentie weg; het tempo daalt met "
            "aandeel via urgentie × korting."
        ),
    ),
    Parameter(
        naam="wetsvoorstel_36831_ingang",
        label="Wetsvoorstel 36831: ingangsdatum",
        kort="ingangsdatum van wetsvoorstel 36831",
        eenheid="datum (begin van een halfjaar)",
        standaard=2027.0,
        groep=BELEIDSRISICO,
        widget=SELECT_SLIDER,
        minimum=2026.5,
        maximum=2035.0,
        stap=0.5,
        weergave=_ingang,
        soort="aanname",
        bron="modelkeuze",
        onderbouwing="Aanname: een ingangsdatum staat niet vast.",
        toelichting="Vanaf het halfjaar dat op of na deze datum begint, geldt de korting op het tempo.",
    ),
    Parameter(
        naam="wetsvoorstel_36831_aandeel_urgent",
        label="Wetsvoorstel 36831: aandeel plaatsingen via urgentie",
        kort="aandeel plaatsingen via urgentie",
        eenheid="aandeel",
        standaard=1.0,
        groep=BELEIDSRISICO,
        widget=SELECT_SLIDER,
        minimum=0.0,
        maximum=1.0,
        stap=0.05,
        weergave=fmt.aandeel,
        soort="afgeleid",
        bron=f"{BELEIDSKADER}, Huisvesting statushouders",
        citaat=(
            "Statushouders behoren tot de doelgroep woonurgenten met voorrang op een sociale huurwoning. (...) "
            "Statushouders maken onderdeel uit van de 500 woningzoekenden die via bemiddeling een woning krijgen "
            "toegewezen."
        ),
        onderbouwing="Afgeleid: volgens het beleidskader lopen alle plaatsingen van statushouders via urgentie en bemiddeling.",
        toelichting="Deel van de plaatsingen van statushouders dat via urgentie en bemiddeling loopt.",
    ),
    Parameter(
        naam="wetsvoorstel_36831_korting_pct",
        label="Wetsvoorstel 36831: korting op plaatsingen via urgentie",
        kort="korting op plaatsingen via urgentie",
        eenheid="procent",
        standaard=50,
        groep=BELEIDSRISICO,
        widget=SLIDER,
        minimum=0,
        maximum=100,
        stap=5,
        slider_format="%d%%",
        weergave=lambda v: fmt.procent(v, 0),
        soort="aanname",
        bron="modelkeuze",
        onderbouwing=(
            "Aanname: onbekend hoeveel plaatsingen wegvallen. Zonder voorrang zoeken statushouders mee met reguliere "
            "woningzoekenden; hun zoekduur was 24 maanden in 2023 (beleidskader)."
        ),
        toelichting="Hoeveel procent van de plaatsingen via urgentie wegvalt zodra het wetsvoorstel geldt.",
    ),
    Parameter(
        naam="kosten_per_extra_statushouder",
        label="Kosten per extra gehuisveste statushouder",
        kort="kosten per extra statushouder",
        eenheid="euro per persoon",
        standaard=3_250,
        groep=OPVANG_BUDGETTEN,
        widget=SELECT_SLIDER,
        minimum=0,
        maximum=15_000,
        stap=250,
        weergave=fmt.euro,
        soort="aanname",
        bron=f"{BELEIDSKADER}, Financiën, tabel 3",
        onderbouwing=(
            "Geen cijfer in de bronnen. Afgeleid als gemiddelde: de budgetten Inburgering (€ 525.191) en "
            "VluchtelingenWerk (€ 94.220) voor 2026 gedeeld door de 192 statushouders die het basisscenario in 2026 "
            "huisvest: ongeveer € 3.250."
        ),
        toelichting=(
            "Gemeentelijke kosten (begeleiding, uitvoering inburgering) van elke statushouder die in een jaar meer "
            "wordt gehuisvest dan in het basisscenario; de specifieke uitkering Wet Inburgering betaalt de "
            "inburgering zelf."
        ),
    ),
)

PARAMETERS = PARAMETERS + RISICO_PARAMETERS
PARAMETERS_BY_NAME = {p.naam: p for p in PARAMETERS}
