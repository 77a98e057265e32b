"""The glossary: every term the screens use that a newcomer to the file may not know."""

from __future__ import annotations

BEGRIPPEN: dict[str, str] = {
    "Statushouder": "Vluchteling met een verblijfsvergunning (vergunninghouder) die de gemeente een woning moet bieden.",
    "Taakstelling": "Het aantal statushouders dat de gemeente in een halfjaar moet huisvesten; het Rijk stelt het elk halfjaar vast.",
    "Achterstand": "Wat van eerdere taakstellingen nog niet gehuisvest is; telt mee in het volgende halfjaar.",
    "Opgave": "Taakstelling plus de achterstand aan het begin van het halfjaar: wat er in dat halfjaar moet gebeuren.",
    "Realisatie": "Het aantal statushouders dat in een halfjaar echt een woning kreeg (telling van het COA).",
    "Tussenstand": "Een realisatie die een bron meldt vóór het einde van het halfjaar; bij lezing (b) telt de rest van het halfjaar als aanname.",
    "Normpad": "De maximale achterstand die de Provincie op elke deadline toestaat (36 op 1 januari 2027, 18 op 1 juli 2027, 0 op 1 januari 2028, daarna 0 aan het eind van elk halfjaar).",
    "Interventieladder": "De stappen waarmee de Provincie toezicht houdt; Maastricht staat op trede 2. Wie een afspraak niet nakomt, riskeert verdere opschaling.",
    "HAR+": "Extra geld om grote gezinnen te huisvesten (gemeentelijke regeling, collegebesluit 16 december 2025; de rijksregeling eindigde 30 juni 2026).",
    "BW": "Beschermd Wonen: wonen met begeleiding voor mensen met psychische problemen; betaald uit 95% van de IUBW.",
    "MO": "Maatschappelijke Opvang: opvang voor dak- en thuislozen; betaald uit de DU MO.",
    "DU MO": "Decentralisatie-uitkering Maatschappelijke Opvang: het geld van het Rijk voor MO, aan de centrumgemeente.",
    "IUBW": "Integratie-uitkering Beschermd Wonen: het geld van het Rijk voor Beschermd Wonen.",
    "Centrumregeling": "De afspraak tussen Maastricht en de regiogemeenten over Beschermd Thuis, tot en met 2027.",
    "Bestemmingsreserve": "De reserve Beschermd Thuis: een overschot gaat erin, een tekort gaat eraf.",
    "Beleidsarm doorgetrokken": "Jaren na het einde van de afspraken: dezelfde regels en aannames voortgezet, zonder nieuw beleid.",
    "Basisscenario": "De cijfers uit de bronnen met elke aanname op haar basiswaarde; geen officiële prognose.",
    "Peildatum": "De datum waarop een cijfer betrekking heeft, zo precies als de bron hem noemt; 'onbekend' als de bron geen datum noemt.",
}
