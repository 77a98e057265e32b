-- Schema of the Sociaal Domein Verkenner database: the one place where tables are defined.
-- Every figure carries its source (bron_id + sectie), peildatum and soort, and the data
-- version (versie) that added it. A peildatum is as precise as its source ('2026-05-20',
-- '2025-11' for "november 2025", '2023'), or NULL when the source names none: never invented. A new figure never overwrites an old one: it is a new row
-- with a higher versie; readers take, per key, the newest row at or below the version asked.

CREATE TABLE meta (
    sleutel VARCHAR PRIMARY KEY,
    waarde  VARCHAR NOT NULL
);

CREATE TABLE dataversie (
    versie       INTEGER PRIMARY KEY,
    ingelezen_op TIMESTAMP NOT NULL,
    omschrijving VARCHAR NOT NULL
);

CREATE TABLE document (
    bron_id VARCHAR PRIMARY KEY,
    titel   VARCHAR NOT NULL,
    kort    VARCHAR NOT NULL,  -- short name for tables
    datum   VARCHAR CHECK (regexp_full_match(datum, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')),  -- NULL: the document is undated
    bestand VARCHAR NOT NULL DEFAULT '',  -- '' for a source outside shared/seeds
    versie  INTEGER NOT NULL DEFAULT 1 REFERENCES dataversie (versie)  -- the data version that added it (time travel)
);

CREATE TABLE halfjaarcijfer (
    periode    VARCHAR NOT NULL CHECK (regexp_full_match(periode, '[0-9]{4}-H[12]')),
    grootheid  VARCHAR NOT NULL CHECK (grootheid IN ('taakstelling', 'realisatie', 'achterstand_eind', 'opgave')),
    waarde     INTEGER NOT NULL CHECK (waarde >= 0),
    bron_id    VARCHAR NOT NULL REFERENCES document (bron_id),
    sectie     VARCHAR NOT NULL,
    peildatum  VARCHAR CHECK (regexp_full_match(peildatum, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')),
    soort      VARCHAR NOT NULL CHECK (soort IN ('gerapporteerd', 'afgeleid', 'aanname')),
    toelichting VARCHAR NOT NULL DEFAULT '',
    versie     INTEGER NOT NULL REFERENCES dataversie (versie),
    vervallen   BOOLEAN NOT NULL DEFAULT false,  -- set by an undo: the figure an entry introduced is taken away again
    PRIMARY KEY (periode, grootheid, versie)
);

CREATE TABLE normpad (
    periode         VARCHAR NOT NULL CHECK (regexp_full_match(periode, '[0-9]{4}-H[12]')),
    deadline        DATE NOT NULL,
    max_achterstand INTEGER NOT NULL CHECK (max_achterstand >= 0),
    bron_id         VARCHAR NOT NULL REFERENCES document (bron_id),
    sectie          VARCHAR NOT NULL,
    peildatum       VARCHAR CHECK (regexp_full_match(peildatum, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')),
    soort           VARCHAR NOT NULL CHECK (soort IN ('gerapporteerd', 'afgeleid', 'aanname')),
    toelichting     VARCHAR NOT NULL DEFAULT '',
    versie          INTEGER NOT NULL REFERENCES dataversie (versie),
    vervallen   BOOLEAN NOT NULL DEFAULT false,  -- set by an undo: the figure an entry introduced is taken away again
    PRIMARY KEY (periode, versie)
);

CREATE TABLE begrotingsregel (
    jaar        INTEGER NOT NULL,
    stroom      VARCHAR NOT NULL CHECK (stroom IN ('BW', 'MO')),
    regel       VARCHAR NOT NULL,
    kant        VARCHAR NOT NULL CHECK (kant IN ('lasten', 'baten')),
    bedrag      DECIMAL(14, 2) NOT NULL CHECK (bedrag >= 0),
    indexatie   VARCHAR NOT NULL CHECK (indexatie IN ('du_mo', 'iubw', 'zorgkosten', 'geen')),
    bron_id     VARCHAR NOT NULL REFERENCES document (bron_id),
    sectie      VARCHAR NOT NULL,
    peildatum   VARCHAR CHECK (regexp_full_match(peildatum, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')),
    soort       VARCHAR NOT NULL CHECK (soort IN ('gerapporteerd', 'afgeleid', 'aanname')),
    raming      BOOLEAN NOT NULL DEFAULT false,  -- an estimate the source itself reports ("circa", "raming")
    toelichting VARCHAR NOT NULL DEFAULT '',
    versie      INTEGER NOT NULL REFERENCES dataversie (versie),
    vervallen   BOOLEAN NOT NULL DEFAULT false,  -- set by an undo: the figure an entry introduced is taken away again
    PRIMARY KEY (jaar, regel, versie)
);

CREATE TABLE kengetal (
    onderwerp   VARCHAR NOT NULL,
    sleutel     VARCHAR NOT NULL,
    periode     VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    waarde      DECIMAL(14, 2) NOT NULL,
    eenheid     VARCHAR NOT NULL,
    bron_id     VARCHAR NOT NULL REFERENCES document (bron_id),
    sectie      VARCHAR NOT NULL,
    peildatum   VARCHAR CHECK (regexp_full_match(peildatum, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')),
    soort       VARCHAR NOT NULL CHECK (soort IN ('gerapporteerd', 'afgeleid', 'aanname')),
    raming      BOOLEAN NOT NULL DEFAULT false,
    toelichting VARCHAR NOT NULL DEFAULT '',
    versie      INTEGER NOT NULL REFERENCES dataversie (versie),
    vervallen   BOOLEAN NOT NULL DEFAULT false,  -- set by an undo: the figure an entry introduced is taken away again
    PRIMARY KEY (onderwerp, sleutel, periode, versie)
);

-- Saved scenarios are immutable: saving under the same name adds a version. naam_sleutel is
-- the name casefolded with its whitespace collapsed (core.opslag.naam_sleutel): "Hoge instroom"
-- and "HOGE  INSTROOM" are one scenario, and two saves can never both become version n.
-- instellingen is JSON: {"formaat": 2, "waarden": {assumption: typed value}} with only the
-- values that differ from the baseline, plus "onleesbaar" for values an older format held
-- that could not be read (kept as they were, reported when the scenario opens).
-- data_versie pins the base data it was computed on. id is given by the writer (max + 1,
-- under the store's lock): portable SQL, no sequence.
CREATE TABLE opgeslagen_scenario (
    id            INTEGER PRIMARY KEY,
    naam          VARCHAR NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 80),
    naam_sleutel  VARCHAR NOT NULL CHECK (length(naam_sleutel) BETWEEN 1 AND 80),
    versie        INTEGER NOT NULL CHECK (versie >= 1),
    omschrijving  VARCHAR NOT NULL DEFAULT '' CHECK (length(omschrijving) <= 1000),
    instellingen  VARCHAR NOT NULL,
    data_versie   INTEGER NOT NULL REFERENCES dataversie (versie),
    opgeslagen_op TIMESTAMP NOT NULL,
    UNIQUE (naam_sleutel, versie)
);

-- Archiving hides a scenario (all its versions) from the lists; nothing is deleted.
CREATE TABLE scenario_archief (
    naam_sleutel    VARCHAR PRIMARY KEY,
    gearchiveerd_op TIMESTAMP NOT NULL
);

-- Every schema migration this file went through, with its backup and what it reported.
CREATE TABLE migratie (
    van_versie    INTEGER NOT NULL,
    naar_versie   INTEGER NOT NULL,
    uitgevoerd_op TIMESTAMP NOT NULL,
    backup        VARCHAR NOT NULL,  -- file name of the copy made before, next to the database
    meldingen     VARCHAR NOT NULL DEFAULT ''  -- Dutch, one per line
);

-- Who entered a data version and why (staff entries and undo, core/data/invoer.py). The start data
-- from data/seeds have no row here. Nothing in this table or the figure tables is ever updated or deleted.
CREATE TABLE invoer (
    versie            INTEGER PRIMARY KEY REFERENCES dataversie (versie),
    wie               VARCHAR NOT NULL,  -- the name entered, or the logged-in user's name
    gebruiker_id      VARCHAR NOT NULL,  -- e-mail address or subject of the login; 'lokaal' without a login
    rol               VARCHAR NOT NULL,
    bron_id           VARCHAR,           -- the document most figures of the entry come from
    reden             VARCHAR NOT NULL,
    reden_bevindingen VARCHAR NOT NULL DEFAULT '',  -- why figures that break an identity were stored anyway
    soort             VARCHAR NOT NULL CHECK (soort IN ('invoer', 'terugdraaien')),
    herstelt          INTEGER            -- terugdraaien: the data version undone
);
