/* poa-indicators-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-indicator.h"
#include "poa-indicators-page.h"
#include "poa-justification.h"
#include "poa-metrics.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-progress-chart-view.h"
#include "poa-signature.h"
#include "poa-ui-util.h"

/* The plan's efficiency index, Σ achieved ÷ Σ programmed × 100, with its semáforo; each
 * activity against what its cronograma asks by today, so that the office sees what is late and
 * not only what is low; and the plan's indicators and semáforo thresholds, editable. */
struct _PoaIndicatorsPage
{
  GtkWidget             parent_instance;

  PoaPlan              *plan;
  PoaDocument          *document;
  GtkSliceListModel    *shown;    /* the first activities, those listed and charted */
  gboolean              pending;  /* a plan to show once the page is first on screen */
  gboolean              stale;    /* edits made while the page was not on screen */
  GDate                 date;

  /* Template widgets */
  GtkLabel             *index_label;
  GtkImage             *semaforo_icon;
  GtkLabel             *semaforo_label;
  GtkLabel             *detail_label;
  AdwPreferencesGroup  *schedule_group;
  PoaProgressChartView *chart;
  GtkListBox           *activities_list;
  GtkButton            *more_button;
  GtkListBox           *indicators_list;
  GtkSpinButton        *green_spin;
  GtkSpinButton        *yellow_spin;
};

G_DEFINE_FINAL_TYPE (PoaIndicatorsPage, poa_indicators_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_index (PoaIndicatorsPage *self)
{
  g_autofree char *index = NULL;
  g_autofree char *detail = NULL;
  PoaSemaforo level = POA_SEMAFORO_NONE;
  guint64 programmed = 0, achieved = 0;
  double percent = 0;

  if (self->plan != NULL)
    {
      programmed = poa_plan_sum_goal (self->plan, POA_ACTIVITY_PROGRAMMED);
      achieved = poa_plan_sum_goal (self->plan, POA_ACTIVITY_ACHIEVED);
      level = poa_plan_get_semaforo (self->plan, &percent);
    }

  if (level != POA_SEMAFORO_NONE)
    {
      /* Translators: the efficiency index, a percentage with one decimal */
      index = g_strdup_printf (_("%.1f %%"), percent);
      g_autofree char *achieved_text = poa_format_count (achieved);
      g_autofree char *programmed_text = poa_format_count (programmed);

      /* Translators: the numbers have their thousands grouped: "143,750 achieved of 1,237,500 …" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s achieved of %s programmed goal",
                                             "%s achieved of %s programmed goals",
                                             programmed),
                                achieved_text, programmed_text);
    }
  else
    {
      index = g_strdup ("—");
      detail = g_strdup (_("No goal is programmed yet, so there is no index"));
    }

  gtk_label_set_label (self->index_label, index);
  gtk_label_set_label (self->detail_label, detail);
  gtk_label_set_label (self->semaforo_label, poa_semaforo_label (level));
  gtk_image_set_from_icon_name (self->semaforo_icon, _poa_semaforo_icon_name (level));
  _poa_widget_set_semaforo_class (GTK_WIDGET (self->index_label), level);
  _poa_widget_set_semaforo_class (GTK_WIDGET (self->semaforo_label), level);
  _poa_widget_set_semaforo_class (GTK_WIDGET (self->semaforo_icon), level);
}

static void
update_schedule_summary (PoaIndicatorsPage *self)
{
  g_autofree char *date = poa_date_format_dmy (&self->date);
  g_autofree char *summary = NULL;
  guint late = 0, n = 0;

  if (self->plan != NULL)
    {
      late = poa_plan_count_late (self->plan, &self->date);
      n = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan)));
    }

  if (late > 0)
    {
      g_autofree char *late_text = poa_format_count (late);
      g_autofree char *n_text = poa_format_count (n);

      /* Translators: "As of 29/11/2026, 13 of 16 activities are behind their schedule." */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "As of %s, %s of %s activities is behind its schedule.",
                                              "As of %s, %s of %s activities are behind their schedule.",
                                              late),
                                 date, late_text, n_text);
    }
  else
    summary = g_strdup_printf (_("As of %s, no activity is behind its schedule."), date);

  adw_preferences_group_set_description (self->schedule_group, summary);
}

/* One activity's row tells one story (poa_activity_get_progress_state()): until its whole meta
 * is due, how it stands against the schedule to date (late in red, on schedule in green,
 * nothing owed yet in grey) beside its share of the meta, with no semáforo word; once the meta
 * is due, the semáforo's level grades it. Never "0 % · Critical" in red beside "On schedule". */
static void
update_activity_row (AdwActionRow *row)
{
  PoaIndicatorsPage *self = g_object_get_data (G_OBJECT (row), "page");
  PoaActivity *activity = g_object_get_data (G_OBJECT (row), "activity");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkLabel *level_label = g_object_get_data (G_OBJECT (row), "level");
  GtkLabel *status_label = g_object_get_data (G_OBJECT (row), "status");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *achieved = NULL;
  g_autofree char *programmed = NULL;
  g_autofree char *due = NULL;
  PoaScheduleStatus status;
  PoaProgressState state;
  PoaSemaforo semaforo, level;
  double percent = 0;
  guint short_of;

  if (self->plan == NULL)
    return;

  title = g_strdup_printf ("%u. %s", poa_activity_get_number (activity),
                           poa_activity_get_name (activity));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  semaforo = poa_activity_get_semaforo (activity, self->plan, &percent);
  state = poa_activity_get_progress_state (activity, self->plan, &self->date, &status, NULL);
  level = poa_progress_state_color_level (state, semaforo);

  if (semaforo == POA_SEMAFORO_NONE)
    level_text = g_strdup (poa_semaforo_label (semaforo));
  else if (state == POA_PROGRESS_DUE)
    /* Translators: an activity's efficiency and its semáforo word: "30 % · Critical" */
    level_text = g_strdup_printf (_("%.0f %% · %s"), percent, poa_semaforo_label (semaforo));
  else
    /* Translators: an activity's share of its year's meta, before the meta is due: "30 % of the meta" */
    level_text = g_strdup_printf (_("%.0f %% of the meta"), percent);
  gtk_label_set_label (level_label, level_text);
  gtk_image_set_from_icon_name (icon, _poa_semaforo_icon_name (level));
  _poa_widget_set_semaforo_class (GTK_WIDGET (icon), level);

  achieved = poa_format_count (poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED));
  programmed = poa_format_count (poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED));
  due = poa_format_count (status.expected_whole);
  subtitle = g_strdup_printf (_("%s of %s achieved; %s due by now"), achieved, programmed, due);
  adw_action_row_set_subtitle (row, subtitle);

  switch (state)
    {
    case POA_PROGRESS_UNSCHEDULED:
      status_text = g_strdup (_("No month scheduled"));
      break;
    case POA_PROGRESS_NOTHING_DUE:
      status_text = g_strdup (_("Nothing due yet"));
      break;
    case POA_PROGRESS_ON_SCHEDULE:
      status_text = g_strdup (_("On schedule"));
      break;
    case POA_PROGRESS_LATE:
      status_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Late: %u goal behind",
                                                  "Late: %u goals behind", status.behind),
                                     status.behind);
      break;
    case POA_PROGRESS_DUE:
    default:
      short_of = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED)
                 - MIN (poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED),
                        poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED));
      status_text = short_of == 0
                  ? g_strdup (_("Meta due: reached"))
                  : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Meta due: %u goal short",
                                                  "Meta due: %u goals short", short_of),
                                     short_of);
      break;
    }
  gtk_label_set_label (status_label, status_text);
  _poa_widget_set_semaforo_class (GTK_WIDGET (status_label), level);
}

static GtkWidget *
create_activity_row (gpointer item,
                     gpointer user_data)
{
  PoaIndicatorsPage *self = user_data;
  GtkWidget *row, *box, *level_box, *icon, *level, *status;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  level_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (level_box, GTK_ALIGN_END);
  icon = gtk_image_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  level = gtk_label_new (NULL);
  gtk_widget_add_css_class (level, "numeric");
  status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (status), 1.0);
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (level_box), icon);
  gtk_box_append (GTK_BOX (level_box), level);
  gtk_box_append (GTK_BOX (box), level_box);
  gtk_box_append (GTK_BOX (box), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "page", self);
  g_object_set_data_full (G_OBJECT (row), "activity", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "level", level);
  g_object_set_data (G_OBJECT (row), "status", status);

  g_signal_connect_object (item, "notify", G_CALLBACK (update_activity_row), row, G_CONNECT_SWAPPED);
  update_activity_row (ADW_ACTION_ROW (row));

  return row;
}

/* Rebinding rebuilds every row: for what all rows depend on (thresholds, the date). */
static void
bind_activities (PoaIndicatorsPage *self)
{
  gtk_list_box_bind_model (self->activities_list,
                           self->plan ? G_LIST_MODEL (self->shown) : NULL,
                           create_activity_row, self, NULL);
}

/* A plan of 100,000 activities is not listed whole: its first rows are, a button adding more. */
#define SHOWN_STEP 50

static void
update_more_button (PoaIndicatorsPage *self)
{
  guint n = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan))) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), shown < n);
  if (shown >= n)
    return;

  /* Translators: below the first activities of a big plan: "Show 50 more (48 of 100,000 shown)" */
  label = g_strdup_printf (_("Show %u more (%u of %u shown)"), MIN (SHOWN_STEP, n - shown), shown, n);
  gtk_button_set_label (self->more_button, label);
}

static void
more_clicked_cb (PoaIndicatorsPage *self)
{
  gtk_slice_list_model_set_size (self->shown, gtk_slice_list_model_get_size (self->shown) + SHOWN_STEP);
  update_more_button (self);
}

/* The index and the count of late activities follow every activity's metas and months and
 * the plan's semáforo, and the chart redraws. The rows listed watch their own activity. */
static void
refresh (PoaIndicatorsPage *self)
{
  /* Off screen, an edit only marks the page: on a big plan these are passes over every
   * activity, for a page nobody is looking at. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  update_index (self);
  update_schedule_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* After every edit, undo and redo. Only budget lines and signatures are read by nothing the
 * page computes (the index, the late count and the chart come from the activities and the
 * plan), so an edit touching nothing else is passed over; anything else recomputes. */
static void
document_changed_cb (PoaDocument       *document,
                     GArray            *changes,
                     PoaIndicatorsPage *self)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const PoaChange *change = &g_array_index (changes, PoaChange, i);

      if (!POA_IS_BUDGET_LINE (change->object) && !POA_IS_SIGNATURE (change->object))
        {
          refresh (self);
          return;
        }
    }
}

static void
activities_changed_cb (PoaIndicatorsPage *self)
{
  refresh (self);
  update_more_button (self);
}

static void
edit_failed (PoaIndicatorsPage *self,
             const GError      *error)
{
  _poa_widget_report_error (GTK_WIDGET (self), _("The change could not be saved"), error);
}

static void
show_thresholds (PoaIndicatorsPage *self)
{
  gtk_spin_button_set_value (self->green_spin, poa_plan_get_semaforo_green (self->plan));
  gtk_spin_button_set_value (self->yellow_spin, poa_plan_get_semaforo_yellow (self->plan));
}

static void
thresholds_changed_cb (PoaIndicatorsPage *self)
{
  show_thresholds (self);
  update_index (self);
  update_schedule_summary (self);
  bind_activities (self);
}

static void
threshold_changed_cb (PoaIndicatorsPage *self,
                      GtkSpinButton     *spin)
{
  g_autoptr(GError) error = NULL;
  const char *property = spin == self->green_spin ? "semaforo-green" : "semaforo-yellow";
  guint value = (guint)gtk_spin_button_get_value_as_int (spin);
  guint current;

  if (self->plan == NULL || self->document == NULL)
    return;

  /* Setting the spin from the plan comes back here; only a new value is an edit. */
  g_object_get (self->plan, property, &current, NULL);
  if (current == value)
    return;

  if (!poa_document_set_uint (self->document, self->plan, property, value, &error))
    {
      if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error,
                                  poa_retry_set_uint (self->plan, property, value)))
        edit_failed (self, error);
      thresholds_changed_cb (self);
    }
}

/* An indicator's field, edited in an entry row and saved when the user applies it. */
static void
indicator_field_applied_cb (AdwEntryRow *entry,
                            gpointer     user_data)
{
  PoaIndicatorsPage *self = user_data;
  PoaIndicator *indicator = g_object_get_data (G_OBJECT (entry), "indicator");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autoptr(GError) error = NULL;

  if (self->document != NULL &&
      !poa_document_set_text (self->document, indicator, property,
                              gtk_editable_get_text (GTK_EDITABLE (entry)), &error) &&
      !poa_justify_and_retry (GTK_WIDGET (self), self->document, error,
                              poa_retry_set_text (indicator, property,
                                                  gtk_editable_get_text (GTK_EDITABLE (entry)))))
    edit_failed (self, error);
}

static void
delete_indicator_clicked_cb (GtkButton *button,
                             gpointer   user_data)
{
  PoaIndicatorsPage *self = user_data;
  PoaIndicator *indicator = g_object_get_data (G_OBJECT (button), "indicator");
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  if (poa_document_remove (self->document, indicator, &error))
    _poa_widget_show_undo_toast (GTK_WIDGET (self), _("Indicator deleted"));
  else if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error, poa_retry_remove (indicator)))
    edit_failed (self, error);
}

static GtkWidget *
create_indicator_row (gpointer item,
                      gpointer user_data)
{
  static const struct {
    const char *property;
    const char *title;
  } fields[] = {
    { "name",      N_("Name") },
    { "variables", N_("Variables") },
    { "formula",   N_("Formula") },
  };
  PoaIndicatorsPage *self = user_data;
  GtkWidget *row, *delete;

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "formula", row, "subtitle", G_BINDING_SYNC_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(fields[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      g_object_bind_property (item, fields[i].property, entry, "text", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (entry), "indicator", item);
      g_object_set_data (G_OBJECT (entry), "property", (gpointer)fields[i].property);
      g_signal_connect (entry, "apply", G_CALLBACK (indicator_field_applied_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete indicator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete indicator"), -1);
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data (G_OBJECT (delete), "indicator", item);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_indicator_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);

  return row;
}

static void
add_indicator_clicked_cb (PoaIndicatorsPage *self)
{
  g_autoptr(PoaIndicator) indicator = poa_indicator_new (_("New indicator"), "", "");
  g_autoptr(GError) error = NULL;
  GListModel *indicators;
  GtkListBoxRow *row;

  if (self->plan == NULL || self->document == NULL)
    return;

  indicators = G_LIST_MODEL (poa_plan_get_indicators (self->plan));
  if (!poa_document_insert (self->document, indicator, G_MAXUINT, &error))
    {
      if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error,
                                  poa_retry_insert (indicator, G_MAXUINT)))
        edit_failed (self, error);
      return;
    }

  /* Open the new indicator for writing its name, variables and formula. */
  row = gtk_list_box_get_row_at_index (self->indicators_list,
                                       (int)g_list_model_get_n_items (indicators) - 1);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
disconnect_plan (PoaIndicatorsPage *self)
{
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (poa_plan_get_activities (self->plan), self);
    }
}

/* Fills the page with the plan: deferred until the page is first shown, so that opening the
 * window costs only what its first page needs. */
static void
show_plan (PoaIndicatorsPage *self)
{
  PoaPlan *plan = self->plan;

  self->pending = FALSE;
  gtk_slice_list_model_set_model (self->shown, plan ? G_LIST_MODEL (poa_plan_get_activities (plan)) : NULL);
  gtk_slice_list_model_set_size (self->shown, SHOWN_STEP);

  if (plan != NULL)
    {
      g_signal_connect_object (poa_plan_get_activities (plan), "items-changed",
                               G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::semaforo-green",
                               G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::semaforo-yellow",
                               G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);
      /* What is due by now depends on the plan year. */
      g_signal_connect_object (plan, "notify::year",
                               G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);
      show_thresholds (self);
    }
  bind_activities (self);
  activities_changed_cb (self);

  gtk_list_box_bind_model (self->indicators_list,
                           plan ? G_LIST_MODEL (poa_plan_get_indicators (plan)) : NULL,
                           create_indicator_row, self, NULL);
}

static void
poa_indicators_page_map (GtkWidget *widget)
{
  PoaIndicatorsPage *self = POA_INDICATORS_PAGE (widget);

  GTK_WIDGET_CLASS (poa_indicators_page_parent_class)->map (widget);

  if (self->pending)
    show_plan (self);
  else if (self->stale)
    refresh (self);
}

static void follow_plan (PoaIndicatorsPage *self,
             PoaPlan           *plan);

static void
poa_indicators_page_dispose (GObject *object)
{
  PoaIndicatorsPage *self = (PoaIndicatorsPage *)object;

  follow_plan (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_INDICATORS_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (poa_indicators_page_parent_class)->dispose (object);
}

static void
poa_indicators_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaIndicatorsPage *self = POA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_indicators_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaIndicatorsPage *self = POA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      if (g_set_object (&self->document, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      if (self->document != NULL)
        g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb),
                                 self, G_CONNECT_DEFAULT);
      /* The plan shown is the document's: never one without the other. */
      follow_plan (self, self->document != NULL ? poa_document_get_plan (self->document) : NULL);
      break;

    case PROP_DATE:
      poa_indicators_page_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_indicators_page_class_init (PoaIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_indicators_page_dispose;
  widget_class->map = poa_indicators_page_map;
  object_class->get_property = poa_indicators_page_get_property;
  object_class->set_property = poa_indicators_page_set_property;

  /* Every edit goes through the document, for undo; without one the page only shows. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The date progress is measured at: today, unless a test fixes it. */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (POA_TYPE_PROGRESS_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The template looks the plan up through the document. */
  g_type_ensure (POA_TYPE_PLAN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, semaforo_icon);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, semaforo_label);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, activities_list);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, green_spin);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, yellow_spin);
  gtk_widget_class_bind_template_callback (widget_class, add_indicator_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
}

static void
poa_indicators_page_init (PoaIndicatorsPage *self)
{
  /* Today, or POA_TODAY's day, as the follow-up judges it: one date for the whole window. */
  poa_date_get_today (&self->date);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = gtk_slice_list_model_new (NULL, 0, SHOWN_STEP);
  poa_progress_chart_view_set_activities (self->chart, G_LIST_MODEL (self->shown));
  poa_progress_chart_view_set_date (self->chart, &self->date);
  update_index (self);
  update_schedule_summary (self);
}

/**
 * poa_indicators_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_indicators_page_get_plan (PoaIndicatorsPage *self)
{
  g_return_val_if_fail (POA_IS_INDICATORS_PAGE (self), NULL);

  return self->plan;
}

static void
follow_plan (PoaIndicatorsPage *self,
             PoaPlan           *plan)
{
  g_return_if_fail (POA_IS_INDICATORS_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  disconnect_plan (self);
  g_set_object (&self->plan, plan);

  /* Leaving a plan empties the page at once; a new one waits for the page to be shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || plan == NULL)
    show_plan (self);
  else
    self->pending = TRUE;
}

/**
 * poa_indicators_page_set_date:
 * @date: the date progress is measured at
 */
void
poa_indicators_page_set_date (PoaIndicatorsPage *self,
                              const GDate       *date)
{
  g_return_if_fail (POA_IS_INDICATORS_PAGE (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (&self->date, date) == 0)
    return;

  self->date = *date;
  poa_progress_chart_view_set_date (self->chart, date);
  if (!self->pending)
    {
      update_schedule_summary (self);
      bind_activities (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
