/* test-system.c — the conditions a database can meet: read-only files, a full disk.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests run as root in CI, and root writes through any file mode; a full disk is not something
 * a test can wait for. These helpers make both real: root gives up the capabilities that let it
 * ignore file modes, and a small tmpfs in a private mount namespace fills up for real (the
 * mount disappears with the process, so nothing is left mounted). Where a mount is not allowed,
 * RLIMIT_FSIZE stands in for the full disk.
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "test-system.h"

/* The capabilities by which root reads, writes and searches whatever the file modes say. */
static const int override_caps[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

/**
 * test_obey_file_modes:
 *
 * Makes this process, and any program it starts, subject to file modes even as root: the
 * capabilities are dropped from the bounding set (which exec() would otherwise restore) and
 * from the effective and permitted sets. Safe in a child before exec().
 *
 * Returns: %FALSE if root could not give them up.
 */
gboolean
test_obey_file_modes (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3];

  if (geteuid () != 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (override_caps); i++)
    if (prctl (PR_CAPBSET_DROP, override_caps[i], 0, 0, 0) != 0)
      return FALSE;

  if (syscall (SYS_capget, &header, caps) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (override_caps); i++)
    {
      caps[0].effective &= ~(1u << override_caps[i]);
      caps[0].permitted &= ~(1u << override_caps[i]);
    }
  return syscall (SYS_capset, &header, caps) == 0;
}

/* A GSpawnChildSetupFunc: the program started obeys file modes, or exits with 77. */
void
test_obey_file_modes_cb (gpointer user_data)
{
  if (!test_obey_file_modes ())
    _exit (77);
}

/* Checks, in a child, that a file of mode 0400 in @dir cannot be written once file modes are
 * obeyed: a test that relies on it must otherwise skip rather than pass for the wrong reason. */
gboolean
test_file_modes_are_obeyed (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  pid_t pid;
  int status = 0;

  g_assert_true (g_file_set_contents (probe, "", 0, NULL));
  g_assert_cmpint (g_chmod (probe, 0400), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int fd;

      if (!test_obey_file_modes ())
        _exit (2);
      fd = open (probe, O_WRONLY);
      _exit (fd >= 0 ? 1 : 0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_unlink (probe);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static gboolean
write_proc_file (const char  *path,
                 const char  *contents,
                 GError     **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok = fd >= 0 && write (fd, contents, strlen (contents)) == (ssize_t)strlen (contents);
  int saved_errno = errno;

  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "%s: %s", path, g_strerror (saved_errno));
  return ok;
}

/**
 * test_enter_mount_namespace:
 *
 * Gives this process (and what it starts) mounts of its own, which vanish when it ends. Root
 * needs only a mount namespace; another user enters a user namespace first, as root inside it.
 */
gboolean
test_enter_mount_namespace (GError **error)
{
  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  if (uid == 0)
    {
      if (unshare (CLONE_NEWNS) != 0)
        goto failed;
    }
  else
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint)uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint)gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        goto failed;
      if (!write_proc_file ("/proc/self/setgroups", "deny", error) ||
          !write_proc_file ("/proc/self/uid_map", uid_map, error) ||
          !write_proc_file ("/proc/self/gid_map", gid_map, error))
        return FALSE;
    }

  /* Nothing mounted here may reach the rest of the system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    goto failed;
  return TRUE;

failed:
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
               "no private mount namespace: %s", g_strerror (errno));
  return FALSE;
}

gboolean
test_mount_tmpfs (const char  *dir,
                  gsize        size,
                  GError     **error)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT ",mode=0700", size);

  if (g_mkdir_with_parents (dir, 0700) != 0 || mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot mount a tmpfs on %s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Fills the file system of @dir until only @leave_free bytes are left: first a reserve of that
 * size, then a filler until ENOSPC, then the reserve goes. */
void
test_fill_disk (const char *dir,
                gsize       leave_free)
{
  g_autofree char *reserve = g_build_filename (dir, "reserve", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  int fd;

  if (leave_free > 0)
    {
      g_autofree char *zeros = g_malloc0 (leave_free);
      g_assert_true (g_file_set_contents (reserve, zeros, leave_free, NULL));
    }

  fd = open (filler, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* Whatever is smaller than a block goes too. */
  while (write (fd, block, 1) > 0)
    ;
  close (fd);

  g_unlink (reserve);
}

/* A GSpawnChildSetupFunc that stands in for a full disk where no tmpfs can be mounted: no file
 * may grow past GPOINTER_TO_SIZE (@user_data) bytes, and the write that tries fails with EFBIG
 * (SIGXFSZ ignored) as a write to a full disk fails with ENOSPC. */
void
test_limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_SIZE (user_data), GPOINTER_TO_SIZE (user_data) };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (77);
}
