/* poa-list-columns.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-list-columns"

#include "config.h"

#include "poa-activity.h"
#include "poa-cell-text.h"
#include "poa-date.h"
#include "poa-list-columns.h"

/* Column view columns that show one property of an activity in a PoaCellText. Binding a row
 * gives each cell its activity, whose property the cell follows (an edit shows at once) until
 * the row is unbound (a recycled row forgets it). */

typedef struct
{
  char              *property;
  GParamSpec        *pspec;
  guint              lines;
  float              xalign;
  PoaCellTextFormat  format;
} ColumnData;

/* Paragraphs take four lines at most, the whole text being in the editor and in the cell's
 * tooltip. */
#define WRAPPED_LINES 4

static char *
format_uint (const GValue *value)
{
  return g_strdup_printf ("%u", g_value_get_uint (value));
}

static char *
format_date (const GValue *value)
{
  char *text = poa_date_format_dmy (g_value_get_boxed (value));

  return text != NULL ? text : g_strdup ("—");
}

static void
column_data_free (gpointer data)
{
  ColumnData *column = data;

  g_free (column->property);
  g_free (column);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *column)
{
  gtk_list_item_set_child (list_item, poa_cell_text_new (column->lines, column->xalign));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *column)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (column->pspec == NULL)
    column->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), column->property);
  g_return_if_fail (column->pspec != NULL);

  poa_cell_text_bind (POA_CELL_TEXT (gtk_list_item_get_child (list_item)), item, column->pspec,
                      column->format);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *column)
{
  poa_cell_text_unbind (POA_CELL_TEXT (gtk_list_item_get_child (list_item)));
}

static GtkColumnViewColumn *
column_new (const char        *title,
            const char        *property,
            guint              lines,
            float              xalign,
            PoaCellTextFormat  format,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->property = g_strdup (property);
  data->lines = lines;
  data->xalign = xalign;
  data->format = format;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect_data (factory, "unbind", G_CALLBACK (unbind_cb), data,
                         (GClosureNotify)(void (*) (void))column_data_free, G_CONNECT_DEFAULT);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  return column;
}

/**
 * _poa_text_column_new:
 * @property: a text property of PoaActivity
 * @width: the column's width in pixels, or -1 for its natural width (only for texts that do not
 *   wrap: a paragraph asks for no width of its own)
 * @wrap: whether long texts wrap, up to four lines (else they take one line); a text cut short
 *   shows whole in its tooltip
 */
GtkColumnViewColumn *
_poa_text_column_new (const char *title,
                      const char *property,
                      int         width,
                      gboolean    wrap)
{
  g_return_val_if_fail (width > 0 || !wrap, NULL);

  return column_new (title, property, wrap ? WRAPPED_LINES : 0, 0.0f, NULL, width);
}

GtkColumnViewColumn *
_poa_number_column_new (const char *title,
                        const char *property)
{
  return column_new (title, property, 0, 1.0f, format_uint, -1);
}

GtkColumnViewColumn *
_poa_date_column_new (const char *title,
                      const char *property)
{
  return column_new (title, property, 0, 1.0f, format_date, -1);
}
