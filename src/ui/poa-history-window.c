/* poa-history-window.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-history-window.h"
#include "poa-review.h"
#include "poa-ui-util.h"

/* The change record, read only: the plan's whole (the main menu's Change History) or one
 * activity's (its editor's Historial). Newest first, as one looks for the last change. */

static GtkWidget *
entry_row (const PoaHistoryEntry *entry,
           gboolean               show_where)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *before = g_markup_escape_text (*entry->before != '\0' ? entry->before : "—", -1);
  g_autofree char *after = g_markup_escape_text (*entry->after != '\0' ? entry->after : "—", -1);
  g_autofree char *field = g_markup_escape_text (entry->field, -1);
  g_autofree char *where = g_markup_escape_text (entry->where, -1);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: a change in the history: "annual_goal: 20 → 25" */
  title = g_strdup_printf (_("%s: %s → %s"), field, before, after);
  if (show_where)
    {
      g_autofree char *with_where = g_strdup_printf ("%s · %s", where, title);
      g_free (title);
      title = g_steal_pointer (&with_where);
    }

  {
    g_autofree char *date = _poa_format_timestamp (entry->date);

    g_string_append_printf (subtitle, "%s · %s", date, entry->by);
  }
  if (*entry->justification != '\0')
    /* Translators: the justification of a change, after its date and author */
    g_string_append_printf (subtitle, " · %s", entry->justification);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/**
 * poa_history_list_new:
 * @where: (nullable): only the changes made there, as `check` names it (`activity 3`); %NULL
 *   for all
 *
 * Returns: (transfer floating): a list of @plan's changes, newest first, or a label saying
 *   there are none.
 */
GtkWidget *
poa_history_list_new (PoaPlan    *plan,
                      const char *where)
{
  GPtrArray *history = poa_plan_get_history (plan);
  GtkWidget *list = gtk_list_box_new ();
  guint shown = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change History"), -1);

  for (guint i = history->len; i-- > 0;)
    {
      const PoaHistoryEntry *entry = g_ptr_array_index (history, i);

      if (where != NULL && g_strcmp0 (entry->where, where) != 0)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (list), entry_row (entry, where == NULL));
      shown++;
    }

  if (shown == 0)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      list = gtk_label_new (_("No changes recorded yet"));
      gtk_widget_add_css_class (list, "dim-label");
    }

  return list;
}

/**
 * poa_history_window_present:
 * @widget: the window asking; the history is its transient
 *
 * Shows @plan's change record (only @where's, when given) in a window of its own.
 */
GtkWindow *
poa_history_window_present (GtkWidget  *widget,
                            PoaPlan    *plan,
                            const char *where,
                            const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = poa_history_list_new (plan, where);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
