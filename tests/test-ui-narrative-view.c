/* test-ui-narrative-view.c — the narrative editor on the 2024 communication
 * plan: numbering as printed, adding, moving, indenting and outdenting
 * nodes through the widget's actions, editing text, all in the model. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-narrative-row.h"
#include "kh-narrative-view.h"
#include "ui-test-util.h"

typedef struct {
  GtkWindow       *window;
  KhNarrativeView *view;
  KhDocument      *doc;
  GListModel      *narrative;
  guint            changes;
} Fixture;

static void
count_change (Fixture *f)
{
  f->changes++;
}

static KhNode *
child (GListModel *list, guint i)
{
  g_autoptr(KhNode) node = g_list_model_get_item (list, i);

  g_assert_nonnull (node);
  return node;  /* the list keeps it alive */
}

static KhNarrativeRow *
find_row (GtkWidget *root, KhNode *node)
{
  if (KH_IS_NARRATIVE_ROW (root) && kh_narrative_row_get_node (KH_NARRATIVE_ROW (root)) == node)
    return KH_NARRATIVE_ROW (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      KhNarrativeRow *found = find_row (c, node);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget *root, const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);
      if (found)
        return found;
    }
  return NULL;
}

typedef struct {
  Fixture *f;
  KhNode  *node;
} RowWait;

static gboolean
row_shown (gpointer data)
{
  RowWait *w = data;

  return find_row (GTK_WIDGET (w->f->view), w->node) != NULL;
}

/* The row the user sees for node (scrolled into view). */
static KhNarrativeRow *
row_for (Fixture *f, KhNode *node)
{
  RowWait w = { f, node };
  KhNode *selected = kh_narrative_view_get_selected_node (f->view);

  /* Selecting scrolls it into view; the selection is put back after. */
  g_assert_true (kh_narrative_view_select_node (f->view, node));
  g_assert_true (kh_ui_test_wait_for (row_shown, &w, 2000));
  kh_ui_test_spin (50);
  if (selected != NULL)
    kh_narrative_view_select_node (f->view, selected);
  return find_row (GTK_WIDGET (f->view), node);
}

static const char *
number_of (Fixture *f, KhNode *node)
{
  return kh_narrative_row_get_number (row_for (f, node));
}

static GtkWidget *
find_button (Fixture *f, const char *action)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (f->view), action);

  g_assert_nonnull (button);
  return button;
}

static void
activate (Fixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  kh_ui_test_spin (50);
}

/* The text editors have been laid out (a wrapped text view gets its
 * height a frame after its width). */
static gboolean
texts_laid_out (gpointer data)
{
  GtkTextView *text = kh_ui_test_find (GTK_WIDGET (data), GTK_TYPE_TEXT_VIEW);

  return text != NULL && gtk_widget_get_height (GTK_WIDGET (text)) > 20;
}

static void
setup (Fixture *f)
{
  KhPlan *plan;

  f->doc = kh_ui_test_load_example ("2024-tuyen-truyen-cchc.kehoach");
  plan = kh_document_get_plan (f->doc);
  g_assert_nonnull (plan);
  f->narrative = kh_plan_get_narrative (plan);
  g_signal_connect_swapped (f->doc, "changed", G_CALLBACK (count_change), f);

  f->view = KH_NARRATIVE_VIEW (kh_narrative_view_new ());
  kh_narrative_view_set_nodes (f->view, f->narrative);
  f->window = kh_ui_test_present (GTK_WIDGET (f->view), 1000, 800);
  g_assert_true (kh_ui_test_wait_for (texts_laid_out, f->view, 5000));
  kh_ui_test_spin (200);
}

static void
teardown (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_signal_handlers_disconnect_by_func (f->doc, count_change, f);
  g_clear_object (&f->doc);
}

static void
test_numbering (gconstpointer lang)
{
  Fixture f = { 0 };
  KhNode *part1, *part2, *part3, *contents;
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;
  const char *letters[] = { "a)", "b)", "c)", "d)", "đ)", "e)", "g)" };

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  /* Three paragraphs, three parts, a closing paragraph. */
  g_assert_cmpuint (g_list_model_get_n_items (f.narrative), ==, 7);
  part1 = child (f.narrative, 3);
  part2 = child (f.narrative, 4);
  part3 = child (f.narrative, 5);

  name = g_strdup_printf ("narrative-view-%s", (const char *) lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);

  g_assert_cmpstr (number_of (&f, child (f.narrative, 0)), ==, "");
  g_assert_cmpstr (number_of (&f, part1), ==, "I.");
  g_assert_cmpstr (number_of (&f, part2), ==, "II.");
  g_assert_cmpstr (number_of (&f, part3), ==, "III.");
  g_assert_cmpstr (number_of (&f, child (f.narrative, 6)), ==, "");

  /* Sections count among their sibling sections. */
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (part1), 0)), ==, "1.");
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (part1), 1)), ==, "2.");
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (part3), 3)), ==, "4.");

  /* "Nội dung tuyên truyền": an unnumbered lead paragraph, then seven
   * points lettered the Vietnamese way (đ after d, no f). */
  contents = child (kh_node_get_children (part2), 1);
  g_assert_cmpstr (kh_node_get_title (contents), ==, "Nội dung tuyên truyền");
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (contents), 0)), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    g_assert_cmpstr (number_of (&f, child (kh_node_get_children (contents), i + 1)), ==, letters[i]);

  /* Turning a point into a dash renumbers the points after it. */
  f.changes = 0;
  {
    KhNarrativeRow *row = row_for (&f, child (kh_node_get_children (contents), 2));
    GtkDropDown *kind = kh_ui_test_find (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN);

    gtk_drop_down_set_selected (kind, KH_NODE_KIND_DASH);
    kh_ui_test_spin (50);
  }
  g_assert_cmpint (kh_node_get_kind (child (kh_node_get_children (contents), 2)), ==, KH_NODE_KIND_DASH);
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (contents), 2)), ==, "-");
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (contents), 3)), ==, "b)");
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (contents), 7)), ==, "e)");

  teardown (&f);
}

static void
test_structure (void)
{
  Fixture f = { 0 };
  KhNode *part1, *goals, *requirements, *added, *third;
  GListModel *goal_points;

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  part1 = child (f.narrative, 3);
  goals = child (kh_node_get_children (part1), 0);
  requirements = child (kh_node_get_children (part1), 1);
  goal_points = kh_node_get_children (goals);
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 3);
  third = child (goal_points, 2);

  /* add-point on a section: a new last point of that section, selected. */
  g_assert_true (kh_narrative_view_select_node (f.view, goals));
  f.changes = 0;
  activate (&f, "narrative.add-point");
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 4);
  added = child (goal_points, 3);
  g_assert_cmpint (kh_node_get_kind (added), ==, KH_NODE_KIND_POINT);
  g_assert_true (kh_narrative_view_get_selected_node (f.view) == added);
  g_assert_cmpstr (number_of (&f, added), ==, "d)");
  /* The keyboard focus is in its text editor, ready to type. */
  {
    GtkWidget *focus = gtk_window_get_focus (f.window);

    g_assert_true (GTK_IS_TEXT_VIEW (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (row_for (&f, added))));
  }

  /* Typing into its editor writes the node's text. */
  {
    KhNarrativeRow *row = row_for (&f, added);
    GtkTextView *text = kh_ui_test_find (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Điểm mới", -1);
    g_assert_cmpstr (kh_node_get_text (added), ==, "Điểm mới");
    /* and a change made elsewhere shows in the editor */
    kh_node_set_text (added, "Điểm mới sửa");
    {
      GtkTextIter s, e;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (text), &s, &e);
      shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (text), &s, &e, FALSE);
      g_assert_cmpstr (shown, ==, "Điểm mới sửa");
    }
  }

  /* add-point from a point: a sibling right after it. */
  g_assert_true (kh_narrative_view_select_node (f.view, third));
  activate (&f, "narrative.add-point");
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 5);
  g_assert_true (child (goal_points, 3) != added);
  g_assert_true (child (goal_points, 4) == added);
  g_assert_cmpstr (number_of (&f, added), ==, "đ)");
  activate (&f, "narrative.remove");
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 4);
  g_assert_true (child (goal_points, 3) == added);

  /* add-section from a point goes after the point's section. */
  g_assert_true (kh_narrative_view_select_node (f.view, third));
  activate (&f, "narrative.add-section");
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (part1)), ==, 3);
  g_assert_cmpint (kh_node_get_kind (child (kh_node_get_children (part1), 1)), ==, KH_NODE_KIND_SECTION);
  g_assert_cmpstr (number_of (&f, child (kh_node_get_children (part1), 1)), ==, "2.");
  g_assert_cmpstr (number_of (&f, requirements), ==, "3.");
  activate (&f, "narrative.remove");
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (part1)), ==, 2);

  /* move-up: one change, the point and its neighbour swap letters. */
  g_assert_true (kh_narrative_view_select_node (f.view, added));
  f.changes = 0;
  activate (&f, "narrative.move-up");
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_true (child (goal_points, 2) == added);
  g_assert_true (child (goal_points, 3) == third);
  g_assert_true (kh_narrative_view_get_selected_node (f.view) == added);
  /* The moved node keeps the focus, so Alt+Up can be pressed again. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (f.window), GTK_WIDGET (row_for (&f, added))));
  g_assert_cmpstr (number_of (&f, added), ==, "c)");
  g_assert_cmpstr (number_of (&f, third), ==, "d)");

  /* move-down brings it back; at the end it cannot move further. */
  g_assert_true (kh_narrative_view_select_node (f.view, added));
  activate (&f, "narrative.move-down");
  g_assert_true (child (goal_points, 3) == added);
  g_assert_cmpstr (number_of (&f, added), ==, "d)");
  g_assert_cmpstr (number_of (&f, third), ==, "c)");
  g_assert_true (kh_narrative_view_select_node (f.view, added));
  kh_ui_test_spin (50);
  g_assert_false (gtk_widget_get_sensitive (find_button (&f, "narrative.move-down")));
  gtk_widget_activate_action (GTK_WIDGET (f.view), "narrative.move-down", NULL);
  g_assert_true (child (goal_points, 3) == added);

  /* indent: the section "Yêu cầu" becomes the last child of "Mục tiêu"
   * and is its first section: 1. */
  g_assert_true (kh_narrative_view_select_node (f.view, requirements));
  activate (&f, "narrative.indent");
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (part1)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 5);
  g_assert_true (child (goal_points, 4) == requirements);
  g_assert_cmpstr (number_of (&f, requirements), ==, "1.");
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (requirements)), ==, 2);

  /* outdent: back to the next sibling of its parent, numbered 2. */
  g_assert_true (kh_narrative_view_select_node (f.view, requirements));
  activate (&f, "narrative.outdent");
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (part1)), ==, 2);
  g_assert_true (child (kh_node_get_children (part1), 1) == requirements);
  g_assert_cmpuint (g_list_model_get_n_items (goal_points), ==, 4);
  g_assert_cmpstr (number_of (&f, requirements), ==, "2.");

  /* A first top-level node can be neither outdented, indented nor moved
   * up: the toolbar says so. */
  g_assert_true (kh_narrative_view_select_node (f.view, child (f.narrative, 0)));
  kh_ui_test_spin (50);
  g_assert_false (gtk_widget_get_sensitive (find_button (&f, "narrative.outdent")));
  g_assert_false (gtk_widget_get_sensitive (find_button (&f, "narrative.indent")));
  g_assert_false (gtk_widget_get_sensitive (find_button (&f, "narrative.move-up")));
  g_assert_true (gtk_widget_get_sensitive (find_button (&f, "narrative.move-down")));
  g_assert_true (gtk_widget_get_sensitive (find_button (&f, "narrative.remove")));
  /* Through the toolbar: the button moves the selected node. */
  g_signal_emit_by_name (find_button (&f, "narrative.move-down"), "clicked");
  kh_ui_test_spin (50);
  g_assert_cmpstr (kh_node_get_text (child (f.narrative, 1)), ==, kh_node_get_text (kh_narrative_view_get_selected_node (f.view)));
  g_assert_true (g_str_has_prefix (kh_node_get_text (child (f.narrative, 1)), "Căn cứ Kế hoạch số 184/KH-UBND"));

  teardown (&f);
}

/* The widget's own keyboard shortcut for keyval+mods, or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget *widget, guint keyval, GdkModifierType mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;  /* the controller keeps it */
        }
    }
  return NULL;
}

static gboolean
press (Fixture *f, guint keyval, GdkModifierType mods)
{
  GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (f->view), keyval, mods);
  gboolean handled;

  g_assert_nonnull (shortcut);
  handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                          GTK_WIDGET (f->view), gtk_shortcut_get_arguments (shortcut));
  kh_ui_test_spin (50);
  return handled;
}

static void
test_keyboard (void)
{
  Fixture f = { 0 };
  KhNode *part1, *goals, *requirements;
  GtkTextView *text;

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  part1 = child (f.narrative, 3);
  goals = child (kh_node_get_children (part1), 0);
  requirements = child (kh_node_get_children (part1), 1);

  /* Alt+Up while typing in "Yêu cầu": it moves above "Mục tiêu". */
  kh_narrative_view_select_node (f.view, requirements);
  kh_ui_test_spin (50);
  text = kh_ui_test_find (GTK_WIDGET (row_for (&f, requirements)), GTK_TYPE_TEXT_VIEW);
  gtk_widget_grab_focus (GTK_WIDGET (text));
  g_assert_true (press (&f, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (child (kh_node_get_children (part1), 0) == requirements);
  g_assert_true (press (&f, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (child (kh_node_get_children (part1), 1) == requirements);

  /* Alt+Right / Alt+Left indent and outdent. */
  g_assert_true (press (&f, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (part1)), ==, 1);
  g_assert_true (press (&f, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_true (child (kh_node_get_children (part1), 1) == requirements);

  /* Ctrl+Alt+3 adds a point under the selected section. */
  g_assert_true (kh_narrative_view_get_selected_node (f.view) == requirements);
  g_assert_true (press (&f, GDK_KEY_3, GDK_CONTROL_MASK | GDK_ALT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (requirements)), ==, 3);

  /* Delete while typing deletes text, not the point. */
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (f.window)));
  g_assert_false (press (&f, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (requirements)), ==, 3);

  /* With the focus out of the editors (on the toolbar), Delete removes it. */
  gtk_widget_grab_focus (find_button (&f, "narrative.move-up"));
  g_assert_true (press (&f, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (kh_node_get_children (requirements)), ==, 2);
  g_assert_true (child (kh_node_get_children (part1), 0) == goals);

  teardown (&f);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) nodes = g_list_store_new (KH_TYPE_NODE);
  GtkWindow *window;
  KhNarrativeView *view;
  AdwStatusPage *status;

  if (!kh_ui_test_have_display ())
    return;

  view = KH_NARRATIVE_VIEW (kh_narrative_view_new ());
  kh_narrative_view_set_nodes (view, G_LIST_MODEL (nodes));
  window = kh_ui_test_present (GTK_WIDGET (view), -1, -1);
  kh_ui_test_spin (100);

  /* An empty narrative says how to start. */
  status = kh_ui_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "narrative.add-part", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "narrative.add-paragraph", NULL));
  kh_ui_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nodes)), ==, 2);
  g_assert_cmpint (kh_node_get_kind (child (G_LIST_MODEL (nodes), 0)), ==, KH_NODE_KIND_PART);
  /* A paragraph added on a part is its sibling (paragraphs have no level). */
  g_assert_cmpint (kh_node_get_kind (child (G_LIST_MODEL (nodes), 1)), ==, KH_NODE_KIND_PARAGRAPH);

  /* With no list at all, too. */
  kh_narrative_view_set_nodes (view, NULL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();

  if (kh_ui_test_init (&argc, &argv))
    adw_init ();
  g_test_add_data_func ("/ui/narrative-view/numbering", lang, test_numbering);
  g_test_add_func ("/ui/narrative-view/structure", test_structure);
  g_test_add_func ("/ui/narrative-view/keyboard", test_keyboard);
  g_test_add_func ("/ui/narrative-view/empty", test_empty);
  return g_test_run ();
}
