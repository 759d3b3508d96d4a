#!/bin/sh
# Installs the build into a temporary DESTDIR and checks what a distribution
# package would ship: the programs run, the desktop entry, metainfo, schema,
# MIME type, icons, translations and data files are where the desktop looks.
#
# usage: install-test.sh MESON SOURCEDIR BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR VERSION
set -eu

# The installed programs, each with the arguments of a run that must succeed
# and print something; a --version run must print VERSION.
# One program per line: add yours when the build defines it.
programs='
kehoach --version
kehoach-cli --help
kehoach-cli list
'

meson=$1 srcdir=$2 builddir=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 version=$8
app_id=io.github.kehoach.KeHoach

# Relative install dirs are under the prefix, as meson resolves them.
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $localedir in /*) ;; *) localedir=$prefix/$localedir ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# The file must exist and not be empty.
need() {
  if [ -s "$dest$1" ]; then
    echo "ok: $1"
  else
    fail "$1 is not installed"
  fi
}

optional_tool() {
  if command -v "$1" >/dev/null 2>&1; then
    return 0
  fi
  echo "note: $1 not found, its check is skipped"
  return 1
}

echo "# installing $builddir into $dest"
if ! DESTDIR=$dest "$meson" install -C "$builddir" --quiet >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  echo "FAIL: meson install"
  exit 1
fi

# Everything meson says it installs is there.
"$meson" introspect --installed "$builddir" >"$tmp/installed.json"
python3 - "$tmp/installed.json" "$dest" >"$tmp/missing" <<'EOF'
import json, os, sys
installed = json.load(open(sys.argv[1]))
for path in sorted(installed.values()):
    if not os.path.lexists(sys.argv[2] + path):
        print(path)
EOF
while read -r path; do
  fail "$path listed by meson but not installed"
done <"$tmp/missing"

# Desktop entry.
desktop=$datadir/applications/$app_id.desktop
need "$desktop"
if [ -s "$dest$desktop" ] && optional_tool desktop-file-validate; then
  desktop-file-validate "$dest$desktop" || fail "$desktop does not validate"
fi

# AppStream metainfo, named after the app id.
metainfo=$datadir/metainfo/$app_id.metainfo.xml
need "$metainfo"
if [ -s "$dest$metainfo" ] && optional_tool appstreamcli; then
  appstreamcli validate --no-net "$dest$metainfo" >"$tmp/appstream.log" 2>&1 ||
    { cat "$tmp/appstream.log"; fail "$metainfo does not validate"; }
fi

# GSettings schema: compiles from the install dir and gives the defaults.
schemas=$datadir/glib-2.0/schemas
need "$schemas/$app_id.gschema.xml"
mkdir -p "$tmp/schemas" "$tmp/home"
if optional_tool glib-compile-schemas; then
  if glib-compile-schemas --strict --targetdir="$tmp/schemas" "$dest$schemas"; then
    if optional_tool gsettings; then
      size=$(GSETTINGS_SCHEMA_DIR=$tmp/schemas GSETTINGS_BACKEND=memory \
             gsettings get $app_id font-size 2>&1) || true
      [ "$size" = 13 ] || fail "installed schema: font-size default is '$size', not 13"
    fi
  else
    fail "installed schemas do not compile"
  fi
fi

# Programs.
while read -r name args; do
  [ -n "$name" ] || continue
  exe=$dest$bindir/$name
  if [ ! -x "$exe" ]; then
    fail "$bindir/$name is not installed"
    continue
  fi
  # The installed program runs with no display, the installed schema and a
  # private home, so that it touches nothing of the user's.
  # shellcheck disable=SC2086 # args are words from the table above
  if ! out=$(env -u DISPLAY -u WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR="$tmp/schemas" \
             GSETTINGS_BACKEND=memory HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" \
             XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache" \
             "$exe" $args 2>&1 </dev/null) || [ -z "$out" ]; then
    fail "$name $args: $out"
  elif [ "$args" = --version ] && ! echo "$out" | grep -qF "$version"; then
    fail "$name --version does not print $version: $out"
  else
    echo "ok: $name $args"
  fi
done <<EOF
$programs
EOF

# MIME type: *.kehoach is application/x-kehoach, a kind of JSON.
mime=$datadir/mime
need "$mime/packages/$app_id.xml"
if optional_tool update-mime-database; then
  if update-mime-database "$dest$mime" >"$tmp/mime.log" 2>&1; then
    grep -q '^[0-9]*:application/x-kehoach:\*\.kehoach$' "$dest$mime/globs2" ||
      fail "*.kehoach is not application/x-kehoach in the MIME database"
    grep -q '^application/x-kehoach application/json$' "$dest$mime/subclasses" ||
      fail "application/x-kehoach is not a subclass of application/json"
  else
    cat "$tmp/mime.log"
    fail "update-mime-database rejects $mime/packages/$app_id.xml"
  fi
fi

# Icons, at the names the desktop entry and the app ask for.
for icon in scalable/apps/$app_id.svg symbolic/apps/$app_id-symbolic.svg; do
  need "$datadir/icons/hicolor/$icon"
  grep -q '<svg' "$dest$datadir/icons/hicolor/$icon" 2>/dev/null ||
    fail "$icon is not an SVG image"
done

# Translations: one catalogue per language in po/LINGUAS.
# shellcheck disable=SC2013 # LINGUAS lists words, several may share a line
for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  need "$localedir/$lang/LC_MESSAGES/kehoach.mo"
done

# Data: the unit directory and every example document.
need "$datadir/kehoach/units.json"
for example in "$srcdir"/data/examples/*.kehoach; do
  need "$datadir/kehoach/examples/$(basename "$example")"
done

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
