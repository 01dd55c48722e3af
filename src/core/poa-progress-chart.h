/* poa-progress-chart.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "poa-draw.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* How the chart looks; the screen takes its colours from the theme, the PDF from paper. */
typedef struct
{
  PoaColor    text;             /* names and figures */
  PoaColor    track;            /* the empty part of a bar */
  PoaColor    marker;           /* the "expected by the date" mark */
  const char *font;             /* a Pango font description, e.g. "Sans 10" */
  const char *legend_achieved;  /* (nullable) legend texts; without them, no legend */
  const char *legend_expected;
  const char *late_format;      /* (nullable) printf format with one %u, the goals behind:
                                 * "%u late"; without it, lateness shows by the mark alone */
  /* (nullable) the format for a number of goals behind, in the language's plural form
   * (ngettext): used instead of late_format when set */
  const char *(*late_format_for) (guint behind);
  PoaColor    late;             /* the lateness words: red, 4.5:1 or more on the background */
  /* Paper: each name whole, wrapped over as many lines as it needs, its row growing
   * (poa_progress_chart_get_row_height()); otherwise one line, ellipsized, every row alike */
  gboolean    wrap_names;
  /* (0 for none) with wrap_names, the tallest a row should be (a page's room): a name that
   * would make its row taller beside the bar goes over the whole width, the bar under it */
  double      max_row_height;
} PoaProgressChartStyle;

#define POA_PROGRESS_CHART_ROW_HEIGHT 26.0

void    poa_progress_chart_style_init   (PoaProgressChartStyle       *style);
void    poa_progress_chart_late_color   (gboolean                     dark,
                                         PoaColor                    *color);
double  poa_progress_chart_get_height   (guint                        n_rows,
                                         double                       width,
                                         const PoaProgressChartStyle *style);
double  poa_progress_chart_get_row_height (cairo_t                    *cr,
                                          PoaActivity                *activity,
                                          double                      width,
                                          const PoaProgressChartStyle *style);
double  poa_progress_chart_bar_fraction (double                       percent);
void    poa_progress_chart_draw         (cairo_t                     *cr,
                                         PoaPlan                     *plan,
                                         GListModel                  *activities,
                                         const GDate                 *date,
                                         double                       width,
                                         const PoaProgressChartStyle *style);

G_END_DECLS
