/* poa-store-migrations.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-store"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-store-private.h"

/* The schema, one step per version. A released step never changes: a new version adds a step.
 * The CHECK constraints are the second line of defence behind the model's validation, so that
 * nothing invalid reaches the file even through a bug. Dates are ISO text that SQLite's date()
 * gives back unchanged, which only real calendar dates do. */
static const char *migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE plan ("
  "  id                  INTEGER PRIMARY KEY,"
  "  year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
  "  municipality        TEXT NOT NULL DEFAULT '',"
  "  administration      TEXT NOT NULL DEFAULT '',"
  "  direction           TEXT NOT NULL DEFAULT '',"
  "  area                TEXT NOT NULL DEFAULT '',"
  "  objective           TEXT NOT NULL DEFAULT '',"
  "  specific_objectives TEXT NOT NULL DEFAULT '',"
  "  observations        TEXT NOT NULL DEFAULT '',"
  "  opened_at           INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE signature ("
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 2),"
  "  role     TEXT NOT NULL DEFAULT '',"
  "  name     TEXT NOT NULL DEFAULT '',"
  "  title    TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (plan_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE activity ("
  "  id                INTEGER PRIMARY KEY,"
  "  plan_id           INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position          INTEGER NOT NULL CHECK (position >= 0),"
  "  number            INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),"
  "  name              TEXT NOT NULL DEFAULT '',"
  "  strategic_axis    TEXT NOT NULL DEFAULT '',"
  "  strategic_line    TEXT NOT NULL DEFAULT '',"
  "  action_line       TEXT NOT NULL DEFAULT '',"
  "  specific_activity TEXT NOT NULL DEFAULT '',"
  "  responsible       TEXT NOT NULL DEFAULT '',"
  "  unit              TEXT NOT NULL DEFAULT '',"
  "  annual_goal       INTEGER NOT NULL DEFAULT 0 CHECK (annual_goal BETWEEN 0 AND 1000000000),"
  "  programmed        INTEGER NOT NULL DEFAULT 0 CHECK (programmed BETWEEN 0 AND 1000000000),"
  "  achieved          INTEGER NOT NULL DEFAULT 0 CHECK (achieved BETWEEN 0 AND 1000000000),"
  "  start_date        TEXT CHECK (start_date IS NULL OR date (start_date) IS start_date),"
  "  end_date          TEXT CHECK (end_date IS NULL OR date (end_date) IS end_date),"
  "  months            INTEGER NOT NULL DEFAULT 0 CHECK (months BETWEEN 0 AND 4095)"
  ");"
  "CREATE INDEX activity_by_plan ON activity (plan_id, position);"
  "CREATE TABLE indicator ("
  "  id        INTEGER PRIMARY KEY,"
  "  plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL CHECK (position >= 0),"
  "  name      TEXT NOT NULL DEFAULT '',"
  "  variables TEXT NOT NULL DEFAULT '',"
  "  formula   TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX indicator_by_plan ON indicator (plan_id, position);"
  "CREATE TABLE budget_line ("
  "  id        INTEGER PRIMARY KEY,"
  "  plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL CHECK (position >= 0),"
  "  code      TEXT NOT NULL DEFAULT '',"
  "  name      TEXT NOT NULL DEFAULT '',"
  "  centavos  INTEGER NOT NULL DEFAULT 0 CHECK (centavos BETWEEN 0 AND 100000000000000)"
  ");"
  "CREATE INDEX budget_line_by_plan ON budget_line (plan_id, position);",

  /* 1 → 2: the semáforo's thresholds, plan settings. Additive: a version-1 plan gets the
   * defaults, 90 and 70 (POA_SEMAFORO_DEFAULT_GREEN, _YELLOW). */
  "ALTER TABLE plan ADD COLUMN semaforo_green INTEGER NOT NULL DEFAULT 90"
  "  CHECK (semaforo_green BETWEEN 0 AND 100);"
  "ALTER TABLE plan ADD COLUMN semaforo_yellow INTEGER NOT NULL DEFAULT 70"
  "  CHECK (semaforo_yellow BETWEEN 0 AND 100);",

  /* 2 → 3: a number that changes when a restore replaces the plans, so that a window still
   * open on the old ones stops writing into rows that now belong to others. */
  "CREATE TABLE generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);"
  "INSERT INTO generation VALUES (1, random ());",

  /* 3 → 4: the year's follow-up. Per activity and month the goal programmed for it, what was
   * achieved in it and a note; per activity and quarter a justification; per plan the
   * tolerance band. Only months that hold something have a row. Additive: the activities'
   * totals stay where they were, so the achieved of a version-3 plan is all *sin mes*. */
  "CREATE TABLE activity_month ("
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  programmed  INTEGER NOT NULL DEFAULT 0 CHECK (programmed BETWEEN 0 AND 1000000000),"
  "  achieved    INTEGER NOT NULL DEFAULT 0 CHECK (achieved BETWEEN 0 AND 1000000000),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (activity_id, month)"
  ") WITHOUT ROWID;"
  "CREATE TABLE activity_justification ("
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),"
  "  text        TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (activity_id, quarter)"
  ") WITHOUT ROWID;"
  "ALTER TABLE plan ADD COLUMN tolerance_low INTEGER NOT NULL DEFAULT 90"
  "  CHECK (tolerance_low BETWEEN 0 AND 1000);"
  "ALTER TABLE plan ADD COLUMN tolerance_high INTEGER NOT NULL DEFAULT 110"
  "  CHECK (tolerance_high BETWEEN 0 AND 1000);",

  /* 4 → 5: the planning unit's review and the change record. Both are appended to only; the
   * plan's status is the last step's, kept on the plan so that a list of plans reads it
   * without the steps. Additive: every version-4 plan is a draft with an empty record. */
  "ALTER TABLE plan ADD COLUMN review_status INTEGER NOT NULL DEFAULT 0"
  "  CHECK (review_status BETWEEN 0 AND 3);"
  "CREATE TABLE review_step ("
  "  id      INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  date    TEXT NOT NULL,"
  "  by      TEXT NOT NULL DEFAULT '',"
  "  status  INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),"
  "  note    TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX review_step_by_plan ON review_step (plan_id, id);"
  "CREATE TABLE change_record ("
  "  id            INTEGER PRIMARY KEY,"
  "  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  date          TEXT NOT NULL,"
  "  by            TEXT NOT NULL DEFAULT '',"
  "  place         TEXT NOT NULL DEFAULT '',"
  "  field         TEXT NOT NULL DEFAULT '',"
  "  before        TEXT NOT NULL DEFAULT '',"
  "  after         TEXT NOT NULL DEFAULT '',"
  "  justification TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX change_record_by_plan ON change_record (plan_id, id);",

  /* 5 → 6: the planning unit's observations, on the plan or on an activity (PLACE as `check`
   * names it), appended to only; and the quarters it closed (bit Q − 1 for quarter Q), whose
   * month figures then change only with a justification. Additive: a version-5 plan has no
   * observation and no quarter closed. */
  "ALTER TABLE plan ADD COLUMN closed_quarters INTEGER NOT NULL DEFAULT 0"
  "  CHECK (closed_quarters BETWEEN 0 AND 15);"
  "CREATE TABLE observation ("
  "  id      INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  date    TEXT NOT NULL,"
  "  by      TEXT NOT NULL DEFAULT '',"
  "  place   TEXT NOT NULL DEFAULT 'plan',"
  "  text    TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX observation_by_plan ON observation (plan_id, id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == POA_STORE_SCHEMA_VERSION);

/* For each step, a count of what it creates that is there already: more than 0, and the step
 * would fail. A file whose user_version was set back (`PRAGMA user_version = 0` on a current
 * database) would otherwise be copied beside itself on every start, then fail to upgrade. */
static const char *already_there[] = {
  /* 0 → 1 */
  "SELECT count(*) FROM sqlite_schema WHERE name IN ('plan', 'signature', 'activity',"
  " 'activity_by_plan', 'indicator', 'indicator_by_plan', 'budget_line', 'budget_line_by_plan')",
  /* 1 → 2 */
  "SELECT count(*) FROM pragma_table_info ('plan')"
  " WHERE name IN ('semaforo_green', 'semaforo_yellow')",
  /* 2 → 3 */
  "SELECT count(*) FROM sqlite_schema WHERE name = 'generation'",
  /* 3 → 4 */
  "SELECT (SELECT count(*) FROM sqlite_schema"
  "         WHERE name IN ('activity_month', 'activity_justification'))"
  "     + (SELECT count(*) FROM pragma_table_info ('plan')"
  "         WHERE name IN ('tolerance_low', 'tolerance_high'))",
  /* 4 → 5 */
  "SELECT (SELECT count(*) FROM sqlite_schema"
  "         WHERE name IN ('review_step', 'review_step_by_plan', 'change_record',"
  "                        'change_record_by_plan'))"
  "     + (SELECT count(*) FROM pragma_table_info ('plan') WHERE name = 'review_status')",
  /* 5 → 6 */
  "SELECT (SELECT count(*) FROM sqlite_schema WHERE name IN ('observation', 'observation_by_plan'))"
  "     + (SELECT count(*) FROM pragma_table_info ('plan') WHERE name = 'closed_quarters')",
};

G_STATIC_ASSERT (G_N_ELEMENTS (already_there) == POA_STORE_SCHEMA_VERSION);

/* The tables of the first schema, which every version from 1 up has. */
#define FIRST_SCHEMA_TABLES \
  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('plan', 'signature'," \
  " 'activity', 'indicator', 'budget_line')"

static gboolean
count (sqlite3    *db,
       const char *sql,
       int        *n)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * _poa_store_check_version:
 * @db: a connection to a file with POA's application id
 * @path: its name, for the message
 * @version: its user_version, not above %POA_STORE_SCHEMA_VERSION (the caller refuses a newer one)
 * @restoring: whether the file is a backup to restore, for the message
 *
 * Whether the file's schema is what its version says, as far as upgrading it goes: only reads.
 * POA never writes a version below 0, and a version-0 file (POA's id, none of its tables yet)
 * is the only older one there is. A version of −1 made the upgrade abort the program, and a
 * current database set back to 0 wrote a new copy beside itself on every start and then failed
 * to create the tables it had. Both are damaged files (%POA_STORE_ERROR_CORRUPT, which `restore`
 * replaces as a file), refused before anything is written.
 */
gboolean
_poa_store_check_version (sqlite3     *db,
                          const char  *path,
                          int          version,
                          gboolean     restoring,
                          GError     **error)
{
  int n = 0;
  gboolean matches = version >= 0;

  g_assert (version <= POA_STORE_SCHEMA_VERSION);

  for (int v = MAX (version, 0); matches && v < POA_STORE_SCHEMA_VERSION; v++)
    matches = count (db, already_there[v], &n) && n == 0;

  if (matches && version >= 1)
    matches = count (db, FIRST_SCHEMA_TABLES, &n) && n == 5;

  if (matches)
    return TRUE;

  if (restoring)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (its tables do not match its database version, %d) and cannot "
                   "be restored"),
                 path, version);
  else
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (its tables do not match its database version, %d); restore "
                   "it from a backup"),
                 path, version);
  return FALSE;
}

/**
 * _poa_store_migrate_to:
 * @db: a connection inside a write transaction
 * @from_version: the file's schema version
 * @to_version: the version to reach; only tests ask for less than %POA_STORE_SCHEMA_VERSION,
 *   to make a file as an older POA wrote it
 *
 * Brings the schema from @from_version to @to_version and records it. The caller owns the
 * transaction, so a failure anywhere leaves the file as it was.
 */
gboolean
_poa_store_migrate_to (sqlite3  *db,
                       int       from_version,
                       int       to_version,
                       GError  **error)
{
  g_autofree char *set_version = NULL;

  g_assert (db != NULL);
  g_assert (to_version >= 0 && to_version <= POA_STORE_SCHEMA_VERSION);
  g_assert (from_version >= 0 && from_version <= to_version);

  for (int v = from_version; v < to_version; v++)
    {
      char *message = NULL;

      if (sqlite3_exec (db, migrations[v], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to version %d: %s"),
                       v + 1, message ? message : sqlite3_errmsg (db));
          sqlite3_free (message);
          return FALSE;
        }
    }

  /* PRAGMAs take no bound parameters; both values are integers of this program, not input. */
  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 POA_STORE_APPLICATION_ID, to_version);
  if (sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FAILED,
                   _("Could not upgrade the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/**
 * _poa_store_migrate:
 *
 * Brings the schema from @from_version to %POA_STORE_SCHEMA_VERSION.
 */
gboolean
_poa_store_migrate (sqlite3  *db,
                    int       from_version,
                    GError  **error)
{
  return _poa_store_migrate_to (db, from_version, POA_STORE_SCHEMA_VERSION, error);
}
