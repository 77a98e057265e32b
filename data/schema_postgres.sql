-- What users write, in the shared PostgreSQL database (VERKENNER_POSTGRES): saved scenarios with the
-- same tables and rules as in data/schema.sql, and the log of entered figures (gegevensinvoer). data_versie names a data version of the
-- DuckDB file the figures come from; there is no foreign key across the two stores.
CREATE TABLE IF NOT EXISTS meta (
    sleutel VARCHAR PRIMARY KEY,
    waarde  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS opgeslagen_scenario (
    id            INTEGER PRIMARY KEY,
    naam          VARCHAR NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 80),
    naam_sleutel  VARCHAR NOT NULL CHECK (length(naam_sleutel) BETWEEN 1 AND 80),
    versie        INTEGER NOT NULL CHECK (versie >= 1),
    omschrijving  VARCHAR NOT NULL DEFAULT '' CHECK (length(omschrijving) <= 1000),
    instellingen  VARCHAR NOT NULL,
    data_versie   INTEGER NOT NULL,
    opgeslagen_op TIMESTAMP NOT NULL,
    UNIQUE (naam_sleutel, versie)
);

CREATE TABLE IF NOT EXISTS scenario_archief (
    naam_sleutel    VARCHAR PRIMARY KEY,
    gearchiveerd_op TIMESTAMP NOT NULL
);

-- Entered figures and undos, one row per data version (core/data/invoerlog.py): append-only, never
-- updated or deleted. inhoud holds the rows the version added to each table of data/schema.sql
-- (document, halfjaarcijfer, normpad, begrotingsregel, kengetal, invoer) as JSON; every app
-- process replays the versions its DuckDB file lacks, under the same numbers.
CREATE TABLE IF NOT EXISTS gegevensinvoer (
    versie       INTEGER PRIMARY KEY CHECK (versie >= 2),
    ingelezen_op TIMESTAMP NOT NULL,
    omschrijving VARCHAR NOT NULL,
    inhoud       TEXT NOT NULL
);
