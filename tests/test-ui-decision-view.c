/* test-ui-decision-view.c — the decision editor on the 2023 Hà Tĩnh
 * decision: the bases worded as printed, adding, moving and removing
 * bases and citations through the rows' actions, the citation date typed
 * d/m/yyyy and stored ISO, articles numbered and reordered. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-article-row.h"
#include "kh-citation-row.h"
#include "kh-core.h"
#include "kh-decision-view.h"
#include "kh-legal-basis-row.h"
#include "ui-test-util.h"

typedef struct {
  GtkWindow      *window;
  KhDecisionView *view;
  KhDocument     *doc;
  KhDecision     *decision;
  GListModel     *bases;
  GListModel     *articles;
  guint           changes;
} Fixture;

static void
count_change (Fixture *f)
{
  f->changes++;
}

/* The rows of type shown under root, in order. */
static GPtrArray *
rows_of (gpointer root, GType type)
{
  return kh_ui_test_find_all (GTK_WIDGET (root), type);
}

static gpointer
find_first (gpointer root, GType type)
{
  g_autoptr(GPtrArray) rows = rows_of (root, type);

  g_assert_cmpuint (rows->len, >, 0);
  return rows->pdata[0];
}

static gpointer
basis_row (Fixture *f, guint i)
{
  g_autoptr(GPtrArray) rows = rows_of (f->view, KH_TYPE_LEGAL_BASIS_ROW);

  g_assert_cmpuint (i, <, rows->len);
  return rows->pdata[i];
}

static gpointer
item (GListModel *list, guint i)
{
  g_autoptr(GObject) it = g_list_model_get_item (list, i);

  g_assert_nonnull (it);
  return it;  /* the list keeps it alive */
}

static void
activate (gpointer widget, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  kh_ui_test_spin (50);
}

/* Runs the widget's own keyboard shortcut for keyval+mods, as a key
 * press would; returns whether it was handled. */
static gboolean
press (gpointer widget, guint keyval, GdkModifierType mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
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
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                               GTK_WIDGET (widget),
                                                               gtk_shortcut_get_arguments (shortcut));
              kh_ui_test_spin (50);
              return handled;
            }
        }
    }
  g_assert_not_reached ();
}

static void
setup (Fixture *f)
{
  f->doc = kh_ui_test_load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  f->decision = kh_document_get_decision (f->doc);
  g_assert_nonnull (f->decision);
  f->bases = kh_decision_get_bases (f->decision);
  f->articles = kh_decision_get_articles (f->decision);
  g_signal_connect_swapped (f->doc, "changed", G_CALLBACK (count_change), f);

  f->view = KH_DECISION_VIEW (kh_decision_view_new ());
  kh_decision_view_set_decision (f->view, f->decision);
  f->window = kh_ui_test_present (GTK_WIDGET (f->view), 1000, 860);
  kh_ui_test_spin (300);
}

static void
teardown (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_signal_handlers_disconnect_by_func (f->doc, count_change, f);
  g_clear_object (&f->doc);
}

static void
test_shows_decision (gconstpointer lang)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  /* Nine bases citing fourteen documents, three articles. */
  bases = rows_of (f.view, KH_TYPE_LEGAL_BASIS_ROW);
  citations = rows_of (f.view, KH_TYPE_CITATION_ROW);
  articles = rows_of (f.view, KH_TYPE_ARTICLE_ROW);
  g_assert_cmpuint (bases->len, ==, 9);
  g_assert_cmpuint (citations->len, ==, 14);
  g_assert_cmpuint (articles->len, ==, 3);

  /* Each basis is titled as it prints; the last ends with a full stop. */
  g_assert_cmpstr (adw_preferences_row_get_title (bases->pdata[0]), ==,
                   "Căn cứ Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, "
                   "xử lý phản ánh kiến nghị của cá nhân, tổ chức về quy định hành chính;");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (bases->pdata[1]),
                                   "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát "
                                   "thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017"));
  g_assert_cmpstr (adw_preferences_row_get_title (bases->pdata[8]), ==,
                   "Căn cứ Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2023 (ban hành kèm theo "
                   "Quyết định số 2629/QĐ-UBND ngày 23/12/2022 của UBND tỉnh).");

  g_assert_cmpstr (adw_preferences_row_get_title (articles->pdata[0]), ==, "Điều 1.");
  g_assert_cmpstr (adw_preferences_row_get_title (articles->pdata[1]), ==, "Điều 2. Tổ chức thực hiện");
  g_assert_cmpstr (adw_preferences_row_get_title (articles->pdata[2]), ==, "Điều 3.");

  /* The authority line is in its entry, and typing there edits it. */
  {
    AdwEntryRow *authority = find_first (f.view, ADW_TYPE_ENTRY_ROW);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (authority)), ==, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    gtk_editable_set_text (GTK_EDITABLE (authority), "GIÁM ĐỐC SỞ TƯ PHÁP");
    g_assert_cmpstr (kh_decision_get_authority (f.decision), ==, "GIÁM ĐỐC SỞ TƯ PHÁP");
    gtk_editable_set_text (GTK_EDITABLE (authority), "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  }

  adw_expander_row_set_expanded (bases->pdata[1], TRUE);
  kh_ui_test_spin (300);
  name = g_strdup_printf ("decision-view-%s", (const char *) lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);

  /* Scrolled to the articles, one opened. */
  adw_expander_row_set_expanded (bases->pdata[1], FALSE);
  adw_expander_row_set_expanded (articles->pdata[1], TRUE);
  kh_ui_test_spin (300);
  {
    g_autoptr(GPtrArray) scrollers = rows_of (f.view, GTK_TYPE_SCROLLED_WINDOW);
    GtkScrolledWindow *scroller = NULL;
    GtkAdjustment *adj;

    /* The form's, not the hidden status page's. */
    for (guint i = 0; i < scrollers->len && scroller == NULL; i++)
      if (gtk_widget_get_mapped (scrollers->pdata[i]))
        scroller = scrollers->pdata[i];
    g_assert_nonnull (scroller);
    adj = gtk_scrolled_window_get_vadjustment (scroller);
    g_autofree char *name2 = g_strdup_printf ("decision-view-articles-%s", (const char *) lang);
    g_autofree char *shot2 = NULL;

    /* The focused entry would scroll the form back to itself. */
    gtk_window_set_focus (f.window, NULL);
    kh_ui_test_spin (100);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
    kh_ui_test_spin (300);
    shot2 = kh_ui_test_screenshot (GTK_WIDGET (f.window), name2);
    g_test_message ("screenshot: %s", shot2);
  }

  teardown (&f);
}

static void
test_edit_bases (void)
{
  Fixture f = { 0 };
  KhLegalBasis *first, *last, *added;
  GListModel *citations;

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  first = item (f.bases, 0);
  last = item (f.bases, 8);

  /* Add Legal Basis: a tenth basis with one empty citation, opened. */
  f.changes = 0;
  activate (f.view, "decision.add-basis");
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (f.bases), ==, 10);
  added = item (f.bases, 9);
  g_assert_cmpuint (g_list_model_get_n_items (kh_legal_basis_get_citations (added)), ==, 1);
  g_assert_true (adw_expander_row_get_expanded (basis_row (&f, 9)));
  /* The former last basis now ends with ";" */
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (basis_row (&f, 8)), "của UBND tỉnh);"));

  /* Its citation form: kind, number, date typed d/m/yyyy, issuer, subject. */
  {
    KhCitationRow *form = find_first (basis_row (&f, 9), KH_TYPE_CITATION_ROW);
    KhCitation *citation = kh_citation_row_get_citation (form);
    g_autoptr(GPtrArray) entries = rows_of (form, GTK_TYPE_ENTRY);
    GtkComboBox *kind = find_first (form, GTK_TYPE_COMBO_BOX);

    /* kind (the combo's entry), number, date, issuer, subject */
    g_assert_cmpuint (entries->len, ==, 5);
    gtk_combo_box_set_active (kind, 0);
    g_assert_cmpstr (kh_citation_get_kind (citation), ==, "Luật");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Luật");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "76/2015/QH13");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "19/6/2015");
    g_assert_cmpstr (kh_citation_get_date (citation), ==, "2015-06-19");
    g_assert_false (gtk_widget_has_css_class (entries->pdata[2], "error"));
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[4]), "Tổ chức chính quyền địa phương");
    g_assert_cmpstr (kh_citation_get_number (citation), ==, "76/2015/QH13");
    g_assert_cmpstr (adw_preferences_row_get_title (basis_row (&f, 9)), ==,
                     "Căn cứ Luật số 76/2015/QH13 ngày 19/6/2015 Tổ chức chính quyền địa phương.");
    /* The typed text stays as typed. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[2])), ==, "19/6/2015");

    /* Not a date: marked, not stored. */
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "31/2/2015");
    g_assert_true (gtk_widget_has_css_class (entries->pdata[2], "error"));
    g_assert_cmpstr (kh_citation_get_date (citation), ==, "2015-06-19");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "");
    kh_ui_test_spin (50);
    g_assert_false (gtk_widget_has_css_class (entries->pdata[2], "error"));
    g_assert_cmpstr (kh_citation_get_date (citation), ==, "");
  }

  /* Editing a date of the example: 08/6/2010 → 9.6.2010 stored ISO. */
  {
    KhCitationRow *form = find_first (basis_row (&f, 1), KH_TYPE_CITATION_ROW);
    g_autoptr(GPtrArray) entries = rows_of (form, GTK_TYPE_ENTRY);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[2])), ==, "08/6/2010");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "9.6.2010");
    g_assert_cmpstr (kh_citation_get_date (kh_citation_row_get_citation (form)), ==, "2010-06-09");
  }

  /* Move up: the new basis and the Kế hoạch CCHC one swap; one change. */
  f.changes = 0;
  activate (basis_row (&f, 9), "basis.move-up");
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_true (item (f.bases, 8) == added);
  g_assert_true (item (f.bases, 9) == last);
  g_assert_true (kh_legal_basis_row_get_basis (basis_row (&f, 8)) == added);
  /* The moved row stays open; the last basis now ends with "." */
  g_assert_true (adw_expander_row_get_expanded (basis_row (&f, 8)));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (basis_row (&f, 9)), "của UBND tỉnh)."));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (basis_row (&f, 8)), "địa phương;"));

  /* Move down brings it back. The first cannot move up. */
  activate (basis_row (&f, 8), "basis.move-down");
  g_assert_true (item (f.bases, 9) == added);
  activate (basis_row (&f, 0), "basis.move-up");
  g_assert_true (item (f.bases, 0) == first);

  /* Add a citation to the first basis, then remove it. */
  citations = kh_legal_basis_get_citations (first);
  activate (basis_row (&f, 0), "basis.add-citation");
  g_assert_cmpuint (g_list_model_get_n_items (citations), ==, 2);
  {
    g_autoptr(GPtrArray) forms = rows_of (basis_row (&f, 0), KH_TYPE_CITATION_ROW);

    g_assert_cmpuint (forms->len, ==, 2);
    activate (forms->pdata[0], "citation.remove");
  }
  g_assert_cmpuint (g_list_model_get_n_items (citations), ==, 1);
  /* The original citation went, the new empty one stayed. */
  g_assert_cmpstr (kh_citation_get_number (item (citations, 0)), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (basis_row (&f, 0)), !=,
                   "Căn cứ Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, "
                   "xử lý phản ánh kiến nghị của cá nhân, tổ chức về quy định hành chính;");

  /* Remove the added basis. */
  activate (basis_row (&f, 9), "basis.remove");
  g_assert_cmpuint (g_list_model_get_n_items (f.bases), ==, 9);
  g_assert_true (item (f.bases, 8) == last);
  {
    g_autoptr(GPtrArray) rows = rows_of (f.view, KH_TYPE_LEGAL_BASIS_ROW);
    g_assert_cmpuint (rows->len, ==, 9);
  }

  teardown (&f);
}

static void
test_edit_articles (void)
{
  Fixture f = { 0 };
  KhArticle *second;
  g_autoptr(GPtrArray) rows = NULL;

  if (!kh_ui_test_have_display ())
    return;
  setup (&f);

  second = item (f.articles, 1);
  activate (f.view, "decision.add-article");
  g_assert_cmpuint (g_list_model_get_n_items (f.articles), ==, 4);
  rows = rows_of (f.view, KH_TYPE_ARTICLE_ROW);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[3]), ==, "Điều 4.");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Moving "Tổ chức thực hiện" up makes it Điều 1. */
  rows = rows_of (f.view, KH_TYPE_ARTICLE_ROW);
  activate (rows->pdata[1], "article.move-up");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (item (f.articles, 0) == second);
  rows = rows_of (f.view, KH_TYPE_ARTICLE_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Điều 1. Tổ chức thực hiện");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==, "Điều 2.");

  /* The title entry edits the article's title. */
  gtk_editable_set_text (GTK_EDITABLE (find_first (rows->pdata[3], ADW_TYPE_ENTRY_ROW)), "Hiệu lực thi hành");
  g_assert_cmpstr (kh_article_get_title (item (f.articles, 3)), ==, "Hiệu lực thi hành");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[3]), ==, "Điều 4. Hiệu lực thi hành");

  activate (rows->pdata[3], "article.remove");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (g_list_model_get_n_items (f.articles), ==, 3);
  rows = rows_of (f.view, KH_TYPE_ARTICLE_ROW);
  g_assert_cmpuint (rows->len, ==, 3);

  /* Ctrl+Alt+A adds an article, Ctrl+Alt+B a legal basis. */
  g_assert_true (press (f.view, GDK_KEY_a, GDK_CONTROL_MASK | GDK_ALT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (f.articles), ==, 4);
  g_assert_true (press (f.view, GDK_KEY_b, GDK_CONTROL_MASK | GDK_ALT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (f.bases), ==, 10);

  teardown (&f);
}

static void
test_no_decision (void)
{
  g_autoptr(GtkWidget) view = NULL;
  AdwStatusPage *status;

  if (!kh_ui_test_have_display ())
    return;

  view = g_object_ref_sink (kh_decision_view_new ());
  status = find_first (view, ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (status)) || gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_first (view, GTK_TYPE_STACK)), ==, "empty");
  g_assert_false (gtk_widget_activate_action (view, "decision.add-basis", NULL) &&
                  kh_decision_view_get_decision (KH_DECISION_VIEW (view)) != NULL);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();

  if (kh_ui_test_init (&argc, &argv))
    adw_init ();
  g_test_add_data_func ("/ui/decision-view/shows-decision", lang, test_shows_decision);
  g_test_add_func ("/ui/decision-view/edit-bases", test_edit_bases);
  g_test_add_func ("/ui/decision-view/edit-articles", test_edit_articles);
  g_test_add_func ("/ui/decision-view/no-decision", test_no_decision);
  return g_test_run ();
}
