/* poa-xlsx-reader.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-xlsx-reader"

/* memmem() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <unzip.h>

#include "poa-xlsx-reader.h"

/* A workbook (Office Open XML) read back as cells: the zip container through minizip, each part
 * streamed through libxml2's xmlTextReader, never held whole. What the cells mean is
 * poa-xlsx-import.c's business; here only what a spreadsheet shows: values (shared strings,
 * inline strings and their rich text runs, numbers, booleans, cached formula results), whether a
 * number is shown as a date and whether a cell is shaded (styles), merged ranges (a range's
 * value is its top-left cell's, the cells it covers are empty) and the defined names.
 *
 * A workbook comes from anyone, so every step has a limit and costs memory in proportion to
 * the cells kept, never to what the file claims:
 * - the XML is parsed with XML_PARSE_NONET and without XML_PARSE_NOENT or XML_PARSE_DTDLOAD,
 *   and a part with a document type declaration is refused outright: no external entity is
 *   fetched and no entity is expanded (no billion laughs);
 * - each part is inflated as it is parsed, and refused past POA_XLSX_MAX_PART_BYTES, past
 *   POA_XLSX_MAX_RATIO times its compressed size (a zip bomb), or past the size its header
 *   declared; all parts together past POA_XLSX_MAX_TOTAL_BYTES;
 * - a sheet is refused past POA_XLSX_MAX_ROWS rows (Excel's 1,048,576-row sheets), 16,384
 *   columns or POA_XLSX_MAX_CELLS cells kept; the shared strings past POA_XLSX_MAX_STRINGS.
 * Every refusal is one line naming the file and the part. */

G_DEFINE_QUARK (poa-xlsx-error-quark, poa_xlsx_error)

#define MAX_ENTRIES 10000
#define MAX_SHEETS 1000
#define MAX_NAMES 10000
#define MAX_MERGES 1000000
/* Cells visited to blank those that merged ranges cover: bounds overlapping huge ranges. */
#define MAX_MERGE_WORK 50000000u

typedef struct
{
  char    *name;
  char    *part;
  gboolean hidden;
} SheetInfo;

typedef struct
{
  gboolean date;
  gboolean shaded;
} Xf;

struct _PoaXlsxBook
{
  char         *name;       /* the file, for messages */
  unzFile       zip;
  GBytes       *memory;     /* when opened from memory */
  gsize         memory_pos;
  guint64       total_read;

  gboolean      date1904;
  guint64       total_size;  /* all parts, uncompressed, as their headers say */
  guint64       last_progress;
  PoaXlsxProgressFunc progress;
  gpointer      progress_data;
  GArray       *sheets;     /* SheetInfo */
  GHashTable   *names;      /* defined name → its text */
  GArray       *xfs;        /* Xf, by cellXfs index */
  GStringChunk *strings_chunk;
  GPtrArray    *strings;    /* the shared strings, in the chunk */
};

typedef enum
{
  KIND_EMPTY,
  KIND_NUMBER,
  KIND_SHARED,   /* value: a shared string's index */
  KIND_TEXT,     /* value: an index in the sheet's own texts */
  KIND_BOOL,
  KIND_ERROR,    /* value: an index in the sheet's own texts */
} Kind;

typedef struct
{
  guint32 row;
  guint32 col : 24;
  guint32 kind : 8;
  guint32 xf;
  guint32 value;   /* see Kind; for NUMBER an index in numbers */
} Cell;

struct _PoaXlsxSheet
{
  PoaXlsxBook  *book;     /* (unowned) */
  char         *name;
  GArray       *cells;    /* Cell, by row then column */
  GArray       *numbers;  /* double */
  GStringChunk *chunk;
  GPtrArray    *texts;
  guint32      *row_start; /* n_rows + 1 */
  guint         n_rows;
  guint         n_columns;
  GHashTable   *merges;   /* top-left (row << 20 | col) → last (row << 20 | col), as guint64 */
};

/* Messages. */

G_GNUC_PRINTF (4, 5)
static gboolean
fail (PoaXlsxBook  *book,
      GError      **error,
      PoaXlsxError  code,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, POA_XLSX_ERROR, code, "%s: %s", book->name, message);
  return FALSE;
}

/* The zip container, from a file or from memory (the fuzzer). */

static voidpf ZCALLBACK
memory_open (voidpf opaque, const void *filename, int mode)
{
  PoaXlsxBook *book = opaque;

  book->memory_pos = 0;
  return book;
}

static uLong ZCALLBACK
memory_read (voidpf opaque, voidpf stream, void *buf, uLong size)
{
  PoaXlsxBook *book = opaque;
  gsize length;
  const guint8 *data = g_bytes_get_data (book->memory, &length);
  gsize n = book->memory_pos < length ? MIN (size, length - book->memory_pos) : 0;

  if (n > 0)
    memcpy (buf, data + book->memory_pos, n);
  book->memory_pos += n;
  return n;
}

static uLong ZCALLBACK
memory_write (voidpf opaque, voidpf stream, const void *buf, uLong size)
{
  return 0;
}

static ZPOS64_T ZCALLBACK
memory_tell (voidpf opaque, voidpf stream)
{
  return ((PoaXlsxBook *)opaque)->memory_pos;
}

static long ZCALLBACK
memory_seek (voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
  PoaXlsxBook *book = opaque;
  gsize length = g_bytes_get_size (book->memory);
  guint64 base;

  switch (origin)
    {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = book->memory_pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = length; break;
    default: return -1;
    }
  if (offset > length || base + offset > length)
    return -1;
  book->memory_pos = base + offset;
  return 0;
}

static int ZCALLBACK
memory_close (voidpf opaque, voidpf stream)
{
  return 0;
}

static int ZCALLBACK
memory_error (voidpf opaque, voidpf stream)
{
  return 0;
}

/* One part of the archive, inflated as the XML parser asks for it. */
typedef struct
{
  PoaXlsxBook *book;
  const char  *part;
  guint64      read;
  guint64      limit;
  gboolean     too_large;
  gboolean     zip_error;
  gboolean     doctype;
} Stream;

static int
stream_read_cb (void *context,
                char *buffer,
                int   length)
{
  Stream *stream = context;
  int n = unzReadCurrentFile (stream->book->zip, buffer, (unsigned) length);

  if (n < 0)
    {
      stream->zip_error = TRUE;
      return -1;
    }

  /* A document type comes before the root element, so in the first bytes: refused there, before
   * libxml2 reads any of its declarations. */
  if (stream->read < 64 * 1024 && n > 0 &&
      (memmem (buffer, n, "<!DOCTYPE", 9) != NULL || memmem (buffer, n, "<!ENTITY", 8) != NULL))
    {
      stream->doctype = TRUE;
      return -1;
    }

  stream->read += n;
  stream->book->total_read += n;
  if (stream->book->progress != NULL && stream->book->total_size > 0 &&
      stream->book->total_read - stream->book->last_progress > 1024 * 1024)
    {
      stream->book->last_progress = stream->book->total_read;
      stream->book->progress (MIN (1.0, (double) stream->book->total_read / stream->book->total_size),
                              stream->book->progress_data);
    }
  if (stream->read > stream->limit || stream->book->total_read > POA_XLSX_MAX_TOTAL_BYTES)
    {
      stream->too_large = TRUE;
      return -1;
    }
  return n;
}

static int
stream_close_cb (void *context)
{
  return 0;
}

/* Where a part is in the archive: its name as the relationships give it, which may begin with
 * a slash; the archive's names are compared without regard to case, as Excel does. */
static gboolean
locate_part (PoaXlsxBook *book,
             const char  *part)
{
  while (*part == '/')
    part++;
  return unzLocateFile (book->zip, part, 2) == UNZ_OK;
}

static gboolean
open_part (PoaXlsxBook      *book,
           const char       *part,
           Stream           *stream,
           xmlTextReaderPtr *reader,
           GError          **error)
{
  unz_file_info64 info;
  guint64 limit;

  memset (stream, 0, sizeof *stream);
  stream->book = book;
  stream->part = part;
  *reader = NULL;

  if (!locate_part (book, part))
    return fail (book, error, POA_XLSX_ERROR_MISSING,
                 _("the workbook has no part “%s”: it is not a complete .xlsx workbook"), part);

  if (unzGetCurrentFileInfo64 (book->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    return fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("the zip archive is damaged at “%s”"), part);

  /* Compressed XML shrinks some 10 to 30 times; far more is a bomb. Small parts are let be. */
  if (info.uncompressed_size > 1024 * 1024 &&
      info.uncompressed_size / MAX (info.compressed_size, 1) > POA_XLSX_MAX_RATIO)
    return fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                 _("“%s” is compressed %llu times, more than a workbook ever is "
                   "(a zip bomb?)"),
                 part, (unsigned long long) (info.uncompressed_size / MAX (info.compressed_size, 1u)));

  if (info.uncompressed_size > POA_XLSX_MAX_PART_BYTES)
    return fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                 _("“%s” would take %llu MB once uncompressed, more than the %u MB "
                   "a workbook part may take (a zip bomb?)"),
                 part, (unsigned long long) (info.uncompressed_size / (1024 * 1024)),
                 POA_XLSX_MAX_PART_BYTES / (1024 * 1024));

  if (unzOpenCurrentFile (book->zip) != UNZ_OK)
    return fail (book, error, POA_XLSX_ERROR_NOT_ZIP,
                 _("“%s” cannot be read from the zip archive (encrypted or damaged?)"), part);

  /* What the header declares is what may come out: a header that understates is caught here. */
  limit = MIN ((guint64) info.uncompressed_size, (guint64) POA_XLSX_MAX_PART_BYTES);
  limit = MIN (limit, (guint64) MAX (info.compressed_size, 1) * POA_XLSX_MAX_RATIO + 1024 * 1024);
  stream->limit = limit;

  *reader = xmlReaderForIO (stream_read_cb, stream_close_cb, stream, part, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_NOCDATA);
  if (*reader == NULL)
    {
      unzCloseCurrentFile (book->zip);
      return fail (book, error, POA_XLSX_ERROR_READ, _("“%s” cannot be read"), part);
    }
  return TRUE;
}

/* Ends a part: @status is the last xmlTextReaderRead()'s. */
static gboolean
close_part (PoaXlsxBook      *book,
            Stream           *stream,
            xmlTextReaderPtr  reader,
            int               status,
            gboolean          ok,
            GError          **error)
{
  int line = reader != NULL ? xmlTextReaderGetParserLineNumber (reader) : 0;
  int crc;

  if (reader != NULL)
    xmlFreeTextReader (reader);
  crc = unzCloseCurrentFile (book->zip);

  if (!ok)
    return FALSE;

  if (stream->too_large)
    return fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                 _("“%s” is larger once uncompressed than its zip header says or than a workbook "
                   "part may be (a zip bomb?)"), stream->part);
  if (stream->zip_error)
    return fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("the zip archive is damaged at “%s”"),
                 stream->part);
  if (stream->doctype)
    return fail (book, error, POA_XLSX_ERROR_MALFORMED,
                 _("“%s” declares a document type or entities, which no workbook does"),
                 stream->part);
  if (status < 0)
    return fail (book, error, POA_XLSX_ERROR_MALFORMED,
                 _("“%s” is not well-formed XML (line %d)"), stream->part, line);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* (The fuzz build lets a part whose bytes the fuzzer changed through, to reach the cells.) */
  if (crc == UNZ_CRCERROR)
    return fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("the zip archive is damaged at “%s”"),
                 stream->part);
#else
  (void) crc;
#endif
  return TRUE;
}

/* What every part is refused for: a document type (the door to entities) or an entity
 * reference left unexpanded. */
static gboolean
check_node (PoaXlsxBook      *book,
            Stream           *stream,
            xmlTextReaderPtr  reader,
            GError          **error)
{
  int type = xmlTextReaderNodeType (reader);

  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
      type == XML_READER_TYPE_ENTITY)
    return fail (book, error, POA_XLSX_ERROR_MALFORMED,
                 _("“%s” declares a document type or entities, which no workbook does"),
                 stream->part);
  return TRUE;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
get_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The relationship id of a <sheet>, whatever prefix its namespace has. */
static char *
get_relationship_id (xmlTextReaderPtr reader)
{
  static const char *const namespaces[] = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  };

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                    (const xmlChar *) namespaces[i]);
      if (value != NULL)
        {
          char *copy = g_strdup ((const char *) value);

          xmlFree (value);
          return copy;
        }
    }
  return get_attribute (reader, "r:id");
}

/* Appends the text inside the current element (a <t>, a <v>) to @text and leaves the reader
 * on its end. ST_Xstring's escapes, _xHHHH_, are what Excel writes for control characters. */
static int
read_text (xmlTextReaderPtr  reader,
           GString          *text)
{
  int depth = xmlTextReaderDepth (reader);
  int status = 1;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
      else if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      else if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE)
        return -1;
    }
  return status;
}

static void
unescape_xstring (GString *text)
{
  char *p;
  gsize from = 0;

  while ((p = strstr (text->str + from, "_x")) != NULL)
    {
      gsize at = p - text->str;
      guint value = 0;
      gboolean hex = TRUE;

      for (guint i = 0; i < 4 && hex; i++)
        hex = g_ascii_isxdigit (p[2 + i]);
      if (!hex || p[6] != '_')
        {
          from = at + 2;
          continue;
        }
      for (guint i = 0; i < 4; i++)
        value = value * 16 + g_ascii_xdigit_value (p[2 + i]);

      g_string_erase (text, at, 7);
      if (value != 0 && g_unichar_validate (value))
        {
          char utf8[8];
          int n = g_unichar_to_utf8 (value, utf8);

          g_string_insert_len (text, at, utf8, n);
          from = at + n;
        }
      else
        from = at;
    }
}

/* A string item (<si>, <is>): its <t>, or its runs' <t>s joined; phonetic runs (<rPh>) are
 * reading aids, not text. The reader is on the item's start; it is left on its end. */
static int
read_string_item (xmlTextReaderPtr  reader,
                  GString          *text)
{
  int depth = xmlTextReaderDepth (reader);
  int phonetic_depth = -1;
  int status = 1;

  g_string_truncate (text, 0);
  if (xmlTextReaderIsEmptyElement (reader))
    return 1;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int d = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (d == depth)
            break;
          if (d == phonetic_depth)
            phonetic_depth = -1;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        {
          if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE)
            return -1;
          continue;
        }
      if (phonetic_depth >= 0)
        continue;
      if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth = d;
      else if (is_element (reader, "t") && (status = read_text (reader, text)) != 1)
        return status;
    }

  unescape_xstring (text);
  return status;
}

/* Paths inside the archive. */

static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat (base_dir, target, NULL);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

typedef struct
{
  char *id;
  char *type;
  char *target;
} Relationship;

static void
relationship_clear (Relationship *r)
{
  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
}

/* A part's relationships (@rels the .rels part): missing is no error, the caller falls back. */
static gboolean
read_relationships (PoaXlsxBook  *book,
                    const char   *rels,
                    const char   *base_dir,
                    GArray       *out,
                    GError      **error)
{
  xmlTextReaderPtr reader = NULL;
  Stream stream;
  int status = 1;
  gboolean ok = TRUE;

  if (!locate_part (book, rels))
    return TRUE;
  if (!open_part (book, rels, &stream, &reader, error))
    return FALSE;

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      Relationship r = { 0 };
      g_autofree char *target = NULL;

      if (!(ok = check_node (book, &stream, reader, error)))
        break;
      if (!is_element (reader, "Relationship"))
        continue;
      if (out->len >= MAX_ENTRIES)
        {
          ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE, _("“%s” lists too many parts"), rels);
          break;
        }
      target = get_attribute (reader, "Target");
      if (target == NULL)
        continue;
      r.id = get_attribute (reader, "Id");
      r.type = get_attribute (reader, "Type");
      r.target = resolve_target (base_dir, target);
      g_array_append_val (out, r);
    }

  return close_part (book, &stream, reader, status, ok, error);
}

static const Relationship *
find_relationship (GArray     *rels,
                   const char *type_suffix,
                   const char *id)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *r = &g_array_index (rels, Relationship, i);

      if (id != NULL && g_strcmp0 (r->id, id) == 0)
        return r;
      if (type_suffix != NULL && r->type != NULL && g_str_has_suffix (r->type, type_suffix))
        return r;
    }
  return NULL;
}

/* The workbook part: its sheets in order and its defined names. */
static gboolean
read_workbook (PoaXlsxBook  *book,
               const char   *part,
               GArray       *rels,
               GError      **error)
{
  xmlTextReaderPtr reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Stream stream;
  int status = 1;
  gboolean ok = TRUE;

  if (!open_part (book, part, &stream, &reader, error))
    return FALSE;

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      if (!(ok = check_node (book, &stream, reader, error)))
        break;

      if (is_element (reader, "sheet"))
        {
          g_autofree char *name = get_attribute (reader, "name");
          g_autofree char *state = get_attribute (reader, "state");
          g_autofree char *id = get_relationship_id (reader);
          const Relationship *r = id != NULL ? find_relationship (rels, NULL, id) : NULL;
          SheetInfo info;

          if (book->sheets->len >= MAX_SHEETS)
            {
              ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE, _("the workbook has too many sheets"));
              break;
            }
          if (name == NULL || r == NULL)
            {
              ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                         _("“%s” lists a sheet without a name or without its part"), part);
              break;
            }
          info.name = g_steal_pointer (&name);
          info.part = g_strdup (r->target);
          info.hidden = state != NULL && !g_str_equal (state, "visible");
          g_array_append_val (book->sheets, info);
        }
      else if (is_element (reader, "workbookPr"))
        {
          g_autofree char *date1904 = get_attribute (reader, "date1904");

          book->date1904 = date1904 != NULL && (g_str_equal (date1904, "1") || g_str_equal (date1904, "true"));
        }
      else if (is_element (reader, "definedName"))
        {
          g_autofree char *name = get_attribute (reader, "name");

          g_string_truncate (text, 0);
          if ((status = read_text (reader, text)) != 1)
            break;
          if (name != NULL && g_hash_table_size (book->names) < MAX_NAMES)
            g_hash_table_insert (book->names, g_steal_pointer (&name), g_strdup (text->str));
        }
    }

  if (!close_part (book, &stream, reader, status, ok, error))
    return FALSE;
  if (book->sheets->len == 0)
    return fail (book, error, POA_XLSX_ERROR_MISSING, _("the workbook has no sheet"));
  return TRUE;
}

static gboolean
read_shared_strings (PoaXlsxBook  *book,
                     const char   *part,
                     GError      **error)
{
  xmlTextReaderPtr reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Stream stream;
  int status = 1;
  gboolean ok = TRUE;

  if (!locate_part (book, part))
    return TRUE;
  if (!open_part (book, part, &stream, &reader, error))
    return FALSE;

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      if (!(ok = check_node (book, &stream, reader, error)))
        break;
      if (!is_element (reader, "si"))
        continue;
      if (book->strings->len >= POA_XLSX_MAX_STRINGS)
        {
          ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                     _("the workbook holds more than %u different texts"), POA_XLSX_MAX_STRINGS);
          break;
        }
      if ((status = read_string_item (reader, text)) != 1)
        break;
      g_ptr_array_add (book->strings, g_string_chunk_insert_len (book->strings_chunk, text->str,
                                                                 text->len));
    }

  return close_part (book, &stream, reader, status, ok, error);
}

/* Whether a number format shows a date: a built-in date format, or a code with day, month or
 * year letters outside quotes, escapes and [colour] or [$-locale] sections. */
static gboolean
is_date_format (guint       id,
                const char *code)
{
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return TRUE;
  if (code == NULL)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
          return TRUE;
        case 'G': case 'g':
          if (g_ascii_strncasecmp (p, "general", 7) == 0)
            p += 6;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

typedef struct
{
  gboolean shaded;
} Fill;

static gboolean
read_styles (PoaXlsxBook  *book,
             const char   *part,
             GError      **error)
{
  xmlTextReaderPtr reader = NULL;
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GArray) fills = g_array_new (FALSE, TRUE, sizeof (Fill));
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  Stream stream;
  int status = 1;
  gboolean ok = TRUE;
  enum { NONE, IN_FILLS, IN_CELL_XFS } where = NONE;
  Fill *fill = NULL;

  if (!locate_part (book, part))
    return TRUE;
  if (!open_part (book, part, &stream, &reader, error))
    return FALSE;

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name;

      if (!(ok = check_node (book, &stream, reader, error)))
        break;
      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (g_str_equal (name, "fills") || g_str_equal (name, "cellXfs"))
            where = NONE;
          continue;
        }

      if (g_str_equal (name, "fills"))
        where = xmlTextReaderIsEmptyElement (reader) ? NONE : IN_FILLS;
      else if (g_str_equal (name, "cellXfs"))
        where = xmlTextReaderIsEmptyElement (reader) ? NONE : IN_CELL_XFS;
      else if (g_str_equal (name, "numFmt"))
        {
          g_autofree char *id = get_attribute (reader, "numFmtId");
          char *code = get_attribute (reader, "formatCode");

          if (id != NULL && g_hash_table_size (formats) < MAX_ENTRIES)
            g_hash_table_insert (formats, GUINT_TO_POINTER ((guint) strtoul (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (where == IN_FILLS && g_str_equal (name, "fill"))
        {
          Fill blank = { FALSE };

          if (fills->len >= MAX_ENTRIES)
            {
              ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE, _("“%s” holds too many styles"), part);
              break;
            }
          g_array_append_val (fills, blank);
          fill = &g_array_index (fills, Fill, fills->len - 1);
        }
      else if (where == IN_FILLS && fill != NULL && g_str_equal (name, "patternFill"))
        {
          g_autofree char *pattern = get_attribute (reader, "patternType");

          fill->shaded = pattern != NULL && !g_str_equal (pattern, "none") &&
                         !g_str_equal (pattern, "gray125");
        }
      else if (where == IN_FILLS && fill != NULL && g_str_equal (name, "fgColor"))
        {
          g_autofree char *rgb = get_attribute (reader, "rgb");
          g_autofree char *theme = get_attribute (reader, "theme");
          g_autofree char *indexed = get_attribute (reader, "indexed");

          /* White is no shading: rgb FFFFFF, the theme's first colour, indexed 1 and 9. */
          if ((rgb != NULL && strlen (rgb) >= 6 &&
               g_ascii_strcasecmp (rgb + strlen (rgb) - 6, "FFFFFF") == 0) ||
              (theme != NULL && g_str_equal (theme, "0")) ||
              (indexed != NULL && (g_str_equal (indexed, "1") || g_str_equal (indexed, "9"))))
            fill->shaded = FALSE;
        }
      else if (where == IN_CELL_XFS && g_str_equal (name, "xf"))
        {
          g_autofree char *format = get_attribute (reader, "numFmtId");
          g_autofree char *fill_id = get_attribute (reader, "fillId");
          guint pair[2] = { format != NULL ? (guint) strtoul (format, NULL, 10) : 0,
                            fill_id != NULL ? (guint) strtoul (fill_id, NULL, 10) : 0 };

          if (xf_formats->len >= MAX_ENTRIES * 10)
            {
              ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE, _("“%s” holds too many styles"), part);
              break;
            }
          g_array_append_val (xf_formats, pair);
        }
    }

  if (!close_part (book, &stream, reader, status, ok, error))
    return FALSE;

  g_array_set_size (book->xfs, 0);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      const guint *pair = &g_array_index (xf_formats, guint, 2 * i);
      Xf xf = {
        .date = is_date_format (pair[0], g_hash_table_lookup (formats, GUINT_TO_POINTER (pair[0]))),
        .shaded = pair[1] < fills->len && g_array_index (fills, Fill, pair[1]).shaded,
      };

      g_array_append_val (book->xfs, xf);
    }
  if (book->xfs->len == 0)
    {
      Xf plain = { FALSE, FALSE };

      g_array_append_val (book->xfs, plain);
    }
  return TRUE;
}

static void
sheet_info_clear (SheetInfo *info)
{
  g_free (info->name);
  g_free (info->part);
}

static PoaXlsxBook *
book_new (const char *name)
{
  PoaXlsxBook *book = g_new0 (PoaXlsxBook, 1);

  book->name = g_strdup (name);
  book->sheets = g_array_new (FALSE, TRUE, sizeof (SheetInfo));
  g_array_set_clear_func (book->sheets, (GDestroyNotify) sheet_info_clear);
  book->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->xfs = g_array_new (FALSE, TRUE, sizeof (Xf));
  book->strings_chunk = g_string_chunk_new (64 * 1024);
  book->strings = g_ptr_array_new ();
  return book;
}

void
poa_xlsx_book_free (PoaXlsxBook *book)
{
  if (book == NULL)
    return;
  if (book->zip != NULL)
    unzClose (book->zip);
  g_clear_pointer (&book->memory, g_bytes_unref);
  g_array_unref (book->sheets);
  g_hash_table_unref (book->names);
  g_array_unref (book->xfs);
  g_string_chunk_free (book->strings_chunk);
  g_ptr_array_unref (book->strings);
  g_free (book->name);
  g_free (book);
}

/* The workbook's structure: which parts, the sheets, styles and shared strings. */
static gboolean
book_load (PoaXlsxBook  *book,
           GError      **error)
{
  g_autoptr(GArray) root_rels = g_array_new (FALSE, TRUE, sizeof (Relationship));
  g_autoptr(GArray) rels = g_array_new (FALSE, TRUE, sizeof (Relationship));
  g_autofree char *workbook = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels_part = NULL;
  const Relationship *r;
  unz_global_info64 global;

  g_array_set_clear_func (root_rels, (GDestroyNotify) relationship_clear);
  g_array_set_clear_func (rels, (GDestroyNotify) relationship_clear);

  if (unzGetGlobalInfo64 (book->zip, &global) != UNZ_OK)
    return fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("not a workbook: the zip archive is damaged"));
  if (global.number_entry > MAX_ENTRIES)
    return fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                 _("the zip archive holds %llu files, more than a workbook does"),
                 (unsigned long long) global.number_entry);

  /* The parts' total size, for progress; what a header claims is only used for that. */
  if (unzGoToFirstFile (book->zip) == UNZ_OK)
    do
      {
        unz_file_info64 info;

        if (unzGetCurrentFileInfo64 (book->zip, &info, NULL, 0, NULL, 0, NULL, 0) == UNZ_OK)
          book->total_size += MIN (info.uncompressed_size, (guint64) POA_XLSX_MAX_PART_BYTES);
      }
    while (unzGoToNextFile (book->zip) == UNZ_OK);

  if (!read_relationships (book, "_rels/.rels", "", root_rels, error))
    return FALSE;
  r = find_relationship (root_rels, "/officeDocument", NULL);
  workbook = g_strdup (r != NULL ? r->target : "xl/workbook.xml");
  if (!locate_part (book, workbook))
    return fail (book, error, POA_XLSX_ERROR_MISSING,
                 _("not a workbook: the zip archive has no “%s” (is it an .xlsx file?)"), workbook);

  dir = g_path_get_dirname (workbook);
  base = g_path_get_basename (workbook);
  if (g_str_equal (dir, "."))
    {
      g_free (dir);
      dir = g_strdup ("");
    }
  else
    {
      char *with_slash = g_strconcat (dir, "/", NULL);

      g_free (dir);
      dir = with_slash;
    }
  rels_part = g_strconcat (dir, "_rels/", base, ".rels", NULL);
  if (!read_relationships (book, rels_part, dir, rels, error))
    return FALSE;

  {
    const Relationship *styles = find_relationship (rels, "/styles", NULL);
    const Relationship *strings = find_relationship (rels, "/sharedStrings", NULL);
    g_autofree char *styles_part = styles != NULL ? g_strdup (styles->target) : g_strconcat (dir, "styles.xml", NULL);
    g_autofree char *strings_part = strings != NULL ? g_strdup (strings->target) : g_strconcat (dir, "sharedStrings.xml", NULL);

    if (!read_workbook (book, workbook, rels, error) ||
        !read_styles (book, styles_part, error) ||
        !read_shared_strings (book, strings_part, error))
      return FALSE;
  }

  /* Without a styles part every cell has the plain style. */
  if (book->xfs->len == 0)
    {
      Xf plain = { FALSE, FALSE };

      g_array_append_val (book->xfs, plain);
    }
  return TRUE;
}

/**
 * poa_xlsx_book_open:
 * @path: a workbook (.xlsx)
 *
 * Reads the workbook's structure (sheets, styles, shared strings, defined names); the sheets
 * themselves are read one at a time with poa_xlsx_book_read_sheet().
 *
 * Returns: (transfer full): the workbook, or %NULL with @error naming the file and what is wrong.
 */
PoaXlsxBook *
poa_xlsx_book_open (const char  *path,
                    GError     **error)
{
  g_autoptr(PoaXlsxBook) book = book_new (path);

  book->zip = unzOpen64 (path);
  if (book->zip == NULL)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          fail (book, error, POA_XLSX_ERROR_READ, "%s", g_strerror (ENOENT));
          return NULL;
        }
      fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("not a workbook: it is not a zip archive (.xlsx)"));
      return NULL;
    }
  if (!book_load (book, error))
    return NULL;
  return g_steal_pointer (&book);
}

/**
 * poa_xlsx_book_open_memory:
 * @name: what messages call it
 *
 * As poa_xlsx_book_open(), from bytes in memory (the fuzzer's input); @data is copied.
 */
PoaXlsxBook *
poa_xlsx_book_open_memory (const guint8  *data,
                           gsize          size,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(PoaXlsxBook) book = book_new (name);
  zlib_filefunc64_def functions = {
    .zopen64_file = memory_open,
    .zread_file = memory_read,
    .zwrite_file = memory_write,
    .ztell64_file = memory_tell,
    .zseek64_file = memory_seek,
    .zclose_file = memory_close,
    .zerror_file = memory_error,
  };

  book->memory = g_bytes_new (data, size);
  functions.opaque = book;
  book->zip = unzOpen2_64 (name, &functions);
  if (book->zip == NULL)
    {
      fail (book, error, POA_XLSX_ERROR_NOT_ZIP, _("not a workbook: it is not a zip archive (.xlsx)"));
      return NULL;
    }
  if (!book_load (book, error))
    return NULL;
  return g_steal_pointer (&book);
}

/* @progress is called now and then, from the thread reading, with the fraction read. */
void
poa_xlsx_book_set_progress (PoaXlsxBook         *book,
                            PoaXlsxProgressFunc  progress,
                            gpointer             data)
{
  book->progress = progress;
  book->progress_data = data;
}

const char *
poa_xlsx_book_get_name (PoaXlsxBook *book)
{
  return book->name;
}

guint
poa_xlsx_book_get_n_sheets (PoaXlsxBook *book)
{
  return book->sheets->len;
}

const char *
poa_xlsx_book_get_sheet_name (PoaXlsxBook *book,
                              guint        index)
{
  g_return_val_if_fail (index < book->sheets->len, NULL);
  return g_array_index (book->sheets, SheetInfo, index).name;
}

gboolean
poa_xlsx_book_sheet_is_hidden (PoaXlsxBook *book,
                               guint        index)
{
  g_return_val_if_fail (index < book->sheets->len, FALSE);
  return g_array_index (book->sheets, SheetInfo, index).hidden;
}

/* The sheet whose name is @name, case, accents and spacing aside; -1 if none. */
int
poa_xlsx_book_find_sheet (PoaXlsxBook *book,
                          const char  *name)
{
  g_autofree char *wanted = poa_xlsx_normalize (name);

  for (guint i = 0; i < book->sheets->len; i++)
    {
      g_autofree char *have = poa_xlsx_normalize (g_array_index (book->sheets, SheetInfo, i).name);

      if (g_str_equal (have, wanted))
        return (int) i;
    }
  return -1;
}

/* Whether the workbook counts days from 1904 (old Mac workbooks). */
gboolean
poa_xlsx_book_is_date1904 (PoaXlsxBook *book)
{
  return book->date1904;
}

const char *
poa_xlsx_book_get_defined_name (PoaXlsxBook *book,
                                const char  *name)
{
  return g_hash_table_lookup (book->names, name);
}

/* A sheet. */

/* "B12" → row 11, column 1; FALSE if it is not a cell reference. */
static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *col)
{
  guint c = 0, r = 0;
  const char *p = ref;

  if (p == NULL)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > POA_XLSX_MAX_COLUMNS)
        return FALSE;
    }
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > 1048576)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

/* A reference that is only a column ("B" of a cell without a row) is not valid: only the
 * whole form is. */
static gboolean
parse_cell_reference (const char *ref,
                      guint      *row,
                      guint      *col)
{
  return parse_reference (ref, row, col);
}

char *
poa_xlsx_cell_name (guint row,
                    guint col)
{
  char letters[8];
  int n = 0;
  g_autoptr(GString) reversed = g_string_new (NULL);

  col++;
  while (col > 0 && n < 7)
    {
      guint rest = (col - 1) % 26;

      letters[n++] = 'A' + rest;
      col = (col - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (reversed, letters[--n]);
  g_string_append_printf (reversed, "%u", row + 1);
  return g_string_free (g_steal_pointer (&reversed), FALSE);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

static guint64
merge_key (guint row,
           guint col)
{
  return ((guint64) row << 20) | col;
}

static Cell *
find_cell (PoaXlsxSheet *sheet,
           guint         row,
           guint         col)
{
  guint lo, hi;

  if (row >= sheet->n_rows)
    return NULL;
  lo = sheet->row_start[row];
  hi = sheet->row_start[row + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Cell *cell = &g_array_index (sheet->cells, Cell, mid);

      if (cell->col == col)
        return cell;
      if (cell->col < col)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

void
poa_xlsx_sheet_free (PoaXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->numbers);
  g_string_chunk_free (sheet->chunk);
  g_ptr_array_unref (sheet->texts);
  g_free (sheet->row_start);
  g_hash_table_unref (sheet->merges);
  g_free (sheet);
}

typedef struct
{
  guint r1, c1, r2, c2;
} Range;

static gboolean
parse_range (const char *ref,
             Range      *range)
{
  g_auto(GStrv) ends = g_strsplit (ref, ":", 3);

  if (ends[0] == NULL || !parse_reference (ends[0], &range->r1, &range->c1))
    return FALSE;
  if (ends[1] == NULL)
    {
      range->r2 = range->r1;
      range->c2 = range->c1;
      return TRUE;
    }
  if (ends[2] != NULL || !parse_reference (ends[1], &range->r2, &range->c2))
    return FALSE;
  if (range->r2 < range->r1 || range->c2 < range->c1)
    return FALSE;
  return TRUE;
}

static gboolean
finish_sheet (PoaXlsxSheet  *sheet,
              GArray        *ranges,
              GError       **error)
{
  guint n = sheet->cells->len;
  gboolean sorted = TRUE;
  guint64 work = 0;

  for (guint i = 1; i < n && sorted; i++)
    sorted = compare_cells (&g_array_index (sheet->cells, Cell, i - 1),
                            &g_array_index (sheet->cells, Cell, i)) < 0;
  if (!sorted)
    {
      g_array_sort (sheet->cells, compare_cells);
      /* A cell written twice: the last one wins, as in Excel. Duplicates are dropped. */
      for (guint i = n - 1; i > 0; i--)
        if (compare_cells (&g_array_index (sheet->cells, Cell, i - 1),
                           &g_array_index (sheet->cells, Cell, i)) == 0)
          g_array_remove_index (sheet->cells, i - 1);
      n = sheet->cells->len;
    }

  sheet->n_rows = n > 0 ? g_array_index (sheet->cells, Cell, n - 1).row + 1 : 0;
  sheet->row_start = g_new0 (guint32, sheet->n_rows + 1);
  for (guint i = 0, row = 0; row <= sheet->n_rows; row++)
    {
      while (i < n && g_array_index (sheet->cells, Cell, i).row < row)
        i++;
      sheet->row_start[row] = i;
    }
  for (guint i = 0; i < n; i++)
    sheet->n_columns = MAX (sheet->n_columns, g_array_index (sheet->cells, Cell, i).col + 1u);

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      guint64 *last = g_new (guint64, 1);

      *last = merge_key (range->r2, range->c2);
      g_hash_table_insert (sheet->merges, g_memdup2 (&(guint64) { merge_key (range->r1, range->c1) },
                                                     sizeof (guint64)), last);

      /* The cells a range covers show nothing: its value is the top-left one's. */
      for (guint row = range->r1; row <= range->r2 && row < sheet->n_rows; row++)
        for (guint j = sheet->row_start[row]; j < sheet->row_start[row + 1]; j++)
          {
            Cell *cell = &g_array_index (sheet->cells, Cell, j);

            if (++work > MAX_MERGE_WORK)
              {
                g_set_error (error, POA_XLSX_ERROR, POA_XLSX_ERROR_TOO_LARGE,
                             _("%s: sheet “%s” has too many merged cells"),
                             sheet->book->name, sheet->name);
                return FALSE;
              }
            if (cell->col < range->c1 || cell->col > range->c2)
              continue;
            if (row == range->r1 && cell->col == range->c1)
              continue;
            cell->kind = KIND_EMPTY;
          }
    }
  return TRUE;
}

/**
 * poa_xlsx_book_read_sheet:
 * @index: which sheet, 0 for the first
 *
 * Reads one sheet's cells and merged ranges.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error naming the file and the sheet.
 */
PoaXlsxSheet *
poa_xlsx_book_read_sheet (PoaXlsxBook  *book,
                          guint         index,
                          GError      **error)
{
  const SheetInfo *info;
  g_autoptr(PoaXlsxSheet) sheet = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  xmlTextReaderPtr reader = NULL;
  Stream stream;
  int status = 1;
  gboolean ok = TRUE;
  guint row = 0, next_col = 0;
  gboolean have_row = FALSE;

  g_return_val_if_fail (index < book->sheets->len, NULL);
  info = &g_array_index (book->sheets, SheetInfo, index);

  sheet = g_new0 (PoaXlsxSheet, 1);
  sheet->book = book;
  sheet->name = g_strdup (info->name);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  sheet->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  sheet->chunk = g_string_chunk_new (64 * 1024);
  sheet->texts = g_ptr_array_new ();
  sheet->merges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!open_part (book, info->part, &stream, &reader, error))
    return NULL;

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      const char *name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        {
          if (!(ok = check_node (book, &stream, reader, error)))
            break;
          continue;
        }
      name = (const char *) xmlTextReaderConstLocalName (reader);

      if (g_str_equal (name, "row"))
        {
          g_autofree char *r = get_attribute (reader, "r");

          if (r != NULL)
            {
              guint64 number = g_ascii_strtoull (r, NULL, 10);

              if (number == 0 || number > 1048576)
                {
                  ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                             _("sheet “%s”: a row numbered “%s”"), info->name, r);
                  break;
                }
              row = number - 1;
            }
          else if (have_row)
            row++;
          have_row = TRUE;
          next_col = 0;
        }
      else if (g_str_equal (name, "c"))
        {
          /* A cell's attributes, read in place: a sheet has hundreds of thousands of cells, and
           * copying each attribute was most of the reading's allocations. */
          char r_buffer[32], s_buffer[16], t_buffer[16];
          const char *r = NULL, *s = NULL, *t = NULL;
          guint col = next_col, cell_row = row;
          gboolean has_value = FALSE, has_inline = FALSE;
          Cell cell = { 0 };

          if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
            {
              do
                {
                  const char *attribute = (const char *) xmlTextReaderConstLocalName (reader);
                  const char *attribute_value = (const char *) xmlTextReaderConstValue (reader);

                  if (attribute_value == NULL)
                    continue;
                  if (g_str_equal (attribute, "r"))
                    r = g_strlcpy (r_buffer, attribute_value, sizeof r_buffer) < sizeof r_buffer ? r_buffer : "!";
                  else if (g_str_equal (attribute, "s"))
                    s = g_strlcpy (s_buffer, attribute_value, sizeof s_buffer) < sizeof s_buffer ? s_buffer : "0";
                  else if (g_str_equal (attribute, "t"))
                    t = g_strlcpy (t_buffer, attribute_value, sizeof t_buffer) < sizeof t_buffer ? t_buffer : "?";
                }
              while (xmlTextReaderMoveToNextAttribute (reader) == 1);
              xmlTextReaderMoveToElement (reader);
            }

          if (r != NULL && !parse_cell_reference (r, &cell_row, &col))
            {
              ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                         _("sheet “%s”: a cell at “%s”, which is not a cell"), info->name, r);
              break;
            }
          if (cell_row >= POA_XLSX_MAX_ROWS)
            {
              ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                         _("sheet “%s” has more than %u rows"), info->name, POA_XLSX_MAX_ROWS);
              break;
            }
          if (col >= POA_XLSX_MAX_COLUMNS)
            {
              ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                         _("sheet “%s”: a cell beyond the last column"), info->name);
              break;
            }
          next_col = col + 1;
          cell.row = cell_row;
          cell.col = col;
          cell.xf = s != NULL ? (guint32) strtoul (s, NULL, 10) : 0;
          if (cell.xf >= book->xfs->len)
            cell.xf = 0;

          g_string_truncate (value, 0);
          if (!xmlTextReaderIsEmptyElement (reader))
            {
              int depth = xmlTextReaderDepth (reader);

              while ((status = xmlTextReaderRead (reader)) == 1)
                {
                  int type = xmlTextReaderNodeType (reader);

                  if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
                    break;
                  if (type != XML_READER_TYPE_ELEMENT)
                    {
                      if (!(ok = check_node (book, &stream, reader, error)))
                        break;
                      continue;
                    }
                  if (is_element (reader, "v"))
                    {
                      has_value = TRUE;
                      if ((status = read_text (reader, value)) != 1)
                        break;
                    }
                  else if (is_element (reader, "is"))
                    {
                      has_inline = TRUE;
                      if ((status = read_string_item (reader, text)) != 1)
                        break;
                    }
                }
              if (!ok || status != 1)
                break;
            }

          if (t != NULL && g_str_equal (t, "inlineStr"))
            {
              if (has_inline && text->len > 0)
                {
                  cell.kind = KIND_TEXT;
                  cell.value = sheet->texts->len;
                  g_ptr_array_add (sheet->texts, g_string_chunk_insert_len (sheet->chunk, text->str, text->len));
                }
            }
          else if (!has_value)
            ;
          else if (t != NULL && g_str_equal (t, "s"))
            {
              char *end;
              guint64 i = g_ascii_strtoull (value->str, &end, 10);

              if (value->len == 0 || *end != '\0' || i >= book->strings->len)
                {
                  g_autofree char *where = poa_xlsx_cell_name (cell_row, col);

                  ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                             _("%s!%s: refers to a shared text that is not there"), info->name, where);
                  break;
                }
              if (((const char *) g_ptr_array_index (book->strings, i))[0] != '\0')
                {
                  cell.kind = KIND_SHARED;
                  cell.value = i;
                }
            }
          else if (t != NULL && (g_str_equal (t, "str") || g_str_equal (t, "e") || g_str_equal (t, "d")))
            {
              if (value->len > 0)
                {
                  unescape_xstring (value);
                  cell.kind = g_str_equal (t, "e") ? KIND_ERROR : KIND_TEXT;
                  cell.value = sheet->texts->len;
                  g_ptr_array_add (sheet->texts, g_string_chunk_insert_len (sheet->chunk, value->str, value->len));
                }
            }
          else if (t != NULL && g_str_equal (t, "b"))
            {
              cell.kind = KIND_BOOL;
              cell.value = g_str_equal (value->str, "1");
            }
          else if (value->len > 0)
            {
              char *end;
              double number = g_ascii_strtod (value->str, &end);

              while (g_ascii_isspace (*end))
                end++;
              if (*end != '\0' || !isfinite (number))
                {
                  g_autofree char *where = poa_xlsx_cell_name (cell_row, col);

                  ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                             _("%s!%s: “%s” is marked as a number and is not one"),
                             info->name, where, value->str);
                  break;
                }
              cell.kind = KIND_NUMBER;
              cell.value = sheet->numbers->len;
              g_array_append_val (sheet->numbers, number);
            }

          /* Kept: what has a value, and what is shaded (a scheduled month). */
          if (cell.kind != KIND_EMPTY || g_array_index (book->xfs, Xf, cell.xf).shaded ||
              g_array_index (book->xfs, Xf, cell.xf).date)
            {
              if (sheet->cells->len >= POA_XLSX_MAX_CELLS)
                {
                  ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                             _("sheet “%s” has more than %u cells"), info->name, POA_XLSX_MAX_CELLS);
                  break;
                }
              g_array_append_val (sheet->cells, cell);
            }
        }
      else if (g_str_equal (name, "mergeCell"))
        {
          g_autofree char *ref = get_attribute (reader, "ref");
          Range range;

          if (ref == NULL || !parse_range (ref, &range))
            {
              ok = fail (book, error, POA_XLSX_ERROR_MALFORMED,
                         _("sheet “%s”: a merged range “%s”, which is not a range"), info->name,
                         ref != NULL ? ref : "");
              break;
            }
          if (ranges->len >= MAX_MERGES)
            {
              ok = fail (book, error, POA_XLSX_ERROR_TOO_LARGE,
                         _("sheet “%s” has too many merged cells"), info->name);
              break;
            }
          g_array_append_val (ranges, range);
        }
    }

  if (!close_part (book, &stream, reader, status, ok, error))
    return NULL;
  if (!finish_sheet (sheet, ranges, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

const char *
poa_xlsx_sheet_get_name (PoaXlsxSheet *sheet)
{
  return sheet->name;
}

guint
poa_xlsx_sheet_get_n_rows (PoaXlsxSheet *sheet)
{
  return sheet->n_rows;
}

guint
poa_xlsx_sheet_get_n_columns (PoaXlsxSheet *sheet)
{
  return sheet->n_columns;
}

/* The cell at @row, @col (from 0); an empty one where nothing is, or where a merged range
 * covers it (the range's value is its top-left cell's). */
void
poa_xlsx_sheet_get_cell (PoaXlsxSheet *sheet,
                         guint         row,
                         guint         col,
                         PoaXlsxCell  *out)
{
  Cell *cell = find_cell (sheet, row, col);
  const Xf *xf;

  memset (out, 0, sizeof *out);
  if (cell == NULL)
    return;

  xf = &g_array_index (sheet->book->xfs, Xf, cell->xf);
  out->shaded = xf->shaded;
  switch ((Kind) cell->kind)
    {
    case KIND_EMPTY:
      break;
    case KIND_NUMBER:
      out->kind = POA_XLSX_CELL_NUMBER;
      out->number = g_array_index (sheet->numbers, double, cell->value);
      out->is_date = xf->date;
      break;
    case KIND_SHARED:
      out->kind = POA_XLSX_CELL_TEXT;
      out->text = g_ptr_array_index (sheet->book->strings, cell->value);
      break;
    case KIND_TEXT:
      out->kind = POA_XLSX_CELL_TEXT;
      out->text = g_ptr_array_index (sheet->texts, cell->value);
      break;
    case KIND_BOOL:
      out->kind = POA_XLSX_CELL_BOOL;
      out->number = cell->value;
      break;
    case KIND_ERROR:
      out->kind = POA_XLSX_CELL_ERROR;
      out->text = g_ptr_array_index (sheet->texts, cell->value);
      break;
    }
}

/* Whether a merged range begins at @row, @col; where it ends. */
gboolean
poa_xlsx_sheet_get_merge (PoaXlsxSheet *sheet,
                          guint         row,
                          guint         col,
                          guint        *last_row,
                          guint        *last_col)
{
  guint64 key = merge_key (row, col);
  guint64 *last = g_hash_table_lookup (sheet->merges, &key);

  if (last == NULL)
    return FALSE;
  *last_row = *last >> 20;
  *last_col = *last & 0xfffff;
  return TRUE;
}

/* A heading or a sheet name as compared: accents, case, punctuation and spacing aside
 * ("Actividad / Proyecto General" and "actividad proyecto  general" are the same). */
char *
poa_xlsx_normalize (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  ascii = g_str_to_ascii (text, "C");
  out = g_string_sized_new (strlen (ascii));
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}
