/* test-export.c — every way out of a plan: each format written whole, or not at all.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The failures are real ones: a folder that does not exist, a folder where the file should go
 * (the rename fails), a disk that fills up half-way through (a small tmpfs in a private mount
 * namespace, as test-bad-database.c does), a text no spreadsheet cell holds, and a writer
 * killed while it writes. After each, the folder must hold what it held before: the old file
 * byte for byte, and no temporary beside it.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-atomic-file.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-xlsx-export.h"
#include "test-plans.h"
#include "test-system.h"
#include "test-util.h"

static const char *extensions[] = { ".json", ".xlsx", ".pdf", ".png" };

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every name in @dir, hidden ones too, with its checksum (a folder with its own snapshot),
 * sorted: two equal snapshots mean nothing was added, removed or changed. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = g_file_test (path, G_FILE_TEST_IS_DIR) ? snapshot (path)
                                                                    : test_file_checksum (path);

      g_ptr_array_add (lines, g_strdup_printf ("%s=[%s]", name, sum));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv (" ", (char **)lines->pdata);
}

/* Asks that @dir holds what it held when @before was taken: the same names, the same bytes. */
static void
assert_as_before (const char *dir,
                  const char *before)
{
  g_autofree char *after = snapshot (dir);

  g_assert_cmpstr (after, ==, before);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* The plan file reports in its own domain, the other writers in the export's; every message
 * names the file and, given @expected_errno, the system's reason. */
static void
assert_write_error (const GError *error,
                    const char   *path,
                    const char   *extension,
                    int           expected_errno)
{
  g_assert_nonnull (error);
  if (g_str_equal (extension, ".json"))
    g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_WRITE);
  else
    g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);

  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
  if (expected_errno != 0 && strstr (error->message, g_strerror (expected_errno)) == NULL)
    g_error ("“%s” does not say “%s”", error->message, g_strerror (expected_errno));
}

/* The temporary file ------------------------------------------------------------------------ */

static void
test_atomic_file_writes_in_pieces (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "datos.bin", NULL);
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) expected = g_byte_array_new ();
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;
  mode_t mask;
  gsize length = 0;

  test_write_file (path, "old");
  file = poa_atomic_file_begin (path, 0640, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (poa_atomic_file_get_path (file), ==, path);

  /* Small pieces, one larger than the buffer, and small ones again: all in order. */
  for (guint i = 0; i < 300000; i += 7)
    {
      guint8 piece[7];

      for (guint j = 0; j < 7; j++)
        piece[j] = (guint8)((i + j) * 31);
      g_byte_array_append (expected, piece, 7);
      g_assert_true (poa_atomic_file_write (file, piece, 7, &error));
      if (i == 70000)
        {
          g_autofree guint8 *big = g_malloc (100000);

          memset (big, 'x', 100000);
          g_byte_array_append (expected, big, 100000);
          g_assert_true (poa_atomic_file_write (file, big, 100000, &error));
        }
    }
  g_assert_no_error (error);

  /* Until the commit, the old file is there, and the temporary is hidden beside it. */
  written = read_file (path, &length);
  g_assert_cmpmem (written, length, "old", 3);
  listing = snapshot (dir);
  g_assert_true (g_str_has_prefix (listing, ".datos.bin."));

  g_assert_true (poa_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&written, g_free);
  written = read_file (path, &length);
  g_assert_cmpmem (written, length, expected->data, expected->len);

  mask = umask (0);
  umask (mask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640 & ~mask);

  g_clear_pointer (&listing, g_free);
  listing = snapshot (dir);
  g_assert_true (g_str_has_prefix (listing, "datos.bin=["));
  g_assert_null (strchr (listing, ' '));

  test_remove_tree (dir);
}

static void
test_atomic_file_uncommitted_leaves_nothing (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "datos.bin", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "datos.bin", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  PoaAtomicFile *file;

  test_write_file (path, "old");
  before = snapshot (dir);

  /* Given up after writing: the temporary goes, the old file stays. */
  file = poa_atomic_file_begin (path, 0644, &error);
  g_assert_no_error (error);
  g_assert_true (poa_atomic_file_write (file, "new", 3, &error));
  poa_atomic_file_free (file);
  assert_as_before (dir, before);

  /* A folder that does not exist: said at once, naming the file. */
  g_assert_null (poa_atomic_file_begin (missing, 0644, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  assert_as_before (dir, before);

  test_remove_tree (dir);
}

/* A writer that opens the file by its name may even replace it (g_file_set_contents() writes
 * a file of its own and renames it): what is committed is what the name holds. */
static void
test_atomic_file_by_name (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "libro.xlsx", NULL);
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  const char *temp;
  gsize length = 0;

  file = poa_atomic_file_begin (path, 0644, &error);
  g_assert_no_error (error);
  temp = poa_atomic_file_get_temp_path (file);
  g_assert_true (g_str_has_prefix (temp, dir));
  g_assert_true (g_file_set_contents (temp, "by name", -1, &error));
  g_assert_true (poa_atomic_file_commit (file, &error));
  g_assert_no_error (error);

  contents = read_file (path, &length);
  g_assert_cmpmem (contents, length, "by name", 7);
  listing = snapshot (dir);
  g_assert_true (g_str_has_prefix (listing, "libro.xlsx=["));
  g_assert_null (strchr (listing, ' '));

  test_remove_tree (dir);
}

/* Failures, format by format ---------------------------------------------------------------- */

/* Writing @plan as @folder/plan.EXTENSION fails in every format with @code (see
 * assert_write_error()). */
static void
assert_refused_in_every_format (PoaPlan    *plan,
                                const char *folder,
                                int         code)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (poa_export_plan (plan, path, &error));
      assert_write_error (error, path, extensions[i], code);
    }
}

static void
test_missing_folder_is_said_and_nothing_made (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autofree char *after = NULL;

  assert_refused_in_every_format (plan, missing, ENOENT);
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, "");
  test_remove_tree (dir);
}

/* The file is written whole, then cannot replace a folder of the same name. */
static void
test_folder_in_the_way_is_left_alone (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autofree char *before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *inside = g_build_filename (path, "dentro.txt", NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      test_write_file (inside, extensions[i]);
    }
  before = snapshot (dir);

  assert_refused_in_every_format (plan, dir, EISDIR);

  assert_as_before (dir, before);
  test_remove_tree (dir);
}

/* Writers that refuse half-way through: a text longer than a cell holds (the workbook is being
 * written), a plan too long for one image. */
static void
test_refusing_writer_leaves_the_old_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *png = g_build_filename (dir, "plan.png", NULL);
  g_autoptr(PoaPlan) long_text = test_plan_with_activities (40);
  g_autoptr(PoaPlan) tall = test_plan_with_activities (2000);
  g_autoptr(PoaActivity) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (32768, 'a');
  g_autofree char *before = NULL;

  last = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (long_text)), 39);
  poa_activity_set_text (last, POA_ACTIVITY_NAME, text);
  test_write_file (xlsx, "the old workbook");
  test_write_file (png, "the old image");
  before = snapshot (dir);

  g_assert_false (poa_export_plan (long_text, xlsx, &error));
  assert_write_error (error, xlsx, ".xlsx", 0);
  g_assert_nonnull (strstr (error->message, "32767"));
  g_clear_error (&error);

  g_assert_false (poa_export_plan (tall, png, &error));
  assert_write_error (error, png, ".png", 0);

  assert_as_before (dir, before);
  test_remove_tree (dir);
}

/* Runs @child in a child process of its own (it changes mounts), then asks that it passed,
 * printed @stdout_pattern and wrote no error line: one line of our own, never
 * libxlsxwriter's “[ERROR]” lines. */
static void
run_in_child (void       (*child) (void),
              guint        seconds,
              const char  *stdout_pattern)
{
  if (g_test_subprocess ())
    {
      child ();
      return;
    }

  g_test_trap_subprocess (NULL, seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (stdout_pattern);
  g_test_trap_assert_stderr_unmatched ("*ERROR*");
}

/* The body of the full-disk test, in a child process that owns its mounts. */
static void
full_disk_in_child (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *disk = g_build_filename (dir, "disco", NULL);
  /* As many activities as an image may hold (POA_PNG_MAX_ACTIVITIES), all of them over 32 kB. */
  g_autoptr(PoaPlan) plan = test_plan_with_activities (300);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  int expected_errno = ENOSPC;
  gboolean on_tmpfs;

  on_tmpfs = test_enter_mount_namespace (&error) && test_mount_tmpfs (disk, 512 * 1024, &error);
  if (!on_tmpfs)
    {
      /* Where no file system may be mounted, a file-size limit stands in for the full disk;
       * libxlsxwriter's own temporary files meet it too, so only the outcome is checked. */
      g_print ("no tmpfs (%s): a file-size limit stands in for the full disk\n", error->message);
      g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
      expected_errno = 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (disk, name, NULL);
      g_autofree char *old = g_strconcat ("the old ", name, "\n", NULL);

      test_write_file (path, old);
    }

  /* Room for the temporary file and the first 32 kB of each, not for the whole. */
  if (on_tmpfs)
    test_fill_disk (disk, 32 * 1024);
  else
    test_limit_file_size_cb (GSIZE_TO_POINTER (32 * 1024));
  before = snapshot (disk);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (disk, name, NULL);
      g_autoptr(GError) export_error = NULL;

      g_assert_false (poa_export_plan (plan, path, &export_error));
      assert_write_error (export_error, path, extensions[i], expected_errno);
      g_print ("%s: %s\n", extensions[i], export_error->message);

      assert_as_before (disk, before);
    }

  g_print ("refused=%u\n", (guint)G_N_ELEMENTS (extensions));
  test_remove_tree (dir);
}

static void
test_full_disk_midway_leaves_the_old_file (void)
{
  run_in_child (full_disk_in_child, 120, "*refused=4*");
}

/* The name of the temporary file beside @dir/@name, if there is one. */
static gboolean
has_temporary (const char *dir,
               const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", name, ".", NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (entry, prefix))
      return TRUE;

  return FALSE;
}

/* Runs Python (POA_PYTHON3, or python3) on @script with @arg and @arg2 (or none), an
 * independent reader or writer; fails the test with @what and Python's complaint unless it
 * ends well. Returns what it printed. */
static char *
run_python (const char *script,
            const char *arg,
            const char *arg2,
            const char *what)
{
  const char *python = g_getenv ("POA_PYTHON3") != NULL ? g_getenv ("POA_PYTHON3") : "python3";
  const char *argv[] = { python, "-c", script, arg, arg2, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s: %s", what, err);
  return out;
}

/* Python's zipfile and ElementTree, independent readers: every part inflates with its CRC and
 * every XML part parses. Prints the number of rows of the Cronograma (sheet2). */
static guint
check_workbook_with_python (const char *path)
{
  const char *script =
    "import sys, zipfile, xml.etree.ElementTree as ET\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "assert z.testzip() is None\n"
    "rows = 0\n"
    "for n in z.namelist():\n"
    "    if n.endswith('.xml') or n.endswith('.rels'):\n"
    "        for event, element in ET.iterparse(z.open(n)):\n"
    "            if n == 'xl/worksheets/sheet2.xml' and element.tag.endswith('}row'):\n"
    "                rows += 1\n"
    "            element.clear()\n"
    "print(rows)\n";
  g_autofree char *what = g_strdup_printf ("%s is not a sound workbook", path);
  g_autofree char *out = run_python (script, path, NULL, what);

  return (guint)g_ascii_strtoull (out, NULL, 10);
}

/* The body of the full-disk-at-every-size test: a workbook written on a disk with less and
 * less room is either written whole, or refused saying the disk is full with the old file
 * left as it was. Where the room runs out decides which of libxlsxwriter's temporaries is cut
 * short: its rows (found by flushing them) or the parts it puts together at the end (found
 * only by reading the archive back). */
static void
full_disk_at_every_size_in_child (void)
{
  /* A small plan in fine steps, a large one in coarse steps. */
  static const struct { guint activities; gsize first, last, step; } rounds[] = {
    { 16, 4 * 1024, 160 * 1024, 4 * 1024 },
    { 3000, 256 * 1024, 9 * 1024 * 1024, 512 * 1024 },
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *disk = g_build_filename (dir, "disco", NULL);
  g_autofree char *path = g_build_filename (disk, "plan.xlsx", NULL);
  g_autofree char *filler = g_build_filename (disk, "filler", NULL);
  g_autoptr(GError) error = NULL;

  if (!test_enter_mount_namespace (&error) || !test_mount_tmpfs (disk, 16 * 1024 * 1024, &error))
    {
      g_print ("skipped: %s\nwritten=skipped\n", error->message);
      return;
    }

  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      g_autoptr(PoaPlan) plan = test_plan_with_activities (rounds[r].activities);
      guint written = 0, refused = 0;

      for (gsize room = rounds[r].first; room <= rounds[r].last; room += rounds[r].step)
        {
          g_autoptr(GError) export_error = NULL;
          g_autofree char *before = NULL;

          g_unlink (filler);
          test_write_file (path, "the old workbook");
          test_fill_disk (disk, room);
          before = snapshot (disk);

          if (poa_export_plan (plan, path, &export_error))
            {
              g_assert_true (poa_xlsx_export_check (path, NULL));
              if (written++ == 0)
                g_assert_cmpuint (check_workbook_with_python (path), >=, rounds[r].activities + 2);
              g_assert_false (has_temporary (disk, "plan.xlsx"));
              continue;
            }

          assert_write_error (export_error, path, ".xlsx", ENOSPC);
          assert_as_before (disk, before);
          refused++;
        }

      g_assert_cmpuint (written, >, 0);
      g_assert_cmpuint (refused, >, 0);
      g_print ("%u activities: written=%u refused=%u\n", rounds[r].activities, written, refused);
    }
  test_remove_tree (dir);
}

static void
test_full_disk_at_every_size (void)
{
  run_in_child (full_disk_at_every_size_in_child, 300, "*written=*");
}

/* The body of the full-/tmp test, in a child process that owns its mounts: the recipe,
 * a /tmp with no room at all, then one with 20 MB free and a plan of 20,000 activities. The
 * workbook's own temporaries go beside it, so neither matters. */
static void
full_tmp_in_child (void)
{
  g_autoptr(PoaPlan) small = test_plan_with_activities (600);
  g_autoptr(PoaPlan) large = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = "/tmp/destino/plan.xlsx";
  const char *large_path = "/tmp/grande/plan.xlsx";

  if (!test_enter_mount_namespace (&error) ||
      !test_mount_tmpfs ("/tmp", 64 * 1024, &error) ||
      !test_mount_tmpfs ("/tmp/destino", 64 * 1024 * 1024, &error))
    {
      g_print ("skipped: %s\nwritten=skipped\n", error->message);
      return;
    }
  test_write_file (path, "the old workbook");
  test_fill_disk ("/tmp", 0);

  g_assert_true (poa_export_plan (small, path, &error));
  g_assert_no_error (error);
  /* 600 activities, a heading and a row of totals below the first rows. */
  g_assert_cmpuint (check_workbook_with_python (path), >=, 600 + 2);
  g_assert_false (has_temporary ("/tmp/destino", "plan.xlsx"));

  g_assert_true (test_mount_tmpfs ("/tmp", 20 * 1024 * 1024, &error));
  g_assert_true (test_mount_tmpfs ("/tmp/grande", 512 * 1024 * 1024, &error));
  large = test_plan_with_activities (20000);
  g_assert_true (poa_export_plan (large, large_path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_workbook_with_python (large_path), >=, 20000 + 2);

  g_print ("written=2\n");
}

static void
test_full_tmp_does_not_matter (void)
{
  run_in_child (full_tmp_in_child, 300, "*written=*");
}

/* A file made read-only is refused, as an editor refuses it, for every format: the folder is
 * left as it was. The permission bits tell, also for root, whom access(2) lets write. */
static void
test_read_only_target_is_refused (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaPlan) plan = test_plan_with_activities (20);
  g_autofree char *before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      test_write_file (path, "the old file");
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    }
  before = snapshot (dir);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (poa_export_plan (plan, path, &error));
      assert_write_error (error, path, extensions[i], 0);
      if (strstr (error->message, "read-only") == NULL)
        g_error ("“%s” does not say the file is read-only", error->message);
    }

  assert_as_before (dir, before);

  /* A writable file is replaced as ever. */
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      g_assert_true (poa_export_plan (plan, path, NULL));
    }
  test_remove_tree (dir);
}

static void
make_old (const char *path,
          gint64      age_seconds)
{
  struct timeval times[2];

  test_write_file (path, "left by a killed export");
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* A writer killed before it ends leaves its temporary; the next export of the same target
 * removes it when no one holds it and it is an hour old, and leaves everything else alone. */
static void
test_stale_temporaries_are_removed (void)
{
  static const char *kept[] = {
    ".plan.xlsx.Fresh1",    /* a minute old: an export may be writing it */
    ".plan.xlsx.Held12",    /* old, but held by a live process */
    ".plan.xlsx.Abcdefg",   /* seven characters: not our name */
    ".plan.xlsx.Ab-def",    /* a character g_mkstemp() does not use */
    ".otro.xlsx.Abcdef",    /* another target's */
    "plan.xlsx.Abcdef",     /* not hidden: another program's */
    ".plan.xlsx.Abcdef~",
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.xlsx.Ab3dE9", NULL);
  g_autofree char *stale_json = g_build_filename (dir, ".plan.json.zZ09aQ", NULL);
  g_autofree char *json = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *held = g_build_filename (dir, ".plan.xlsx.Held12", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (10);
  int held_fd;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = g_build_filename (dir, kept[i], NULL);

      make_old (kept_path, g_str_equal (kept[i], ".plan.xlsx.Fresh1") ? 60 : 2 * 60 * 60);
    }
  make_old (stale, 2 * 60 * 60);
  make_old (stale_json, 2 * 60 * 60);
  held_fd = g_open (held, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (poa_export_plan (plan, path, NULL));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  /* The plan file's temporary belongs to another target. */
  g_assert_true (g_file_test (stale_json, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = g_build_filename (dir, kept[i], NULL);

      if (!g_file_test (kept_path, G_FILE_TEST_EXISTS))
        g_error ("%s was removed", kept[i]);
    }

  g_assert_true (poa_export_plan (plan, json, NULL));
  g_assert_false (g_file_test (stale_json, G_FILE_TEST_EXISTS));

  /* Once no one holds it, the old one goes too. */
  close (held_fd);
  g_assert_true (poa_export_plan (plan, path, NULL));
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  test_remove_tree (dir);
}

/* A database made before the text rule may hold characters XML and the plan file refuse: the
 * workbook and the plan file are written with them replaced, and both read back, the workbook
 * by openpyxl. */
static void
test_forbidden_characters_are_replaced (void)
{
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row\n"
    "         if isinstance(c.value, str)]\n"
    "print('area=%r' % ('A\\nB' in texts))\n"
    "print('name=%r' % ('x\\ufffdy' in texts))\n"
    "print('title=%r' % wb.properties.title)\n"
    "print('creator=%r' % wb.properties.creator)\n";
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *json = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (3);
  g_autoptr(PoaPlan) read = NULL;
  g_autoptr(PoaActivity) first = NULL;
  g_autoptr(PoaActivity) first_read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  poa_plan_set_text (plan, POA_PLAN_AREA, "A\vB");
  poa_plan_set_text (plan, POA_PLAN_MUNICIPALITY, "Sombrerete\xef\xbf\xbe");
  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  poa_activity_set_text (first, POA_ACTIVITY_NAME, "x\001y");

  g_assert_true (poa_export_plan (plan, xlsx, &error));
  g_assert_no_error (error);
  out = run_python (script, xlsx, NULL, "openpyxl refuses the workbook");
  expected = g_strdup_printf ("area=True\nname=True\ntitle='POA %u - A\\nB'\ncreator='A\\nB'\n",
                              poa_plan_get_year (plan));
  g_assert_cmpstr (out, ==, expected);

  g_assert_true (poa_export_plan (plan, json, &error));
  g_assert_no_error (error);
  read = poa_plan_json_load (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (poa_plan_get_area (read), ==, "A\nB");
  g_assert_cmpstr (poa_plan_get_text (read, POA_PLAN_MUNICIPALITY), ==, "Sombrerete\xef\xbf\xbd");
  first_read = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (read)), 0);
  g_assert_cmpstr (poa_activity_get_text (first_read, POA_ACTIVITY_NAME), ==, "x\xef\xbf\xbdy");
  test_remove_tree (dir);
}

/* The export's own reading back finds a workbook cut short, a part whose data is damaged
 * (its CRC), a sheet cut short whose archive is otherwise sound, a sheet missing, and bytes
 * that only end like a zip; the copies are made with Python's zipfile, an independent
 * writer. */
static void
test_damaged_workbooks_are_found (void)
{
  const char *script =
    "import sys, zipfile\n"
    "good, out = sys.argv[1], sys.argv[2]\n"
    "data = open(good, 'rb').read()\n"
    "open(out + '/short.xlsx', 'wb').write(data[:len(data) * 2 // 3])\n"
    "z = zipfile.ZipFile(good)\n"
    "info = z.getinfo('xl/worksheets/sheet2.xml')\n"
    "start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20\n"
    "bad = bytearray(data); bad[start] ^= 0xff\n"
    "open(out + '/crc.xlsx', 'wb').write(bytes(bad))\n"
    "for name, keep in (('cut.xlsx', lambda n, d: d[:len(d) // 2] if n == 'xl/worksheets/sheet2.xml' else d),\n"
    "                   ('missing.xlsx', lambda n, d: None if n == 'xl/worksheets/sheet4.xml' else d)):\n"
    "    w = zipfile.ZipFile(out + '/' + name, 'w', zipfile.ZIP_DEFLATED)\n"
    "    for n in z.namelist():\n"
    "        d = keep(n, z.read(n))\n"
    "        if d is not None:\n"
    "            w.writestr(n, d)\n"
    "    w.close()\n"
    "w = zipfile.ZipFile(out + '/stored.xlsx', 'w', zipfile.ZIP_STORED)\n"
    "w.comment = b'a comment after the directory'\n"
    "for n in z.namelist():\n"
    "    w.writestr(n, z.read(n))\n"
    "w.close()\n"
    "open(out + '/garbage.xlsx', 'wb').write(b'PK\\x05\\x06' + bytes(range(256)) * 4)\n";
  static const char *damaged[] = { "short.xlsx", "crc.xlsx", "cut.xlsx", "missing.xlsx", "garbage.xlsx" };
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *good = g_build_filename (dir, "good.xlsx", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (200);
  g_autoptr(GError) error = NULL;

  g_assert_true (poa_export_plan (plan, good, &error));
  g_assert_no_error (error);
  g_assert_true (poa_xlsx_export_check (good, &error));
  g_assert_no_error (error);

  g_free (run_python (script, good, dir, "cannot make the damaged copies"));

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *path = g_build_filename (dir, damaged[i], NULL);
      g_autoptr(GError) check_error = NULL;

      g_assert_false (poa_xlsx_export_check (path, &check_error));
      g_assert_error (check_error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
      g_assert_nonnull (strstr (check_error->message, path));
      g_print ("# %s\n", check_error->message);
    }

  /* Parts stored rather than deflated, and a comment after the directory, are sound. */
  {
    g_autofree char *stored = g_build_filename (dir, "stored.xlsx", NULL);

    g_assert_true (poa_xlsx_export_check (stored, &error));
    g_assert_no_error (error);
  }
  test_remove_tree (dir);
}

/* Whether @contents is a whole file of its format: a writer killed before the end leaves
 * neither a workbook's end of central directory nor a PDF's %%EOF. JSON and PNG come out the
 * same every time, and are compared whole. */
static gboolean
is_whole (const char *extension,
          const char *contents,
          gsize       length,
          const char *reference,
          gsize       reference_length)
{
  if (g_str_equal (extension, ".xlsx"))
    return length >= 22 && memcmp (contents + length - 22, "PK\x05\x06", 4) == 0;
  if (g_str_equal (extension, ".pdf"))
    return length >= 6 && memcmp (contents + length - 6, "%%EOF\n", 6) == 0;

  return length == reference_length && memcmp (contents, reference, length) == 0;
}

/* A writer killed while it writes leaves the old file as it was; its temporary file stays (no
 * one is left to remove it), but the target never holds a part of a file. */
static void
test_killed_writer_leaves_the_old_file (void)
{
  static const guint sizes[] = { 40000, 10000, 3000, 300 };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autofree char *name = g_strconcat ("plan", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *reference_path = g_build_filename (dir, "reference", NULL);
      g_autoptr(PoaPlan) plan = test_plan_with_activities (sizes[i]);
      g_autofree char *reference = NULL;
      g_autofree char *contents = NULL;
      gsize reference_length = 0, length = 0;
      gboolean seen = FALSE, killed;
      int status = 0;
      pid_t pid, ended = 0;

      if (g_str_equal (extensions[i], ".json") || g_str_equal (extensions[i], ".png"))
        {
          g_autofree char *with_extension = g_strconcat (reference_path, extensions[i], NULL);

          g_assert_true (poa_export_plan (plan, with_extension, NULL));
          reference = read_file (with_extension, &reference_length);
          g_unlink (with_extension);
        }
      test_write_file (path, "the old file");

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (poa_export_plan (plan, path, NULL) ? 0 : 1);

      /* Until the temporary shows, or the writer ends without one (the test's timeout stops a
       * writer that hangs). */
      while (!(seen = has_temporary (dir, name)) && (ended = waitpid (pid, &status, WNOHANG)) == 0)
        g_usleep (100);
      g_assert_cmpint (ended, >=, 0);
      if (ended == 0)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
        }
      killed = WIFSIGNALED (status);

      contents = read_file (path, &length);
      if (length == strlen ("the old file") && memcmp (contents, "the old file", length) == 0)
        g_test_message ("%s: killed while writing, the old file is intact", extensions[i]);
      else if (is_whole (extensions[i], contents, length, reference, reference_length))
        g_test_message ("%s: the writer finished before it was killed", extensions[i]);
      else
        g_error ("%s: a killed writer left a part of a file (%" G_GSIZE_FORMAT " bytes)",
                 extensions[i], length);

      g_assert_true (seen);
      g_assert_true (killed || WEXITSTATUS (status) == 0);
      test_remove_tree (dir);
    }
}

/* The asynchronous export ------------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  gboolean   in_main_thread;
} Exported;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exported *exported = user_data;

  exported->in_main_thread = g_main_context_is_owner (g_main_context_default ());
  exported->ok = poa_export_plan_finish (POA_PLAN (source), result, &exported->error);
  g_main_loop_quit (exported->loop);
}

static gboolean
export_async (PoaPlan       *plan,
              const char    *path,
              GCancellable  *cancellable,
              void         (*meanwhile) (PoaPlan *plan),
              GError       **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Exported exported = { loop, FALSE, NULL, FALSE };

  poa_export_plan_async (plan, path, cancellable, exported_cb, &exported);
  if (meanwhile != NULL)
    meanwhile (plan);
  g_main_loop_run (loop);

  g_assert_true (exported.in_main_thread);
  if (exported.error != NULL)
    g_propagate_error (error, exported.error);
  return exported.ok;
}

/* The PDF's dates of creation, which differ from one second to the next, made alike. */
static void
blank_pdf_dates (char  *contents,
                 gsize  length)
{
  for (char *p = contents; p + 3 < contents + length; p++)
    if (memcmp (p, "(D:", 3) == 0)
      for (p += 3; p < contents + length && *p != ')'; p++)
        *p = '0';
}

/* The workbook's parts, one after the other, but docProps/core.xml, which holds the time it was
 * made: read with Python's zipfile, an independent reader. */
static char *
workbook_parts (const char *path)
{
  const char *script =
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "for n in sorted(z.namelist()):\n"
    "    if n != 'docProps/core.xml':\n"
    "        sys.stdout.write(n + '\\n' + z.read(n).decode('utf-8') + '\\n')\n";
  char *out = run_python (script, path, NULL, "zipfile cannot read the workbook");

  g_assert_cmpuint (strlen (out), >, 1000);
  return out;
}

/* What the window gets is what the command line gets: the same bytes for the plan file and the
 * image, the same pages for the PDF, the same parts for the workbook, whose numbers keep their
 * point on the worker thread under a locale whose decimals take a comma. */
static void
test_async_writes_what_sync_writes (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaPlan) plan = test_plan_with_activities (60);
  g_autofree char *old_locale = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *sync_path = g_strconcat (dir, "/sync", extensions[i], NULL);
      g_autofree char *async_path = g_strconcat (dir, "/async", extensions[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *sync = NULL;
      g_autofree char *async = NULL;
      gsize sync_length = 0, async_length = 0;

      g_assert_true (poa_export_plan (plan, sync_path, &error));
      g_assert_no_error (error);

      if (g_str_equal (extensions[i], ".xlsx"))
        {
          g_assert_nonnull (setlocale (LC_NUMERIC, "es_ES.UTF-8"));
          g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
        }
      g_assert_true (export_async (plan, async_path, NULL, NULL, &error));
      g_assert_no_error (error);
      setlocale (LC_NUMERIC, old_locale);

      if (g_str_equal (extensions[i], ".xlsx"))
        {
          sync = workbook_parts (sync_path);
          async = workbook_parts (async_path);
          g_assert_cmpstr (async, ==, sync);
          continue;
        }

      sync = read_file (sync_path, &sync_length);
      async = read_file (async_path, &async_length);
      if (g_str_equal (extensions[i], ".pdf"))
        {
          blank_pdf_dates (sync, sync_length);
          blank_pdf_dates (async, async_length);
        }
      g_assert_cmpmem (async, async_length, sync, sync_length);
    }

  test_remove_tree (dir);
}

static void
empty_the_plan (PoaPlan *plan)
{
  g_list_store_remove_all (poa_plan_get_activities (plan));
  poa_plan_set_text (plan, POA_PLAN_AREA, "Cambiada mientras se escribe");
}

/* The plan is copied when the export is asked for: edits made meanwhile do not reach it. */
static void
test_async_writes_the_plan_as_it_was (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (2000);
  g_autofree char *expected = poa_plan_json_to_string (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  g_assert_true (export_async (plan, path, NULL, empty_the_plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==, 0);

  written = read_file (path, &length);
  g_assert_cmpmem (written, length, expected, strlen (expected));

  test_remove_tree (dir);
}

static void
test_async_cancelled_writes_nothing (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (export_async (plan, path, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A failure comes back as the synchronous one would say it. */
  g_assert_false (export_async (plan, missing, NULL, NULL, &error));
  assert_write_error (error, missing, ".pdf", ENOENT);

  listing = snapshot (dir);
  g_assert_cmpstr (listing, ==, "");
  test_remove_tree (dir);
}

/* Names ------------------------------------------------------------------------------------ */

static void
assert_suggested (PoaPlan    *plan,
                  const char *extension,
                  const char *expected)
{
  g_autofree char *name = poa_export_suggest_name (plan, extension);

  g_assert_cmpstr (name, ==, expected);
}

static void
test_suggested_name_is_one_for_every_format (void)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autofree char *long_area = g_strnfill (300, 'a');
  g_autofree char *name = NULL;

  assert_suggested (plan, ".xlsx", "POA 2026 - Migrantes y Ex braceros.xlsx");
  assert_suggested (plan, ".pdf", "POA 2026 - Migrantes y Ex braceros.pdf");
  assert_suggested (plan, ".png", "Cronograma 2026 - Migrantes y Ex braceros.png");
  assert_suggested (plan, ".json", "POA 2026 - Migrantes y Ex braceros.json");

  /* A slash would make a folder of part of the area; neither format keeps it. Nor the
   * characters that the disks and computers the files go to refuse. */
  poa_plan_set_text (plan, POA_PLAN_AREA, "Obras / Servicios: \"calles\"");
  assert_suggested (plan, ".xlsx", "POA 2026 - Obras - Servicios- -calles-.xlsx");
  assert_suggested (plan, ".pdf", "POA 2026 - Obras - Servicios- -calles-.pdf");

  /* Letters beyond ASCII stay, even those whose low byte is a slash's (U+012F). */
  poa_plan_set_text (plan, POA_PLAN_AREA, "Niñez \u012F");
  assert_suggested (plan, ".pdf", "POA 2026 - Niñez \u012F.pdf");

  poa_plan_set_text (plan, POA_PLAN_AREA, "");
  assert_suggested (plan, ".xlsx", "POA 2026.xlsx");
  assert_suggested (plan, ".pdf", "POA 2026.pdf");

  /* A file name holds 255 bytes at most. */
  poa_plan_set_text (plan, POA_PLAN_AREA, long_area);
  name = poa_export_suggest_name (plan, ".xlsx");
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_true (g_str_has_prefix (name, "POA 2026 - aaaa"));
  g_assert_true (g_str_has_suffix (name, "a.xlsx"));
}

static void
assert_path_for (const char *chosen,
                 const char *extension,
                 const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = poa_export_path_for_file (file, extension, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_path_for_file (void)
{
  g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://servidor/poa/plan.xlsx");
  g_autoptr(GError) error = NULL;

  assert_path_for ("/tmp/POA 2026", ".xlsx", "/tmp/POA 2026.xlsx");
  assert_path_for ("/tmp/POA 2026.xlsx", ".xlsx", "/tmp/POA 2026.xlsx");
  assert_path_for ("/tmp/PLAN.XLSX", ".xlsx", "/tmp/PLAN.XLSX");
  assert_path_for ("/tmp/plan.xlsx", ".pdf", "/tmp/plan.xlsx.pdf");

  /* A file that is not on this computer is said the same way for every format. */
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_assert_null (poa_export_path_for_file (remote, extensions[i], &error));
      g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "sftp://servidor/poa/plan.xlsx"));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* No GVfs: a remote file is one with no local path, wherever the tests run. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/atomic-file/writes-in-pieces", test_atomic_file_writes_in_pieces);
  g_test_add_func ("/export/atomic-file/uncommitted-leaves-nothing", test_atomic_file_uncommitted_leaves_nothing);
  g_test_add_func ("/export/atomic-file/by-name", test_atomic_file_by_name);
  /* Before the asynchronous tests: a writer is forked, best from a process with one thread. */
  g_test_add_func ("/export/failure/killed-writer-leaves-the-old-file", test_killed_writer_leaves_the_old_file);
  g_test_add_func ("/export/failure/missing-folder", test_missing_folder_is_said_and_nothing_made);
  g_test_add_func ("/export/failure/folder-in-the-way", test_folder_in_the_way_is_left_alone);
  g_test_add_func ("/export/failure/refusing-writer-leaves-the-old-file", test_refusing_writer_leaves_the_old_file);
  g_test_add_func ("/export/failure/full-disk-midway-leaves-the-old-file", test_full_disk_midway_leaves_the_old_file);
  g_test_add_func ("/export/failure/full-disk-at-every-size", test_full_disk_at_every_size);
  g_test_add_func ("/export/failure/full-tmp-does-not-matter", test_full_tmp_does_not_matter);
  g_test_add_func ("/export/failure/read-only-target-is-refused", test_read_only_target_is_refused);
  g_test_add_func ("/export/failure/stale-temporaries-are-removed", test_stale_temporaries_are_removed);
  g_test_add_func ("/export/failure/damaged-workbooks-are-found", test_damaged_workbooks_are_found);
  g_test_add_func ("/export/text/forbidden-characters-are-replaced", test_forbidden_characters_are_replaced);
  g_test_add_func ("/export/async/writes-what-sync-writes", test_async_writes_what_sync_writes);
  g_test_add_func ("/export/async/writes-the-plan-as-it-was", test_async_writes_the_plan_as_it_was);
  g_test_add_func ("/export/async/cancelled-writes-nothing", test_async_cancelled_writes_nothing);
  g_test_add_func ("/export/name/one-for-every-format", test_suggested_name_is_one_for_every_format);
  g_test_add_func ("/export/name/path-for-file", test_path_for_file);

  return g_test_run ();
}
