/* poa-atomic-file.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-atomic-file.h"

/* A file is written once, one way: into a hidden temporary beside the target, so that the
 * rename stays within one file system; then the temporary is flushed to the disk, renamed over
 * the target, and the folder flushed so that the rename survives a power cut too. Until the
 * rename the target keeps what it had, and any failure removes the temporary: a reader sees the
 * old file or the new one whole, never a part, and nothing is left behind. Every file the
 * program writes for the user goes through here. */

/* Writes from a writer that hands its bytes over are gathered up to this size: cairo's PDF
 * surface, for one, hands them over a few bytes at a time. */
#define BUFFER_SIZE (64 * 1024)

/* A temporary of this target older than this, that no process holds, was left by a writer
 * that was killed (poa_atomic_file_begin() removes it). An export takes seconds even for the
 * largest plan; an hour leaves a wide margin for a slow network folder. */
#define STALE_AGE_SECONDS (60 * 60)

/* The characters g_mkstemp() puts in place of the XXXXXX. */
#define TEMP_SUFFIX_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#define TEMP_SUFFIX_LENGTH 6

struct _PoaAtomicFile
{
  char   *path;
  char   *temp_path;
  /* The temporary, open for poa_atomic_file_write(); -1 once a writer has it by its name. */
  int     fd;
  /* The same open file, kept until the end: its lock tells another export that the temporary
   * is in use, not left behind by a writer that was killed. */
  int     lock_fd;
  guint8 *buffer;
  gsize   buffered;
  /* Why a write failed, kept for the commit: a writer's callback may have no GError. */
  int     write_errno;
  /* Committed, or failed and removed: nothing left to undo. */
  gboolean done;
};

static void
set_error_from_errno (GError     **error,
                      const char  *path,
                      int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

/* Returns 0, or the errno of the write that failed. */
static int
write_all (int          fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, MIN (size, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }
      data += written;
      size -= (gsize)written;
    }

  return 0;
}

static gboolean
flush_buffer (PoaAtomicFile *self)
{
  if (self->buffered > 0 && self->write_errno == 0)
    self->write_errno = write_all (self->fd, self->buffer, self->buffered);
  self->buffered = 0;

  return self->write_errno == 0;
}

static void
release_lock (PoaAtomicFile *self)
{
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->lock_fd = -1;
}

/* Whether @path is a file its owner has made read-only. An editor refuses to replace such a
 * file, and so does every export: replacing it by a rename needs only the folder to be
 * writable, which would defeat the owner's intent. The permission bits are read rather than
 * asked of access(2), which lets the superuser write anything. */
static gboolean
is_read_only (const char  *path,
              GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 &&
      (geteuid () == 0 || access (path, W_OK) == 0 || errno != EACCES))
    return FALSE;

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
               _("Cannot write “%s”: the file is read-only"), path);
  return TRUE;
}

/* Whether @name is one of the temporaries poa_atomic_file_begin() makes from @prefix
 * (“.NAME.”): the prefix and exactly six of g_mkstemp()'s characters. */
static gboolean
is_temporary_name (const char *name,
                   const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return strlen (name) == prefix_length + TEMP_SUFFIX_LENGTH &&
         strncmp (name, prefix, prefix_length) == 0 &&
         strspn (name + prefix_length, TEMP_SUFFIX_CHARS) == TEMP_SUFFIX_LENGTH;
}

/* Removes the temporaries of @path that writers killed before they finished left behind, and
 * only those: named as this module names them for @path, regular files of this user, not
 * changed for an hour, and held by no process. Either test alone could remove a live one: the
 * lock is not seen by an older version of the program (or on some network file systems), and
 * a writer may stall. Another program's files never match the name. */
static void
remove_stale_temporaries (const char *folder,
                          const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temporary_name (name, prefix))
        continue;

      path = g_build_filename (folder, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          now - (gint64)st.st_mtime > STALE_AGE_SECONDS &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing “%s”, left by an export that did not finish", path);
          g_unlink (path);
        }
      close (fd);
    }
}

/* Removes the temporary after a failure; the target was never touched. */
static void
give_up (PoaAtomicFile *self)
{
  if (self->done)
    return;

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  g_unlink (self->temp_path);
  release_lock (self);
  self->done = TRUE;
}

/* The file is in place once renamed: a folder that cannot be flushed (some network and FUSE
 * file systems refuse) only makes the rename less sure to survive a power cut. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * poa_atomic_file_begin:
 * @path: the file to write
 * @mode: the new file's permissions, before the umask: 0644 for documents, 0600 for a
 *   database that only its owner may read
 *
 * Creates an empty, hidden temporary file in @path's folder (`.NAME.XXXXXX`) for a writer to
 * fill, either through poa_atomic_file_write() or by the name poa_atomic_file_get_temp_path()
 * gives. Creating it first reports a missing or read-only folder before any work is done.
 * A @path whose permissions make it read-only is refused, as an editor refuses it; and the
 * temporaries of @path that a killed writer left (older than an hour, held by no process) are
 * removed.
 *
 * Errors are in the #G_FILE_ERROR domain, with messages that name @path.
 *
 * Returns: (transfer full): the file, to poa_atomic_file_commit() and then free; freeing it
 *   uncommitted removes the temporary. %NULL with @error set when it cannot be created.
 */
PoaAtomicFile *
poa_atomic_file_begin (const char  *path,
                       int          mode,
                       GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  PoaAtomicFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX", base);

  if (is_read_only (path, error))
    return NULL;

  remove_stale_temporaries (folder, base);

  self = g_new0 (PoaAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (folder, name, NULL);
  self->lock_fd = -1;
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      set_error_from_errno (error, path, errno);
      self->done = TRUE;
      poa_atomic_file_free (self);
      return NULL;
    }

  /* Where locks are not kept (some network file systems) the age alone tells. */
  self->lock_fd = dup (self->fd);
  if (self->lock_fd >= 0)
    flock (self->lock_fd, LOCK_EX | LOCK_NB);

  return self;
}

/**
 * poa_atomic_file_get_path:
 *
 * Returns: the target, as given to poa_atomic_file_begin()
 */
const char *
poa_atomic_file_get_path (PoaAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * poa_atomic_file_get_temp_path:
 *
 * Hands the temporary over to a writer that opens files by their name (libxlsxwriter, SQLite).
 * The writer must have closed it before poa_atomic_file_commit(); poa_atomic_file_write() is
 * not for such a file.
 *
 * Returns: the temporary file's name
 */
const char *
poa_atomic_file_get_temp_path (PoaAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->done, NULL);
  g_return_val_if_fail (self->buffered == 0, NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }

  return self->temp_path;
}

/**
 * poa_atomic_file_write:
 * @data: (array length=size): bytes to append
 *
 * Appends @data to the temporary. Writes are gathered, so that a writer may hand its bytes
 * over a few at a time; a failure is also kept for poa_atomic_file_commit(), for writers that
 * call this where no #GError can be passed.
 */
gboolean
poa_atomic_file_write (PoaAtomicFile  *self,
                       const void     *data,
                       gsize           size,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (self->write_errno == 0 && self->buffered + size > BUFFER_SIZE)
    {
      flush_buffer (self);
      if (size >= BUFFER_SIZE && self->write_errno == 0)
        {
          self->write_errno = write_all (self->fd, data, size);
          size = 0;
        }
    }

  if (self->write_errno != 0)
    {
      set_error_from_errno (error, self->path, self->write_errno);
      return FALSE;
    }

  if (size > 0)
    {
      if (self->buffer == NULL)
        self->buffer = g_malloc (BUFFER_SIZE);
      memcpy (self->buffer + self->buffered, data, size);
      self->buffered += size;
    }

  return TRUE;
}

/**
 * poa_atomic_file_commit:
 *
 * Flushes the temporary to the disk and renames it over the target, then flushes the folder.
 * A write that failed before, or a failure now, removes the temporary and leaves the target as
 * it was.
 *
 * Returns: whether the target now holds what was written
 */
gboolean
poa_atomic_file_commit (PoaAtomicFile  *self,
                        GError        **error)
{
  int saved_errno;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  if (self->fd >= 0 && !flush_buffer (self))
    {
      saved_errno = self->write_errno;
      goto failed;
    }

  /* A writer by name has closed its own descriptor: the file's data is flushed through a new
   * one, which reaches the same file. */
  fd = self->fd >= 0 ? self->fd : g_open (self->temp_path, O_RDONLY | O_CLOEXEC, 0);
  self->fd = -1;
  if (fd < 0)
    {
      saved_errno = errno;
      goto failed;
    }

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      goto failed;
    }

  /* Some file systems say only here that the data did not fit (NFS, quotas). Linux closes the
   * descriptor even when close() fails with EINTR. */
  if (close (fd) != 0 && errno != EINTR)
    {
      saved_errno = errno;
      goto failed;
    }

  /* The target may have been made read-only while this was written. */
  if (is_read_only (self->path, error))
    {
      give_up (self);
      return FALSE;
    }

  if (g_rename (self->temp_path, self->path) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  release_lock (self);
  self->done = TRUE;
  sync_folder (self->path);
  return TRUE;

failed:
  give_up (self);
  set_error_from_errno (error, self->path, saved_errno);
  return FALSE;
}

/**
 * poa_atomic_file_free:
 *
 * Frees @self; if it was not committed, its temporary is removed and the target is left as it
 * was.
 */
void
poa_atomic_file_free (PoaAtomicFile *self)
{
  if (self == NULL)
    return;

  give_up (self);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self->buffer);
  g_free (self);
}
