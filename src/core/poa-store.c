/* poa-store.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "poa-activity-private.h"
#include "poa-budget-line.h"
#include "poa-date.h"
#include "poa-indicator.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-store-private.h"

/* The store is the only place that speaks SQL. Every statement is a constant string with bound
 * parameters, prepared once and kept for the life of the connection; every change the user
 * makes is one transaction. This file holds the connection's helpers and the rows;
 * poa-store-file.c the file itself (opening, creating, upgrading, backup and restore), and
 * poa-store-migrations.c the schema. */

G_DEFINE_FINAL_TYPE (PoaStore, poa_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (poa-store-error-quark, poa_store_error)

void
poa_plan_summary_free (PoaPlanSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->area);
  g_free (summary);
}

/* Turns SQLite's result code into an error that names @path and says what to do. @db, when
 * given, supplies SQLite's detail and the system error behind an I/O failure. */
gboolean
_poa_store_set_file_error (const char  *path,
                           sqlite3     *db,
                           int          rc,
                           GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  /* A full disk or a read-only mount often reaches SQLite as a plain I/O error. */
  if ((rc & 0xff) == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EDQUOT))
    rc = SQLITE_FULL;
  else if ((rc & 0xff) == SQLITE_IOERR && system_errno == EROFS)
    rc = SQLITE_READONLY;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a POA database"), path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s); restore it from a backup"), path, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file or its folder is read-only"), path);
      break;

    case SQLITE_FULL:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NO_SPACE,
                   _("“%s” cannot be written: the disk is full"), path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program; try again"), path);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                   _("“%s” cannot be opened (%s)"), path, detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                   _("“%s” could not be read or written (%s)"), path, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID,
                   _("“%s” refused an invalid value (%s)"), path, detail);
      break;

    default:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FAILED,
                   "“%s”: %s", path, detail);
      break;
    }

  return FALSE;
}

gboolean
_poa_store_set_error (PoaStore  *self,
                      int        rc,
                      GError   **error)
{
  return _poa_store_set_file_error (self->path, self->db, rc, error);
}

PoaStmt *
_poa_store_prepare (PoaStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _poa_store_set_error (self, rc, error);
      return NULL;
    }

  /* Keyed by the address of the constant string: each statement is written once, below. */
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Steps a statement that returns no row. */
gboolean
_poa_store_step_done (PoaStore  *self,
                      PoaStmt   *stmt,
                      GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);

  return TRUE;
}

gboolean
_poa_store_exec (PoaStore    *self,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);

  return stmt != NULL && _poa_store_step_done (self, stmt, error);
}

gboolean
_poa_store_begin (PoaStore  *self,
                  GError   **error)
{
  return _poa_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_poa_store_commit (PoaStore  *self,
                   GError   **error)
{
  return _poa_store_exec (self, "COMMIT", error);
}

void
_poa_store_rollback (PoaStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    _poa_store_exec (self, "ROLLBACK", NULL);
}

static void
bind_text (PoaStmt    *stmt,
           int         column,
           const char *text)
{
  sqlite3_bind_text (stmt, column, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_date (PoaStmt     *stmt,
           int          column,
           const GDate *date)
{
  char *iso = poa_date_format_iso (date);

  if (iso != NULL)
    sqlite3_bind_text (stmt, column, iso, -1, g_free);
  else
    sqlite3_bind_null (stmt, column);
}

/* The pool's hash: g_str_hash reads a byte at a time, and a big plan's paragraphs made it a
 * tenth of its loading. This reads eight bytes at a time and mixes them with multiplications
 * (the finaliser of MurmurHash3); it only has to spread texts, not resist attacks. */
static guint
text_hash (gconstpointer key)
{
  const char *text = key;
  gsize length = strlen (text);
  guint64 hash = length * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 word;
  gsize i;

  for (i = 0; i + sizeof word <= length; i += sizeof word)
    {
      memcpy (&word, text + i, sizeof word);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      hash ^= hash >> 33;
    }

  word = 0;
  memcpy (&word, text + i, length - i);
  hash = (hash ^ word) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  hash ^= hash >> 33;

  return (guint)(hash ^ (hash >> 32));
}

/* A text shared by every row that holds it, as a GRefString; empty texts are NULL in the
 * model (the file holds ''). @pool maps each distinct text to its shared copy. */
static char *
column_shared_text (PoaStmt    *stmt,
                    int         column,
                    GHashTable *pool)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  char *shared;

  if (text == NULL || text[0] == '\0')
    return NULL;

  shared = g_hash_table_lookup (pool, text);
  if (shared == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_add (pool, shared);
    }

  return g_ref_string_acquire (shared);
}

static void
column_date (PoaStmt *stmt,
             int      column,
             GDate   *date)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL || !poa_date_parse_iso (text, date))
    g_date_clear (date, 1);
}

static void
poa_store_finalize (GObject *object)
{
  PoaStore *self = (PoaStore *)object;

  /* Statements must go before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  _poa_store_forget_file (self);
  g_free (self->path);
  g_free (self->notice);

  G_OBJECT_CLASS (poa_store_parent_class)->finalize (object);
}

static void
poa_store_class_init (PoaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
poa_store_init (PoaStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

const char *
poa_store_get_path (PoaStore *self)
{
  g_return_val_if_fail (POA_IS_STORE (self), NULL);

  return self->path;
}

/**
 * poa_store_get_notice:
 *
 * What opening the database did that the user must be told, though it opened: a `-wal` file
 * found beside it that no program was using was applied, after copies of both were kept (their
 * names are in the text). The command line prints it on stderr; the window shows it once, as a
 * message that stays until dismissed, since it names files the user may want.
 *
 * Returns: (nullable): the text, translated, or %NULL
 */
const char *
poa_store_get_notice (PoaStore *self)
{
  g_return_val_if_fail (POA_IS_STORE (self), NULL);

  return self->notice;
}

/**
 * poa_store_list_plans:
 *
 * Returns: (transfer full) (element-type PoaPlanSummary): the plans, by year then área.
 */
GPtrArray *
poa_store_list_plans (PoaStore  *self,
                      GError   **error)
{
  static const char sql[] =
    "SELECT p.id, p.year, p.area,"
    "       (SELECT count(*) FROM activity a WHERE a.plan_id = p.id)"
    "  FROM plan p ORDER BY p.year, p.area, p.id";
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (POA_IS_STORE (self), NULL);

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return NULL;

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_plan_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoaPlanSummary *summary = g_new0 (PoaPlanSummary, 1);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->year = (guint)sqlite3_column_int (stmt, 1);
      summary->area = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      summary->n_activities = (guint)sqlite3_column_int (stmt, 3);
      g_ptr_array_add (plans, summary);
    }

  if (rc != SQLITE_DONE)
    {
      _poa_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&plans);
}

/**
 * poa_store_resolve_plan:
 * @requested: a plan id, or 0 for the default
 *
 * The plan to work on: @requested if it exists; without one, the only plan, or else the most
 * recently opened.
 *
 * Returns: the plan id, or 0 with @error set.
 */
gint64
poa_store_resolve_plan (PoaStore  *self,
                        gint64     requested,
                        GError   **error)
{
  static const char by_id[] = "SELECT id FROM plan WHERE id = ?1";
  static const char latest[] = "SELECT id FROM plan ORDER BY opened_at DESC, id DESC LIMIT 1";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (POA_IS_STORE (self), 0);

  if (!(stmt = _poa_store_prepare (self, requested > 0 ? by_id : latest, error)))
    return 0;

  if (requested > 0)
    sqlite3_bind_int64 (stmt, 1, requested);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_DONE)
    _poa_store_set_error (self, rc, error);
  else if (requested > 0)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND,
                 _("There is no plan %lld in “%s”"), (long long)requested, self->path);
  else
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND,
                 _("“%s” holds no plan"), self->path);
  return 0;
}

static gboolean
load_header (PoaStore  *self,
             PoaPlan   *plan,
             gint64     plan_id,
             GError   **error)
{
  static const char sql[] =
    "SELECT year, municipality, administration, direction, area, objective,"
    "       specific_objectives, observations, semaforo_green, semaforo_yellow,"
    "       tolerance_low, tolerance_high, review_status, closed_quarters"
    "  FROM plan WHERE id = ?1";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND,
                   _("There is no plan %lld in “%s”"), (long long)plan_id, self->path);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);

  poa_plan_set_id (plan, plan_id);
  poa_plan_set_year (plan, (guint)CLAMP (sqlite3_column_int (stmt, 0), POA_YEAR_MIN, POA_YEAR_MAX));
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    poa_plan_set_text (plan, i, (const char *)sqlite3_column_text (stmt, 1 + i));
  poa_plan_set_semaforo_green (plan, (guint)CLAMP (sqlite3_column_int (stmt, 1 + POA_PLAN_N_TEXTS),
                                                   0, POA_SEMAFORO_MAX));
  poa_plan_set_semaforo_yellow (plan, (guint)CLAMP (sqlite3_column_int (stmt, 2 + POA_PLAN_N_TEXTS),
                                                    0, POA_SEMAFORO_MAX));
  poa_plan_set_tolerance (plan,
                          (guint)CLAMP (sqlite3_column_int (stmt, 3 + POA_PLAN_N_TEXTS), 0, POA_TOLERANCE_MAX),
                          (guint)CLAMP (sqlite3_column_int (stmt, 4 + POA_PLAN_N_TEXTS), 0, POA_TOLERANCE_MAX));
  poa_plan_set_review (plan, (PoaReviewStatus)CLAMP (sqlite3_column_int (stmt, 5 + POA_PLAN_N_TEXTS),
                                                     0, POA_REVIEW_N_STATUSES - 1), NULL);
  poa_plan_set_closed_quarters (plan, (guint)sqlite3_column_int (stmt, 6 + POA_PLAN_N_TEXTS) & POA_CLOSED_QUARTERS_ALL);

  return TRUE;
}

static const char *
column_text (PoaStmt *stmt,
             int      column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* The planning unit's observations, oldest first. */
static gboolean
load_observations (PoaStore  *self,
                   PoaPlan   *plan,
                   gint64     plan_id,
                   GError   **error)
{
  static const char sql[] =
    "SELECT date, by, place, text FROM observation WHERE plan_id = ?1 ORDER BY id";
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    poa_plan_add_observation (plan, poa_observation_new (column_text (stmt, 0), column_text (stmt, 1),
                                                         column_text (stmt, 2), column_text (stmt, 3)));
  if (rc != SQLITE_DONE)
    return _poa_store_set_error (self, rc, error);
  return TRUE;
}

/* The review's steps and the change record, oldest first; the plan's status came with its
 * header. */
static gboolean
load_review_and_history (PoaStore  *self,
                         PoaPlan   *plan,
                         gint64     plan_id,
                         GError   **error)
{
  static const char steps_sql[] =
    "SELECT date, by, status, note FROM review_step WHERE plan_id = ?1 ORDER BY id";
  static const char history_sql[] =
    "SELECT date, by, place, field, before, after, justification"
    "  FROM change_record WHERE plan_id = ?1 ORDER BY id";
  int rc;

  {
    g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, steps_sql, error);
    g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_review_step_free);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (steps,
                       poa_review_step_new (column_text (stmt, 0), column_text (stmt, 1),
                                            (PoaReviewStatus)CLAMP (sqlite3_column_int (stmt, 2),
                                                                    0, POA_REVIEW_N_STATUSES - 1),
                                            column_text (stmt, 3)));
    if (rc != SQLITE_DONE)
      return _poa_store_set_error (self, rc, error);
    if (steps->len > 0)
      poa_plan_set_review (plan, poa_plan_get_review_status (plan), g_steal_pointer (&steps));
  }

  {
    g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, history_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      poa_plan_add_history_entry (plan,
                                  poa_history_entry_new (column_text (stmt, 0), column_text (stmt, 1),
                                                         column_text (stmt, 2), column_text (stmt, 3),
                                                         column_text (stmt, 4), column_text (stmt, 5),
                                                         column_text (stmt, 6)));
    if (rc != SQLITE_DONE)
      return _poa_store_set_error (self, rc, error);
  }

  return load_observations (self, plan, plan_id, error);
}

static gboolean
load_signatures (PoaStore  *self,
                 PoaPlan   *plan,
                 GError   **error)
{
  static const char sql[] =
    "SELECT position, role, name, title FROM signature WHERE plan_id = ?1 ORDER BY position";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, poa_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, (guint)sqlite3_column_int (stmt, 0));

      poa_signature_set_role (signature, (const char *)sqlite3_column_text (stmt, 1));
      poa_signature_set_name (signature, (const char *)sqlite3_column_text (stmt, 2));
      poa_signature_set_title (signature, (const char *)sqlite3_column_text (stmt, 3));
    }

  return rc == SQLITE_DONE || _poa_store_set_error (self, rc, error);
}

/* The calendar being built for @activity, made when its first month or justification is read. */
static PoaCalendar *
building_calendar (PoaActivity *activity)
{
  if (activity->calendar == NULL)
    activity->calendar = poa_calendar_new ();
  return activity->calendar;
}

/* The activity of @activities (from @first on) whose row id is @id, through an index made on
 * first use: a plan without follow-up never makes it. */
static PoaActivity *
activity_by_id (GHashTable **by_id,
                GPtrArray   *activities,
                guint        first,
                gint64       id)
{
  if (*by_id == NULL)
    {
      *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = first; i < activities->len; i++)
        {
          PoaActivity *a = g_ptr_array_index (activities, i);
          g_hash_table_insert (*by_id, &a->id, a);
        }
    }

  return g_hash_table_lookup (*by_id, &id);
}

/* Fills the calendars of the activities of @activities from @first on: the plan's months and
 * justifications, two queries for the whole plan. A plan without any follow-up, like every plan
 * written before it existed, costs two empty reads. */
static gboolean
load_follow_up (PoaStore   *self,
                gint64      plan_id,
                GPtrArray  *activities,
                guint       first,
                GError    **error)
{
  static const char months_sql[] =
    "SELECT m.activity_id, m.month, m.programmed, m.achieved, m.note"
    "  FROM activity_month m JOIN activity a ON a.id = m.activity_id"
    " WHERE a.plan_id = ?1";
  static const char justifications_sql[] =
    "SELECT j.activity_id, j.quarter, j.text"
    "  FROM activity_justification j JOIN activity a ON a.id = j.activity_id"
    " WHERE a.plan_id = ?1";
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(PoaStmt) months = NULL;
  g_autoptr(PoaStmt) justifications = NULL;
  int rc;

  if (first >= activities->len)
    return TRUE;

  if (!(months = _poa_store_prepare (self, months_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (months, 1, plan_id);
  while ((rc = sqlite3_step (months)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (months, 0);
      int month = sqlite3_column_int (months, 1);
      PoaActivity *activity;

      activity = activity_by_id (&by_id, activities, first, id);
      if (activity == NULL || month < 1 || month > 12)
        continue;
      /* Filled before anyone holds it: the one time a calendar is changed in place. */
      poa_calendar_set_month (building_calendar (activity), (guint)month,
                              (guint)CLAMP (sqlite3_column_int (months, 2), 0, (int)POA_GOAL_MAX),
                              (guint)CLAMP (sqlite3_column_int (months, 3), 0, (int)POA_GOAL_MAX),
                              (const char *)sqlite3_column_text (months, 4));
    }
  if (rc != SQLITE_DONE)
    return _poa_store_set_error (self, rc, error);

  if (!(justifications = _poa_store_prepare (self, justifications_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (justifications, 1, plan_id);
  while ((rc = sqlite3_step (justifications)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (justifications, 0);
      int quarter = sqlite3_column_int (justifications, 1);
      PoaActivity *activity;

      activity = activity_by_id (&by_id, activities, first, id);
      if (activity == NULL || quarter < 1 || quarter > 4)
        continue;
      poa_calendar_set_justification (building_calendar (activity), (guint)quarter,
                                      (const char *)sqlite3_column_text (justifications, 2));
    }
  if (rc != SQLITE_DONE)
    return _poa_store_set_error (self, rc, error);

  /* A row of zeros and no note holds nothing; the model keeps no empty calendar. */
  for (guint i = first; i < activities->len; i++)
    {
      PoaActivity *a = g_ptr_array_index (activities, i);

      if (a->calendar != NULL && poa_calendar_is_empty (a->calendar))
        g_clear_pointer (&a->calendar, poa_calendar_unref);
    }

  return TRUE;
}

/* The plan's activities from the @offset-th in the plan's order, @limit of them (-1: all),
 * into @out; texts shared through @pool. */
static gboolean
load_activities (PoaStore    *self,
                 gint64       plan_id,
                 guint        offset,
                 gint64       limit,
                 GHashTable  *pool,
                 GPtrArray   *out,
                 GError     **error)
{
  static const char sql[] =
    "SELECT id, number, name, strategic_axis, strategic_line, action_line, specific_activity,"
    "       responsible, unit, annual_goal, programmed, achieved, start_date, end_date, months"
    "  FROM activity WHERE plan_id = ?1 ORDER BY position, id LIMIT ?2 OFFSET ?3";
  g_autoptr(PoaStmt) stmt = NULL;
  guint first_new = out->len;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoaActivity *activity = poa_activity_new ();
      int col = 0;

      /* Fields are filled directly: nobody can be listening to a new activity yet. */
      activity->id = sqlite3_column_int64 (stmt, col++);
      activity->number = (guint)sqlite3_column_int (stmt, col++);
      for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
        activity->texts[i] = column_shared_text (stmt, col++, pool);
      for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
        {
          int goal = sqlite3_column_int (stmt, col++);
          activity->goals[i] = (guint)CLAMP (goal, 0, (int)POA_GOAL_MAX);
        }
      column_date (stmt, col++, &activity->start);
      column_date (stmt, col++, &activity->end);
      activity->months = (guint)sqlite3_column_int (stmt, col++) & POA_MONTHS_ALL;

      g_ptr_array_add (out, activity);
    }

  if (rc != SQLITE_DONE)
    return _poa_store_set_error (self, rc, error);

  return load_follow_up (self, plan_id, out, first_new, error);
}

static GHashTable *
text_pool_new (void)
{
  return g_hash_table_new_full (text_hash, g_str_equal, (GDestroyNotify)g_ref_string_release, NULL);
}

static gboolean
load_indicators (PoaStore  *self,
                 PoaPlan   *plan,
                 GError   **error)
{
  static const char sql[] =
    "SELECT id, name, variables, formula FROM indicator WHERE plan_id = ?1 ORDER BY position";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, poa_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PoaIndicator) indicator =
        poa_indicator_new ((const char *)sqlite3_column_text (stmt, 1),
                           (const char *)sqlite3_column_text (stmt, 2),
                           (const char *)sqlite3_column_text (stmt, 3));
      poa_indicator_set_id (indicator, sqlite3_column_int64 (stmt, 0));
      g_list_store_append (poa_plan_get_indicators (plan), indicator);
    }

  return rc == SQLITE_DONE || _poa_store_set_error (self, rc, error);
}

static gboolean
load_budget (PoaStore  *self,
             PoaPlan   *plan,
             GError   **error)
{
  static const char sql[] =
    "SELECT id, code, name, centavos FROM budget_line WHERE plan_id = ?1 ORDER BY position";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, poa_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PoaBudgetLine) line =
        poa_budget_line_new ((const char *)sqlite3_column_text (stmt, 1),
                             (const char *)sqlite3_column_text (stmt, 2),
                             sqlite3_column_int64 (stmt, 3));
      poa_budget_line_set_id (line, sqlite3_column_int64 (stmt, 0));
      g_list_store_append (poa_plan_get_budget (plan), line);
    }

  return rc == SQLITE_DONE || _poa_store_set_error (self, rc, error);
}

/**
 * poa_store_load_plan_in_parts:
 * @first: how many activities the first part holds
 * @first_read: (scope call) (nullable): called with the plan as soon as its header, signatures,
 *   indicators, budget and first @first activities are read; %FALSE from it: no need for the
 *   rest
 * @rest: (out) (transfer full) (optional): the other activities, in order, not added to the plan
 *
 * Reads a plan in two parts inside one read transaction, so that both are consistent: a
 * window can be built on the first part while the rest is read. Once @first_read has the plan,
 * this function no longer touches it; the caller adds @rest to it.
 *
 * Returns: (transfer full): the plan (first part only if @rest is given), or %NULL with @error
 *   set; @first_read may have had the plan already.
 */
PoaPlan *
poa_store_load_plan_in_parts (PoaStore             *self,
                              gint64                plan_id,
                              guint                 first,
                              PoaStoreFirstReadFunc first_read,
                              gpointer              data,
                              GPtrArray           **rest,
                              GError              **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GHashTable) pool = text_pool_new ();
  g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  g_return_val_if_fail (POA_IS_STORE (self), NULL);

  if (!_poa_store_exec (self, "BEGIN", error))
    return NULL;

  plan = poa_plan_new (POA_YEAR_MIN);
  ok = load_header (self, plan, plan_id, error) &&
       load_signatures (self, plan, error) &&
       load_indicators (self, plan, error) &&
       load_budget (self, plan, error) &&
       load_review_and_history (self, plan, plan_id, error) &&
       load_activities (self, plan_id, 0, rest != NULL ? (gint64)first : -1, pool, head, error);

  if (ok)
    {
      g_list_store_splice (poa_plan_get_activities (plan), 0, 0, head->pdata, head->len);
      gboolean go_on = first_read == NULL || first_read (plan, data);

      if (go_on && rest != NULL && head->len == first)
        ok = load_activities (self, plan_id, first, -1, pool, others, error);
    }

  /* A read transaction has nothing to keep; ending it cannot lose anything. */
  _poa_store_exec (self, "COMMIT", NULL);

  if (!ok)
    return NULL;
  if (rest != NULL)
    *rest = g_steal_pointer (&others);
  return g_steal_pointer (&plan);
}

/* A plan's month rows or justification rows, in the order of its activities, read beside them
 * by poa_store_read_plan(): @stmt is on the row of activity @id, or done. */
typedef struct
{
  PoaStmt *stmt;
  gboolean has_row;
  gint64   id;
} FollowUpCursor;

static gboolean
follow_up_step (PoaStore        *self,
                FollowUpCursor  *cursor,
                GError         **error)
{
  int rc = sqlite3_step (cursor->stmt);

  cursor->has_row = rc == SQLITE_ROW;
  if (cursor->has_row)
    cursor->id = sqlite3_column_int64 (cursor->stmt, 0);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || _poa_store_set_error (self, rc, error);
}

/* Whether any activity of the plan has a month or a justification that holds something: what
 * the model would hold as a calendar (load_follow_up() drops the empty ones). */
static gboolean
has_follow_up (PoaStore  *self,
               gint64     plan_id,
               gboolean  *follow_up,
               GError   **error)
{
  static const char sql[] =
    "SELECT EXISTS (SELECT 1 FROM activity a JOIN activity_month m ON m.activity_id = a.id"
    "                WHERE a.plan_id = ?1 AND (m.programmed <> 0 OR m.achieved <> 0 OR m.note <> ''))"
    "    OR EXISTS (SELECT 1 FROM activity a JOIN activity_justification j ON j.activity_id = a.id"
    "                WHERE a.plan_id = ?1 AND j.text <> '')";
  g_autoptr(PoaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);
  *follow_up = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static gboolean
read_activities (PoaStore              *self,
                 gint64                 plan_id,
                 gboolean               follow_up,
                 PoaStoreActivityFunc   each,
                 gpointer               data,
                 GError               **error)
{
  static const char sql[] =
    "SELECT id, number, name, strategic_axis, strategic_line, action_line, specific_activity,"
    "       responsible, unit, annual_goal, programmed, achieved, start_date, end_date, months"
    "  FROM activity WHERE plan_id = ?1 ORDER BY position, id";
  /* In the activities' order: the index on (plan_id, position) gives it without a sort. */
  static const char months_sql[] =
    "SELECT m.activity_id, m.month, m.programmed, m.achieved, m.note"
    "  FROM activity a JOIN activity_month m ON m.activity_id = a.id"
    " WHERE a.plan_id = ?1 ORDER BY a.position, a.id, m.month";
  static const char justifications_sql[] =
    "SELECT j.activity_id, j.quarter, j.text"
    "  FROM activity a JOIN activity_justification j ON j.activity_id = a.id"
    " WHERE a.plan_id = ?1 ORDER BY a.position, a.id, j.quarter";
  g_autoptr(PoaStmt) stmt = NULL;
  FollowUpCursor months = { NULL }, justifications = { NULL };
  g_autoptr(PoaStmt) months_stmt = NULL;
  g_autoptr(PoaStmt) justifications_stmt = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  /* A plan without follow-up (most) costs no probe of the months for each activity. */
  if (follow_up)
    {
      if (!(months_stmt = _poa_store_prepare (self, months_sql, error)) ||
          !(justifications_stmt = _poa_store_prepare (self, justifications_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (months_stmt, 1, plan_id);
      sqlite3_bind_int64 (justifications_stmt, 1, plan_id);
      months.stmt = months_stmt;
      justifications.stmt = justifications_stmt;
      if (!follow_up_step (self, &months, error) || !follow_up_step (self, &justifications, error))
        return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();
      int col = 0;

      /* As load_activities() fills them, each text its own. */
      activity->id = sqlite3_column_int64 (stmt, col++);
      activity->number = (guint)sqlite3_column_int (stmt, col++);
      for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++, col++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, col);

          activity->texts[i] = text != NULL && text[0] != '\0' ? g_ref_string_new (text) : NULL;
        }
      for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
        {
          int goal = sqlite3_column_int (stmt, col++);
          activity->goals[i] = (guint)CLAMP (goal, 0, (int)POA_GOAL_MAX);
        }
      column_date (stmt, col++, &activity->start);
      column_date (stmt, col++, &activity->end);
      activity->months = (guint)sqlite3_column_int (stmt, col++) & POA_MONTHS_ALL;

      while (months.has_row && months.id == activity->id)
        {
          int month = sqlite3_column_int (months_stmt, 1);

          if (month >= 1 && month <= 12)
            poa_calendar_set_month (building_calendar (activity), (guint)month,
                                    (guint)CLAMP (sqlite3_column_int (months_stmt, 2), 0, (int)POA_GOAL_MAX),
                                    (guint)CLAMP (sqlite3_column_int (months_stmt, 3), 0, (int)POA_GOAL_MAX),
                                    (const char *)sqlite3_column_text (months_stmt, 4));
          if (!follow_up_step (self, &months, error))
            return FALSE;
        }
      while (justifications.has_row && justifications.id == activity->id)
        {
          int quarter = sqlite3_column_int (justifications_stmt, 1);

          if (quarter >= 1 && quarter <= 4)
            poa_calendar_set_justification (building_calendar (activity), (guint)quarter,
                                            (const char *)sqlite3_column_text (justifications_stmt, 2));
          if (!follow_up_step (self, &justifications, error))
            return FALSE;
        }
      if (activity->calendar != NULL && poa_calendar_is_empty (activity->calendar))
        g_clear_pointer (&activity->calendar, poa_calendar_unref);

      if (!each (activity, data, error))
        return FALSE;
    }

  return rc == SQLITE_DONE || _poa_store_set_error (self, rc, error);
}

/**
 * poa_store_read_plan:
 * @header: (scope call): given the plan without its activities, and whether any of them has
 *   follow-up (a month figure or a justification)
 * @each: (scope call): given each activity in turn, as poa_store_load_plan() would make it
 *
 * Reads a plan without holding all its activities: for a writer that writes each as it comes
 * (issue 21: `poa export` to .json). One read transaction, so that the plan is consistent; an
 * error from @header or @each stops it and is returned.
 */
gboolean
poa_store_read_plan (PoaStore              *self,
                     gint64                 plan_id,
                     PoaStoreHeaderFunc     header,
                     PoaStoreActivityFunc   each,
                     gpointer               data,
                     GError               **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  gboolean follow_up = FALSE;
  gboolean ok;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);

  if (!_poa_store_exec (self, "BEGIN", error))
    return FALSE;

  plan = poa_plan_new (POA_YEAR_MIN);
  ok = load_header (self, plan, plan_id, error) &&
       load_signatures (self, plan, error) &&
       load_indicators (self, plan, error) &&
       load_budget (self, plan, error) &&
       load_review_and_history (self, plan, plan_id, error) &&
       has_follow_up (self, plan_id, &follow_up, error) &&
       header (plan, follow_up, data, error) &&
       read_activities (self, plan_id, follow_up, each, data, error);

  _poa_store_exec (self, "COMMIT", NULL);
  return ok;
}

/**
 * poa_store_load_year:
 * @year: the plans' year
 *
 * Reads every plan of @year for their figures (desk18: *Todas las áreas*, `poa summary`, `poa
 * consolidate`), in one read transaction and with one pool of shared texts: each plan whole
 * but for its review's steps, its change record and its observations (its review status is
 * read), which no figure needs and which are a third of a small plan's queries.
 *
 * Returns: (transfer full) (element-type PoaPlan): the plans, by área (as
 *   poa_store_list_plans()), or %NULL with @error set.
 */
GPtrArray *
poa_store_load_year (PoaStore  *self,
                     guint      year,
                     GError   **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) pool = text_pool_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (POA_IS_STORE (self), NULL);

  if (!(summaries = poa_store_list_plans (self, error)))
    return NULL;
  if (!_poa_store_exec (self, "BEGIN", error))
    return NULL;

  plans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; ok && i < summaries->len; i++)
    {
      const PoaPlanSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(PoaPlan) plan = NULL;
      g_autoptr(GPtrArray) activities = NULL;

      if (summary->year != year)
        continue;

      plan = poa_plan_new (POA_YEAR_MIN);
      activities = g_ptr_array_new_with_free_func (g_object_unref);
      ok = load_header (self, plan, summary->id, error) &&
           load_signatures (self, plan, error) &&
           load_indicators (self, plan, error) &&
           load_budget (self, plan, error) &&
           load_activities (self, summary->id, 0, -1, pool, activities, error);
      if (ok)
        {
          g_list_store_splice (poa_plan_get_activities (plan), 0, 0, activities->pdata, activities->len);
          g_ptr_array_add (plans, g_steal_pointer (&plan));
        }
    }

  /* A read transaction has nothing to keep; ending it cannot lose anything. */
  _poa_store_exec (self, "COMMIT", NULL);

  return ok ? g_steal_pointer (&plans) : NULL;
}

/**
 * poa_store_load_plan:
 *
 * Reads a whole plan, one query per table, inside one read transaction so that it is consistent.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set.
 */
PoaPlan *
poa_store_load_plan (PoaStore  *self,
                     gint64     plan_id,
                     GError   **error)
{
  return poa_store_load_plan_in_parts (self, plan_id, 0, NULL, NULL, NULL, error);
}

/* The three ordered lists of a plan (activities, indicators, budget lines) are stored alike: a
 * row per item, with its plan and its position in the list, and the item's fields. Inserting,
 * updating, deleting and moving are written once, below, driven by each list's table. */
typedef struct
{
  /* ?1 the plan, ?2 the position, then the fields from ?3 */
  const char  *insert;
  /* ?1 the id, then the fields from ?2 */
  const char  *update;
  const char  *position_of;
  const char  *shift;
  const char  *set_position;
  const char  *delete;

  GListStore *(*list_of)     (PoaPlan  *plan);
  gint64      (*get_id)      (gpointer  item);
  void        (*set_id)      (gpointer  item,
                              gint64    id);
  /* Binds the item's fields, in the order of both statements, from @column on. */
  void        (*bind_fields) (PoaStmt  *stmt,
                              int       column,
                              gpointer  item);
  /* Writes the rows that belong to the item (an activity's months), once its own row is
   * written; @replace: whether rows of it may be there already. NULL: none. */
  gboolean    (*write_children) (PoaStore  *self,
                                 gpointer   item,
                                 gboolean   replace,
                                 GError   **error);
} RowTable;

static gboolean
write_activity_follow_up (PoaStore  *self,
                          gpointer   item,
                          gboolean   replace,
                          GError   **error)
{
  static const char delete_months[] = "DELETE FROM activity_month WHERE activity_id = ?1";
  static const char delete_justifications[] =
    "DELETE FROM activity_justification WHERE activity_id = ?1";
  static const char insert_month[] =
    "INSERT INTO activity_month (activity_id, month, programmed, achieved, note)"
    "  VALUES (?1, ?2, ?3, ?4, ?5)";
  static const char insert_justification[] =
    "INSERT INTO activity_justification (activity_id, quarter, text) VALUES (?1, ?2, ?3)";
  PoaActivity *activity = item;
  PoaCalendar *calendar = activity->calendar;

  if (replace)
    {
      const char *deletes[] = { delete_months, delete_justifications };

      for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
        {
          g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, deletes[i], error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, activity->id);
          if (!_poa_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  if (calendar == NULL)
    return TRUE;

  for (guint m = 1; m <= 12; m++)
    {
      g_autoptr(PoaStmt) stmt = NULL;

      if (!poa_calendar_month_holds_something (calendar, m))
        continue;
      if (!(stmt = _poa_store_prepare (self, insert_month, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity->id);
      sqlite3_bind_int (stmt, 2, (int)m);
      sqlite3_bind_int (stmt, 3, (int)poa_calendar_get_programmed (calendar, m));
      sqlite3_bind_int (stmt, 4, (int)poa_calendar_get_achieved (calendar, m));
      bind_text (stmt, 5, poa_calendar_get_note (calendar, m));
      if (!_poa_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint q = 1; q <= 4; q++)
    {
      g_autoptr(PoaStmt) stmt = NULL;
      const char *text = poa_calendar_get_justification (calendar, q);

      if (text[0] == '\0')
        continue;
      if (!(stmt = _poa_store_prepare (self, insert_justification, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity->id);
      sqlite3_bind_int (stmt, 2, (int)q);
      bind_text (stmt, 3, text);
      if (!_poa_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_activity (PoaStmt  *stmt,
               int       column,
               gpointer  item)
{
  PoaActivity *activity = item;

  sqlite3_bind_int (stmt, column++, (int)activity->number);
  for (guint t = 0; t < POA_ACTIVITY_N_TEXTS; t++)
    bind_text (stmt, column++, activity->texts[t]);
  for (guint g = 0; g < POA_ACTIVITY_N_GOALS; g++)
    sqlite3_bind_int (stmt, column++, (int)activity->goals[g]);
  bind_date (stmt, column++, poa_activity_get_start (activity));
  bind_date (stmt, column++, poa_activity_get_end (activity));
  sqlite3_bind_int (stmt, column, (int)activity->months);
}

static void
bind_indicator (PoaStmt  *stmt,
                int       column,
                gpointer  item)
{
  PoaIndicator *indicator = item;

  bind_text (stmt, column, poa_indicator_get_name (indicator));
  bind_text (stmt, column + 1, poa_indicator_get_variables (indicator));
  bind_text (stmt, column + 2, poa_indicator_get_formula (indicator));
}

static void
bind_budget_line (PoaStmt  *stmt,
                  int       column,
                  gpointer  item)
{
  PoaBudgetLine *line = item;

  bind_text (stmt, column, poa_budget_line_get_code (line));
  bind_text (stmt, column + 1, poa_budget_line_get_name (line));
  sqlite3_bind_int64 (stmt, column + 2, poa_budget_line_get_centavos (line));
}

static const RowTable activity_table = {
  "INSERT INTO activity (plan_id, position, number, name, strategic_axis, strategic_line,"
  "                      action_line, specific_activity, responsible, unit, annual_goal,"
  "                      programmed, achieved, start_date, end_date, months)"
  "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  "UPDATE activity SET number = ?2, name = ?3, strategic_axis = ?4, strategic_line = ?5,"
  "                    action_line = ?6, specific_activity = ?7, responsible = ?8, unit = ?9,"
  "                    annual_goal = ?10, programmed = ?11, achieved = ?12,"
  "                    start_date = ?13, end_date = ?14, months = ?15"
  "  WHERE id = ?1",
  "SELECT plan_id, position FROM activity WHERE id = ?1",
  "UPDATE activity SET position = position + ?4 WHERE plan_id = ?1 AND position >= ?2 AND position < ?3",
  "UPDATE activity SET position = ?2 WHERE id = ?1",
  "DELETE FROM activity WHERE id = ?1",
  poa_plan_get_activities,
  (gint64 (*) (gpointer))poa_activity_get_id,
  (void (*) (gpointer, gint64))poa_activity_set_id,
  bind_activity,
  write_activity_follow_up,
};

static const RowTable indicator_table = {
  "INSERT INTO indicator (plan_id, position, name, variables, formula)"
  "  VALUES (?1, ?2, ?3, ?4, ?5)",
  "UPDATE indicator SET name = ?2, variables = ?3, formula = ?4 WHERE id = ?1",
  "SELECT plan_id, position FROM indicator WHERE id = ?1",
  "UPDATE indicator SET position = position + ?4 WHERE plan_id = ?1 AND position >= ?2 AND position < ?3",
  "UPDATE indicator SET position = ?2 WHERE id = ?1",
  "DELETE FROM indicator WHERE id = ?1",
  poa_plan_get_indicators,
  (gint64 (*) (gpointer))poa_indicator_get_id,
  (void (*) (gpointer, gint64))poa_indicator_set_id,
  bind_indicator,
};

static const RowTable budget_line_table = {
  "INSERT INTO budget_line (plan_id, position, code, name, centavos)"
  "  VALUES (?1, ?2, ?3, ?4, ?5)",
  "UPDATE budget_line SET code = ?2, name = ?3, centavos = ?4 WHERE id = ?1",
  "SELECT plan_id, position FROM budget_line WHERE id = ?1",
  "UPDATE budget_line SET position = position + ?4 WHERE plan_id = ?1 AND position >= ?2 AND position < ?3",
  "UPDATE budget_line SET position = ?2 WHERE id = ?1",
  "DELETE FROM budget_line WHERE id = ?1",
  poa_plan_get_budget,
  (gint64 (*) (gpointer))poa_budget_line_get_id,
  (void (*) (gpointer, gint64))poa_budget_line_set_id,
  bind_budget_line,
};

/* In the order a new plan's rows are written. */
static const RowTable *const row_tables[] = { &activity_table, &indicator_table, &budget_line_table };

/* Writes @item's row at @position; the rows from there on must have been moved already. On
 * success @item carries its new id. */
static gboolean
insert_row_at (PoaStore        *self,
               const RowTable  *table,
               gint64           plan_id,
               guint            position,
               gpointer         item,
               GError         **error)
{
  g_autoptr(PoaStmt) stmt = NULL;

  if (!(stmt = _poa_store_prepare (self, table->insert, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, (int)position);
  table->bind_fields (stmt, 3, item);
  if (!_poa_store_step_done (self, stmt, error))
    return FALSE;

  table->set_id (item, sqlite3_last_insert_rowid (self->db));
  return table->write_children == NULL || table->write_children (self, item, FALSE, error);
}

static gboolean
update_signature_row (PoaStore      *self,
                      gint64         plan_id,
                      guint          position,
                      PoaSignature  *signature,
                      GError       **error)
{
  static const char sql[] =
    "INSERT INTO signature (plan_id, position, role, name, title) VALUES (?1, ?2, ?3, ?4, ?5)"
    "  ON CONFLICT (plan_id, position) DO UPDATE"
    "  SET role = excluded.role, name = excluded.name, title = excluded.title";
  g_autoptr(PoaStmt) stmt = NULL;

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, (int)position);
  bind_text (stmt, 3, poa_signature_get_role (signature));
  bind_text (stmt, 4, poa_signature_get_name (signature));
  bind_text (stmt, 5, poa_signature_get_title (signature));
  return _poa_store_step_done (self, stmt, error);
}

/* Writes a row for every item of @table's list in @plan, at its position. */
static gboolean
insert_rows (PoaStore        *self,
             const RowTable  *table,
             PoaPlan         *plan,
             GError         **error)
{
  GListModel *list = G_LIST_MODEL (table->list_of (plan));
  gint64 plan_id = poa_plan_get_id (plan);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (!insert_row_at (self, table, plan_id, i, item, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_review_step (PoaStore            *self,
                    gint64               plan_id,
                    const PoaReviewStep *step,
                    GError             **error)
{
  static const char sql[] =
    "INSERT INTO review_step (plan_id, date, by, status, note) VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_text (stmt, 2, step->date);
  bind_text (stmt, 3, step->by);
  sqlite3_bind_int (stmt, 4, (int)step->status);
  bind_text (stmt, 5, step->note);
  return _poa_store_step_done (self, stmt, error);
}

static gboolean
insert_observation (PoaStore             *self,
                    gint64                plan_id,
                    const PoaObservation *observation,
                    GError              **error)
{
  static const char sql[] =
    "INSERT INTO observation (plan_id, date, by, place, text) VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_text (stmt, 2, observation->date);
  bind_text (stmt, 3, observation->by);
  bind_text (stmt, 4, observation->where);
  bind_text (stmt, 5, observation->text);
  return _poa_store_step_done (self, stmt, error);
}

static gboolean
insert_history (PoaStore                      *self,
                gint64                         plan_id,
                const PoaHistoryEntry *const  *entries,
                guint                          n_entries,
                GError                       **error)
{
  static const char sql[] =
    "INSERT INTO change_record (plan_id, date, by, place, field, before, after, justification)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);
      const PoaHistoryEntry *entry = entries[i];

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      bind_text (stmt, 2, entry->date);
      bind_text (stmt, 3, entry->by);
      bind_text (stmt, 4, entry->where);
      bind_text (stmt, 5, entry->field);
      bind_text (stmt, 6, entry->before);
      bind_text (stmt, 7, entry->after);
      bind_text (stmt, 8, entry->justification);
      if (!_poa_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_poa_store_insert_plan_rows (PoaStore  *self,
                             PoaPlan   *plan,
                             GError   **error)
{
  static const char plan_sql[] =
    "INSERT INTO plan (year, municipality, administration, direction, area, objective,"
    "                  specific_objectives, observations, semaforo_green, semaforo_yellow,"
    "                  tolerance_low, tolerance_high, review_status, closed_quarters)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
  gint64 plan_id;

  {
    g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, plan_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int (stmt, 1, (int)poa_plan_get_year (plan));
    for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
      bind_text (stmt, 2 + i, poa_plan_get_text (plan, i));
    sqlite3_bind_int (stmt, 2 + POA_PLAN_N_TEXTS, (int)poa_plan_get_semaforo_green (plan));
    sqlite3_bind_int (stmt, 3 + POA_PLAN_N_TEXTS, (int)poa_plan_get_semaforo_yellow (plan));
    sqlite3_bind_int (stmt, 4 + POA_PLAN_N_TEXTS, (int)poa_plan_get_tolerance_low (plan));
    sqlite3_bind_int (stmt, 5 + POA_PLAN_N_TEXTS, (int)poa_plan_get_tolerance_high (plan));
    sqlite3_bind_int (stmt, 6 + POA_PLAN_N_TEXTS, (int)poa_plan_get_review_status (plan));
    sqlite3_bind_int (stmt, 7 + POA_PLAN_N_TEXTS, (int)poa_plan_get_closed_quarters (plan));
    if (!_poa_store_step_done (self, stmt, error))
      return FALSE;
  }
  plan_id = sqlite3_last_insert_rowid (self->db);
  poa_plan_set_id (plan, plan_id);

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    if (!update_signature_row (self, plan_id, i, poa_plan_get_signature (plan, i), error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (row_tables); i++)
    if (!insert_rows (self, row_tables[i], plan, error))
      return FALSE;

  {
    GPtrArray *steps = poa_plan_get_review_steps (plan);
    GPtrArray *history = poa_plan_get_history (plan);

    for (guint i = 0; i < steps->len; i++)
      if (!insert_review_step (self, plan_id, g_ptr_array_index (steps, i), error))
        return FALSE;
    if (!insert_history (self, plan_id, (const PoaHistoryEntry *const *)history->pdata,
                         history->len, error))
      return FALSE;
  }
  {
    GPtrArray *observations = poa_plan_get_observations (plan);

    for (guint i = 0; i < observations->len; i++)
      if (!insert_observation (self, plan_id, g_ptr_array_index (observations, i), error))
        return FALSE;
  }

  return TRUE;
}

/* After a rollback, the ids handed out inside the transaction mean nothing. */
static void
forget_ids (PoaPlan *plan)
{
  poa_plan_set_id (plan, 0);

  for (guint t = 0; t < G_N_ELEMENTS (row_tables); t++)
    {
      GListModel *list = G_LIST_MODEL (row_tables[t]->list_of (plan));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          row_tables[t]->set_id (item, 0);
        }
    }
}

/**
 * poa_store_insert_plan:
 *
 * Adds @plan as a new plan, all of it or nothing; a damaged database is refused first (see
 * _poa_store_check_whole()). On success the plan and its activities,
 * indicators and budget lines carry their new ids.
 *
 * Returns: the new plan's id, or 0 with @error set.
 */
gint64
poa_store_insert_plan (PoaStore  *self,
                       PoaPlan   *plan,
                       GError   **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), 0);
  g_return_val_if_fail (POA_IS_PLAN (plan), 0);

  /* An import may write many pages: never into a damaged file. */
  if (!_poa_store_check_whole (self, error) || !_poa_store_begin (self, error))
    return 0;

  if (!_poa_store_insert_plan_rows (self, plan, error) || !_poa_store_commit (self, error))
    {
      _poa_store_rollback (self);
      forget_ids (plan);
      return 0;
    }

  return poa_plan_get_id (plan);
}

/**
 * poa_store_import_plan:
 * @replace_id: a plan that @plan replaces, deleted in the same transaction; 0: none
 * @plan: the plan's header, signatures, indicators, budget, review and record (and
 *   activities, if it holds some: they come first)
 * @next: (scope call): gives the plan's activities one at a time, in order
 *
 * Adds a plan whose activities are read as they are written, so that a big plan file is never
 * held whole (issue 21): each activity is written through the cached statements and dropped.
 * All of it or nothing, in one transaction, as poa_store_insert_plan() and
 * poa_store_replace_plan(); an error from @next rolls it back too. On success @plan carries
 * its new id (the activities handed on were dropped).
 *
 * Returns: the new plan's id, or 0 with @error set.
 */
gint64
poa_store_import_plan (PoaStore                 *self,
                       gint64                    replace_id,
                       PoaPlan                  *plan,
                       PoaStoreNextActivityFunc  next,
                       gpointer                  data,
                       GError                  **error)
{
  guint position;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (POA_IS_STORE (self), 0);
  g_return_val_if_fail (POA_IS_PLAN (plan), 0);
  g_return_val_if_fail (next != NULL, 0);

  if (!_poa_store_check_whole (self, error) || !_poa_store_begin (self, error))
    return 0;

  ok = (replace_id == 0 || poa_store_delete_plan (self, replace_id, error)) &&
       _poa_store_insert_plan_rows (self, plan, error);
  position = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  id = poa_plan_get_id (plan);

  while (ok)
    {
      g_autoptr(PoaActivity) activity = NULL;

      if (!(ok = next (data, &activity, error)) || activity == NULL)
        break;
      ok = insert_row_at (self, &activity_table, id, position++, activity, error);
    }

  if (!ok || !_poa_store_commit (self, error))
    {
      _poa_store_rollback (self);
      forget_ids (plan);
      return 0;
    }

  return id;
}

/**
 * poa_store_mark_opened:
 *
 * Records that the window opened this plan, so that it is the default next time.
 */
gboolean
poa_store_mark_opened (PoaStore  *self,
                       gint64     plan_id,
                       GError   **error)
{
  static const char sql[] = "UPDATE plan SET opened_at = ?1 WHERE id = ?2";
  g_autoptr(PoaStmt) stmt = NULL;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 2, plan_id);
  return _poa_store_step_done (self, stmt, error);
}

/* Single-row changes, for PoaDocument: each edit the user makes is one transaction made of a
 * few of these. A change that takes several statements runs inside a savepoint, so it is whole
 * even when called outside a transaction. */

/**
 * poa_store_begin:
 *
 * Starts a write transaction; poa_store_commit() or poa_store_rollback() ends it.
 */
gboolean
poa_store_begin (PoaStore  *self,
                 GError   **error)
{
  gint64 generation = 0;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);

  if (!_poa_store_begin (self, error))
    return FALSE;

  if (!_poa_store_read_generation (self, &generation, error))
    {
      _poa_store_rollback (self);
      return FALSE;
    }

  /* Another program (poa restore) replaced the plans since they were read: the ids this
   * connection's plan carries may now name other rows. */
  if (generation != self->generation)
    {
      _poa_store_rollback (self);
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_REPLACED,
                   _("The plans in “%s” were restored from a backup by another program since "
                     "this plan was opened; open the plan again"), self->path);
      return FALSE;
    }

  return TRUE;
}

gboolean
poa_store_commit (PoaStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);

  if (_poa_store_commit (self, error))
    return TRUE;

  _poa_store_rollback (self);
  return FALSE;
}

void
poa_store_rollback (PoaStore *self)
{
  g_return_if_fail (POA_IS_STORE (self));

  _poa_store_rollback (self);
}

static gboolean
savepoint (PoaStore  *self,
           GError   **error)
{
  return _poa_store_exec (self, "SAVEPOINT poa_change", error);
}

/* Ends the savepoint; outside a transaction its RELEASE is the commit, and may fail (a full
 * disk): then nothing was written, and the error says so. */
static gboolean
release (PoaStore  *self,
         gboolean   ok,
         GError   **error)
{
  if (!ok)
    _poa_store_exec (self, "ROLLBACK TO poa_change", NULL);

  if (!_poa_store_exec (self, "RELEASE poa_change", ok ? error : NULL))
    {
      _poa_store_rollback (self);
      return FALSE;
    }

  return ok;
}

static gboolean
row_not_found (PoaStore  *self,
               GError   **error)
{
  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND,
               _("“%s” no longer holds what was being changed; reopen the plan"), self->path);
  return FALSE;
}

/* Checks that an UPDATE or DELETE found its row. */
static gboolean
expect_one_row (PoaStore  *self,
                GError   **error)
{
  return sqlite3_changes (self->db) == 1 || row_not_found (self, error);
}

static gboolean
row_position (PoaStore        *self,
              const RowTable  *table,
              gint64           id,
              gint64          *plan_id,
              guint           *position,
              GError         **error)
{
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, table->position_of, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return row_not_found (self, error);
  if (rc != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);

  *plan_id = sqlite3_column_int64 (stmt, 0);
  *position = (guint)sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Moves the rows at positions [@from, @to) of a plan's list by @delta. */
static gboolean
shift_rows (PoaStore        *self,
            const RowTable  *table,
            gint64           plan_id,
            guint            from,
            guint            to,
            int              delta,
            GError         **error)
{
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, table->shift, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, delta);
  return _poa_store_step_done (self, stmt, error);
}

static gboolean
delete_row (PoaStore        *self,
            const RowTable  *table,
            gint64           id,
            GError         **error)
{
  gint64 plan_id = 0;
  guint position = 0;
  gboolean ok;

  if (!savepoint (self, error))
    return FALSE;

  ok = row_position (self, table, id, &plan_id, &position, error);
  if (ok)
    {
      g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, table->delete, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _poa_store_step_done (self, stmt, error);
        }
    }

  ok = ok && shift_rows (self, table, plan_id, position + 1, G_MAXINT32, -1, error);
  return release (self, ok, error);
}

static gboolean
move_row (PoaStore        *self,
          const RowTable  *table,
          gint64           id,
          guint            to,
          GError         **error)
{
  gint64 plan_id = 0;
  guint from = 0;
  gboolean ok;

  if (!savepoint (self, error))
    return FALSE;

  ok = row_position (self, table, id, &plan_id, &from, error);
  if (ok && to > from)
    ok = shift_rows (self, table, plan_id, from + 1, to + 1, -1, error);
  else if (ok && to < from)
    ok = shift_rows (self, table, plan_id, to, from, +1, error);

  if (ok)
    {
      g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, table->set_position, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, (int)to);
          ok = _poa_store_step_done (self, stmt, error);
        }
    }

  return release (self, ok, error);
}

static gboolean
insert_row (PoaStore        *self,
            const RowTable  *table,
            PoaPlan         *plan,
            guint            position,
            gpointer         item,
            GError         **error)
{
  gint64 plan_id = poa_plan_get_id (plan);
  gboolean ok;

  if (!savepoint (self, error))
    return FALSE;

  ok = shift_rows (self, table, plan_id, position, G_MAXINT32, +1, error) &&
       insert_row_at (self, table, plan_id, position, item, error);
  return release (self, ok, error);
}

static gboolean
update_fields (PoaStore        *self,
               const RowTable  *table,
               gpointer         item,
               GError         **error)
{
  g_autoptr(PoaStmt) stmt = NULL;

  if (!(stmt = _poa_store_prepare (self, table->update, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, table->get_id (item));
  table->bind_fields (stmt, 2, item);

  return _poa_store_step_done (self, stmt, error) && expect_one_row (self, error);
}

static gboolean
update_row (PoaStore        *self,
            const RowTable  *table,
            gpointer         item,
            GError         **error)
{
  gboolean ok;

  if (table->write_children == NULL)
    return update_fields (self, table, item, error);

  /* The months are rows of their own: the activity's row and theirs are one change. */
  if (!savepoint (self, error))
    return FALSE;

  ok = update_fields (self, table, item, error) &&
       table->write_children (self, item, TRUE, error);
  return release (self, ok, error);
}

/**
 * poa_store_update_plan:
 *
 * Writes the plan's year and header texts.
 */
gboolean
poa_store_update_plan (PoaStore  *self,
                       PoaPlan   *plan,
                       GError   **error)
{
  static const char sql[] =
    "UPDATE plan SET year = ?2, municipality = ?3, administration = ?4, direction = ?5,"
    "                area = ?6, objective = ?7, specific_objectives = ?8, observations = ?9,"
    "                semaforo_green = ?10, semaforo_yellow = ?11,"
    "                tolerance_low = ?12, tolerance_high = ?13, closed_quarters = ?14"
    "  WHERE id = ?1";
  g_autoptr(PoaStmt) stmt = NULL;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, poa_plan_get_id (plan));
  sqlite3_bind_int (stmt, 2, (int)poa_plan_get_year (plan));
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    bind_text (stmt, 3 + i, poa_plan_get_text (plan, i));
  sqlite3_bind_int (stmt, 3 + POA_PLAN_N_TEXTS, (int)poa_plan_get_semaforo_green (plan));
  sqlite3_bind_int (stmt, 4 + POA_PLAN_N_TEXTS, (int)poa_plan_get_semaforo_yellow (plan));
  sqlite3_bind_int (stmt, 5 + POA_PLAN_N_TEXTS, (int)poa_plan_get_tolerance_low (plan));
  sqlite3_bind_int (stmt, 6 + POA_PLAN_N_TEXTS, (int)poa_plan_get_tolerance_high (plan));
  sqlite3_bind_int (stmt, 7 + POA_PLAN_N_TEXTS, (int)poa_plan_get_closed_quarters (plan));

  return _poa_store_step_done (self, stmt, error) && expect_one_row (self, error);
}

/**
 * poa_store_update_signature:
 * @position: 0 (Elaboró), 1 (Revisó) or 2 (Aprobó)
 */
gboolean
poa_store_update_signature (PoaStore  *self,
                            PoaPlan   *plan,
                            guint      position,
                            GError   **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (position < POA_PLAN_N_SIGNATURES, FALSE);

  return update_signature_row (self, poa_plan_get_id (plan), position,
                               poa_plan_get_signature (plan, position), error);
}

/**
 * poa_store_insert_activity:
 * @position: where in the plan's list; the activities from there on move down one place
 *
 * Adds @activity to the plan in the file; on success it carries its new id.
 */
gboolean
poa_store_insert_activity (PoaStore     *self,
                           PoaPlan      *plan,
                           guint         position,
                           PoaActivity  *activity,
                           GError      **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), FALSE);

  return insert_row (self, &activity_table, plan, position, activity, error);
}

/**
 * poa_store_update_activity:
 *
 * Writes every field of @activity to its row.
 */
gboolean
poa_store_update_activity (PoaStore     *self,
                           PoaActivity  *activity,
                           GError      **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), FALSE);

  return update_row (self, &activity_table, activity, error);
}

gboolean
poa_store_delete_activity (PoaStore     *self,
                           PoaActivity  *activity,
                           GError      **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), FALSE);

  return delete_row (self, &activity_table, poa_activity_get_id (activity), error);
}

/**
 * poa_store_move_activity:
 * @position: the activity's new place in the plan's list
 */
gboolean
poa_store_move_activity (PoaStore     *self,
                         PoaActivity  *activity,
                         guint         position,
                         GError      **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), FALSE);

  return move_row (self, &activity_table, poa_activity_get_id (activity), position, error);
}

gboolean
poa_store_insert_indicator (PoaStore      *self,
                            PoaPlan       *plan,
                            guint          position,
                            PoaIndicator  *indicator,
                            GError       **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (POA_IS_INDICATOR (indicator), FALSE);

  return insert_row (self, &indicator_table, plan, position, indicator, error);
}

gboolean
poa_store_update_indicator (PoaStore      *self,
                            PoaIndicator  *indicator,
                            GError       **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_INDICATOR (indicator), FALSE);

  return update_row (self, &indicator_table, indicator, error);
}

gboolean
poa_store_delete_indicator (PoaStore      *self,
                            PoaIndicator  *indicator,
                            GError       **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_INDICATOR (indicator), FALSE);

  return delete_row (self, &indicator_table, poa_indicator_get_id (indicator), error);
}

gboolean
poa_store_move_indicator (PoaStore      *self,
                          PoaIndicator  *indicator,
                          guint          position,
                          GError       **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_INDICATOR (indicator), FALSE);

  return move_row (self, &indicator_table, poa_indicator_get_id (indicator), position, error);
}

gboolean
poa_store_insert_budget_line (PoaStore       *self,
                              PoaPlan        *plan,
                              guint           position,
                              PoaBudgetLine  *line,
                              GError        **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (POA_IS_BUDGET_LINE (line), FALSE);

  return insert_row (self, &budget_line_table, plan, position, line, error);
}

gboolean
poa_store_update_budget_line (PoaStore       *self,
                              PoaBudgetLine  *line,
                              GError        **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_BUDGET_LINE (line), FALSE);

  return update_row (self, &budget_line_table, line, error);
}

gboolean
poa_store_delete_budget_line (PoaStore       *self,
                              PoaBudgetLine  *line,
                              GError        **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_BUDGET_LINE (line), FALSE);

  return delete_row (self, &budget_line_table, poa_budget_line_get_id (line), error);
}

gboolean
poa_store_move_budget_line (PoaStore       *self,
                            PoaBudgetLine  *line,
                            guint           position,
                            GError        **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (POA_IS_BUDGET_LINE (line), FALSE);

  return move_row (self, &budget_line_table, poa_budget_line_get_id (line), position, error);
}

/**
 * poa_store_delete_plan:
 *
 * Deletes a plan and everything in it (the schema cascades), in one transaction.
 */
gboolean
poa_store_delete_plan (PoaStore  *self,
                       gint64     plan_id,
                       GError   **error)
{
  static const char sql[] = "DELETE FROM plan WHERE id = ?1";
  g_autoptr(PoaStmt) stmt = NULL;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);

  if (!(stmt = _poa_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  return _poa_store_step_done (self, stmt, error) && expect_one_row (self, error);
}

static gboolean
plan_exists (PoaStore  *self,
             gint64     plan_id,
             GError   **error)
{
  static const char sql[] = "SELECT 1 FROM plan WHERE id = ?1";
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _poa_store_set_error (self, rc, error);
  return row_not_found (self, error);
}

/**
 * poa_store_record_changes:
 * @plan_id: the plan the entries are about
 * @entries: (array length=n_entries): the entries, oldest first
 *
 * Appends to the plan's change record. Called inside the transaction of the edit the entries
 * describe (poa_store_begin() … poa_store_commit()), so that the edit and its record are kept
 * or lost together; outside one, it is its own. The record has no update and no delete: the
 * plan's deletion is the only thing that removes it.
 */
gboolean
poa_store_record_changes (PoaStore                      *self,
                          gint64                         plan_id,
                          const PoaHistoryEntry *const  *entries,
                          guint                          n_entries,
                          GError                       **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);

  if (n_entries == 0)
    return TRUE;
  if (!savepoint (self, error))
    return FALSE;
  return release (self,
                  plan_exists (self, plan_id, error) &&
                  insert_history (self, plan_id, entries, n_entries, error),
                  error);
}

/**
 * poa_store_add_review_step:
 *
 * Appends a step to the plan's review and makes its status the plan's, in one savepoint. The
 * transitions are poa_review_apply()'s to check; the store keeps what it is given.
 */
gboolean
poa_store_add_review_step (PoaStore            *self,
                           gint64               plan_id,
                           const PoaReviewStep *step,
                           GError             **error)
{
  static const char sql[] = "UPDATE plan SET review_status = ?1 WHERE id = ?2";
  gboolean ok;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!savepoint (self, error))
    return FALSE;

  ok = plan_exists (self, plan_id, error) && insert_review_step (self, plan_id, step, error);
  if (ok)
    {
      g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, (int)step->status);
          sqlite3_bind_int64 (stmt, 2, plan_id);
          ok = _poa_store_step_done (self, stmt, error);
        }
    }

  return release (self, ok, error);
}

/**
 * poa_store_add_observation:
 *
 * Appends an observation of the planning unit to the plan, in one savepoint. Inside a
 * transaction (a review step's), it is kept or lost with it.
 */
gboolean
poa_store_add_observation (PoaStore             *self,
                           gint64                plan_id,
                           const PoaObservation *observation,
                           GError              **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (observation != NULL, FALSE);

  if (!savepoint (self, error))
    return FALSE;
  return release (self,
                  plan_exists (self, plan_id, error) &&
                  insert_observation (self, plan_id, observation, error),
                  error);
}

/**
 * poa_store_replace_plan:
 * @old_id: the plan to replace
 * @plan: the plan that takes its place, as a new plan
 *
 * Deletes plan @old_id and adds @plan in one transaction: both or neither. What of the old plan
 * is to be kept (its change record) the caller has put in @plan already.
 *
 * Returns: the new plan's id, or 0 with @error set.
 */
gint64
poa_store_replace_plan (PoaStore  *self,
                        gint64     old_id,
                        PoaPlan   *plan,
                        GError   **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), 0);
  g_return_val_if_fail (POA_IS_PLAN (plan), 0);

  if (!_poa_store_check_whole (self, error) || !_poa_store_begin (self, error))
    return 0;

  if (!poa_store_delete_plan (self, old_id, error) ||
      !_poa_store_insert_plan_rows (self, plan, error) ||
      !_poa_store_commit (self, error))
    {
      _poa_store_rollback (self);
      forget_ids (plan);
      return 0;
    }

  return poa_plan_get_id (plan);
}
