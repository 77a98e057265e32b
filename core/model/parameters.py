"""Every scenario assumption, described once: label, unit, range, baseline and source.

The sidebar sliders, the query-string format, the Bronnen page, the scenario's
own validation and the tests all read this table; nothing else defines them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from core.tekst import formatting as fmt

# The widget that fits each kind of value. Integer sliders keep plain numbers in
# the URL; select sliders carry the Dutch-formatted value (``2,5%``, ``€ 500.000``).
SLIDER, SELECT_SLIDER, TOGGLE, MULTISELECT = "slider", "select_slider", "toggle", "multiselect"


@dataclass(frozen=True)
class Parameter:
    naam: str
    label: str
    kort: str  # short label for generated sentences
    eenheid: str
    standaard: object
    groep: str
    widget: str
    soort: str  # gerapporteerd / afgeleid / aanname
    bron: str  # the source, or the rationale of an assumption
    toelichting: str  # what it does in the model
    minimum: float | None = None
    maximum: float | None = None
    stap: float | None = None
    weergave: Callable[[object], str] = str
    slider_format: str | None = None  # printf format for integer sliders

    def formatteer(self, value) -> str:
        if self.widget == SELECT_SLIDER and value in self._optie_teksten:
            return self._optie_teksten[value]
        if self.widget == TOGGLE:
            return "ja" if value else "nee"
        if self.widget == MULTISELECT:
            return ", ".join(sorted(value)) or "geen"
        return self.weergave(value)

    @cached_property
    def opties(self) -> list:
        """The values a select slider offers, from minimum to maximum in steps (computed once)."""
        count = round((self.maximum - self.minimum) / self.stap)
        decimals = _decimals(self.stap)
        values = [round(self.minimum + i * self.stap, decimals) for i in range(count + 1)]
        return [int(v) for v in values] if decimals == 0 else values

    @cached_property
    def _optie_teksten(self) -> dict:
        # Select sliders format every option on every rerun: look them up instead.
        return {v: self.weergave(v) for v in self.opties} if self.widget == SELECT_SLIDER else {}

    def help_tekst(self) -> str:
        return (
            f"{self.toelichting} Basiswaarde: {self.formatteer(self.standaard)}. "
            f"Bron: {self.bron} ({self.soort})."
        )

    def valideer(self, value) -> None:
        """Raise ValueError (Dutch) when ``value`` is outside what this parameter allows."""
        if self.widget in (SLIDER, SELECT_SLIDER):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{self.label}: '{value}' is geen getal.")
            if not self.minimum <= value <= self.maximum:
                raise ValueError(
                    f"{self.label}: {self.formatteer(value)} valt buiten het toegestane bereik "
                    f"{self.formatteer(self.minimum)} tot en met {self.formatteer(self.maximum)}."
                )
        elif self.widget == TOGGLE and not isinstance(value, bool):
            raise ValueError(f"{self.label}: '{value}' is geen ja/nee-waarde.")

    def naar_query(self, value) -> list[str]:
        """The URL form Streamlit's query-param binding uses for this widget."""
        if self.widget == SLIDER:
            return [str(int(value))]
        if self.widget == SELECT_SLIDER:
            return [self.formatteer(value)]
        if self.widget == TOGGLE:
            return ["true" if value else "false"]
        return sorted(value) or [""]

    def uit_query(self, raw: list[str], keuzes: list[str] | None = None):
        """Parse the URL form; raise ValueError with a Dutch message when it is invalid."""
        if self.widget == MULTISELECT:
            chosen = frozenset(v for v in raw if v != "")
            unknown = sorted(chosen - set(keuzes or []))
            if unknown:
                raise ValueError(f"{self.label}: onbekende begrotingsregel(s) {', '.join(unknown)}.")
            return chosen
        text = raw[-1] if raw else ""
        if self.widget == TOGGLE:
            if text.lower() not in ("true", "false"):
                raise ValueError(f"{self.label}: '{text}' is geen ja/nee-waarde.")
            return text.lower() == "true"
        if self.widget == SLIDER:
            try:
                value = int(text)
            except ValueError:
                raise ValueError(f"{self.label}: '{text}' is geen geheel getal.") from None
            self.valideer(value)
            return value
        by_text = {self.formatteer(v): v for v in self.opties}
        if text not in by_text:
            raise ValueError(
                f"{self.label}: '{text}' is geen toegestane waarde "
                f"({self.formatteer(self.minimum)} tot en met {self.formatteer(self.maximum)})."
            )
        return by_text[text]


def _decimals(step: float) -> int:
    text = f"{step:g}"
    return len(text.split(".")[1]) if "." in text else 0


def _pct1(value) -> str:
    return fmt.procent(value, 1)


def _jaarlijkse_groei(naam: str, label: str, kort: str, bron: str, toelichting: str) -> Parameter:
    """A yearly growth rate from 2027 on; the begroting assumes none, hence baseline 0."""
    return Parameter(
        naam=naam, label=label, kort=kort, bron=bron, toelichting=toelichting,
        eenheid="procent per jaar", standaard=0.0, groep="Beschermd Thuis / MO", widget=SELECT_SLIDER,
        minimum=-5.0, maximum=10.0, stap=0.1, weergave=_pct1, soort="aanname",
    )


PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        naam="instroom_pct",
        label="Instroom (taakstelling t.o.v. 113 per halfjaar)",
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
        bron=(
            "laatst bekende taakstelling: 113 voor de 2e helft 2026 "
            "(raadsinformatiebrief 20 mei 2026); toekomstige taakstellingen zijn onbekend"
        ),
        toelichting=(
            "Verandering van de nog niet vastgestelde taakstellingen (vanaf het eerste halfjaar "
            "zonder vastgestelde taakstelling) ten opzichte van 113 per halfjaar."
        ),
    ),
    Parameter(
        naam="huisvesting_per_halfjaar",
        label="Huisvesting per halfjaar (personen)",
        kort="huisvesting per halfjaar",
        eenheid="personen per halfjaar",
        standaard=96,
        groep="Statushouders",
        widget=SLIDER,
        minimum=0,
        maximum=300,
        stap=1,
        slider_format="%d",
        weergave=fmt.getal,
        soort="gerapporteerd",
        bron="realisatie 1e helft 2026: 96 personen (raadsinformatiebrief 20 mei 2026)",
        toelichting="Hoeveel statushouders per toekomstig halfjaar een woning kunnen krijgen.",
    ),
    Parameter(
        naam="huurtoeslag_grote_gezinnen",
        label="Huurtoeslagregels 2026 (grote gezinnen plaatsbaar)",
        kort="huurtoeslagregels 2026",
        eenheid="ja/nee",
        standaard=True,
        groep="Statushouders",
        widget=TOGGLE,
        soort="gerapporteerd",
        bron=(
            "raadsinformatiebrief 20 mei 2026: door de veranderde huurtoeslaggrenzen zijn grote "
            "gezinnen zonder HAR+ geplaatst; tot en met 2025 gold een harde huurgrens (€ 900,07)"
        ),
        toelichting=(
            "Aan: grote gezinnen passen in grote corporatiewoningen zonder extra geld. "
            "Uit: hun plaatsing vraagt HAR+-geld of blijft uit."
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
        bron=(
            "geen cijfer in de bronnen; het beleidskader 2024-2027 noemt woningen voor 6+ personen "
            "als grootste knelpunt. Modelaanname, pas aan als COA-gegevens beschikbaar zijn"
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
        bron=(
            "gemeentelijke HAR+-regeling (collegebesluit 16 december 2025); het bedrag staat niet "
            "in de bronnen en tot mei 2026 is er niets uit besteed"
        ),
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
        bron=(
            "midden van € 35.000 tot € 50.000 per groot huishouden uit de landelijke regeling "
            "huisvesting grote gezinnen vergunninghouders"
        ),
        toelichting="Wat HAR+ per geplaatst groot huishouden (6 personen) kost.",
    ),
    _jaarlijkse_groei(
        naam="du_mo_indexatie_pct",
        label="Indexatie DU MO per jaar",
        kort="DU MO-indexatie",
        bron=(
            "regiobegroting 2026 §4.2.4: 'bij het gelijk blijven van het tekort' (geen indexatie "
            "verondersteld); de regiogemeenten brengen hun DU MO-indexatie in"
        ),
        toelichting="Jaarlijkse groei vanaf 2027 van de DU MO-bijdrage en de compensatie DU MO.",
    ),
    _jaarlijkse_groei(
        naam="iubw_indexatie_pct",
        label="Indexatie IUBW per jaar",
        kort="IUBW-indexatie",
        bron="regiobegroting 2026 §4.2.4: 'bij het gelijk blijven van het tekort' (geen indexatie verondersteld)",
        toelichting="Jaarlijkse groei vanaf 2027 van de IUBW-bijdrage Beschermd Wonen (95%).",
    ),
    _jaarlijkse_groei(
        naam="zorgkosten_groei_pct",
        label="Groei zorgkosten per jaar",
        kort="zorgkostengroei",
        bron=(
            "regiobegroting 2026 §4.2.4: 'bij het gelijk blijven van het tekort'; tarieven worden "
            "jaarlijks geïndexeerd (§4.2.1)"
        ),
        toelichting="Jaarlijkse groei vanaf 2027 van de zorglasten Beschermd Wonen en Maatschappelijke Opvang.",
    ),
    Parameter(
        naam="eenmalig",
        label="Eenmalige begrotingsregels",
        kort="eenmalige regels",
        eenheid="begrotingsregels",
        standaard=frozenset({"Compensatie DU MO 2025"}),
        groep="Beschermd Thuis / MO",
        widget=MULTISELECT,
        soort="aanname",
        bron="regiobegroting 2026 §4.1: 'Compensatie DU MO 2025' compenseert een voorgaand jaar",
        toelichting="Regels die alleen in 2026 meetellen; alle andere regels lopen door in latere jaren.",
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
        bron="modelkeuze; de centrumregeling loopt tot en met 2027",
        toelichting="Tot en met welk jaar de prognoses lopen.",
    ),
)

PARAMETERS_BY_NAME: dict[str, Parameter] = {p.naam: p for p in PARAMETERS}

# Persons in one large household: the national scheme's definition of a large family.
PERSONEN_PER_GROOT_HUISHOUDEN = 6
