/* poa-list-columns.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-list-columns"

#include "config.h"

#include "poa-activity.h"
#include "poa-date.h"
#include "poa-list-columns.h"

/* Column view columns that show one property of an activity in a label. The label follows
 * the property through a GtkExpression, so an edit shows at once and no handler needs
 * disconnecting when rows are recycled. */

static GtkExpression *
item_property_expression (const char *property)
{
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  return gtk_property_expression_new (POA_TYPE_ACTIVITY, item, property);
}

static char *
format_uint (gpointer this,
             guint    value)
{
  return g_strdup_printf ("%u", value);
}

static char *
format_date (gpointer     this,
             const GDate *date)
{
  char *text = poa_date_format_dmy (date);

  return text != NULL ? text : g_strdup ("—");
}

static GtkWidget *
new_cell_label (gboolean wrap,
                float    xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
      /* Four lines at most, the whole text in the editor: a table of a big plan lays out some
       * 200 rows at once, and a whole paragraph per cell made that take half a second. (A
       * tooltip per cell would cost as much again.) */
      gtk_label_set_lines (GTK_LABEL (label), 4);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

typedef struct
{
  char     *property;
  gboolean  wrap;
  int       kind;
} ColumnData;

enum { KIND_TEXT, KIND_UINT, KIND_DATE };

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
  GtkWidget *label = new_cell_label (column->wrap, column->kind == KIND_TEXT ? 0.0 : 1.0);
  GtkExpression *value = item_property_expression (column->property);

  switch (column->kind)
    {
    case KIND_UINT:
      value = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &value,
                                           G_CALLBACK (format_uint), NULL, NULL);
      break;

    case KIND_DATE:
      value = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &value,
                                           G_CALLBACK (format_date), NULL, NULL);
      break;

    default:
      break;
    }

  if (column->kind == KIND_TEXT && !column->wrap)
    gtk_expression_bind (gtk_expression_ref (value), label, "tooltip-text", list_item);
  gtk_expression_bind (value, label, "label", list_item);
  gtk_list_item_set_child (list_item, label);
}

static GtkColumnViewColumn *
column_new (const char *title,
            const char *property,
            int         kind,
            gboolean    wrap,
            int         width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->property = g_strdup (property);
  data->kind = kind;
  data->wrap = wrap;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), data,
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
 * @width: the column's width in pixels, or -1 for its natural width
 * @wrap: whether long texts wrap, up to four lines (else they take one line, with the full text
 *   as a tooltip)
 */
GtkColumnViewColumn *
_poa_text_column_new (const char *title,
                      const char *property,
                      int         width,
                      gboolean    wrap)
{
  return column_new (title, property, KIND_TEXT, wrap, width);
}

GtkColumnViewColumn *
_poa_number_column_new (const char *title,
                        const char *property)
{
  return column_new (title, property, KIND_UINT, FALSE, -1);
}

GtkColumnViewColumn *
_poa_date_column_new (const char *title,
                      const char *property)
{
  return column_new (title, property, KIND_DATE, FALSE, -1);
}
