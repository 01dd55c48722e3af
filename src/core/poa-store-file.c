/* poa-store-file.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-store"

#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-atomic-file.h"
#include "poa-default-plan.h"
#include "poa-plan.h"
#include "poa-store-private.h"

static sqlite3 *open_reference_schema (const char  *file,
                                       int          version,
                                       GError     **error);
static char    *compare_schema        (sqlite3     *db,
                                       sqlite3     *reference,
                                       sqlite3     *current);

/* The store's file: where it is, opening it (created whole, checked, upgraded after a copy is
 * kept), and copying it out and back (backup and restore). The rows are poa-store.c's. */
/**
 * poa_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/mx.gob.sombrerete.Poa/poa.sqlite3`
 */
char *
poa_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "poa.sqlite3", NULL);
}

/**
 * poa_store_resolve_path:
 * @explicit_path: (nullable): the file asked for by name (the command line's --db)
 *
 * The database to use: @explicit_path, else $POA_DB, else the default file, whose folder is
 * created (readable by its owner only) if needed. A folder named explicitly is never created:
 * a typo there must not go unnoticed.
 *
 * Returns: (transfer full): the path, or %NULL with @error set (a #GFileError).
 */
char *
poa_store_resolve_path (const char  *explicit_path,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  const char *env = g_getenv ("POA_DB");

  if (explicit_path != NULL)
    return g_strdup (explicit_path);
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  path = poa_store_default_path ();
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Says why @path could not be created, after open() or rename() failed with @saved_errno. */
static gboolean
set_create_error (const char  *path,
                  int          saved_errno,
                  GError     **error)
{
  if (saved_errno == ENOENT)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                   _("Cannot create “%s”: the folder “%s” does not exist"), path, folder);
    }
  else if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_READ_ONLY,
                 _("Cannot create “%s”: the folder is read-only"), path);
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NO_SPACE,
                 _("Cannot create “%s”: the disk is full"), path);
  else
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                 _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));

  return FALSE;
}

/* Creates an empty temporary file beside @path, from @path plus ".XXXXXX", that only its owner
 * may read. SQLite gives the -wal, -shm and -journal files it makes later the same permissions. */
static char *
create_temporary_beside (const char  *path,
                         GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_create_error (path, errno, error);
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&temporary);
}

static void
remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Makes a rename or a link inside @path's folder survive a power cut. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The one number @sql reads: a pragma's, or a row's single value. */
static gboolean
read_number (PoaStore    *self,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(PoaStmt) stmt = _poa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_identity (PoaStore  *self,
                int       *version,
                GError   **error)
{
  gint64 user_version = 0;
  gint64 application_id = 0;
  GStatBuf st;

  if (!read_number (self, "PRAGMA user_version", &user_version, error) ||
      !read_number (self, "PRAGMA application_id", &application_id, error))
    return FALSE;
  /* Both pragmas are 32-bit integers in the file's header. */
  *version = (int)user_version;

  if (*version > POA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of POA (database version %d, this "
                     "program knows up to %d); update POA to open it"),
                   self->path, *version, POA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (application_id == POA_STORE_APPLICATION_ID)
    return _poa_store_check_version (self->db, self->path, *version, FALSE, error);

  if (g_stat (self->path, &st) == 0 && st.st_size == 0)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is empty, not a POA database; restore it from a backup"), self->path);
  else
    /* A whole SQLite database, another program's: never to be "restored" over. */
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FOREIGN,
                 _("“%s” is not a POA database"), self->path);
  return FALSE;
}

/* The generation of the file's plans: a restore gives them a new one. */
gboolean
_poa_store_read_generation (PoaStore  *self,
                            gint64    *generation,
                            GError   **error)
{
  return read_number (self, "SELECT value FROM generation WHERE id = 1", generation, error);
}

static gboolean
new_generation (PoaStore  *self,
                GError   **error)
{
  g_autoptr(PoaStmt) stmt = NULL;
  gint64 value;

  if (!(stmt = _poa_store_prepare (self, "UPDATE generation SET value = ?1 WHERE id = 1", error)))
    return FALSE;

  /* Anything but the old value; random so that two restores of one backup differ too. */
  do
    value = (gint64)g_random_int () << 31 | g_random_int ();
  while (value == self->generation);

  sqlite3_bind_int64 (stmt, 1, value);
  if (!_poa_store_step_done (self, stmt, error))
    return FALSE;

  self->generation = value;
  return TRUE;
}

/* Of an integrity check's verdict (transfer full), its first problem, without the "*** in
 * database main ***" line that heads a list of them. */
static char *
first_problem (char *verdict)
{
  const char *start = verdict;
  char *problem;

  if (g_str_has_prefix (start, "*** in database main ***\n"))
    start += strlen ("*** in database main ***\n");
  problem = g_strndup (start, strcspn (start, "\n"));
  g_free (verdict);

  return problem;
}

/* A damaged file is said when it is opened, not halfway through an edit. Files up to this size
 * are read whole by PRAGMA quick_check (a few tens of milliseconds). A bigger one (the planning
 * unit's, with every area's plans) is not, for start-up's sake: SQLite itself refuses a
 * truncated file on the first read, from its header, and any other damage is found, and said,
 * when the page is read; and before a command writes much (an import) or copies the file (a
 * backup), the whole file is read, see _poa_store_check_whole() and copy_to_temporary(). */
#define QUICK_CHECK_MAX_BYTES (16 * 1024 * 1024)

static gboolean
quick_check (PoaStore  *self,
             GError   **error)
{
  g_autoptr(PoaStmt) stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  if (!(stmt = _poa_store_prepare (self, "PRAGMA quick_check", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _poa_store_set_error (self, rc, error);

  result = first_problem (g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (g_strcmp0 (result, "ok") == 0)
    {
      self->checked = TRUE;
      return TRUE;
    }

  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s); restore it from a backup"), self->path, result);
  return FALSE;
}

static gboolean
check_integrity (PoaStore  *self,
                 GError   **error)
{
  GStatBuf st;

  if (g_stat (self->path, &st) == 0 && st.st_size > QUICK_CHECK_MAX_BYTES)
    return TRUE;

  return quick_check (self, error);
}

/**
 * _poa_store_check_whole:
 *
 * Reads every page of the database once per store (PRAGMA quick_check), whatever its size: a
 * command about to write much into it refuses a damaged file, with the advice to restore it,
 * rather than write into it. A file small enough was read whole when it was opened.
 */
gboolean
_poa_store_check_whole (PoaStore  *self,
                        GError   **error)
{
  return self->checked || quick_check (self, error);
}

static gboolean
open_connection (PoaStore    *self,
                 const char  *file,
                 GError     **error)
{
  int rc = sqlite3_open_v2 (file, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    return _poa_store_set_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* SQLite quietly opens a file it may not write read-only. Refuse it before reading: even a
   * read of a WAL file would leave -wal and -shm files beside it. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file or its folder is read-only"), self->path);
      return FALSE;
    }

  return TRUE;
}

static void
close_connection (PoaStore *self)
{
  /* Statements must go before the connection can close. */
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
}

static gboolean
configure_connection (PoaStore  *self,
                      GError   **error)
{
  char *message = NULL;
  int rc;

  /* WAL keeps the file consistent through a crash or a power cut, and readers never wait.
   * synchronous = FULL also makes each commit durable: an edit the window has shown as saved
   * survives a power cut, for the cost of one fsync per edit. */
  rc = sqlite3_exec (self->db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return _poa_store_set_error (self, rc, error);

  return TRUE;
}

static char *check_pages (sqlite3    *db,
                          const char *pragma,
                          int        *rc);

/* Says why the copy to @dest could not be written, from poa-atomic-file's @file_error (in the
 * G_FILE_ERROR domain), in the store's own terms. */
static void
set_copy_error (const char    *dest,
                const GError  *file_error,
                GError       **error)
{
  switch (file_error->code)
    {
    case G_FILE_ERROR_NOENT:
      {
        g_autofree char *folder = g_path_get_dirname (dest);
        g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                     _("Cannot create “%s”: the folder “%s” does not exist"), dest, folder);
      }
      break;

    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_ROFS:
    case G_FILE_ERROR_PERM:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_READ_ONLY,
                   _("Cannot create “%s”: the folder is read-only"), dest);
      break;

    case G_FILE_ERROR_NOSPC:
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NO_SPACE,
                   _("Cannot create “%s”: the disk is full"), dest);
      break;

    default:
      /* GLib has no code for a full quota: its message is the only trace of it. */
      if (strstr (file_error->message, g_strerror (EDQUOT)) != NULL)
        g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NO_SPACE,
                     _("Cannot create “%s”: the disk is full"), dest);
      else
        g_set_error_literal (error, POA_STORE_ERROR, POA_STORE_ERROR_IO, file_error->message);
      break;
    }
}

/* Copies the database open on @src into a new hidden temporary file beside @dest
 * (`.NAME.XXXXXX`, see poa-atomic-file.c) with SQLite's online backup, which takes a consistent
 * snapshot even while others write. The copy is in rollback-journal mode, one self-contained
 * file, and only its owner may read it: SQLite gives the -journal it makes the same permissions.
 *
 * The online backup copies pages as they are, damaged or not: with @check the copy is read
 * whole (PRAGMA integrity_check) before it is given, and a damaged one is refused, so that a
 * backup is never a damaged file that looks whole. The copy kept of plans a restore replaces
 * is not checked: it keeps them as they are, however that is.
 *
 * Returns: (transfer full): the copy, for the caller to commit into place; freeing it removes
 *   the temporary. On failure nothing is left beside @dest. */
static PoaAtomicFile *
copy_to_temporary (sqlite3     *src,
                   const char  *dest,
                   gboolean     check,
                   GError     **error)
{
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autofree char *verdict = NULL;
  const char *temporary;
  sqlite3_backup *backup;
  sqlite3 *db = NULL;
  int rc;

  if (!(file = poa_atomic_file_begin (dest, 0600, &file_error)))
    {
      set_copy_error (dest, file_error, error);
      return NULL;
    }
  temporary = poa_atomic_file_get_temp_path (file);

  rc = sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (db, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (db);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }

  /* The pages copied from a WAL database say "WAL" in their header. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc == SQLITE_OK && check)
    verdict = check_pages (db, "integrity_check", &rc);

  if (rc != SQLITE_OK)
    _poa_store_set_file_error (dest, db, rc, error);
  else if (check && g_strcmp0 (verdict, "ok") != 0)
    {
      const char *source = sqlite3_db_filename (src, "main");

      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s), and so was its copy: “%s” was not written; "
                     "restore the database from a backup"),
                   source != NULL ? source : "", verdict, dest);
      rc = SQLITE_CORRUPT;
    }
  sqlite3_close (db);

  /* SQLite's own files beside the temporary; freeing @file removes the temporary itself. */
  if (rc != SQLITE_OK)
    {
      remove_database_files (temporary);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/* Writes a copy of the database open on @src to @dest, which is then either what it was or
 * the whole copy, never part of it; with @check, never a damaged copy (see
 * copy_to_temporary()). */
static gboolean
write_copy (sqlite3     *src,
            const char  *dest,
            gboolean     check,
            GError     **error)
{
  g_autoptr(PoaAtomicFile) file = copy_to_temporary (src, dest, check, error);
  g_autoptr(GError) file_error = NULL;

  if (file == NULL)
    return FALSE;

  if (!poa_atomic_file_commit (file, &file_error))
    {
      set_copy_error (dest, file_error, error);
      return FALSE;
    }

  return TRUE;
}

/* A name beside the database for a copy made before an upgrade or a restore:
 * `poa.sqlite3.2026-11-29T23-15-00.bak`, in local time, never an existing file's name. */
static char *
backup_name_beside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%S");
  char *name = g_strdup_printf ("%s.%s.bak", path, stamp);

  for (guint i = 2; g_file_test (name, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.%s-%u.bak", path, stamp, i);
    }

  return name;
}

/* Brings the schema up to date, and adds @plan (nullable) in the same transaction. */
static gboolean
migrate (PoaStore  *self,
         int        version,
         PoaPlan   *plan,
         GError   **error)
{
  if (!_poa_store_begin (self, error))
    return FALSE;

  if (!_poa_store_migrate (self->db, version, error) ||
      (plan != NULL && !_poa_store_insert_plan_rows (self, plan, error)) ||
      !_poa_store_commit (self, error))
    {
      /* Every message names the file; the schema's steps do not know it. */
      if (error != NULL && *error != NULL && strstr ((*error)->message, self->path) == NULL)
        g_prefix_error (error, "“%s”: ", self->path);
      _poa_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* An upgrade rewrites the schema of the file that holds the office's work: a copy of it is made
 * beside it first, before anything writes to the file, and without that copy there is no
 * upgrade. */
static gboolean
keep_before_upgrade (PoaStore  *self,
                     int        version,
                     GError   **error)
{
  g_autofree char *backup = NULL;

  if (version == POA_STORE_SCHEMA_VERSION)
    return TRUE;

  backup = backup_name_beside (self->path);
  if (!write_copy (self->db, backup, TRUE, error))
    {
      g_prefix_error (error,
                      _("“%s” needs an upgrade, which was not done since its backup failed: "),
                      self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
upgrade (PoaStore  *self,
         int        version,
         GError   **error)
{
  return version == POA_STORE_SCHEMA_VERSION || migrate (self, version, NULL, error);
}

/* Where a database appears only when whole: one is built in a temporary file beside @path and
 * given its name once it holds the schema and the default plan. A crash while creating it
 * leaves no half-made file at @path, and an empty file there is never taken for a new one. */
static gboolean
create_database (PoaStore  *self,
                 GError   **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autofree char *temporary = NULL;
  gboolean ok;

  if (!(plan = poa_default_plan_new (error)) ||
      !(temporary = create_temporary_beside (self->path, error)))
    return FALSE;

  ok = open_connection (self, temporary, error) &&
       configure_connection (self, error) &&
       migrate (self, 0, plan, error);
  close_connection (self);

  /* link() never replaces: should another POA have created the file meanwhile, keep theirs.
   * File systems without hard links get the name by rename(). */
  if (ok && link (temporary, self->path) != 0 && errno != EEXIST)
    {
      if ((errno == EPERM || errno == EOPNOTSUPP) && g_rename (temporary, self->path) == 0)
        g_clear_pointer (&temporary, g_free);
      else
        ok = set_create_error (self->path, errno, error);
    }

  if (temporary != NULL)
    remove_database_files (temporary);
  sync_folder (self->path);

  return ok;
}

/* ---- A -wal file that no program is using ------------------------------------------------
 *
 * SQLite applies a database's -wal file when it opens the database, and writes it into the
 * file when the last connection closes. After POA itself was killed, that is how the last
 * edits come back. But nothing ties a -wal to its database: one copied or left beside the file
 * from another database (another POA's, another program's) is applied just the same, and it
 * can put another plan into the file, or make it another program's. So a -wal with changes in
 * it, found when no program has the database open, is never applied unseen: the database and
 * the -wal are first copied aside (dated names, as the copy kept by a restore), then SQLite
 * applies it, and the result must be a whole POA database of the current schema. If it is,
 * the store opens and says what it did (poa_store_get_notice()); if not, nothing is written
 * into the file (no checkpoint on close), the -wal is taken away (its copy is kept), and the
 * opening is refused with %POA_STORE_ERROR_STRAY_WAL, naming both copies: the database is then
 * as it was before the -wal came, and opens next time.
 *
 * "No program has it open" is read from the locks SQLite itself takes: every connection to a
 * database in WAL mode holds a read lock on a byte of its -shm file and on the database file's
 * shared-lock range while it is open (os_unix.c, UNIX_SHM_DMS and SHARED_FIRST). fcntl(F_GETLK)
 * sees another process's lock without taking one. It cannot see this process's own, and closing
 * any descriptor of a file drops all of this process's POSIX locks on it (SQLite's too), so a
 * file that a store of this process has open is never looked at: open_files counts those. */

/* SQLite's lock bytes (os_unix.c): the pending, reserved and shared bytes of the database
 * file, and the -shm's "dead man switch", which every connection holds. */
#define SQLITE_PENDING_BYTE 0x40000000
#define SQLITE_LOCK_BYTES   (2 + 510)
#define SQLITE_SHM_DMS      (120 + 8)

/* A -wal this long or shorter is only its header: there is nothing to apply. */
#define WAL_HEADER_BYTES 32

G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;  /* "device:inode" → number of stores of this process on it */

static char *
file_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;

  return g_strdup_printf ("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

static void
remember_file (PoaStore *self)
{
  g_autofree char *key = file_key (self->path);

  if (key == NULL)
    return;

  G_LOCK (open_files);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_files, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key)) + 1));
  G_UNLOCK (open_files);

  self->file_key = g_steal_pointer (&key);
}

/**
 * _poa_store_forget_file:
 *
 * The store's connection is closed: its file no longer counts as open in this process.
 */
void
_poa_store_forget_file (PoaStore *self)
{
  guint n;

  if (self->file_key == NULL)
    return;

  G_LOCK (open_files);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_key));
  if (n <= 1)
    g_hash_table_remove (open_files, self->file_key);
  else
    g_hash_table_insert (open_files, g_strdup (self->file_key), GUINT_TO_POINTER (n - 1));
  G_UNLOCK (open_files);

  g_clear_pointer (&self->file_key, g_free);
}

static gboolean
open_in_this_process (const char *path)
{
  g_autofree char *key = file_key (path);
  gboolean open;

  G_LOCK (open_files);
  open = key != NULL && open_files != NULL && g_hash_table_contains (open_files, key);
  G_UNLOCK (open_files);

  return open;
}

/* Whether another process holds a lock on @length bytes of @file from @start. */
static gboolean
locked_by_another_process (const char *file,
                           off_t       start,
                           off_t       length)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = length };
  int fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
  gboolean locked;

  if (fd < 0)
    return FALSE;

  locked = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  g_close (fd, NULL);

  return locked;
}

/* Copies @from to a new file @to, readable by its owner only, synced. */
static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  char buffer[64 * 1024];
  int in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  int out = in < 0 ? -1 : g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno = 0;
  ssize_t n;

  if (in < 0 || out < 0)
    saved_errno = errno;

  while (saved_errno == 0 && (n = read (in, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        saved_errno = errno;
      for (ssize_t done = 0; saved_errno == 0 && done < n;)
        {
          ssize_t w = write (out, buffer + done, n - done);

          if (w < 0 && errno != EINTR)
            saved_errno = errno;
          else if (w > 0)
            done += w;
        }
    }

  if (saved_errno == 0 && fsync (out) != 0)
    saved_errno = errno;
  if (in >= 0)
    g_close (in, NULL);
  if (out >= 0 && !g_close (out, NULL) && saved_errno == 0)
    saved_errno = EIO;

  if (saved_errno == 0)
    return TRUE;

  if (out >= 0)
    g_unlink (to);
  return set_create_error (to, saved_errno, error);
}

/* Before SQLite opens @self's file: if a -wal with changes is beside it and no program has the
 * file open, copies both aside. @kept_db and @kept_wal are left %NULL when there was nothing to
 * do. A -wal beside no database at all is moved aside whole, since there is nothing it could be
 * the changes of (@kept_db stays %NULL). */
static gboolean
keep_stray_wal (PoaStore  *self,
                char     **kept_db,
                char     **kept_wal,
                GError   **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *db_copy = NULL;
  g_autofree char *wal_copy = NULL;
  GStatBuf st;

  if (g_stat (wal, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *base = backup_name_beside (self->path);

      wal_copy = g_strconcat (base, "-wal", NULL);
      if (g_rename (wal, wal_copy) != 0)
        return set_create_error (wal_copy, errno, error);
      g_unlink (shm);
      *kept_wal = g_steal_pointer (&wal_copy);
      return TRUE;
    }

  if (st.st_size <= WAL_HEADER_BYTES ||
      open_in_this_process (self->path) ||
      locked_by_another_process (self->path, SQLITE_PENDING_BYTE, SQLITE_LOCK_BYTES) ||
      locked_by_another_process (shm, SQLITE_SHM_DMS, 1))
    return TRUE;

  db_copy = backup_name_beside (self->path);
  wal_copy = g_strconcat (db_copy, "-wal", NULL);
  if (!copy_file (self->path, db_copy, error) || !copy_file (wal, wal_copy, error))
    {
      g_unlink (db_copy);
      g_prefix_error (error,
                      _("“%s” has changes in “%s” that no program is using, which were not "
                        "applied, since a copy could not be kept: "),
                      self->path, wal);
      return FALSE;
    }

  sync_folder (self->path);
  *kept_db = g_steal_pointer (&db_copy);
  *kept_wal = g_steal_pointer (&wal_copy);
  return TRUE;
}

/* Once SQLite has applied a stray -wal, whether the result is a whole POA database of this
 * version's schema: every page read, every table and column there. */
static gboolean
check_after_stray_wal (PoaStore  *self,
                       GError   **error)
{
  g_autofree char *wrong = NULL;
  sqlite3 *reference;

  if (!quick_check (self, error) ||
      !(reference = open_reference_schema (":memory:", POA_STORE_SCHEMA_VERSION, error)))
    return FALSE;

  wrong = compare_schema (self->db, reference, reference);
  sqlite3_close (reference);
  if (wrong == NULL)
    return TRUE;

  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s)"), self->path, wrong);
  return FALSE;
}

/* The stray -wal did not make a POA database: closes without writing it into the file, takes
 * the -wal away (its copy is kept) and puts the database back as it was, from its copy, should
 * anything have reached it. @error holds why, and gets the names of the copies. */
static void
refuse_stray_wal (PoaStore    *self,
                  const char  *kept_db,
                  const char  *kept_wal,
                  GError     **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *staged = g_strconcat (self->path, ".XXXXXX", NULL);
  g_autofree char *why = NULL;
  int fd;

  close_connection (self);
  g_unlink (wal);
  g_unlink (shm);

  fd = g_mkstemp_full (staged, O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      g_close (fd, NULL);
      g_unlink (staged);
      if (copy_file (kept_db, staged, NULL) && g_rename (staged, self->path) == 0)
        sync_folder (self->path);
      else
        g_unlink (staged);
    }

  why = error != NULL && *error != NULL ? g_strdup ((*error)->message) : g_strdup ("");
  g_clear_error (error);
  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_STRAY_WAL,
               _("“%s” had changes in “%s” that no program was using, and with them it is not "
                 "right (%s): they were not applied. Copies of both files as they were are kept "
                 "as “%s” and “%s”"),
               self->path, wal, why, kept_db, kept_wal);
}

/* Both openings: with @may_change a missing file is created and an older schema upgraded
 * (poa_store_open()); without it either is refused with %POA_STORE_ERROR_NOT_CURRENT before
 * anything writes to the file (poa_store_open_current()). */
/* Whether @error is about reaching the file rather than what it holds. */
static gboolean
says_nothing_of_the_contents (const GError *error)
{
  return error != NULL && error->domain == POA_STORE_ERROR &&
         (error->code == POA_STORE_ERROR_READ_ONLY || error->code == POA_STORE_ERROR_NO_SPACE ||
          error->code == POA_STORE_ERROR_BUSY || error->code == POA_STORE_ERROR_IO ||
          error->code == POA_STORE_ERROR_NOT_CURRENT);
}

static PoaStore *
store_open (const char  *path,
            gboolean     may_change,
            GError     **error)
{
  g_autoptr(PoaStore) self = NULL;
  g_autofree char *kept_db = NULL;
  g_autofree char *kept_wal = NULL;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (POA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!may_change && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_CURRENT,
                   _("“%s” does not exist yet"), path);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file"), path);
      return NULL;
    }

  if (!keep_stray_wal (self, &kept_db, &kept_wal, error))
    return NULL;

  if (kept_db == NULL && kept_wal != NULL)
    self->notice = g_strdup_printf (_("“%s-wal” was beside “%s”, which did not exist: it was "
                                      "not applied, and is kept as “%s”"),
                                    path, path, kept_wal);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_database (self, error))
    return NULL;

  ok = open_connection (self, path, error);
  if (ok)
    remember_file (self);
  /* Until the stray -wal is known to make a POA database, closing must not write it into the
   * file. */
  if (ok && kept_db != NULL)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  ok = ok && check_identity (self, &version, error);

  if (ok && !may_change && version != POA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_CURRENT,
                   _("“%s” needs an upgrade"), path);
      ok = FALSE;
    }

  ok = ok &&
       check_integrity (self, error) &&
       keep_before_upgrade (self, version, error) &&
       configure_connection (self, error) &&
       upgrade (self, version, error) &&
       _poa_store_read_generation (self, &self->generation, error) &&
       (kept_db == NULL || check_after_stray_wal (self, error));

  if (kept_db != NULL && !ok)
    {
      /* A file that cannot be opened or written, or is in use, says nothing of the -wal: both
       * stay as they are (closing wrote nothing), for the next opening to try again. */
      if (error != NULL && says_nothing_of_the_contents (*error))
        {
          close_connection (self);
          g_unlink (kept_db);
          g_unlink (kept_wal);
        }
      else
        refuse_stray_wal (self, kept_db, kept_wal, error);
      return NULL;
    }
  if (!ok)
    return NULL;

  if (kept_db != NULL)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
      self->notice = g_strdup_printf (_("“%s” had changes in “%s-wal” that no program was "
                                        "using: they were applied, and copies of both files "
                                        "as they were are kept as “%s” and “%s”"),
                                      path, path, kept_db, kept_wal);
    }

  return g_steal_pointer (&self);
}

/**
 * poa_store_open:
 * @path: the database file; created, with the embedded default plan, if it does not exist
 *
 * Opens the POA database, creating or upgrading its schema; before an upgrade a copy of the
 * file is made beside it (see poa_store_backup()). A file that is not a POA database, is
 * damaged, or was written by a newer version, is refused and left untouched. A stray -wal file
 * beside it is applied only after copies are kept, and refused if it makes the file wrong (see
 * keep_stray_wal() and poa_store_get_notice()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
PoaStore *
poa_store_open (const char  *path,
                GError     **error)
{
  return store_open (path, TRUE, error);
}

/**
 * poa_store_open_current:
 *
 * Opens a POA database that exists and is of this version's schema, as poa_store_open()
 * does, but never creates or upgrades one: that is refused with
 * %POA_STORE_ERROR_NOT_CURRENT. For a second program reading the file, which may be a newer
 * POA than the one that has it open.
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
PoaStore *
poa_store_open_current (const char  *path,
                        GError     **error)
{
  return store_open (path, FALSE, error);
}

/**
 * poa_store_backup:
 * @dest: the file to write; replaced if it exists, but never by a part of a copy
 *
 * Copies the database to @dest with SQLite's online backup: a consistent snapshot, even with
 * the window open on it, in one self-contained file that only its owner may read. The copy is
 * read whole before it replaces @dest: a damaged database is refused with
 * %POA_STORE_ERROR_CORRUPT, and @dest is left as it was.
 */
gboolean
poa_store_backup (PoaStore    *self,
                  const char  *dest,
                  GError     **error)
{
  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (same_file (dest, self->path))
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID,
                   _("“%s” is the database itself; choose another file for the backup"), dest);
      return FALSE;
    }

  return write_copy (self->db, dest, TRUE, error);
}

/* Runs @sql on @db and gives its first column of its first row as an integer. */
static int
read_int (sqlite3    *db,
          const char *sql,
          int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* Checks every page of a database (@pragma is "integrity_check" or the faster
 * "quick_check"). Returns SQLite's verdict, "ok" when whole, else its first problem alone: the
 * whole list can be a hundred lines, and a message is one. */
static char *
check_pages (sqlite3    *db,
             const char *pragma,
             int        *rc)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return result != NULL ? first_problem (result) : NULL;
}

/* A database holding POA's schema as of @version, nothing else: what a file of that version
 * must match. @file is "" for a temporary file SQLite deletes on close (for a copy of many
 * rows), ":memory:" otherwise. */
static sqlite3 *
open_reference_schema (const char  *file,
                       int          version,
                       GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (file, &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI |
                            SQLITE_OPEN_EXRESCODE, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _poa_store_set_file_error (file, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  if (!_poa_store_migrate_to (db, 0, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Whether @db has an object (table, index, trigger, view) @name of @type on @table. */
static gboolean
has_object (sqlite3    *db,
            const char *type,
            const char *name,
            const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (db,
                      "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2 AND tbl_name = ?3",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

static gboolean
has_name (sqlite3    *db,
          const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/* The columns of @table in @db, one "name type notnull default pk" line each, in order. */
static char *
describe_columns (sqlite3    *db,
                  const char *table)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db,
                      "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info (?1)",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s %d %s %d\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_int (stmt, 2),
                            sqlite3_column_type (stmt, 3) == SQLITE_NULL
                              ? "NULL" : (const char *)sqlite3_column_text (stmt, 3),
                            sqlite3_column_int (stmt, 4));
  sqlite3_finalize (stmt);

  return g_string_free (text, FALSE);
}

/* Compares the schema of @db, of schema version @version, with POA's own (@reference, made by
 * the same steps): every table, column (name, type, NOT NULL, default, key) and index of that
 * version must be there as it was made, none of a later version, and no trigger or view, which
 * would act on POA's tables. Other tables may be there (an older POA's file can hold them);
 * the CHECK constraints are checked on the rows, by check_rows().
 *
 * Returns: %NULL when it matches, or (transfer full) what is wrong, for a message. */
static char *
compare_schema (sqlite3 *db,
                sqlite3 *reference,
                sqlite3 *current)
{
  sqlite3_stmt *stmt = NULL;
  char *wrong = NULL;

  /* Every object of the version, as it was made. */
  sqlite3_prepare_v2 (reference, "SELECT type, name, tbl_name FROM sqlite_schema", -1, &stmt, NULL);
  while (wrong == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *table = (const char *)sqlite3_column_text (stmt, 2);

      if (!has_object (db, type, name, table))
        wrong = g_str_equal (type, "table")
                ? g_strdup_printf (_("the table “%s” is missing"), name)
                : g_strdup_printf (_("the index “%s” is missing"), name);
      else if (g_str_equal (type, "table"))
        {
          g_autofree char *want = describe_columns (reference, name);
          g_autofree char *have = describe_columns (db, name);

          if (!g_str_equal (want, have))
            wrong = g_strdup_printf (_("the columns of “%s” are not POA's"), name);
        }
    }
  sqlite3_finalize (stmt);

  /* Nothing a later version makes: an upgrade would fail on it. */
  sqlite3_prepare_v2 (current, "SELECT name FROM sqlite_schema", -1, &stmt, NULL);
  while (wrong == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      if (has_name (db, name) && !has_name (reference, name))
        wrong = g_strdup_printf (_("“%s” is there, which its database version does not have"),
                                 name);
    }
  sqlite3_finalize (stmt);

  if (wrong == NULL)
    {
      sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type IN ('trigger', 'view')",
                          -1, &stmt, NULL);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        wrong = g_strdup_printf (_("the trigger or view “%s” is not POA's"),
                                 sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  return wrong;
}

/* Copies every row of POA's tables from the database attached as "backup" into @copy, which
 * holds the schema of the same version: SQLite enforces the CHECK, NOT NULL, key and foreign
 * key constraints on insert, which an integrity check does not look at.
 *
 * Returns: %NULL when every row fits, or (transfer full) what does not. */
static char *
check_rows (sqlite3 *copy)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  /* In the order they were made, so a plan comes before the rows that refer to it. */
  sqlite3_prepare_v2 (copy,
                      "SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY rowid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *sql = NULL;
      char *message = NULL;

      sqlite3_prepare_v2 (copy, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          /* %w: an identifier quoted as SQLite quotes it (a `"` doubled). */
          char *column = sqlite3_mprintf ("%s\"%w\"", columns->len > 0 ? ", " : "",
                                          (const char *)sqlite3_column_text (stmt, 0));

          g_string_append (columns, column);
          sqlite3_free (column);
        }
      sqlite3_finalize (stmt);

      /* The names are POA's own, from its schema, not the file's; identifiers cannot be bound
       * parameters, so they are quoted. */
      {
        char *statement = sqlite3_mprintf ("DELETE FROM main.\"%w\";"
                                           "INSERT INTO main.\"%w\" (%s) SELECT %s FROM backup.\"%w\"",
                                           table, table, columns->str, columns->str, table);

        sql = g_strdup (statement);
        sqlite3_free (statement);
      }
      if (sqlite3_exec (copy, sql, NULL, NULL, &message) != SQLITE_OK)
        {
          char *wrong = g_strdup_printf (_("a row of “%s” breaks a rule of the schema: %s"),
                                         table, message);
          sqlite3_free (message);
          return wrong;
        }
    }

  return NULL;
}

/* Checks what the pages of a whole backup hold, before anything is replaced with it: the schema
 * of its @version, foreign keys and every row against the schema's constraints. @uri opens it
 * read-only.  */
static gboolean
check_backup_contents (sqlite3     *db,
                       const char  *backup,
                       const char  *uri,
                       int          version,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *wrong = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *copy = NULL, *current = NULL;
  int rc;

  if (!(copy = open_reference_schema ("", version, &local_error)) ||
      !(current = open_reference_schema (":memory:", POA_STORE_SCHEMA_VERSION, &local_error)))
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FAILED,
                   _("“%s” could not be checked: %s"), backup, local_error->message);
      sqlite3_close (copy);
      return FALSE;
    }

  wrong = compare_schema (db, copy, current);

  if (wrong == NULL)
    {
      sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        wrong = g_strdup_printf (_("a row of “%s” refers to a row of “%s” that is not there"),
                                 sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }

  if (wrong == NULL)
    {
      rc = sqlite3_prepare_v2 (copy, "ATTACH ?1 AS backup", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _poa_store_set_file_error (backup, copy, rc, error);
          sqlite3_close (copy);
          sqlite3_close (current);
          return FALSE;
        }
      wrong = check_rows (copy);
    }

  sqlite3_close (copy);
  sqlite3_close (current);

  if (wrong == NULL)
    return TRUE;

  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s) and cannot be restored"), backup, wrong);
  return FALSE;
}

/* Opens a backup read-only and checks all of it, before anything is replaced with it: that it
 * is a POA database of a version this program can upgrade, whole, with the tables, columns
 * and rows that version has. "immutable" keeps SQLite from locking it or leaving -wal and -shm
 * files beside it, which matters on a read-only memory stick.
 *
 * Returns: (transfer full): the connection, for sqlite3_close(), or %NULL with @error set. */
static sqlite3 *
open_backup (const char  *backup,
             int         *version,
             GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (backup, NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *verdict = NULL;
  sqlite3 *db = NULL;
  int application_id = 0, rc;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR) ||
      !(file_uri = g_filename_to_uri (absolute, NULL, NULL)))
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist or is not a file"), backup);
      return NULL;
    }

  /* Read-only, and immutable so that no -shm is made beside it; but a backup that still has
   * its -wal (a copy of a database in use, or a kept damaged file) holds its latest changes
   * there, which only a normal opening reads. */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);

    uri = g_strconcat (file_uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro"
                                                                     : "?mode=ro&immutable=1",
                       NULL);
  }
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    rc = read_int (db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = read_int (db, "PRAGMA user_version", version);
  if (rc == SQLITE_OK && application_id == POA_STORE_APPLICATION_ID &&
      *version >= 0 && *version <= POA_STORE_SCHEMA_VERSION)
    verdict = check_pages (db, "integrity_check", &rc);

  if (rc != SQLITE_OK)
    _poa_store_set_file_error (backup, db, rc, error);
  else if (application_id != POA_STORE_APPLICATION_ID)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a POA database"), backup);
  else if (*version > POA_STORE_SCHEMA_VERSION)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NEWER_SCHEMA,
                 _("“%s” was written by a newer version of POA (database version %d, this "
                   "program knows up to %d); update POA to restore it"),
                 backup, *version, POA_STORE_SCHEMA_VERSION);
  else if (*version < 0)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (its database version, %d, is not one POA writes) and "
                   "cannot be restored"), backup, *version);
  else if (g_strcmp0 (verdict, "ok") != 0)
    g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (%s) and cannot be restored"), backup, verdict);
  else if (_poa_store_check_version (db, backup, *version, TRUE, error) &&
           check_backup_contents (db, backup, uri, *version, error))
    return db;

  sqlite3_close (db);
  return NULL;
}

/* SQLite's online backup cannot change the page size of a database in WAL mode, which the
 * store's always is: into it, a backup with other pages (1,024 or 65,536 bytes, as another tool
 * or a VACUUM may leave them) fails with SQLITE_READONLY, once said as a read-only file. Such a
 * backup is first rewritten with the database's page size, by VACUUM INTO a hidden scratch file
 * beside the database, and restored from there: @src is then closed and replaced by the scratch
 * copy, given in @scratch, which is never committed: freeing it removes the file.
 *
 * Returns: whether @src can now be restored into @dest */
static gboolean
match_page_size (sqlite3         *dest,
                 const char      *path,
                 sqlite3        **src,
                 PoaAtomicFile  **scratch,
                 GError         **error)
{
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autoptr(GError) file_error = NULL;
  const char *name;
  char *sql;
  int dest_size = 0, src_size = 0, rc;

  rc = read_int (dest, "PRAGMA page_size", &dest_size);
  if (rc == SQLITE_OK)
    rc = read_int (*src, "PRAGMA page_size", &src_size);
  if (rc != SQLITE_OK)
    {
      _poa_store_set_file_error (path, dest, rc, error);
      return FALSE;
    }
  if (src_size == dest_size)
    return TRUE;

  if (!(file = poa_atomic_file_begin (path, 0600, &file_error)))
    {
      set_copy_error (path, file_error, error);
      return FALSE;
    }
  name = poa_atomic_file_get_temp_path (file);

  /* The backup is open immutable, which keeps its page size whatever VACUUM INTO is asked:
   * the scratch copy, the program's own, gets the new size by a VACUUM of its own. */
  sql = sqlite3_mprintf ("VACUUM INTO %Q", name);
  rc = sqlite3_exec (*src, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    {
      _poa_store_set_file_error (path, *src, rc, error);
      remove_database_files (name);
      return FALSE;
    }

  sqlite3_close (*src);
  *src = NULL;
  sql = sqlite3_mprintf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d; VACUUM;",
                         dest_size);
  rc = sqlite3_open_v2 (name, src, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (*src, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    rc = read_int (*src, "PRAGMA page_size", &src_size);
  if (rc == SQLITE_OK && src_size != dest_size)
    {
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
                   _("The pages of the backup could not be made %d bytes long, as those of "
                     "“%s” are"), dest_size, path);
      remove_database_files (name);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      _poa_store_set_file_error (path, *src, rc, error);
      remove_database_files (name);
      return FALSE;
    }

  *scratch = g_steal_pointer (&file);
  return TRUE;
}

static gboolean
refuse_restoring_itself (const char  *backup,
                         const char  *path,
                         GError     **error)
{
  if (!same_file (backup, path))
    return FALSE;

  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID,
               _("“%s” is the database itself, not a backup of it"), backup);
  return TRUE;
}

/**
 * poa_store_restore:
 * @backup: a copy made by poa_store_backup(), or any POA database
 * @kept: (out) (optional) (transfer full): where the replaced plans were kept; set as soon as
 *   that copy exists, even if the restore then fails
 *
 * Replaces every plan in the database with those in @backup, in one transaction: a crash leaves
 * either the old plans or the restored ones. A backup that is not a POA database, is damaged
 * (pages, schema, foreign keys, a row breaking a CHECK constraint) or comes from a newer version
 * is refused before anything changes. The plans it replaces are
 * first copied beside the database (`poa.sqlite3.DATE.bak`); an older backup is then upgraded.
 * Plans loaded before are stale afterwards: load them again.
 */
gboolean
poa_store_restore (PoaStore    *self,
                   const char  *backup,
                   char       **kept,
                   GError     **error)
{
  g_autoptr(PoaAtomicFile) scratch = NULL;
  g_autofree char *copy = NULL;
  sqlite3_backup *pages;
  sqlite3 *src;
  int version = 0, rc;

  g_return_val_if_fail (POA_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (refuse_restoring_itself (backup, self->path, error) ||
      !(src = open_backup (backup, &version, error)))
    return FALSE;

  if (!match_page_size (self->db, self->path, &src, &scratch, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      sqlite3_close (src);
      return FALSE;
    }

  copy = backup_name_beside (self->path);
  if (!write_copy (self->db, copy, FALSE, error))
    {
      g_prefix_error (error,
                      _("Nothing was restored, since the current plans could not be kept: "));
      sqlite3_close (src);
      return FALSE;
    }

  /* From here on the copy exists: its name is given back even if the rest fails. */
  if (kept != NULL)
    *kept = g_strdup (copy);

  /* Into the open connection, so that SQLite's locking and journal make it one transaction
   * that other connections (a window open on the same file) see whole or not at all. */
  pages = sqlite3_backup_init (self->db, "main", src, "main");
  if (pages == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      sqlite3_backup_step (pages, -1);
      rc = sqlite3_backup_finish (pages);
    }
  sqlite3_close (src);
  g_clear_pointer (&scratch, poa_atomic_file_free);

  if (rc != SQLITE_OK)
    return _poa_store_set_error (self, rc, error);

  /* An older backup is upgraded like an older database; @backup itself is its copy. Then the
   * plans get a new generation, which windows open on the old ones notice. */
  if (!upgrade (self, version, error) ||
      !_poa_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!new_generation (self, error) || !_poa_store_commit (self, error))
    {
      _poa_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Gives the file at @from a second name, @to, so that it is kept byte for byte however damaged
 * it is; where the file system has no hard links, a copy. A missing @from keeps nothing. */
static gboolean
keep_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (link (from, to) == 0 || errno == ENOENT)
    return TRUE;

  if (g_file_get_contents (from, &contents, &length, &local_error) &&
      g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                &local_error))
    return TRUE;

  g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO,
               _("Nothing was restored, since a copy of “%s” could not be kept: %s"),
               from, local_error->message);
  return FALSE;
}

/**
 * poa_store_restore_file:
 * @path: a database that does not open (damaged, not a database) or does not exist
 * @backup: a copy made by poa_store_backup(), or any POA database
 * @kept: (out) (optional) (transfer full): the replaced file's new name, or %NULL when
 *   there was none
 *
 * Restores without opening @path, for a file poa_store_open() refuses as damaged. The backup is
 * checked and copied beside @path, the old file keeps its bytes under a new name
 * (`poa.sqlite3.DATE.bak`, its -wal file beside it), and the copy is renamed into place.
 * Nothing may have @path open: use poa_store_restore() on a database that opens.
 */
gboolean
poa_store_restore_file (const char  *path,
                        const char  *backup,
                        char       **kept,
                        GError     **error)
{
  g_autoptr(PoaAtomicFile) staged = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autofree char *copy = NULL;
  sqlite3 *src;
  int version = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (refuse_restoring_itself (backup, path, error) ||
      !(src = open_backup (backup, &version, error)))
    return FALSE;

  /* The backup was checked whole by open_backup(). */
  staged = copy_to_temporary (src, path, FALSE, error);
  sqlite3_close (src);
  if (staged == NULL)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *kept_wal = NULL;

      copy = backup_name_beside (path);
      kept_wal = g_strconcat (copy, "-wal", NULL);
      if (!keep_file (path, copy, error) || !keep_file (wal, kept_wal, error))
        return FALSE;
    }

  /* The old -wal and -shm belong to the old file: SQLite would replay them into the new one. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strconcat (path, i == 0 ? "-wal" : "-shm", NULL);
      g_unlink (file);
    }

  if (!poa_atomic_file_commit (staged, &file_error))
    {
      set_copy_error (path, file_error, error);
      return FALSE;
    }

  if (kept != NULL)
    *kept = g_steal_pointer (&copy);
  return TRUE;
}

