/* poa-form.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-form"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-date.h"
#include "poa-document.h"
#include "poa-form.h"
#include "poa-justification.h"
#include "poa-ui-util.h"
#include "poa-validate.h"

/* The fields of one object (a plan, a signature, an activity) as libadwaita rows. What is
 * typed is checked as it changes, once: a field in error gets the "error" style class and its
 * row says why; a date outside the plan year gets "warning". The value read from the text is
 * kept with the verdict, and it is what is committed, through PoaDocument, when the user
 * presses Enter or leaves the field, and when the editor closes: the text is not read again.
 * Only a valid value is ever handed on, and PoaDocument checks it against the model's limits,
 * as it does every caller's, so nothing invalid reaches the model or the file.
 *
 * An object that is not in the plan yet (the activity being added) has no document: its
 * fields are set on it directly, and PoaDocument receives it whole when it is added. */

typedef struct
{
  PoaForm       *form;
  PoaFormKind    kind;
  char          *property;
  char          *title;        /* the field's name, as its messages say it */
  char          *hint;
  char          *message;      /* why the value is refused or flagged, or NULL */
  gboolean       valid;
  GValue         value;        /* what the text says, when valid: what a commit hands on */
  GtkWidget     *row;
  GtkWidget     *entry;        /* a GtkEditable, or the GtkTextView of a paragraph */
  GtkWidget     *alert;        /* where a text's row says why: an icon, or a paragraph's label */
  GtkTextBuffer *buffer;
  GtkCalendar   *calendar;
  GtkWidget     *calendar_button;
  GtkEventController *focus;
} Field;

struct _PoaForm
{
  GObject      parent_instance;

  PoaDocument *document;
  GObject     *object;
  guint        year;
  GPtrArray   *fields;
  gboolean     loading;
  gboolean     asking;     /* the justification of an approved plan's change is being asked */
  gboolean     justified;  /* ... and was given to the document, for this commit */
};

G_DEFINE_FINAL_TYPE (PoaForm, poa_form, G_TYPE_OBJECT)

enum {
  VALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Field *find_field (PoaForm    *self,
                          const char *property);
static void   load_field (Field      *field);

static void
field_free (Field *field)
{
  g_free (field->property);
  g_free (field->title);
  g_free (field->hint);
  g_free (field->message);
  if (G_IS_VALUE (&field->value))
    g_value_unset (&field->value);
  g_free (field);
}

static char *
field_text (Field *field)
{
  GtkTextIter start, end;

  if (field->buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->entry)));

  gtk_text_buffer_get_bounds (field->buffer, &start, &end);
  return gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
}

static void
set_field_text (Field      *field,
                const char *text)
{
  g_autofree char *current = field_text (field);

  if (g_strcmp0 (current, text) == 0)
    return;

  if (field->buffer != NULL)
    gtk_text_buffer_set_text (field->buffer, text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
}

/* The model's value as the field shows it. */
static char *
model_text (Field *field)
{
  PoaForm *self = field->form;
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), field->property);

  g_return_val_if_fail (pspec != NULL, g_strdup (""));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (self->object, field->property, &value);

  switch (field->kind)
    {
    case POA_FORM_GOAL:
    case POA_FORM_YEAR:
      return g_strdup_printf ("%u", g_value_get_uint (&value));

    case POA_FORM_DATE:
      {
        char *text = poa_date_format_dmy (g_value_get_boxed (&value));
        return text != NULL ? text : g_strdup ("");
      }

    case POA_FORM_TEXT:
    case POA_FORM_PARAGRAPH:
    default:
      return g_value_dup_string (&value);
    }
}

/* Reads the field's text into @value; FALSE with @error when it cannot be accepted. Sets
 * @warning for a value accepted but flagged. */
static gboolean
parse_field (Field   *field,
             GValue  *value,
             char   **warning,
             GError **error)
{
  PoaForm *self = field->form;
  g_autofree char *text = field_text (field);
  guint number = 0;
  GDate date;

  switch (field->kind)
    {
    case POA_FORM_GOAL:
      if (!poa_validate_goal (text, &number, error))
        return FALSE;
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, number);
      return TRUE;

    case POA_FORM_YEAR:
      if (!poa_validate_year (text, &number, error))
        return FALSE;
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, number);
      return TRUE;

    case POA_FORM_DATE:
      {
        gboolean is_start = g_str_equal (field->property, "start");
        g_auto(GValue) other = G_VALUE_INIT;
        const GDate *other_date;
        const GDate *this_date;

        Field *other_field = find_field (self, is_start ? "end" : "start");
        g_autofree char *other_text = other_field != NULL ? field_text (other_field) : NULL;
        GDate typed;

        if (!poa_validate_date (text, &date, error))
          return FALSE;

        this_date = g_date_valid (&date) ? &date : NULL;

        /* Checked against the other date as the user sees it: both may be moving, past
         * where the other one is saved. A typed date that cannot be read yet counts as the
         * saved one. */
        g_date_clear (&typed, 1);
        if (other_text != NULL && poa_validate_date (other_text, &typed, NULL))
          other_date = g_date_valid (&typed) ? &typed : NULL;
        else
          {
            g_value_init (&other, G_TYPE_DATE);
            g_object_get_property (self->object, is_start ? "end" : "start", &other);
            other_date = g_value_get_boxed (&other);
          }

        if (!poa_validate_date_order (is_start ? this_date : other_date,
                                      is_start ? other_date : this_date, error))
          return FALSE;

        *warning = poa_validate_date_in_year (this_date, self->year);
        g_value_init (value, G_TYPE_DATE);
        g_value_set_boxed (value, this_date);
        return TRUE;
      }

    case POA_FORM_TEXT:
    case POA_FORM_PARAGRAPH:
    default:
      /* The text rule, as typed or pasted: tabs and line breaks only (Word's line break,
       * U+000B, is refused like any other control character), and no more than a workbook
       * cell holds. PoaDocument refuses them too, for every caller. */
      if (!poa_validate_text (text, -1, field->title, error) ||
          !poa_validate_text_length (text, field->title, error))
        return FALSE;
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      return TRUE;
    }
}

static void
show_state (Field      *field,
            const char *message,
            const char *css_class)
{
  static const char *classes[] = { "error", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gboolean on = g_strcmp0 (css_class, classes[i]) == 0;

      if (on)
        {
          gtk_widget_add_css_class (field->entry, classes[i]);
          gtk_widget_add_css_class (field->row, classes[i]);
        }
      else
        {
          gtk_widget_remove_css_class (field->entry, classes[i]);
          gtk_widget_remove_css_class (field->row, classes[i]);
        }
    }

  g_free (field->message);
  field->message = g_strdup (message);

  if (ADW_IS_ACTION_ROW (field->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                 message != NULL ? message : (field->hint ? field->hint : ""));

  /* A text's row has no subtitle (libadwaita 1.2): an entry shows an icon that says why, a
   * paragraph a line below the text. */
  if (field->alert != NULL)
    {
      gtk_widget_set_visible (field->alert, message != NULL);
      if (GTK_IS_LABEL (field->alert))
        gtk_label_set_label (GTK_LABEL (field->alert), message != NULL ? message : "");
      else
        gtk_widget_set_tooltip_text (field->alert, message);
    }

  /* Screen readers say why too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : (field->hint ? field->hint : ""),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               g_strcmp0 (css_class, "error") == 0 ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                   : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Checks what is typed, keeps the value it says and shows the verdict. This is the one place
 * the text is read: a commit hands on the value kept. */
static void
validate (Field *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  if (field->form->object == NULL)
    return;

  if (G_IS_VALUE (&field->value))
    g_value_unset (&field->value);

  field->valid = parse_field (field, &field->value, &warning, &error);
  if (!field->valid)
    {
      if (G_IS_VALUE (&field->value))
        g_value_unset (&field->value);
      show_state (field, error->message, "error");
    }
  else if (warning != NULL)
    show_state (field, warning, "warning");
  else
    show_state (field, NULL, NULL);

  g_signal_emit (field->form, signals[VALIDATED], 0);
}

/* The other date of an activity, whose verdict depends on this one's text. */
static Field *
date_partner (Field *field)
{
  if (field->kind != POA_FORM_DATE)
    return NULL;

  return find_field (field->form, g_str_equal (field->property, "start") ? "end" : "start");
}

static void
validate_all (PoaForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    validate (g_ptr_array_index (self->fields, i));
}

/* Whether @field holds an acceptable value that differs from the model's: then @value holds
 * a copy of it. The value kept by the last check is compared, not the text read again. */
static gboolean
field_has_change (Field  *field,
                  GValue *value)
{
  PoaForm *self = field->form;
  g_auto(GValue) stored = G_VALUE_INIT;
  GParamSpec *pspec;
  gboolean differs;

  if (!field->valid || !G_IS_VALUE (&field->value))
    return FALSE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), field->property);
  g_return_val_if_fail (pspec != NULL && pspec->value_type == G_VALUE_TYPE (&field->value), FALSE);

  g_value_init (&stored, pspec->value_type);
  g_object_get_property (self->object, field->property, &stored);

  /* Boxed dates compare by pointer: they are compared by value. */
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *a = g_value_get_boxed (&stored);
      const GDate *b = g_value_get_boxed (&field->value);

      differs = (a == NULL) != (b == NULL) || (a != NULL && g_date_compare (a, b) != 0);
    }
  else
    differs = g_param_values_cmp (pspec, &stored, &field->value) != 0;

  if (!differs)
    return FALSE;

  g_value_init (value, G_VALUE_TYPE (&field->value));
  g_value_copy (&field->value, value);
  return TRUE;
}

static gboolean commit_field (Field *field);

typedef struct
{
  PoaForm *form;
  Field   *field;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->form);
  g_free (pending);
}

/* The answer to poa_ask_justification(): the change goes in with it, or the field shows the
 * model's value again, and so does its date partner. */
static void
justified_cb (const char *justification,
              gpointer    user_data)
{
  Pending *pending = user_data;
  PoaForm *self = pending->form;

  self->asking = FALSE;
  if (self->object == NULL)
    return;

  if (justification != NULL)
    {
      self->justified = TRUE;
      commit_field (pending->field);
      self->justified = FALSE;
    }
  else
    {
      Field *other = date_partner (pending->field);

      load_field (pending->field);
      validate (pending->field);
      if (other != NULL)
        {
          load_field (other);
          validate (other);
        }
    }
}

static gboolean
commit_field (Field *field)
{
  PoaForm *self = field->form;
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  const char *properties[2];
  g_autoptr(GError) error = NULL;
  gboolean saved = TRUE;
  guint n = 0;

  if (self->object == NULL || self->loading)
    return TRUE;

  if (!field->valid)
    return FALSE;

  /* Nothing typed differs from the model: no edit (and no undo step). */
  if (field_has_change (field, &values[n]))
    properties[n++] = field->property;

  /* The two dates of an activity are checked against each other as typed: a changed other
   * date goes in the same edit, so that the model never holds the one without the other,
   * and the shaded months follow the pair. */
  if (field->kind == POA_FORM_DATE)
    {
      Field *other = date_partner (field);

      if (other != NULL && field_has_change (other, &values[n]))
        properties[n++] = other->property;
    }

  if (n == 0)
    return TRUE;

  /* An approved plan's change needs its reason first; the field keeps what was typed until
   * the answer (the dialog takes the focus, which must not ask twice). */
  if (self->document != NULL && !self->justified && poa_document_needs_justification (self->document))
    {
      Pending *pending;

      for (guint i = 0; i < n; i++)
        g_value_unset (&values[i]);
      if (self->asking)
        return FALSE;

      self->asking = TRUE;
      pending = g_new0 (Pending, 1);
      pending->form = g_object_ref (self);
      pending->field = field;
      poa_ask_justification (field->entry, self->document, justified_cb, pending,
                             (GDestroyNotify)pending_free);
      return FALSE;
    }

  if (self->document == NULL)
    {
      for (guint i = 0; i < n; i++)
        g_object_set_property (self->object, properties[i], &values[i]);
    }
  else if (!poa_document_set_values (self->document, self->object, n, properties, values, &error))
    {
      _poa_widget_report_error (field->entry, _("The change could not be saved"), error);
      saved = FALSE;

      /* The model is as it was, and said nothing: the fields show its values again. */
      for (guint i = 0; i < n; i++)
        {
          Field *refused = find_field (self, properties[i]);

          load_field (refused);
          validate (refused);
        }
    }

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return saved;
}

static void
changed_cb (Field *field)
{
  Field *other;

  if (field->form->loading)
    return;

  validate (field);

  /* Each date is checked against the other as typed: the other's verdict changes too. */
  if ((other = date_partner (field)) != NULL)
    validate (other);
}

static void
activate_cb (Field *field)
{
  commit_field (field);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Field                   *field)
{
  activate_cb (field);
}

static void
load_field (Field *field)
{
  g_autofree char *text = model_text (field);

  field->form->loading = TRUE;
  set_field_text (field, text);
  field->form->loading = FALSE;
}

static void
object_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  PoaForm    *self)
{
  /* The form's own commit leaves the field showing the model's value: nothing to check again.
   * An undo, or another view's edit, shows a new value: that field is checked, and the other
   * date, whose verdict depends on it. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *shown = NULL;
      g_autofree char *stored = NULL;
      Field *other;

      if (!g_str_equal (field->property, pspec->name))
        continue;

      shown = field_text (field);
      stored = model_text (field);
      if (g_strcmp0 (shown, stored) == 0)
        continue;

      load_field (field);
      validate (field);
      if ((other = date_partner (field)) != NULL)
        validate (other);
    }
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          Field       *field)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;
  GtkWidget *popover;

  if (field->form->loading)
    return;

  text = g_date_time_format (picked, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
  activate_cb (field);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the typed date, or on the plan year's first day. */
static void
calendar_show_cb (GtkWidget *popover,
                  Field     *field)
{
  g_autofree char *text = field_text (field);
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (poa_date_parse_dmy (text, &date))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 0, 0, 0);
  else
    shown = g_date_time_new_local (field->form->year, 1, 1, 0, 0, 0);

  field->form->loading = TRUE;
  gtk_calendar_select_day (field->calendar, shown);
  field->form->loading = FALSE;
}

static GtkWidget *
new_calendar_button (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick from a calendar"));
  /* A tooltip is only a description: without a label a screen reader says "menu button". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick from a calendar"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  field->calendar = GTK_CALENDAR (calendar);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_show_cb), field);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);

  return button;
}

static void
poa_form_dispose (GObject *object)
{
  PoaForm *self = (PoaForm *)object;

  poa_form_set_target (self, NULL, NULL, 0);

  /* The rows may outlive the form (the window is torn down after it): losing the focus as
   * they go must not reach a field that is gone. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_signal_handlers_disconnect_by_data (field->focus, field);
      g_signal_handlers_disconnect_by_data (field->entry, field);
      if (field->buffer != NULL)
        g_signal_handlers_disconnect_by_data (field->buffer, field);
      if (field->calendar != NULL)
        {
          g_signal_handlers_disconnect_by_data (field->calendar, field);
          g_signal_handlers_disconnect_by_data (gtk_widget_get_ancestor (GTK_WIDGET (field->calendar), GTK_TYPE_POPOVER), field);
        }
    }
  g_ptr_array_set_size (self->fields, 0);

  G_OBJECT_CLASS (poa_form_parent_class)->dispose (object);
}

static void
poa_form_finalize (GObject *object)
{
  PoaForm *self = (PoaForm *)object;

  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (poa_form_parent_class)->finalize (object);
}

static void
poa_form_class_init (PoaFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_form_dispose;
  object_class->finalize = poa_form_finalize;

  /**
   * PoaForm::validated:
   *
   * Emitted after a field's value was checked, as the user types: the editor enables what
   * depends on the whole form being acceptable.
   */
  signals[VALIDATED] =
    g_signal_new ("validated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
poa_form_init (PoaForm *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)field_free);
}

PoaForm *
poa_form_new (void)
{
  return g_object_new (POA_TYPE_FORM, NULL);
}

/**
 * poa_form_set_target:
 * @document: (nullable): the plan's document, or %NULL while @object is not in the plan
 * @object: (nullable): the plan, a signature or an activity
 * @year: the plan year, against which dates are checked
 *
 * Shows @object's fields, and edits them from now on.
 */
void
poa_form_set_target (PoaForm     *self,
                     PoaDocument *document,
                     GObject     *object,
                     guint        year)
{
  g_return_if_fail (POA_IS_FORM (self));
  g_return_if_fail (document == NULL || POA_IS_DOCUMENT (document));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (self->object != NULL)
    g_signal_handlers_disconnect_by_data (self->object, self);

  g_set_object (&self->document, document);
  g_set_object (&self->object, object);
  self->year = year;

  if (object == NULL)
    return;

  g_signal_connect_object (object, "notify", G_CALLBACK (object_notify_cb), self, G_CONNECT_DEFAULT);
  for (guint i = 0; i < self->fields->len; i++)
    load_field (g_ptr_array_index (self->fields, i));
  validate_all (self);
}

/**
 * poa_form_get_object:
 *
 * Returns: (transfer none) (nullable): the object edited.
 */
GObject *
poa_form_get_object (PoaForm *self)
{
  g_return_val_if_fail (POA_IS_FORM (self), NULL);

  return self->object;
}

/**
 * poa_form_add:
 * @property: the property of the target edited by the field
 * @title: the field's name, as the document prints it
 * @hint: (nullable): what the row says below the name while the value is fine
 *
 * Returns: (transfer floating): the row, for an #AdwPreferencesGroup.
 */
GtkWidget *
poa_form_add (PoaForm     *self,
              PoaFormKind  kind,
              const char  *property,
              const char  *title,
              const char  *hint)
{
  Field *field;
  GtkEventController *focus;

  g_return_val_if_fail (POA_IS_FORM (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  field = g_new0 (Field, 1);
  field->form = self;
  field->kind = kind;
  field->property = g_strdup (property);
  field->title = g_strdup (title);
  field->hint = g_strdup (hint);
  field->valid = TRUE;
  g_ptr_array_add (self->fields, field);

  switch (kind)
    {
    case POA_FORM_TEXT:
      field->row = adw_entry_row_new ();
      field->entry = field->row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
      g_signal_connect_swapped (field->row, "entry-activated", G_CALLBACK (activate_cb), field);
      field->alert = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (field->alert, "error");
      gtk_widget_set_visible (field->alert, FALSE);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), field->alert);
      break;

    case POA_FORM_PARAGRAPH:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
        GtkWidget *label = gtk_label_new (title);
        GtkWidget *view = gtk_text_view_new ();

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "caption");
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 2);
        gtk_widget_set_size_request (view, -1, 60);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_widget_set_margin_top (box, 8);
        gtk_widget_set_margin_bottom (box, 8);
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), view);
        field->alert = gtk_label_new (NULL);
        gtk_label_set_xalign (GTK_LABEL (field->alert), 0);
        gtk_label_set_wrap (GTK_LABEL (field->alert), TRUE);
        gtk_widget_add_css_class (field->alert, "error");
        gtk_widget_add_css_class (field->alert, "caption");
        gtk_widget_set_visible (field->alert, FALSE);
        gtk_box_append (GTK_BOX (box), field->alert);

        /* A preferences row, so that the group puts it in its boxed list with the others. */
        field->row = adw_preferences_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->row), FALSE);
        /* Tab goes from the previous field straight into the text. */
        gtk_widget_set_focusable (field->row, FALSE);
        gtk_widget_add_css_class (field->row, "paragraph-row");
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->row), box);
        field->entry = view;
        field->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      }
      break;

    case POA_FORM_GOAL:
    case POA_FORM_YEAR:
    case POA_FORM_DATE:
    default:
      field->row = adw_action_row_new ();
      /* Tab goes straight into the entry, not to the row around it first. */
      gtk_widget_set_focusable (field->row, FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), hint ? hint : "");
      field->entry = gtk_entry_new ();
      gtk_widget_set_valign (field->entry, GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (field->entry), kind == POA_FORM_DATE ? 10 : 8);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (field->entry), kind == POA_FORM_DATE ? 10 : 8);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      if (kind == POA_FORM_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (field->entry), _("dd/mm/yyyy"));
      else
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (field->entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_editable_set_alignment (GTK_EDITABLE (field->entry), 1.0);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->entry);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->entry);
      g_signal_connect_swapped (field->entry, "activate", G_CALLBACK (activate_cb), field);
      if (kind == POA_FORM_DATE)
        {
          field->calendar_button = new_calendar_button (field);
          adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->calendar_button);
        }
      break;
    }

  if (field->buffer != NULL)
    g_signal_connect_swapped (field->buffer, "changed", G_CALLBACK (changed_cb), field);
  else
    g_signal_connect_swapped (field->entry, "changed", G_CALLBACK (changed_cb), field);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), field);
  gtk_widget_add_controller (field->entry, focus);
  field->focus = focus;

  if (self->object != NULL)
    {
      load_field (field);
      validate (field);
    }

  return field->row;
}

/**
 * poa_form_commit:
 *
 * Commits every field whose value is acceptable and differs from the model, as the editor
 * closes.
 *
 * Returns: %FALSE if some field holds a value that was refused (and left out).
 */
gboolean
poa_form_commit (PoaForm *self)
{
  gboolean all = TRUE;

  g_return_val_if_fail (POA_IS_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    all &= commit_field (g_ptr_array_index (self->fields, i));

  return all;
}

/**
 * poa_form_is_valid:
 *
 * Returns: whether every field holds an acceptable value.
 */
gboolean
poa_form_is_valid (PoaForm *self)
{
  g_return_val_if_fail (POA_IS_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (!((Field *)g_ptr_array_index (self->fields, i))->valid)
      return FALSE;

  return TRUE;
}

static Field *
find_field (PoaForm    *self,
            const char *property)
{
  g_autofree char *name = g_strdelimit (g_strdup (property), "_", '-');

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->property, name))
        return field;
    }

  return NULL;
}

/**
 * poa_form_focus:
 * @property: a property name, or a plan-file key ("annual_goal") as findings name fields
 *
 * Returns: whether the form has that field.
 */
gboolean
poa_form_focus (PoaForm    *self,
                const char *property)
{
  Field *field;

  g_return_val_if_fail (POA_IS_FORM (self), FALSE);

  if (property == NULL || !(field = find_field (self, property)))
    return FALSE;

  _poa_focus_when_shown (field->entry);
  return TRUE;
}

/**
 * poa_form_get_entry:
 *
 * Returns: (transfer none) (nullable): the widget the field is typed into.
 */
GtkWidget *
poa_form_get_entry (PoaForm    *self,
                    const char *property)
{
  Field *field;

  g_return_val_if_fail (POA_IS_FORM (self), NULL);

  field = find_field (self, property);
  return field != NULL ? field->entry : NULL;
}

/**
 * poa_form_get_message:
 *
 * Returns: (nullable): why the field's value is refused or flagged, or %NULL.
 */
const char *
poa_form_get_message (PoaForm    *self,
                      const char *property)
{
  Field *field;

  g_return_val_if_fail (POA_IS_FORM (self), NULL);

  field = find_field (self, property);
  return field != NULL ? field->message : NULL;
}

/**
 * poa_form_get_fields_in_error:
 *
 * Returns: (transfer full): the properties of the fields whose text is refused, in the form's
 *   order; an editor that closes would drop those texts, and asks first.
 */
GStrv
poa_form_get_fields_in_error (PoaForm *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (POA_IS_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!field->valid)
        g_strv_builder_add (builder, field->property);
    }

  return g_strv_builder_end (builder);
}

/**
 * poa_form_get_title:
 *
 * Returns: (nullable): the field's name, as its row shows it.
 */
const char *
poa_form_get_title (PoaForm    *self,
                    const char *property)
{
  Field *field;

  g_return_val_if_fail (POA_IS_FORM (self), NULL);

  field = find_field (self, property);
  return field != NULL ? field->title : NULL;
}

/**
 * poa_form_discard_errors:
 *
 * The fields whose text is refused show the model's value again, which is what a commit keeps.
 */
void
poa_form_discard_errors (PoaForm *self)
{
  g_return_if_fail (POA_IS_FORM (self));

  if (self->object == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!field->valid)
        load_field (field);
    }
  validate_all (self);
}
