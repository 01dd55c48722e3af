/* poa-cell-text.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define POA_TYPE_CELL_TEXT (poa_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (PoaCellText, poa_cell_text, POA, CELL_TEXT, GtkWidget)

/**
 * PoaCellTextFormat:
 * @value: the value of the property a cell shows
 *
 * Returns: (transfer full): the text to show for @value.
 */
typedef char *(*PoaCellTextFormat) (const GValue *value);

GtkWidget  *poa_cell_text_new       (guint              lines,
                                     float              xalign);
const char *poa_cell_text_get_text  (PoaCellText       *self);
void        poa_cell_text_set_text  (PoaCellText       *self,
                                     const char        *text);
gboolean    poa_cell_text_is_cut    (PoaCellText       *self);
void        poa_cell_text_bind      (PoaCellText       *self,
                                     GObject           *item,
                                     GParamSpec        *pspec,
                                     PoaCellTextFormat  format);
void        poa_cell_text_unbind    (PoaCellText       *self);

void         poa_cell_text_show_whole  (GtkColumnView     *table,
                                        gboolean           whole);
void         poa_cell_text_set_number_digits (GtkColumnView *table,
                                              guint          digits);

guint        _poa_cell_text_get_layouts_made (void);

/* For the tests and benchmarks: what the cells have done since the program started. */
typedef struct
{
  guint layouts;       /* Pango layouts made */
  guint binds;         /* poa_cell_text_bind() */
  guint values;        /* an item's value read (a bound cell reads it once it shows) */
  guint measures;      /* the measure vfunc, either orientation */
  guint snapshots;     /* the snapshot vfunc, drawn or not */
  guint resizes;       /* gtk_widget_queue_resize() asked by a cell of itself */
  guint css_changes;   /* the css_changed vfunc */
  guint labels;        /* accessible labels updated */
} PoaCellTextCounts;

void         _poa_cell_text_get_counts       (PoaCellTextCounts *counts);

G_END_DECLS
