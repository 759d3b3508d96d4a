#!/usr/bin/env bash
# check-po.sh SRCDIR — every translatable string of the sources is translated
# in every catalogue of po/LINGUAS, none fuzzy, and each catalogue compiles
# with msgfmt --check. A string added without its translation fails here.
set -euo pipefail
src=$1
for tool in xgettext msgmerge msgfmt msgattrib; do
  command -v "$tool" >/dev/null || { echo "# SKIP $tool is missing"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

# The same extraction as meson's i18n.gettext(preset: 'glib'), split by file
# type because xgettext does not detect the language of .in files.
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/all"
grep -E '\.(c|h)$' "$tmp/all" > "$tmp/c" || true
grep -vE '\.(c|h)$' "$tmp/all" > "$tmp/other" || true
for f in $(cat "$tmp/all"); do
  [ -f "$f" ] || { echo "not ok - po/POTFILES.in lists $f, which does not exist"; exit 1; }
done
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  -o "$tmp/c.pot" -f "$tmp/c"
xgettext --from-code=UTF-8 --add-comments -o "$tmp/other.pot" -f "$tmp/other"
msgcat "$tmp"/*.pot -o "$tmp/kehoach.pot" 2>/dev/null || cp "$tmp/c.pot" "$tmp/kehoach.pot"

n=0; failed=0
for lang in $(grep -v '^#' po/LINGUAS); do
  n=$((n + 1))
  msgmerge -q --no-fuzzy-matching "po/$lang.po" "$tmp/kehoach.pot" -o "$tmp/$lang.po"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when it prints anything.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1 | tail -n1)
  if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ] && msgfmt --check -o /dev/null "po/$lang.po"; then
    echo "ok $n - $lang: $stats"
  else
    echo "not ok $n - $lang: $untranslated untranslated, $fuzzy fuzzy ($stats)"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid ' | sed 's/^/#   /' | head -40
    failed=1
  fi
done
echo "1..$n"
exit $failed
