#!/usr/bin/env bash
# test-input-method.sh KEHOACH KEHOACH_CLI — Vietnamese typed as people type it:
# Telex through ibus-unikey, real key events (xdotool). The word still being
# composed (the input method's preedit) when Enter or Tab is pressed must be
# saved, not dropped: "...Vieetj" then Tab keeps "Việt".
set -u
app=$1 cli=$2
[ -n "${DISPLAY:-}" ] || { echo "1..0 # SKIP no display (./dev test starts Xvfb)"; exit 0; }
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "1..0 # SKIP no D-Bus session (./dev test starts one)"; exit 0; }
for tool in xdotool ibus ibus-daemon; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
done
[ -e /usr/share/ibus/component/unikey.xml ] || { echo "1..0 # SKIP ibus-unikey is not installed"; exit 0; }
ls /usr/lib/*/gtk-4.0/*/immodules/libim-ibus.so >/dev/null 2>&1 || { echo "1..0 # SKIP ibus-gtk4 is not installed"; exit 0; }

tmp=$(mktemp -d)
db=$tmp/im.db
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; ibus exit >/dev/null 2>&1; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

# An input method of this test's own, in this test's D-Bus session; the
# app finds its address under the same home.
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
ibus-daemon --replace --daemonize --panel=disable >/dev/null 2>&1
engine=""
for _ in $(seq 40); do
  # Its exit status is 1 under Xvfb (setxkbmap fails) even when it switched.
  ibus engine Unikey >/dev/null 2>&1
  engine=$(ibus engine 2>/dev/null)
  [ "$engine" = Unikey ] && break
  sleep 0.25
done
[ "$engine" = Unikey ] || { echo "1..0 # SKIP the Unikey engine did not start"; exit 0; }

GTK_IM_MODULE=ibus LANGUAGE=en LC_ALL=C.UTF-8 \
  "$app" --db "$db" >"$tmp/app.log" 2>&1 &
pid=$!
win=""
for _ in $(seq 60); do
  win=$(xdotool search --pid "$pid" --name 'Kế hoạch' 2>/dev/null | head -n1)
  [ -n "$win" ] && break
  sleep 0.25
done
[ -n "$win" ] || { echo "not ok 1 - the window appears"; sed 's/^/# /' "$tmp/app.log"; echo "1..1"; exit 1; }
ok "the window appears"
sleep 1
xdotool windowfocus --sync "$win" 2>/dev/null || true

# A new plan, its task table, a new task whose editor is open.
xdotool key --clearmodifiers ctrl+n; sleep 1.5
xdotool key --clearmodifiers alt+4; sleep 1
xdotool key --clearmodifiers ctrl+Return; sleep 1.5
# Telex: dd → đ, aa → â, y; f → huyền; ee → ê, j → nặng; oo → ô, r → hỏi.
xdotool type --delay 60 "ddaay laf tieengs Vieetj"
xdotool key Tab; sleep 1
xdotool type --delay 60 "Coongr thoong tin"
xdotool key Return

id="" out=""
for _ in $(seq 40); do
  id=$("$cli" --db "$db" list | cut -f1 | sort -n | tail -n1)
  out=$("$cli" --db "$db" show "$id" 2>/dev/null)
  printf '%s' "$out" | grep -qF "Product: Cổng thông tin" && break
  sleep 0.25
done
if printf '%s' "$out" | grep -qF "1. đây là tiếng Việt"; then
  ok "the word being composed when Tab is pressed is saved (Việt)"
else
  not_ok "the word being composed when Tab is pressed is saved (Việt)"
  printf '%s\n' "$out" | tail -6 | sed 's/^/# /'
fi
if printf '%s' "$out" | grep -qF "Product: Cổng thông tin"; then
  ok "the word being composed when Enter is pressed is saved (tin)"
else
  not_ok "the word being composed when Enter is pressed is saved (tin)"
fi
echo "1..$n"
exit $failed
