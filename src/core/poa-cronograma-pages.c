/* poa-cronograma-pages.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-cronograma-pages"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "poa-atomic-file.h"
#include "poa-cronograma-pages.h"
#include "poa-cronograma-renderer.h"
#include "poa-date.h"
#include "poa-export-error.h"
#include "poa-plan.h"
#include "poa-signature.h"

/* The cronograma as a document: pages of one size, each with the plan's header, the table's
 * heading and as many rows as fit, and the signature block (Elaboró, Revisó, Aprobó) after the
 * last row. The PDF writer, the PNG writer (one page as tall as the plan) and the window's
 * print operation all paginate and draw through here, so that they give the same pages.
 * Units are points; headings are the official Spanish ones whatever the interface language. */

#define MARGIN          36.0
#define SIGNATURE_GAP   20.0
#define SIGNATURE_SPACE 30.0   /* room to sign, above the line */

/* Cairo's image surfaces stop at 32767 pixels a side. */
#define PNG_SCALE       2.0
#define PNG_MAX_PIXELS  32767

typedef struct
{
  guint first;
  guint n_rows;
} Page;

struct _PoaCronogramaPages
{
  GObject                parent_instance;

  PoaPlan               *plan;
  PoaCronogramaRenderer *renderer;
  PangoLayout           *layout;
  GDate                  today;

  double                 width;
  double                 height;
  double                 table_top;
  double                 signature_height;
  GArray                *pages;
  gboolean               signatures_alone;
};

G_DEFINE_FINAL_TYPE (PoaCronogramaPages, poa_cronograma_pages, G_TYPE_OBJECT)

/* Writes @markup from (@x, @y) in a box @width wide, wrapped to at most @max_lines lines, and
 * returns its height. With no @cr it only measures. */
static double
page_text (PoaCronogramaPages *self,
           cairo_t            *cr,
           const char         *markup,
           double              x,
           double              y,
           double              width,
           double              size,
           PangoAlignment      align,
           int                 max_lines,
           const PoaColor     *color)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  PangoRectangle logical;

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_markup (self->layout, markup, -1);
  pango_layout_set_width (self->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_height (self->layout, -max_lines);
  pango_layout_set_alignment (self->layout, align);
  pango_layout_get_extents (self->layout, NULL, &logical);

  if (cr != NULL)
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, self->layout);
    }

  return (double)logical.height / PANGO_SCALE;
}

static const PoaColor black = { 0, 0, 0, 1 };
static const PoaColor grey = { 0.31, 0.31, 0.31, 1 };

/* The plan's header, the same on every page. Returns where the table starts. */
static double
draw_header (PoaCronogramaPages *self,
             cairo_t            *cr)
{
  PoaPlan *plan = self->plan;
  double content = self->width - 2 * MARGIN;
  double y = MARGIN;
  double legend_w;
  g_autofree char *title = NULL;
  g_autofree char *right = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *area = NULL;
  g_autofree char *section = NULL;
  const char *administration = poa_plan_get_text (plan, POA_PLAN_ADMINISTRATION);

  title = g_markup_printf_escaped ("<b>POA (PLAN OPERATIVO ANUAL) %u</b>", poa_plan_get_year (plan));
  right = administration[0] != '\0'
          ? g_markup_printf_escaped ("<b>%s</b>\nAdministración %s",
                                     poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY), administration)
          : g_markup_printf_escaped ("<b>%s</b>", poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY));
  direction = g_markup_printf_escaped ("<b>Dirección:</b> %s", poa_plan_get_text (plan, POA_PLAN_DIRECTION));
  area = g_markup_printf_escaped ("<b>Área:</b> %s", poa_plan_get_area (plan));
  section = g_markup_printf_escaped ("<b>Cronograma programado %u</b>", poa_plan_get_year (plan));

  page_text (self, cr, right, MARGIN + content * 0.6, y, content * 0.4, 8, PANGO_ALIGN_RIGHT, 2, &grey);
  y += page_text (self, cr, title, MARGIN, y, content * 0.6, 12, PANGO_ALIGN_LEFT, 1, &black) + 4;
  y += page_text (self, cr, direction, MARGIN, y, content * 0.6, 8, PANGO_ALIGN_LEFT, 1, &black) + 1;
  y += page_text (self, cr, area, MARGIN, y, content * 0.6, 8, PANGO_ALIGN_LEFT, 1, &black) + 8;

  /* The legend sits at the right of the section's title, on its baseline band. */
  legend_w = poa_cronograma_renderer_draw_legend (self->renderer, NULL);
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN + content - legend_w, y);
      poa_cronograma_renderer_draw_legend (self->renderer, cr);
      cairo_restore (cr);
    }
  y += page_text (self, cr, section, MARGIN, y, content - legend_w, 9, PANGO_ALIGN_LEFT, 1, &black) + 5;

  return ceil (y);
}

static void
draw_footer (PoaCronogramaPages *self,
             cairo_t            *cr,
             guint               page)
{
  double content = self->width - 2 * MARGIN;
  double y = self->height - MARGIN + 10;
  g_autofree char *date = poa_date_format_dmy (&self->today);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  left = g_markup_printf_escaped ("POA %u · %s · Fecha de impresión: %s", poa_plan_get_year (self->plan),
                                  poa_plan_get_area (self->plan), date != NULL ? date : "");
  right = g_strdup_printf ("Página %u de %u", page + 1, self->pages->len);

  page_text (self, cr, left, MARGIN, y, content * 0.8, 7, PANGO_ALIGN_LEFT, 1, &grey);
  page_text (self, cr, right, MARGIN + content * 0.8, y, content * 0.2, 7, PANGO_ALIGN_RIGHT, 1, &grey);
}

/* The three signatures side by side: role, room to sign, a line, the name and the title.
 * Returns the block's height. */
static double
draw_signatures (PoaCronogramaPages *self,
                 cairo_t            *cr,
                 double              y)
{
  double content = self->width - 2 * MARGIN;
  double column = content / POA_PLAN_N_SIGNATURES;
  double height = 0;

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (self->plan, i);
      double x = MARGIN + i * column + column * 0.1;
      double w = column * 0.8;
      double sy = y;
      g_autofree char *role = g_markup_printf_escaped ("<b>%s</b>", poa_signature_get_role (signature));
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", poa_signature_get_name (signature));
      g_autofree char *title = g_markup_escape_text (poa_signature_get_title (signature), -1);

      sy += page_text (self, cr, role, x, sy, w, 8, PANGO_ALIGN_CENTER, 1, &black);
      sy += SIGNATURE_SPACE;
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, x + w * 0.1, sy);
          cairo_line_to (cr, x + w * 0.9, sy);
          cairo_stroke (cr);
        }
      sy += 3;
      sy += page_text (self, cr, name, x, sy, w, 8, PANGO_ALIGN_CENTER, 1, &black);
      sy += page_text (self, cr, title, x, sy, w, 7, PANGO_ALIGN_CENTER, 2, &grey);
      height = MAX (height, sy - y);
    }

  return ceil (height);
}

/* The height of rows first .. first + n_rows - 1: each as tall as its whole name. */
static double
rows_height (PoaCronogramaPages *self,
             guint               first,
             guint               n_rows)
{
  double height = 0;

  for (guint i = first; i < first + n_rows; i++)
    height += poa_cronograma_renderer_get_row_height_at (self->renderer, i);
  return height;
}

static void
paginate (PoaCronogramaPages *self)
{
  guint n = poa_cronograma_renderer_get_n_rows (self->renderer);
  double heading = poa_cronograma_renderer_get_heading_height (self->renderer);
  double bottom, room, used;
  Page page = { 0, 0 };

  self->table_top = draw_header (self, NULL);
  self->signature_height = draw_signatures (self, NULL, 0);

  /* One page as tall as the plan, for the PNG. */
  if (self->height <= 0)
    {
      self->height = self->table_top + heading + rows_height (self, 0, n) + SIGNATURE_GAP +
                     self->signature_height + MARGIN;
      page.n_rows = n;
      g_array_append_val (self->pages, page);
      return;
    }

  /* Rows grow with their names, so each page takes as many as fit, at least one. */
  bottom = self->height - MARGIN;
  room = bottom - self->table_top - heading;
  do
    {
      double filled = 0;

      page.n_rows = 0;
      while (page.first + page.n_rows < n)
        {
          double h = poa_cronograma_renderer_get_row_height_at (self->renderer,
                                                                 page.first + page.n_rows);

          if (page.n_rows > 0 && filled + h > room)
            break;
          filled += h;
          page.n_rows++;
        }
      g_array_append_val (self->pages, page);
      page.first += page.n_rows;
    }
  while (page.first < n);

  /* The signatures follow the last row, or go alone on a page of their own. */
  page = g_array_index (self->pages, Page, self->pages->len - 1);
  used = self->table_top + heading + rows_height (self, page.first, page.n_rows);
  if (used + SIGNATURE_GAP + self->signature_height > bottom)
    {
      Page alone = { n, 0 };

      self->signatures_alone = TRUE;
      g_array_append_val (self->pages, alone);
    }
}

static void
poa_cronograma_pages_dispose (GObject *object)
{
  PoaCronogramaPages *self = (PoaCronogramaPages *)object;

  g_clear_object (&self->layout);
  g_clear_object (&self->renderer);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (poa_cronograma_pages_parent_class)->dispose (object);
}

static void
poa_cronograma_pages_class_init (PoaCronogramaPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = poa_cronograma_pages_dispose;
}

static void
poa_cronograma_pages_init (PoaCronogramaPages *self)
{
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

/**
 * poa_cronograma_pages_new:
 * @width: the page's width in points
 * @height: the page's height in points, or 0 for a single page as tall as the plan needs
 *
 * Returns: (transfer full): @plan's cronograma laid out in pages.
 */
PoaCronogramaPages *
poa_cronograma_pages_new (PoaPlan *plan,
                          double   width,
                          double   height)
{
  PoaCronogramaPages *self;
  PoaCronogramaPalette palette;
  GDateTime *now = g_date_time_new_now_local ();

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (width > 2 * MARGIN, NULL);
  g_return_val_if_fail (height == 0 || height > 2 * MARGIN, NULL);

  self = g_object_new (POA_TYPE_CRONOGRAMA_PAGES, NULL);
  self->plan = g_object_ref (plan);
  self->width = width;
  self->height = height;

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_time_unref (now);

  /* On paper every column fits: the metas before the months, the dates after them, as the
   * official table has them. */
  self->renderer = poa_cronograma_renderer_new (plan, NULL);
  poa_cronograma_palette_init_print (&palette);
  poa_cronograma_renderer_set_palette (self->renderer, &palette);
  poa_cronograma_renderer_set_columns (self->renderer, POA_CRONOGRAMA_COLUMN_GOALS | POA_CRONOGRAMA_COLUMN_DATES);
  /* On paper a name is whole: its row grows to hold it (issue 15). */
  poa_cronograma_renderer_set_wrap_names (self->renderer, TRUE);
  poa_cronograma_renderer_set_width (self->renderer, width - 2 * MARGIN);
  poa_cronograma_renderer_set_today (self->renderer, &self->today);

  self->layout = pango_layout_new (poa_cronograma_renderer_get_context (self->renderer));
  paginate (self);

  return self;
}

/**
 * poa_cronograma_pages_set_today:
 * @today: the day printed in the footer and marked on the timeline
 */
void
poa_cronograma_pages_set_today (PoaCronogramaPages *self,
                                const GDate        *today)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_PAGES (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  poa_cronograma_renderer_set_today (self->renderer, today);
}

guint
poa_cronograma_pages_get_n_pages (PoaCronogramaPages *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGES (self), 0);

  return self->pages->len;
}

/**
 * poa_cronograma_pages_get_page_height:
 *
 * Returns: the pages' height: the one given, or the one computed for a single page.
 */
double
poa_cronograma_pages_get_page_height (PoaCronogramaPages *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGES (self), 0);

  return self->height;
}

/**
 * poa_cronograma_pages_get_rows:
 * @first: (out) (optional): the page's first row
 *
 * Returns: how many activities' rows the page holds.
 */
guint
poa_cronograma_pages_get_rows (PoaCronogramaPages *self,
                               guint               page,
                               guint              *first)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGES (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);

  if (first != NULL)
    *first = g_array_index (self->pages, Page, page).first;
  return g_array_index (self->pages, Page, page).n_rows;
}

/**
 * poa_cronograma_pages_draw_page:
 * @cr: a context whose unit is the point, origin at the page's top left corner
 * @page: from 0
 */
void
poa_cronograma_pages_draw_page (PoaCronogramaPages *self,
                                cairo_t            *cr,
                                guint               page)
{
  const Page *p;
  double heading, y;
  gboolean last;

  g_return_if_fail (POA_IS_CRONOGRAMA_PAGES (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  last = page + 1 == self->pages->len;
  heading = poa_cronograma_renderer_get_heading_height (self->renderer);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_header (self, cr);
  y = self->table_top;

  if (!(last && self->signatures_alone))
    {
      double table_h = heading + rows_height (self, p->first, p->n_rows);

      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      poa_cronograma_renderer_draw_heading (self->renderer, cr);
      cairo_translate (cr, 0, heading);
      poa_cronograma_renderer_draw_rows (self->renderer, cr, p->first, p->n_rows);
      cairo_restore (cr);

      cairo_set_source_rgb (cr, 0.66, 0.66, 0.66);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, MARGIN, y, self->width - 2 * MARGIN, table_h);
      cairo_stroke (cr);
      y += table_h + SIGNATURE_GAP;
    }

  if (last)
    draw_signatures (self, cr, y);
  draw_footer (self, cr, page);

  cairo_restore (cr);
}

/* Cairo hands the document over piece by piece, straight to the file: a thousand pages are
 * not held in memory first. A failed write is kept by the file, which says why at the end. */
static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  return poa_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

/* Renames the finished document into place, or says why it is not: a failed write (a full
 * disk) in the file's words, anything else in cairo's. Freeing @file then removes whatever is
 * left of it. */
static gboolean
finish_file (PoaAtomicFile   *file,
             cairo_status_t   status,
             GError         **error)
{
  GError *file_error = NULL;

  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), poa_atomic_file_get_path (file),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!poa_atomic_file_commit (file, &file_error))
    return _poa_export_propagate_error (error, file_error);

  return TRUE;
}

/**
 * poa_cronograma_write_pdf:
 *
 * Writes @plan's cronograma as a PDF of landscape letter pages.
 */
gboolean
poa_cronograma_write_pdf (PoaPlan     *plan,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(PoaCronogramaPages) pages = NULL;
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autofree char *title = NULL;
  GError *file_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = poa_atomic_file_begin (path, 0644, &file_error)))
    return _poa_export_propagate_error (error, file_error);

  pages = poa_cronograma_pages_new (plan, POA_PAGE_WIDTH, POA_PAGE_HEIGHT);
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, file, POA_PAGE_WIDTH, POA_PAGE_HEIGHT);
  title = g_strdup_printf ("Cronograma programado %u — %s", poa_plan_get_year (plan), poa_plan_get_area (plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "POA " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < poa_cronograma_pages_get_n_pages (pages); i++)
    {
      poa_cronograma_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return finish_file (file, status, error);
}

/**
 * poa_cronograma_write_png:
 *
 * Writes @plan's cronograma as one image, a letter page wide at 144 dpi and as tall as the
 * plan needs. Plans of more than %POA_PNG_MAX_ACTIVITIES activities, or too long for one image,
 * are refused: the PDF paginates them.
 */
gboolean
poa_cronograma_write_png (PoaPlan     *plan,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(PoaCronogramaPages) pages = NULL;
  g_autoptr(PoaAtomicFile) file = NULL;
  GError *file_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double height;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Past a few hundred rows an image is taller than any screen shows readably, and takes
   * seconds to draw: such a plan is refused at once, before anything is laid out, and sent to
   * the PDF, which paginates it (issue 21; the README argues it). */
  n = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  if (n > POA_PNG_MAX_ACTIVITIES)
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: an image holds at most %u activities and the plan has %u; "
                     "export the cronograma to .pdf instead, which has pages"),
                   path, POA_PNG_MAX_ACTIVITIES, n);
      return FALSE;
    }

  pages = poa_cronograma_pages_new (plan, POA_PAGE_WIDTH, 0);
  height = ceil (poa_cronograma_pages_get_page_height (pages) * PNG_SCALE);
  if (height > PNG_MAX_PIXELS)
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %u activities are too many for one image; export to .pdf instead"),
                   path, n);
      return FALSE;
    }

  if (!(file = poa_atomic_file_begin (path, 0644, &file_error)))
    return _poa_export_propagate_error (error, file_error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(POA_PAGE_WIDTH * PNG_SCALE), (int)height);
  cr = cairo_create (surface);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  poa_cronograma_pages_draw_page (pages, cr, 0);
  cairo_destroy (cr);

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_bytes_cb, file);
  cairo_surface_destroy (surface);

  return finish_file (file, status, error);
}
