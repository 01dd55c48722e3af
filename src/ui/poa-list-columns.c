/* poa-list-columns.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-list-columns"

#include "config.h"

#include <glib/gi18n.h>

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

  /* The Nº column's marker of the rows that have something to say (observations): its
   * lookup, what activating it does, and the rows bound now, which a refresh updates. */
  PoaMarkerLookup    marker_lookup;
  PoaMarkerActivate  marker_activate;
  gpointer           marker_data;
  GHashTable        *bound;   /* GtkListItem, not held → Binding: the rows bound now */
} ColumnData;

/* A row's marker follows its item's Nº too: inserting, deleting or moving an activity renumbers
 * those after it after the list has changed, and the observations are on a Nº. */
typedef struct
{
  GObject *item;
  gulong   notify_id;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_signal_handler (&binding->notify_id, binding->item);
  g_clear_object (&binding->item);
  g_free (binding);
}

static GQuark column_data_quark;
static GQuark marker_count_quark;

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
  g_clear_pointer (&column->bound, g_hash_table_unref);
  g_free (column);
}

/* The marker's width (a 16-pixel icon, 2 pixels each side: style.css's button.row-marker) and
 * the space after it. */
#define MARKER_WIDTH   20
#define MARKER_SPACING 4

/* The marker says the count and the latest text in its tooltip and its accessible label, so
 * that it is never an icon (or a colour) alone. A row without any keeps the marker's room but
 * shows nothing, so that the column does not change width as marked rows scroll by; while no
 * row of the plan has one, the room goes too. Rows without a marker change nothing on a bind
 * but a hash lookup. */
static void
marker_update (ColumnData  *column,
               GtkListItem *list_item)
{
  GtkWidget *button = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GObject *item = gtk_list_item_get_item (list_item);
  const char *latest = NULL;
  int count = item != NULL ? column->marker_lookup (item, &latest, column->marker_data) : -1;
  g_autofree char *label = NULL;

  /* The room of a marker is a margin: a button in each of the 200 rows GTK makes, styled and
   * measured, made the first frame of a plan with observations a fifth slower. */
  gtk_widget_set_visible (button, count > 0);
  gtk_widget_set_margin_start (gtk_widget_get_last_child (gtk_list_item_get_child (list_item)),
                               count == 0 ? MARKER_WIDTH + MARKER_SPACING : 0);

  if (count <= 0)
    {
      if (GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (button), marker_count_quark)) != 0)
        {
          gtk_widget_set_tooltip_text (button, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          g_object_set_qdata (G_OBJECT (button), marker_count_quark, GINT_TO_POINTER (0));
        }
      return;
    }

  /* Translators: the marker of an activity's row in the table: the number of the planning
   * unit's observations on it, and the text of the latest */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d observation: “%s”",
                                        "%d observations, the latest: “%s”", count),
                           count, latest != NULL ? latest : "");
  /* A refresh after an observation elsewhere leaves this row as it is. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (button), label) == 0)
    return;
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
  g_object_set_qdata (G_OBJECT (button), marker_count_quark, GINT_TO_POINTER (count));
}

static void
marker_clicked_cb (GtkButton   *button,
                   GtkListItem *list_item)
{
  ColumnData *column = g_object_get_qdata (G_OBJECT (button), column_data_quark);
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL && column != NULL)
    column->marker_activate (item, column->marker_data);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *column)
{
  GtkWidget *cell = poa_cell_text_new (column->lines, column->xalign);
  GtkWidget *box, *button;

  if (column->marker_lookup == NULL)
    {
      gtk_list_item_set_child (list_item, cell);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, MARKER_SPACING);
  button = gtk_button_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_size_request (button, MARKER_WIDTH, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "row-marker");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_visible (button, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_object_set_qdata (G_OBJECT (button), column_data_quark, column);
  g_signal_connect (button, "clicked", G_CALLBACK (marker_clicked_cb), list_item);
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_list_item_set_child (list_item, box);
}

static void
marker_item_notify_cb (GtkListItem *list_item)
{
  GtkWidget *button = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  ColumnData *column = g_object_get_qdata (G_OBJECT (button), column_data_quark);

  marker_update (column, list_item);
}

static PoaCellText *
list_item_cell (ColumnData  *column,
                GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return POA_CELL_TEXT (column->marker_lookup != NULL ? gtk_widget_get_last_child (child) : child);
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

  poa_cell_text_bind (list_item_cell (column, list_item), item, column->pspec, column->format);

  if (column->marker_lookup != NULL)
    {
      Binding *binding = g_new0 (Binding, 1);

      binding->item = g_object_ref (item);
      binding->notify_id =
        g_signal_connect_closure_by_id (item, g_signal_lookup ("notify", G_TYPE_OBJECT),
                                        g_param_spec_get_name_quark (column->pspec),
                                        g_cclosure_new_swap (G_CALLBACK (marker_item_notify_cb), list_item, NULL),
                                        FALSE);
      g_hash_table_replace (column->bound, list_item, binding);
      marker_update (column, list_item);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *column)
{
  poa_cell_text_unbind (list_item_cell (column, list_item));
  if (column->marker_lookup != NULL)
    g_hash_table_remove (column->bound, list_item);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnData               *column)
{
  if (column->bound != NULL)
    g_hash_table_remove (column->bound, list_item);
}

static GtkColumnViewColumn *
column_new_full (const char        *title,
                 const char        *property,
                 guint              lines,
                 float              xalign,
                 PoaCellTextFormat  format,
                 int                width,
                 PoaMarkerLookup    marker_lookup,
                 PoaMarkerActivate  marker_activate,
                 gpointer           marker_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data = g_new0 (ColumnData, 1);

  if (column_data_quark == 0)
    {
      column_data_quark = g_quark_from_static_string ("poa-list-columns-data");
      marker_count_quark = g_quark_from_static_string ("poa-list-columns-marker-count");
    }

  data->property = g_strdup (property);
  data->lines = lines;
  data->xalign = xalign;
  data->format = format;
  data->marker_lookup = marker_lookup;
  data->marker_activate = marker_activate;
  data->marker_data = marker_data;
  if (marker_lookup != NULL)
    data->bound = g_hash_table_new_full (NULL, NULL, NULL, binding_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), data);
  g_signal_connect_data (factory, "unbind", G_CALLBACK (unbind_cb), data,
                         (GClosureNotify)(void (*) (void))column_data_free, G_CONNECT_DEFAULT);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  g_object_set_qdata (G_OBJECT (column), column_data_quark, data);

  return column;
}

static GtkColumnViewColumn *
column_new (const char        *title,
            const char        *property,
            guint              lines,
            float              xalign,
            PoaCellTextFormat  format,
            int                width)
{
  return column_new_full (title, property, lines, xalign, format, width, NULL, NULL, NULL);
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

/**
 * _poa_marked_number_column_new:
 * @lookup: tells each row's marker: the count (0: none, the room kept; -1: none in the whole
 *   list, no room) and the latest text
 * @activate: what clicking the marker (or Enter on it) does with the row's item
 * @user_data: for both; must outlive the column
 *
 * The Nº column with a marker before the number, as the Actividades table shows the planning
 * unit's observations on an activity. _poa_marked_column_refresh() updates the markers of the
 * rows bound when what @lookup says has changed.
 */
GtkColumnViewColumn *
_poa_marked_number_column_new (const char        *title,
                               const char        *property,
                               PoaMarkerLookup    lookup,
                               PoaMarkerActivate  activate,
                               gpointer           user_data)
{
  g_return_val_if_fail (lookup != NULL && activate != NULL, NULL);

  return column_new_full (title, property, 0, 1.0f, format_uint, -1, lookup, activate, user_data);
}

/**
 * _poa_marked_column_refresh:
 *
 * Asks the lookup again for the rows bound now (those made: a few dozen, whatever the list's
 * length); the others ask when they are bound.
 */
void
_poa_marked_column_refresh (GtkColumnViewColumn *column)
{
  ColumnData *data = g_object_get_qdata (G_OBJECT (column), column_data_quark);
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (data != NULL && data->marker_lookup != NULL);

  g_hash_table_iter_init (&iter, data->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    marker_update (data, list_item);
}
