/* poa-cell-text.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-cell-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "poa-cell-text.h"
#include "poa-util.h"

/* The text of one cell of a table: what a GtkLabel with ellipsize END (and, for a paragraph,
 * wrap WORD_CHAR and a number of lines) would show, for less.
 *
 * GTK 4.8's column view makes some 200 rows at once however high the window is, so a plan of
 * 100,000 activities puts 1,200 cells on screen at its first frame. A wrapping GtkLabel lays its
 * text out three times to be measured (as narrow as it goes, on one line, at its column's
 * width), and Pango shapes the text anew each time. This widget lays its text out once per width
 * it is given, and asks for no width of its own when it wraps: its column gives it one.
 * It follows an object's property through one signal handler per object (its cells share it)
 * instead of a GtkExpression watch per cell.
 *
 * The cells of a table share its Pango context (one per cell took a third as long to make as
 * the cells' texts took to lay out), and the layouts of equal texts at equal widths: the
 * strategic axis, strategic line and action line of a plan are its categories, repeated down
 * the table. So a cell takes its table's font, which CSS could only make another by giving rows
 * or cells a font of their own, as the theme does not.
 *
 * It is named "label" in CSS so that the theme styles it as the labels it replaces, and it is a
 * label to screen readers. A text cut short shows whole in the cell's tooltip. */

/* ─── Layouts shared by the cells of a table ─────────────────────────────────────────────── */

typedef struct
{
  const char     *text;
  int             width;       /* in Pango units; -1: none */
  guint           lines;
  gboolean        whole;       /* wrapped with no limit of lines */
  PangoAlignment  alignment;
} LayoutKey;

/* A layout is never changed once made: another text or width is another layout. */
typedef struct
{
  LayoutKey    key;            /* its text is the shared layout's own copy */
  char        *text;
  gboolean     joined;         /* paragraphs laid out as one: the text is not shown as it is */
  PangoLayout *layout;
  GHashTable  *table;          /* the context's, which holds this */
  guint        users;
  GList       *idle_link;      /* in the context's idle layouts while no cell uses it */
} SharedLayout;

/* What a Pango context keeps for its cells: the layouts in use, the last ones released, the
 * heights of texts at widths it has laid out, and what an estimated height is made of. */
typedef struct
{
  GHashTable *layouts;         /* SharedLayout (by its LayoutKey) */
  GQueue      idle;            /* SharedLayout no cell uses, the most recently used first */
  guint       in_use;          /* SharedLayout some cell uses */
  GHashTable *heights;         /* HeightEntry (by its HeightKey) */
  guint       serial;          /* of the context the heights were measured in */
  int         line_height;     /* one line of the context's font, in pixels */
  int         line_units;      /* the same in Pango units: lines are not whole pixels high */
  int         baseline;
  double      char_width;      /* the font's approximate character width, in pixels */
  int         digit_width;     /* the widest digit's, in Pango units */
} ContextCache;

/* A filter or a scroll gives the rows of a table other items, and gives them back: a layout
 * nobody uses waits among the last IDLE_LAYOUTS released before it is freed, so that a row that
 * shows the same text again lays out nothing. A table of GTK 4.8 has some 1,200 cells. */
#define IDLE_LAYOUTS 1500

/* A height is a few bytes; past this many the cache starts again. */
#define MAX_HEIGHTS 400000

#define ESTIMATE_SAMPLE "Desarrollar programas específicos de orientación y bienvenida, así como la " \
                        "ampliación de servicios y asesoramiento jurídico para la población migrante."

static GQuark context_cache_quark;
static GQuark show_whole_quark;
static GQuark number_digits_quark;
static GQuark tracker_quark;
static PoaCellTextCounts counts;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ ((guint)key->width * 31u + key->lines * 7u + key->alignment);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *key_a = a;
  const LayoutKey *key_b = b;

  return key_a->width == key_b->width && key_a->lines == key_b->lines && key_a->whole == key_b->whole &&
         key_a->alignment == key_b->alignment && g_str_equal (key_a->text, key_b->text);
}

static void
shared_layout_free (gpointer data)
{
  SharedLayout *shared = data;

  g_object_unref (shared->layout);
  g_free (shared->text);
  g_free (shared);
}

typedef struct
{
  guint64 text_hash;
  int     width;               /* in pixels */
  guint   lines;
  gboolean whole;
} HeightKey;

typedef struct
{
  HeightKey key;
  int       height;
  int       baseline;
} HeightEntry;

static guint
height_key_hash (gconstpointer data)
{
  const HeightKey *key = data;

  return (guint)(key->text_hash ^ (key->text_hash >> 32)) ^ ((guint)key->width * 131u + key->lines * 7u + key->whole);
}

static gboolean
height_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const HeightKey *key_a = a;
  const HeightKey *key_b = b;

  return key_a->text_hash == key_b->text_hash && key_a->width == key_b->width &&
         key_a->lines == key_b->lines && key_a->whole == key_b->whole;
}

/* A 64-bit hash of @length bytes of @text, eight at a time (the texts of a drag's 1,200 binds a
 * frame are some 400 KB): each word mixed in by a multiplication and a rotation, then the
 * length. Two texts of a table with the same hash, length aside, are not to be met. */
static guint64
text_hash (const char *text,
           gsize       length)
{
  const guint64 k = 0x9e3779b97f4a7c15ull;
  guint64 hash = 0xcbf29ce484222325ull;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      hash = ((hash ^ word) * k);
      hash ^= hash >> 29;
    }
  if (i < length)
    {
      guint64 word = 0;

      memcpy (&word, text + i, length - i);
      hash = ((hash ^ word) * k);
      hash ^= hash >> 29;
    }

  hash ^= length;
  hash *= k;
  return hash ^ (hash >> 32);
}

/* What a cell shows with no text: not freed. */
static char empty_text[] = "";

static void
context_cache_free (ContextCache *cache)
{
  g_queue_clear (&cache->idle);
  g_hash_table_unref (cache->layouts);
  g_hash_table_unref (cache->heights);
  g_free (cache);
}

static ContextCache *
context_cache_get (PangoContext *context)
{
  ContextCache *cache = g_object_get_qdata (G_OBJECT (context), context_cache_quark);

  if (cache == NULL)
    {
      cache = g_new0 (ContextCache, 1);
      cache->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, NULL, shared_layout_free);
      cache->heights = g_hash_table_new_full (height_key_hash, height_key_equal, g_free, NULL);
      g_queue_init (&cache->idle);
      g_object_set_qdata_full (G_OBJECT (context), context_cache_quark, cache,
                               (GDestroyNotify)context_cache_free);
    }

  /* Another font: every height, and the line's, is measured again. */
  if (cache->serial != pango_context_get_serial (context))
    {
      g_autoptr(PangoLayout) line = pango_layout_new (context);
      PangoRectangle logical;
      int sample_width;

      g_hash_table_remove_all (cache->heights);
      cache->serial = pango_context_get_serial (context);
      pango_layout_set_text (line, "Ag", -1);
      pango_layout_get_pixel_size (line, NULL, &cache->line_height);
      pango_layout_get_extents (line, NULL, &logical);
      cache->line_units = logical.height;
      cache->baseline = pango_layout_get_baseline (line) / PANGO_SCALE;
      /* The width of a character in a sentence of a plan, spaces and accents included. */
      pango_layout_set_text (line, ESTIMATE_SAMPLE, -1);
      pango_layout_get_pixel_size (line, &sample_width, NULL);
      cache->char_width = sample_width / (double)g_utf8_strlen (ESTIMATE_SAMPLE, -1);
      cache->digit_width = 0;
      for (char digit = '0'; digit <= '9'; digit++)
        {
          pango_layout_set_text (line, &digit, 1);
          pango_layout_get_extents (line, NULL, &logical);
          cache->digit_width = MAX (cache->digit_width, logical.width);
        }
    }

  return cache;
}

/* Pango counts a layout's lines per paragraph: a text of eleven short paragraphs would take
 * eleven lines where the cell allows four. If the whole text takes more than @lines lines, the
 * paragraphs from the last line allowed on are laid out as one, and the layout is cut at the
 * height of @lines lines: Pango ellipsizes the line where the height runs out. */
static gboolean
limit_lines_across_paragraphs (PangoLayout *layout,
                               const char  *text,
                               guint        lines)
{
  g_autofree char *shown = NULL;
  PangoLayoutLine *last;
  PangoRectangle first_line;
  int last_start;

  pango_layout_set_height (layout, G_MAXINT);    /* no limit (-1 would be a line a paragraph) */
  if ((guint)pango_layout_get_line_count (layout) <= lines)
    {
      pango_layout_set_height (layout, -(int)lines);
      return FALSE;
    }

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &first_line);
  last = pango_layout_get_line_readonly (layout, (int)lines - 1);
  last_start = last->start_index;
  shown = g_strdup (text);
  for (char *c = shown + last_start; *c != '\0'; c++)
    if (*c == '\n' || *c == '\r')
      *c = ' ';
  pango_layout_set_text (layout, shown, -1);
  /* Half a line more, so that a line a little higher than the first (an emoji's font) still fits. */
  pango_layout_set_height (layout, (int)lines * first_line.height + first_line.height / 2);
  return TRUE;
}

/* A paragraph cut at @key's lines shows its start only, and Pango shapes (and breaks into
 * lines) the whole text before it cuts it: a specific activity of 550 characters is cut at
 * some 180 in its column. So @layout is given a start of its text a sixth longer than the
 * lines hold at the font's width in a sentence, and 16 characters more, ending at a space
 * (shaping was a seventh of a scrollbar's drag frame, with a start half as long again). A start
 * cut short as the whole is (ending in an ellipsis) shows the same glyphs, as high, as the whole
 * text would. A start that fits (narrow letters) is given twice as long, then the whole text. */
static void
shape_what_shows (PangoLayout     *layout,
                  ContextCache    *cache,
                  const LayoutKey *key)
{
  glong per_line = (glong)(key->width / PANGO_SCALE / MAX (cache->char_width, 1.0)) + 1;
  glong shown = (glong)key->lines * per_line * 7 / 6 + 16;

  for (guint attempt = 0; attempt < 2; attempt++, shown *= 2)
    {
      const char *end = key->text;

      for (glong i = 0; i < shown && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      if (*end == '\0')
        break;

      for (glong more = 0; more < per_line && *end != '\0' && *end != ' '; more++)
        end = g_utf8_next_char (end);

      pango_layout_set_text (layout, key->text, (int)(end - key->text));
      if (pango_layout_is_ellipsized (layout))
        return;
    }

  pango_layout_set_text (layout, key->text, -1);
}

/* The layout of @key's text in @context, made if no cell shows it already (or released it
 * lately). The context keeps the table of its layouts; a layout holds the context, and leaves
 * the table when its last cell releases it and IDLE_LAYOUTS others have been released since,
 * or when no cell uses any layout of the context. */
static SharedLayout *
shared_layout_acquire (PangoContext    *context,
                       const LayoutKey *key)
{
  ContextCache *cache = context_cache_get (context);
  GHashTable *table = cache->layouts;
  SharedLayout *shared;

  shared = g_hash_table_lookup (table, key);
  if (shared != NULL && shared->idle_link != NULL)
    {
      g_queue_delete_link (&cache->idle, shared->idle_link);
      shared->idle_link = NULL;
    }
  if (shared == NULL)
    {
      counts.layouts++;
      shared = g_new0 (SharedLayout, 1);
      shared->layout = pango_layout_new (context);
      shared->table = table;
      pango_layout_set_text (shared->layout, key->text, -1);
      pango_layout_set_width (shared->layout, key->width);
      pango_layout_set_alignment (shared->layout, key->alignment);
      pango_layout_set_ellipsize (shared->layout, PANGO_ELLIPSIZE_END);
      if (key->lines > 0)
        {
          pango_layout_set_wrap (shared->layout, PANGO_WRAP_WORD_CHAR);
          /* Negative: lines per paragraph, as GtkLabel:lines does. */
          pango_layout_set_height (shared->layout, key->whole ? G_MAXINT : -(int)key->lines);
          if (!key->whole && strchr (key->text, '\n') != NULL)
            shared->joined = limit_lines_across_paragraphs (shared->layout, key->text, key->lines);
          else if (!key->whole && key->width > 0)
            shape_what_shows (shared->layout, cache, key);
        }
      shared->text = g_strdup (key->text);
      shared->key = *key;
      shared->key.text = shared->text;
      g_hash_table_add (table, shared);
    }

  if (shared->users++ == 0)
    cache->in_use++;
  return shared;
}

static void
shared_layout_release (SharedLayout *shared)
{
  ContextCache *cache;

  if (--shared->users > 0)
    return;

  /* With no layout in use (the table emptied, or gone), the idle ones go too: each holds the
   * context, which holds them. */
  cache = g_object_get_qdata (G_OBJECT (pango_layout_get_context (shared->layout)), context_cache_quark);
  if (--cache->in_use == 0)
    {
      SharedLayout *idle;

      while ((idle = g_queue_pop_head (&cache->idle)) != NULL)
        {
          idle->idle_link = NULL;
          g_hash_table_remove (idle->table, idle);
        }
      g_hash_table_remove (shared->table, shared);
      return;
    }

  g_queue_push_head (&cache->idle, shared);
  shared->idle_link = cache->idle.head;
  while (cache->idle.length > IDLE_LAYOUTS)
    {
      SharedLayout *oldest = g_queue_pop_tail (&cache->idle);

      oldest->idle_link = NULL;
      g_hash_table_remove (oldest->table, oldest);
    }
}

/* ─── The cell ───────────────────────────────────────────────────────────────────────────── */

/* One answer of the measure vfunc. GTK 4.8 keeps a widget's answers for its last few sizes (and
 * for none); a cell that wraps is asked for a height at no width, one at its column's width, and
 * a width: three. */
typedef struct
{
  GtkOrientation orientation;
  int            for_size;
  int            minimum;
  int            natural;
  int            minimum_baseline;
  int            natural_baseline;
} Answer;

#define MAX_ANSWERS 6

struct _PoaCellText
{
  GtkWidget          parent_instance;

  char              *text;
  guint              lines;
  float              xalign;
  SharedLayout      *shown;            /* the text at the width last given; NULL: none yet */
  int                natural_width;    /* the text's on one line, in pixels */
  guint              natural_serial;   /* of the Pango context it was measured in; 0: none */

  guint64            text_hash;

  /* A cell of a table that is out of view gives an estimated height, and draws nothing: its
   * table's tracker measures it, or draws it, once it comes into view. */
  struct _Tracker   *tracker;          /* the one that holds this cell while it waits; or NULL */
  gboolean           estimated;        /* a height it gave GTK is an estimate */
  gboolean           culled;           /* drawn empty, being out of view */
  int                true_height;      /* laid out in view, its text is this high where GTK
                                        * keeps another height (which its row's highest is, or
                                        * exceeds); -1: GTK keeps the true one */

  /* What the cell has answered GTK's measures since it last asked for a resize, which GTK keeps
   * until then: a row given another item, whose texts give the same answers, is only drawn
   * again. Resizing a cell throws away the sizes of its row, its list and its table: a
   * scrollbar's drag rebinds some 200 rows of six cells a frame. */
  Answer             answers[MAX_ANSWERS];
  guint              n_answers;
  gboolean           too_many_answers; /* more than MAX_ANSWERS: the next text resizes */

  GObject           *item;
  GParamSpec        *pspec;
  PoaCellTextFormat  format;
  /* In a table, bound but its item's value not read yet: GTK 4.8 binds some 200 rows a frame
   * of a scrollbar's drag, a dozen of which show; a cell reads its value (and follows it) once
   * it shows, or is measured, or asked its text. Until then it shows nothing, and keeps the
   * height GTK has for it, which the tracker checks when it shows. */
  gboolean           pending;
  gboolean           defer_resize;     /* a resize its text asks waits for an idle (ensure_value()) */

  /* While rooted: the table the cell is in (NULL: none), and its Pango context, which its cells
   * share. A cell of a table is rooted as its row is made, and unrooted as it goes: a bind, some
   * 1,200 a frame of a scrollbar's drag, looked both up several times. */
  GtkWidget         *table;
  PangoContext      *context;

  /* In a table, the accessible label follows the text when the cell is drawn in view: a
   * scrollbar's drag rebinds some 200 rows of six cells a frame, a dozen of which show, and with
   * a screen reader's bus running each update of a label is a message on it (9 ms a frame of
   * 100,000 long-text activities). */
  gboolean           label_stale;
};

G_DEFINE_FINAL_TYPE (PoaCellText, poa_cell_text, GTK_TYPE_WIDGET)

static GQuark watch_quark;

/* ─── Only what is in view is laid out ───────────────────────────────────────────────────── */

/* GTK 4.8's list views make, bind and measure some 200 rows whatever the window's height, and
 * snapshot them all, where a window shows a dozen rows of four-line paragraphs: laying out the
 * text of 1,200 cells took 150 ms when a scrollbar's drag reached rows never shown, and as long
 * when a search showed others. So a cell of a table that has no height known for its text and
 * width gives an estimate (its characters' approximate width over the column's), and one out
 * of view draws nothing. The table's tracker looks, after each layout of the window (connected
 * after GTK's own, so on the allocation just made), at the cells waiting: those now in view are
 * measured (and resized if the estimate was wrong: the frame clock lays the window out again
 * before it paints, so what is painted has the true heights) or drawn. */
typedef struct _Tracker
{
  GtkWidget     *table;
  GHashTable    *waiting;      /* PoaCellText, not held: a cell leaves on unroot */
  GdkFrameClock *clock;
  gulong         layout_id;
  gulong         after_paint_id;
  gint64         frame;        /* the frame of the last layouts, and how many it has had */
  guint          layouts;
  gboolean       laying_out;   /* between a layout of the window and the end of its frame */
} Tracker;

static void
tracker_disconnect (Tracker *tracker)
{
  if (tracker->clock != NULL)
    {
      g_clear_signal_handler (&tracker->layout_id, tracker->clock);
      g_clear_signal_handler (&tracker->after_paint_id, tracker->clock);
    }
  g_clear_object (&tracker->clock);
  tracker->laying_out = FALSE;
}

static void
tracker_free (Tracker *tracker)
{
  GHashTableIter iter;
  PoaCellText *cell;

  g_hash_table_iter_init (&iter, tracker->waiting);
  while (g_hash_table_iter_next (&iter, (gpointer *)&cell, NULL))
    cell->tracker = NULL;
  tracker_disconnect (tracker);
  g_hash_table_unref (tracker->waiting);
  g_free (tracker);
}

static void
tracker_leave (PoaCellText *self)
{
  if (self->tracker != NULL)
    g_hash_table_remove (self->tracker->waiting, self);
  self->tracker = NULL;
}

/* Tells assistive technologies the text shown, if they have not been told yet. */
static void
flush_label (PoaCellText *self)
{
  if (!self->label_stale)
    return;

  self->label_stale = FALSE;
  counts.labels++;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
}

/* Whether any of @self shows in its table's area (a table scrolls its rows inside it). */
static gboolean
in_view (PoaCellText *self,
         GtkWidget   *table,
         int          bottom)
{
  graphene_rect_t bounds;

  /* GTK 4.8's list hides the rows it keeps out of view, which keep the place they last had. */
  for (GtkWidget *ancestor = GTK_WIDGET (self); ancestor != NULL && ancestor != table;
       ancestor = gtk_widget_get_parent (ancestor))
    if (!gtk_widget_get_child_visible (ancestor))
      return FALSE;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), table, &bounds))
    return FALSE;

  /* A row GTK has made but not yet placed has no size. */
  return bounds.size.height > 0 && bounds.size.width > 0 &&
         bounds.origin.y < bottom && bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.x < gtk_widget_get_width (table) && bounds.origin.x + bounds.size.width > 0;
}

static PangoLayout *layout_at_width (PoaCellText *self, int width);
static void ensure_value (PoaCellText *self, gboolean defer_resize);

static void
remember_height (PoaCellText *self,
                 PangoLayout *layout,
                 int          width,
                 gboolean     whole)
{
  ContextCache *cache = context_cache_get (pango_layout_get_context (layout));
  HeightEntry *entry = g_new (HeightEntry, 1);

  if (g_hash_table_size (cache->heights) >= MAX_HEIGHTS)
    g_hash_table_remove_all (cache->heights);

  entry->key = (HeightKey) { self->text_hash, width, self->lines, whole };
  pango_layout_get_pixel_size (layout, NULL, &entry->height);
  entry->baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
  g_hash_table_replace (cache->heights, entry, entry);
}

static void cell_queue_resize (PoaCellText *self);

static gboolean
queue_resize_cb (gpointer data)
{
  cell_queue_resize (data);
  return G_SOURCE_REMOVE;
}

/* A resize asked where one cannot be (while the window is drawn, or measured), right after. */
static void
queue_resize_later (PoaCellText *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_cb, g_object_ref (self), g_object_unref);
}

/* Lays out the text of @self, whose height was estimated, at each width GTK keeps a height of
 * the cell for (and at the width it has, to be drawn), and resizes it if one of those heights
 * was wrong: at once, or (while the window is drawn, when a resize cannot be) right after; or,
 * with @wrong, says so and leaves the resize to the caller. The last column of a table is
 * measured at its least width and given more: a height right at the width GTK measures needs
 * no resize, whatever the text's at the width given. Returns the text's height at the widths
 * GTK measures (the highest), or -1 if it was not estimated. */
static int
resolve_estimate (PoaCellText *self,
                  gboolean     drawing,
                  gboolean    *wrong)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean resize = self->too_many_answers;
  int measured = -1;

  if (!self->estimated)
    return -1;

  self->estimated = FALSE;
  for (guint i = 0; i < self->n_answers; i++)
    {
      const Answer *kept = &self->answers[i];
      PangoLayout *layout;
      int height;

      if (kept->orientation != GTK_ORIENTATION_VERTICAL || kept->for_size < 0)
        continue;

      layout = layout_at_width (self, kept->for_size);
      pango_layout_get_pixel_size (layout, NULL, &height);
      remember_height (self, layout, kept->for_size, self->shown->key.whole);
      resize |= height != kept->natural;
      measured = MAX (measured, height);
    }

  if (width > 0)
    {
      PangoLayout *layout = layout_at_width (self, width);

      remember_height (self, layout, width, self->shown->key.whole);
      if (measured < 0)
        pango_layout_get_pixel_size (layout, NULL, &measured);
    }

  if (wrong != NULL)
    *wrong = resize;
  else if (resize && drawing)
    queue_resize_later (self);
  else if (resize)
    cell_queue_resize (self);

  return measured;
}

/* A row of the table, as the tracker sees it in a layout. */
typedef struct
{
  GtkWidget *row;
  gboolean   shown;            /* allocated where the table shows */
  int        y;
  int        height;
  gboolean   resolved;         /* some of its cells were laid out by this layout */
  gboolean   decided;
  GPtrArray *wrong;            /* PoaCellText laid out whose heights GTK keeps were wrong */
} RowState;

static void
row_state_free (gpointer data)
{
  RowState *state = data;

  g_clear_pointer (&state->wrong, g_ptr_array_unref);
  g_free (state);
}

/* The PoaCellText of @row: its cells' children, or their boxes' last children. */
static void
row_cells (GtkWidget  *row,
           GPtrArray  *cells)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);

      if (child != NULL && !POA_IS_CELL_TEXT (child))
        child = gtk_widget_get_last_child (child);
      if (child != NULL && POA_IS_CELL_TEXT (child))
        g_ptr_array_add (cells, child);
    }
}

/* The height GTK keeps for @self at the widths it measured it (the highest); -1: none. */
static int
kept_height (PoaCellText *self)
{
  int height = -1;

  if (self->too_many_answers)
    return -1;

  for (guint i = 0; i < self->n_answers; i++)
    if (self->answers[i].orientation == GTK_ORIENTATION_VERTICAL && self->answers[i].for_size >= 0)
      height = MAX (height, self->answers[i].natural);

  return height;
}

/* Resizes the cells of a row laid out in view whose heights GTK keeps were wrong, unless the
 * row keeps its height: its highest height kept is that of its highest text. Cells are as high
 * as their row, so a cell whose height kept is another than its text's, but no higher than the
 * row, changes nothing on screen; resizing it would have GTK measure every row of its column
 * again. Such a cell remembers its true height, for when its row changes (an edit). Returns how
 * much the row will shrink. */
static int
row_decide (RowState *state)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  int kept_highest = -1, true_highest = -1;
  gboolean unknown = FALSE;

  state->decided = TRUE;
  if (state->wrong == NULL)
    return 0;

  row_cells (state->row, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      PoaCellText *cell = g_ptr_array_index (cells, i);
      int kept = kept_height (cell);

      if (kept < 0 && g_ptr_array_find (state->wrong, cell, NULL))
        {
          kept_highest = G_MAXINT;   /* GTK keeps what the cell cannot tell: resize */
          unknown = TRUE;
        }
      kept_highest = MAX (kept_highest, kept);
      true_highest = MAX (true_highest, cell->true_height >= 0 ? cell->true_height : kept);
    }

  if (kept_highest == true_highest)
    return 0;

  /* The row changes height: every cell whose height kept was wrong is measured again. */
  for (guint i = 0; i < cells->len; i++)
    {
      PoaCellText *cell = g_ptr_array_index (cells, i);

      if (cell->true_height >= 0)
        cell_queue_resize (cell);
    }

  /* How much it shrinks is known only from the heights GTK keeps; else the next frame lays out
   * the rows it brings into view. */
  return unknown ? 0 : MAX (0, kept_highest - true_highest);
}

/* The place of @self's row (its cell's parent, or its box's, the list's child): the cells of a
 * row are in view together, and a row's bounds are computed once a layout. NULL for a cell
 * that is not in a table's row. */
static RowState *
row_state (PoaCellText *self,
           GtkWidget   *table,
           GHashTable  *rows)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  RowState *state;
  graphene_rect_t bounds;

  while (row != NULL && gtk_widget_get_parent (row) != NULL &&
         !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)) && gtk_widget_get_parent (row) != table)
    row = gtk_widget_get_parent (row);
  if (row == NULL || gtk_widget_get_parent (row) == NULL || gtk_widget_get_parent (row) == table)
    return NULL;

  state = g_hash_table_lookup (rows, row);
  if (state != NULL)
    return state;

  state = g_new0 (RowState, 1);
  state->row = row;
  /* A row out of view is hidden, where it last was (GTK 4.8's list keeps some 200). */
  state->shown = gtk_widget_get_child_visible (row) && gtk_widget_compute_bounds (row, table, &bounds) &&
                 bounds.size.height > 0;
  if (state->shown)
    {
      state->y = (int)bounds.origin.y;
      state->height = (int)ceil (bounds.size.height);
    }
  g_hash_table_insert (rows, row, state);
  return state;
}

/* After each layout of the window, the cells waiting that now show are laid out (resized if
 * their heights were wrong) or drawn. Rows that shrink bring those below them into view: those
 * are laid out in the same layout, as far down as the rows above have shrunk, so that the
 * window is laid out again once, not once per row. A frame lays out at most four times (GDK's
 * limit); from the third, a resize waits for the next frame. */
static void
tracker_layout_cb (GdkFrameClock *clock,
                   Tracker       *tracker)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (NULL, NULL, NULL, row_state_free);
  int bottom = gtk_widget_get_height (tracker->table);
  gboolean late;
  int shrunk;

  /* The window's first layout comes before it is mapped: allocated is enough. */
  if (gtk_widget_get_width (tracker->table) == 0)
    return;

  if (tracker->frame != gdk_frame_clock_get_frame_counter (clock))
    {
      tracker->frame = gdk_frame_clock_get_frame_counter (clock);
      tracker->layouts = 0;
    }
  late = ++tracker->layouts >= 3;
  tracker->laying_out = TRUE;

  do
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();
      GHashTableIter iter;
      PoaCellText *cell;
      RowState *state;

      /* The cells waiting that show leave the tracker first: reading a pending cell's value may
       * have it wait again. */
      g_hash_table_iter_init (&iter, tracker->waiting);
      while (g_hash_table_iter_next (&iter, (gpointer *)&cell, NULL))
        {
          if (!gtk_widget_get_visible (GTK_WIDGET (cell)))
            continue;
          state = row_state (cell, tracker->table, rows);
          if (state != NULL && (!state->shown || state->y >= bottom || state->y + state->height <= 0))
            continue;
          if (!in_view (cell, tracker->table, bottom))
            continue;

          g_hash_table_iter_remove (&iter);
          cell->tracker = NULL;
          g_ptr_array_add (shown, cell);
        }

      for (guint i = 0; i < shown->len; i++)
        {
          gboolean wrong = FALSE;

          cell = g_ptr_array_index (shown, i);
          state = row_state (cell, tracker->table, rows);
          /* Late in the frame, a resize its value asks waits for an idle, as resolve_estimate()'s. */
          if (cell->pending)
            {
              ensure_value (cell, late);
              tracker_leave (cell);
              /* Drawn empty while pending, and a resize put off draws nothing this frame. */
              gtk_widget_queue_draw (GTK_WIDGET (cell));
            }
          if (state == NULL || late)
            resolve_estimate (cell, late, NULL);
          else
            {
              int height = resolve_estimate (cell, FALSE, &wrong);

              state->resolved = TRUE;
              if (wrong)
                {
                  cell->true_height = height;
                  if (state->wrong == NULL)
                    state->wrong = g_ptr_array_new ();
                  g_ptr_array_add (state->wrong, cell);
                }
            }

          if (cell->culled)
            {
              cell->culled = FALSE;
              gtk_widget_queue_draw (GTK_WIDGET (cell));
            }
        }

      /* The rows laid out now keep their heights, or are measured again; those that shrink
       * bring rows below them into view, laid out in the same layout. */
      shrunk = 0;
      g_hash_table_iter_init (&iter, rows);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&state))
        if (state->resolved && !state->decided)
          shrunk += row_decide (state);
      bottom += shrunk;
    }
  while (shrunk > 0);
}

static void
tracker_after_paint_cb (GdkFrameClock *clock,
                        Tracker       *tracker)
{
  tracker->laying_out = FALSE;
}

static void
tracker_unrealize_cb (GtkWidget *table,
                      Tracker   *tracker)
{
  tracker_disconnect (tracker);
}

/* The tracker of @table, made on first use. */
static Tracker *
tracker_get (GtkWidget *table)
{
  Tracker *tracker = g_object_get_qdata (G_OBJECT (table), tracker_quark);

  if (tracker == NULL)
    {
      tracker = g_new0 (Tracker, 1);
      tracker->table = table;
      tracker->waiting = g_hash_table_new (NULL, NULL);
      g_object_set_qdata_full (G_OBJECT (table), tracker_quark, tracker, (GDestroyNotify)tracker_free);
      g_signal_connect (table, "unrealize", G_CALLBACK (tracker_unrealize_cb), tracker);
    }

  return tracker;
}

/* @self waits, in its table's tracker, to come into view. With @ask_layout FALSE (a height
 * kept for a row given another item, which GTK does while it lays the window out, some 200 rows
 * at a time), a layout is asked for only outside the window's layouts: the tracker comes after
 * each of them. */
static void
tracker_wait (PoaCellText *self,
              GtkWidget   *table,
              gboolean     ask_layout)
{
  Tracker *tracker = tracker_get (table);
  /* The tracker follows the table's clock from the first wait until the table is unrealized;
   * finding the clock walks up to the window. */
  GdkFrameClock *clock = tracker->clock != NULL ? tracker->clock : gtk_widget_get_frame_clock (table);

  if (self->tracker != tracker)
    {
      tracker_leave (self);
      g_hash_table_add (tracker->waiting, self);
      self->tracker = tracker;
    }

  if (clock != NULL && clock != tracker->clock)
    {
      tracker_disconnect (tracker);
      tracker->clock = g_object_ref (clock);
      /* After GTK's own handler, which allocates the window. */
      tracker->layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (tracker_layout_cb), tracker);
      tracker->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (tracker_after_paint_cb), tracker);
    }

  /* An estimate is measured in this frame if it shows: the frame clock lays out again, before
   * it paints, while a layout is asked for (a cell waits while GTK measures, in the layout). */
  if (clock != NULL && (self->estimated || self->pending) && (ask_layout || !tracker->laying_out))
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/**
 * _poa_cell_text_get_layouts_made:
 *
 * For the tests: how many Pango layouts the cells have made since the program started. A
 * table that shows what it showed, or heights it knows, makes none.
 */
guint
_poa_cell_text_get_layouts_made (void)
{
  return counts.layouts;
}

void
_poa_cell_text_get_counts (PoaCellTextCounts *out)
{
  *out = counts;
}

/* Every resize a cell asks of itself goes through here, for the counts. */
static void
cell_queue_resize (PoaCellText *self)
{
  counts.resizes++;
  self->true_height = -1;
  self->n_answers = 0;
  self->too_many_answers = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
forget_layout (PoaCellText *self)
{
  g_clear_pointer (&self->shown, shared_layout_release);
  self->natural_serial = 0;
  self->estimated = FALSE;
  self->culled = FALSE;
  self->true_height = -1;
  tracker_leave (self);
}

/* The text laid out @width pixels wide (-1: on one line per paragraph). */
static PangoLayout *
layout_at_width (PoaCellText *self,
                 int          width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *table;
  LayoutKey key = {
    .text = self->text,
    .width = width < 0 ? -1 : width * PANGO_SCALE,
    .lines = self->lines,
    .alignment = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
  };
  SharedLayout *previous = self->shown;

  table = self->table;
  /* Whole or not is about wrapping: a line's layout is the same in a search, and stays. */
  key.whole = self->lines > 0 && table != NULL && g_object_get_qdata (G_OBJECT (table), show_whole_quark) != NULL;
  if (previous != NULL && layout_key_equal (&previous->key, &key))
    return previous->layout;

  self->shown = shared_layout_acquire (self->context != NULL ? self->context : gtk_widget_get_pango_context (widget), &key);
  if (previous != NULL)
    shared_layout_release (previous);

  return self->shown->layout;
}

/* The layout last given a width, or the text on one line if none was. */
static PangoLayout *
get_layout (PoaCellText *self)
{
  return self->shown != NULL ? self->shown->layout : layout_at_width (self, -1);
}

/* The width of the text on one line, which a cell that does not wrap asks for. It is measured
 * again in another font, which changes the serial of the table's Pango context. */
static int
get_natural_width (PoaCellText *self)
{
  PangoLayout *layout = get_layout (self);

  if (self->natural_serial != pango_context_get_serial (pango_layout_get_context (layout)))
    {
      layout = layout_at_width (self, -1);
      pango_layout_get_pixel_size (layout, &self->natural_width, NULL);
      self->natural_serial = pango_context_get_serial (pango_layout_get_context (layout));
    }

  return self->natural_width;
}

static void show_text (PoaCellText *self, char *text, gboolean emptied);
static void watch_item (PoaCellText *self);

static void
show_value (PoaCellText *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  counts.values++;
  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (self->pspec));
  g_object_get_property (self->item, self->pspec->name, &value);
  show_text (self, self->format != NULL ? self->format (&value) : g_value_dup_string (&value), FALSE);
}

/* Reads the value of a pending cell's item, and follows it from now on. With @defer_resize (in
 * the measure or snapshot vfunc, or late in a frame), a resize the text asks waits for an idle. */
static void
ensure_value (PoaCellText *self,
              gboolean     defer_resize)
{
  if (!self->pending)
    return;

  self->pending = FALSE;
  self->defer_resize = defer_resize;
  watch_item (self);
  show_value (self);
  self->defer_resize = FALSE;
}

/* A pending cell that left its tracker without showing (forget_layout()) waits again, or, out of
 * any table, reads its value now. */
static void
rewait_pending (PoaCellText *self)
{
  if (!self->pending)
    return;

  if (self->table != NULL)
    tracker_wait (self, self->table, FALSE);
  else
    ensure_value (self, FALSE);
}

/* The cells bound to an item, which one handler of its "notify" tells of a change: a handler
 * per cell, connected and disconnected as GTK binds and unbinds some 200 rows of six cells a
 * frame while a scrollbar is dragged, was a tenth of the frame. */
typedef struct
{
  gulong     handler;
  GPtrArray *cells;            /* PoaCellText, not held: a cell leaves when unbound */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_ptr_array_unref (watch->cells);
  g_free (watch);
}

static void
watch_notify_cb (GObject    *item,
                 GParamSpec *pspec,
                 Watch      *watch)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);

  /* A cell shown anew could have others unbound (the watch freed with its last cell). */
  for (guint i = 0; i < watch->cells->len; i++)
    {
      PoaCellText *cell = g_ptr_array_index (watch->cells, i);

      if (g_str_equal (g_param_spec_get_name (cell->pspec), g_param_spec_get_name (pspec)))
        g_ptr_array_add (cells, g_object_ref (cell));
    }

  for (guint i = 0; i < cells->len; i++)
    {
      PoaCellText *cell = g_ptr_array_index (cells, i);

      if (cell->item == item)
        show_value (cell);
    }
}

static void
watch_item (PoaCellText *self)
{
  Watch *watch = g_object_get_qdata (self->item, watch_quark);

  if (watch == NULL)
    {
      watch = g_new0 (Watch, 1);
      watch->cells = g_ptr_array_new ();
      watch->handler = g_signal_connect (self->item, "notify", G_CALLBACK (watch_notify_cb), watch);
      g_object_set_qdata_full (self->item, watch_quark, watch, watch_free);
    }
  g_ptr_array_add (watch->cells, self);
}

static void
unwatch_item (PoaCellText *self)
{
  Watch *watch = g_object_get_qdata (self->item, watch_quark);

  g_ptr_array_remove_fast (watch->cells, self);
  if (watch->cells->len == 0)
    {
      g_signal_handler_disconnect (self->item, watch->handler);
      g_object_set_qdata (self->item, watch_quark, NULL);
    }
}

static GtkSizeRequestMode
poa_cell_text_get_request_mode (GtkWidget *widget)
{
  PoaCellText *self = POA_CELL_TEXT (widget);

  return self->lines > 0 ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* A wrapping cell asks for no width: the whole text on one line is not a width a paragraph's
 * column would take, and measuring it would shape the text once more. Its height is that of its
 * text at the width given; a cell of one line is as high at any width. Like a label's, a cell's
 * minimum width is none: what does not fit ends in an ellipsis. */
/* The height of the text at @width, in a table: known (laid out in this cell, or in another
 * with the same text at the same width since the font last changed), or else, for a cell not
 * yet in view, estimated. Returns FALSE where the text must be laid out. */
static gboolean
known_or_estimated_height (PoaCellText *self,
                           int          width,
                           int         *height,
                           int         *baseline)
{
  GtkWidget *table = self->table;
  gboolean whole;
  ContextCache *cache;
  HeightKey key;
  HeightEntry *entry;
  guint lines = 0;
  const char *paragraph;
  double per_line;

  if (table == NULL)
    return FALSE;

  whole = g_object_get_qdata (G_OBJECT (table), show_whole_quark) != NULL;
  if (self->shown != NULL && self->shown->key.width == width * PANGO_SCALE && self->shown->key.whole == whole)
    return FALSE;   /* laid out already: the layout says */

  cache = context_cache_get (self->context);
  key = (HeightKey) { self->text_hash, width, self->lines, whole };
  entry = g_hash_table_lookup (cache->heights, &key);
  if (entry != NULL)
    {
      *height = entry->height;
      *baseline = entry->baseline;
      self->estimated = FALSE;
      return TRUE;
    }

  /* The estimate: each paragraph's characters at the font's width in a sentence, less half a
   * word a line (where a word that does not fit goes to the next). */
  per_line = MAX (1.0, width / MAX (cache->char_width, 1.0) - 3.0);
  paragraph = self->text;
  do
    {
      const char *end = strchr (paragraph, '\n');
      glong n_chars = g_utf8_strlen (paragraph, end != NULL ? end - paragraph : -1);

      lines += MAX (1, (guint)ceil (n_chars / per_line));
      paragraph = end != NULL ? end + 1 : NULL;
    }
  while (paragraph != NULL);
  if (!whole)
    lines = MIN (lines, self->lines);

  /* As Pango rounds a layout's height: its lines are not whole pixels high. */
  *height = PANGO_PIXELS_CEIL ((int)lines * cache->line_units);
  *baseline = cache->baseline;
  self->estimated = TRUE;
  tracker_wait (self, table, TRUE);
  return TRUE;
}

/* The answer to a measure of @self that needs no layout of its text, in a table: a paragraph
 * asks for no width, and is a line high at no width (GTK's row asks before it gives widths:
 * laying it out unwrapped, only to be measured again, cost a tenth of a scrollbar drag's
 * layouts); at a width, it is as high as known or estimated. A number is as wide as its digits
 * at the widest digit's width, and a line high: a row's Nº is laid out only to be drawn. Returns
 * FALSE where the text must be laid out. */
static gboolean
answer_without_layout (PoaCellText    *self,
                       GtkOrientation  orientation,
                       int             for_size,
                       Answer         *answer)
{
  GtkWidget *table;
  ContextCache *cache;

  *answer = (Answer) { orientation, for_size, 0, 0, -1, -1 };
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->lines > 0)
    return TRUE;

  table = self->table;
  if (table == NULL)
    return FALSE;

  if (self->lines > 0 && for_size >= 0)
    {
      if (!known_or_estimated_height (self, for_size, &answer->minimum, &answer->minimum_baseline))
        return FALSE;
      answer->natural = answer->minimum;
      answer->natural_baseline = answer->minimum_baseline;
      return TRUE;
    }

  if (self->lines == 0 && !_poa_text_is_digits (self->text))
    return FALSE;

  /* A number is never cut: as its minimum too, so that a table wider than the window does not
   * squeeze its Nº to "999…" to make room for the paragraphs. It is as wide as the table's
   * numbers are said to be (poa_cell_text_set_number_digits()), if it is no wider. */
  cache = context_cache_get (self->context);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint digits = MAX (strlen (self->text), GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (table), number_digits_quark)));

      answer->minimum = answer->natural = PANGO_PIXELS_CEIL ((int)digits * cache->digit_width);
    }
  else
    {
      answer->minimum = answer->natural = cache->line_height;
      answer->minimum_baseline = answer->natural_baseline = cache->baseline;
    }
  return TRUE;
}

/* GTK keeps @answer until the cell asks for a resize. */
static void
remember_answer (PoaCellText  *self,
                 const Answer *answer)
{
  for (guint i = 0; i < self->n_answers; i++)
    if (self->answers[i].orientation == answer->orientation && self->answers[i].for_size == answer->for_size)
      {
        self->answers[i] = *answer;
        return;
      }

  if (self->n_answers == MAX_ANSWERS)
    self->too_many_answers = TRUE;
  else
    self->answers[self->n_answers++] = *answer;
}

/* A paragraph given another text keeps, out of view, the height GTK keeps for it at @kept's
 * width: an estimate like any other, which the table's tracker replaces with the text's true
 * height if the cell comes into view. A row given another item that keeps its height is only
 * drawn again, where a resize would have GTK measure it, its list and its table again: a
 * scrollbar's drag rebinds some 200 rows a frame, of which a dozen show. Returns FALSE where
 * the text must be measured (a search shows whole texts, as high as they are). */
static gboolean
keep_height (PoaCellText  *self,
             const Answer *kept)
{
  GtkWidget *table = self->table;
  ContextCache *cache;
  HeightKey key;
  HeightEntry *entry;

  if (table == NULL || g_object_get_qdata (G_OBJECT (table), show_whole_quark) != NULL)
    return FALSE;

  cache = context_cache_get (self->context);
  if (kept->natural_baseline != cache->baseline)
    return FALSE;

  key = (HeightKey) { self->text_hash, kept->for_size, self->lines, FALSE };
  entry = g_hash_table_lookup (cache->heights, &key);
  if (entry != NULL && entry->height == kept->natural)
    return TRUE;

  self->estimated = TRUE;
  tracker_wait (self, table, FALSE);
  return TRUE;
}

/* Whether the text now shown gives every answer GTK keeps for the cell (a paragraph's height
 * kept as an estimate), so that the cell need not be measured again; laying out nothing to
 * tell. */
static gboolean
same_answers (PoaCellText *self)
{
  if (self->too_many_answers)
    return FALSE;

  for (guint i = 0; i < self->n_answers; i++)
    {
      const Answer *kept = &self->answers[i];
      Answer answer;

      if (kept->orientation == GTK_ORIENTATION_VERTICAL && kept->for_size >= 0 && self->lines > 0)
        {
          if (!keep_height (self, kept))
            return FALSE;
          continue;
        }

      if (!answer_without_layout (self, kept->orientation, kept->for_size, &answer) ||
          answer.minimum != kept->minimum || answer.natural != kept->natural ||
          answer.minimum_baseline != kept->minimum_baseline || answer.natural_baseline != kept->natural_baseline)
        return FALSE;
    }

  return TRUE;
}

static void
poa_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PoaCellText *self = POA_CELL_TEXT (widget);
  Answer answer;

  counts.measures++;
  ensure_value (self, TRUE);
  if (!answer_without_layout (self, orientation, for_size, &answer))
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        answer.natural = self->lines > 0 ? 0 : get_natural_width (self);
      else
        {
          PangoLayout *layout = self->lines > 0 && for_size >= 0 ? layout_at_width (self, for_size) : get_layout (self);

          pango_layout_get_pixel_size (layout, NULL, &answer.natural);
          answer.minimum = answer.natural;
          answer.minimum_baseline = answer.natural_baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
        }
    }

  *minimum = answer.minimum;
  *natural = answer.natural;
  *minimum_baseline = answer.minimum_baseline;
  *natural_baseline = answer.natural_baseline;
  remember_answer (self, &answer);
}

/* The layout for @width, the cell's width: a line that fits is laid out once, at no width, for
 * any wider allocation. */
static PangoLayout *
layout_for_allocation (PoaCellText *self,
                       int          width)
{
  if (self->lines > 0 || get_natural_width (self) > width)
    return layout_at_width (self, width);

  return layout_at_width (self, -1);
}


static void
poa_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PoaCellText *self = POA_CELL_TEXT (widget);
  GtkWidget *table = NULL;
  gboolean visible;
  PangoLayout *layout;
  PangoRectangle logical;
  float xalign = self->xalign;
  double x;

  counts.snapshots++;
  /* A pending cell out of view waits in the tracker. */
  if (self->pending)
    {
      if (self->table != NULL && !in_view (self, self->table, gtk_widget_get_height (self->table)))
        {
          self->culled = TRUE;
          tracker_wait (self, self->table, FALSE);
          return;
        }
      ensure_value (self, TRUE);
    }
  if (self->label_stale || (self->lines > 0 && self->text[0] != '\0'))
    table = self->table;
  visible = table == NULL || in_view (self, table, gtk_widget_get_height (table));
  if (visible)
    flush_label (self);

  /* Drawn out of view (a row kept below the window, a table scrolled across) with its label not
   * told: the tracker draws it again when it shows, as a paragraph's text. GTK would otherwise
   * keep this drawing, and the label, when the cell only moves into view. */
  if (!visible && self->label_stale)
    {
      self->culled = TRUE;
      tracker_wait (self, table, FALSE);
    }

  if (self->text[0] == '\0')
    return;

  /* Out of its table's view, a paragraph is not laid out: the tracker draws it when it shows. */
  if (self->lines > 0)
    {
      if (!visible)
        {
          self->culled = TRUE;
          tracker_wait (self, table, TRUE);
          return;
        }

      /* In view with its height still estimated (no layout came after it showed). */
      resolve_estimate (self, TRUE, NULL);
    }

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  /* Where a label with yalign 0 puts its text. The style context gives the CSS colour and
   * text shadow (GTK 4.8 has no gtk_widget_get_color). */
  /* Measuring for another width since the allocation (a height asked for) may have laid the
   * text out otherwise: drawn at the width it has. */
  layout = layout_for_allocation (self, gtk_widget_get_width (widget));
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = floor (xalign * (gtk_widget_get_width (widget) - logical.width) - logical.x);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, 0, layout);
}

static gboolean
poa_cell_text_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  PoaCellText *self = POA_CELL_TEXT (widget);

  if (!poa_cell_text_is_cut (self))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
poa_cell_text_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  counts.css_changes++;
  GTK_WIDGET_CLASS (poa_cell_text_parent_class)->css_changed (widget, change);
}

static void
poa_cell_text_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous_direction)
{
  GTK_WIDGET_CLASS (poa_cell_text_parent_class)->direction_changed (widget, previous_direction);
  forget_layout (POA_CELL_TEXT (widget));
  rewait_pending (POA_CELL_TEXT (widget));
}

/* In another table, or in none, the cell lays its text out in another context. */
static void
poa_cell_text_root (GtkWidget *widget)
{
  PoaCellText *self = POA_CELL_TEXT (widget);

  GTK_WIDGET_CLASS (poa_cell_text_parent_class)->root (widget);
  forget_layout (self);
  self->table = gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW);
  self->context = self->table != NULL ? gtk_widget_get_pango_context (self->table) : NULL;
  rewait_pending (self);
}

static void
poa_cell_text_unroot (GtkWidget *widget)
{
  PoaCellText *self = POA_CELL_TEXT (widget);

  forget_layout (self);
  self->table = NULL;
  self->context = NULL;
  GTK_WIDGET_CLASS (poa_cell_text_parent_class)->unroot (widget);
}

static void
poa_cell_text_dispose (GObject *object)
{
  PoaCellText *self = (PoaCellText *)object;

  if (self->item != NULL && !self->pending)
    unwatch_item (self);
  self->pending = FALSE;
  g_clear_object (&self->item);
  forget_layout (self);

  G_OBJECT_CLASS (poa_cell_text_parent_class)->dispose (object);
}

static void
poa_cell_text_finalize (GObject *object)
{
  PoaCellText *self = (PoaCellText *)object;

  if (self->text != empty_text)
    g_free (self->text);

  G_OBJECT_CLASS (poa_cell_text_parent_class)->finalize (object);
}

static void
poa_cell_text_class_init (PoaCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_cell_text_dispose;
  object_class->finalize = poa_cell_text_finalize;
  widget_class->get_request_mode = poa_cell_text_get_request_mode;
  widget_class->measure = poa_cell_text_measure;
  widget_class->snapshot = poa_cell_text_snapshot;
  widget_class->query_tooltip = poa_cell_text_query_tooltip;
  widget_class->css_changed = poa_cell_text_css_changed;
  widget_class->direction_changed = poa_cell_text_direction_changed;
  widget_class->root = poa_cell_text_root;
  widget_class->unroot = poa_cell_text_unroot;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);

  watch_quark = g_quark_from_static_string ("poa-cell-text-watch");
  context_cache_quark = g_quark_from_static_string ("poa-cell-text-context-cache");
  tracker_quark = g_quark_from_static_string ("poa-cell-text-tracker");
  show_whole_quark = g_quark_from_static_string ("poa-cell-text-show-whole");
  number_digits_quark = g_quark_from_static_string ("poa-cell-text-number-digits");
}

static void
poa_cell_text_init (PoaCellText *self)
{
  self->text = empty_text;
  self->text_hash = text_hash (self->text, 0);
  self->true_height = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * poa_cell_text_new:
 * @lines: how many lines a paragraph of the text may take, wrapping at words (or within a word
 *   too long for a line), the last one ending in an ellipsis if the text goes on; 0 for one line
 * @xalign: where the text lies across the cell, from 0 (start) to 1 (end)
 */
GtkWidget *
poa_cell_text_new (guint lines,
                   float xalign)
{
  PoaCellText *self = g_object_new (POA_TYPE_CELL_TEXT, NULL);

  self->lines = lines;
  self->xalign = CLAMP (xalign, 0.0f, 1.0f);

  return GTK_WIDGET (self);
}

const char *
poa_cell_text_get_text (PoaCellText *self)
{
  g_return_val_if_fail (POA_IS_CELL_TEXT (self), NULL);

  ensure_value (self, FALSE);
  return self->text;
}

/* Shows @text, which it takes (NULL: none); the cell is measured again if GTK's sizes for it may
 * change, and with @emptied, never (a row unbound, which GTK binds again, or hides, before it
 * measures). */
static void
show_text (PoaCellText *self,
           char        *text,
           gboolean     emptied)
{
  gsize length;

  if (text == NULL || text[0] == '\0')
    {
      g_free (text);
      text = empty_text;
    }
  if (g_str_equal (text, self->text))
    {
      if (text != empty_text)
        g_free (text);
      return;
    }

  forget_layout (self);
  if (self->text != empty_text)
    g_free (self->text);
  self->text = text;
  length = strlen (text);
  self->text_hash = text_hash (text, length);
  self->label_stale = TRUE;
  if (self->table == NULL)
    flush_label (self);
  if (emptied || same_answers (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else if (self->defer_resize)
    queue_resize_later (self);
  else
    cell_queue_resize (self);
}

void
poa_cell_text_set_text (PoaCellText *self,
                        const char  *text)
{
  g_return_if_fail (POA_IS_CELL_TEXT (self));

  show_text (self, g_strdup (text), FALSE);
}

/**
 * poa_cell_text_is_cut:
 *
 * Returns: whether the text shown ends in an ellipsis, for want of room, or runs paragraphs
 *   together to fit the lines allowed.
 */
gboolean
poa_cell_text_is_cut (PoaCellText *self)
{
  g_return_val_if_fail (POA_IS_CELL_TEXT (self), FALSE);

  ensure_value (self, FALSE);
  PangoLayout *layout = get_layout (self);

  return pango_layout_is_ellipsized (layout) || (self->shown != NULL && self->shown->joined);
}

/**
 * poa_cell_text_bind:
 * @item: the row's object
 * @pspec: the property of @item to show
 * @format: (nullable): makes the property's value a text; %NULL for a string property
 *
 * Shows @item's property and follows its changes until poa_cell_text_unbind(), or another
 * item is bound.
 */
void
poa_cell_text_bind (PoaCellText       *self,
                    GObject           *item,
                    GParamSpec        *pspec,
                    PoaCellTextFormat  format)
{
  g_return_if_fail (POA_IS_CELL_TEXT (self));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (G_IS_PARAM_SPEC (pspec));
  g_return_if_fail (format != NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING);

  counts.binds++;
  poa_cell_text_unbind (self);
  self->item = g_object_ref (item);
  self->pspec = pspec;
  self->format = format;
  self->pending = TRUE;
  /* A search shows whole texts, which GTK measures as soon as it binds their rows. */
  if (self->table != NULL && g_object_get_qdata (G_OBJECT (self->table), show_whole_quark) == NULL)
    tracker_wait (self, self->table, FALSE);
  else
    ensure_value (self, FALSE);
}

/**
 * poa_cell_text_unbind:
 *
 * Stops following the item bound, and empties the cell: a row given to another item never
 * shows the last one's text, even for a moment.
 */
void
poa_cell_text_unbind (PoaCellText *self)
{
  g_return_if_fail (POA_IS_CELL_TEXT (self));

  if (self->item == NULL)
    return;

  if (self->pending)
    {
      self->pending = FALSE;
      tracker_leave (self);
    }
  else
    unwatch_item (self);
  g_clear_object (&self->item);
  self->pspec = NULL;
  self->format = NULL;
  show_text (self, NULL, TRUE);
}

/* Resizes the cells under @widget: all of them, or with @numbers, those that show a number. */
static void
queue_resize_cells (GtkWidget *widget,
                    gboolean   numbers)
{
  if (POA_IS_CELL_TEXT (widget))
    {
      PoaCellText *cell = POA_CELL_TEXT (widget);

      /* A pending cell of one line may be a number: its width GTK keeps is the old one. */
      if (!numbers || _poa_text_is_digits (cell->text) || (cell->pending && cell->lines == 0))
        cell_queue_resize (cell);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    queue_resize_cells (child, numbers);
}

/**
 * poa_cell_text_set_number_digits:
 * @table: a column view of cells
 * @digits: how many digits the widest number of @table has, or is likely to have
 *
 * Has the cells of @table that show a number as wide as @digits digits, or as their own if
 * they are more: a row given a number of more digits than its last is measured again, and with
 * it every row of its column (GTK 4.8 measures a column's cells together). Without this, a
 * scrollbar's drag from Nº 999 to Nº 1000 resized some 200 rows in one frame, and again at
 * 10,000.
 */
void
poa_cell_text_set_number_digits (GtkColumnView *table,
                                 guint          digits)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (table));

  /* Before any cell is made (the class's init makes the same quark). */
  if (number_digits_quark == 0)
    number_digits_quark = g_quark_from_static_string ("poa-cell-text-number-digits");
  if (GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (table), number_digits_quark)) == digits)
    return;

  g_object_set_qdata (G_OBJECT (table), number_digits_quark, GUINT_TO_POINTER (digits));
  queue_resize_cells (GTK_WIDGET (table), TRUE);
}

/**
 * poa_cell_text_show_whole:
 * @table: a column view of cells
 * @whole: whether the cells of @table that wrap show their whole texts
 *
 * While a search narrows a table to the rows that match, its cells show their whole texts: the
 * match may lie in what four lines would cut off.
 */
void
poa_cell_text_show_whole (GtkColumnView *table,
                          gboolean       whole)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (table));

  /* Before any cell is made (the class's init makes the same quark). */
  if (show_whole_quark == 0)
    show_whole_quark = g_quark_from_static_string ("poa-cell-text-show-whole");
  if ((g_object_get_qdata (G_OBJECT (table), show_whole_quark) != NULL) == !!whole)
    return;

  g_object_set_qdata (G_OBJECT (table), show_whole_quark, whole ? GINT_TO_POINTER (1) : NULL);
  queue_resize_cells (GTK_WIDGET (table), FALSE);
}
