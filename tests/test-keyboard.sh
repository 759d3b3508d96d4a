#!/usr/bin/env bash
# test-keyboard.sh KEHOACH KEHOACH_CLI — a person at the keyboard, with real key
# events sent to the X server (xdotool): Ctrl+N makes a plan and puts the cursor in
# its summary, typing names it, Alt+4 opens the task table, Ctrl+Enter adds a task
# whose text is typed and saved with Enter, Ctrl+Z takes the task text back, F7
# opens the document check.
# Everything is checked in the database with kehoach-cli, as a user would reopen it.
set -u
app=$1 cli=$2
[ -n "${DISPLAY:-}" ] || { echo "1..0 # SKIP no display (./dev test starts Xvfb)"; exit 0; }
command -v xdotool >/dev/null || { echo "1..0 # SKIP xdotool is not installed"; exit 0; }

tmp=$(mktemp -d)
db=$tmp/keyboard.db
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

# Polls the database (the app writes when typing pauses) until the outline
# of document $1 does ($3 = yes) or does not ($3 = no) contain $2.
expect_outline() {
  local id=$1 text=$2 want=$3 out
  for _ in $(seq 40); do
    out=$("$cli" --db "$db" show "$id" 2>/dev/null)
    if printf '%s' "$out" | grep -qF -- "$text"; then [ "$want" = yes ] && return 0
    else [ "$want" = no ] && return 0; fi
    sleep 0.25
  done
  printf '%s\n' "$out" | sed 's/^/# /' | tail -12
  return 1
}

LANGUAGE=en LC_ALL=C.UTF-8 HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
  "$app" --db "$db" >"$tmp/app.log" 2>&1 &
pid=$!
for _ in $(seq 60); do
  win=$(xdotool search --pid "$pid" --name 'Kế hoạch' 2>/dev/null | head -n1)
  [ -n "$win" ] && break
  sleep 0.25
done
[ -n "${win:-}" ] || { echo "not ok 1 - the window appears"; cat "$tmp/app.log" | sed 's/^/# /'; echo "1..1"; exit 1; }
ok "the window appears"
sleep 1
xdotool windowfocus --sync "$win" 2>/dev/null || true

# Ctrl+N: a new plan, the cursor in its summary.
xdotool key --clearmodifiers ctrl+n; sleep 1.5
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 30 "Ke hoach chuyen doi so"
id=""
for _ in $(seq 40); do
  id=$("$cli" --db "$db" list | awk -F'\t' '$3 == "Ke hoach chuyen doi so" { print $1 }')
  [ -n "$id" ] && break
  sleep 0.25
done
[ -n "$id" ] && ok "Ctrl+N and typing: the plan is saved with its summary" || not_ok "Ctrl+N and typing: the plan is saved with its summary"

# Alt+4, Ctrl+Enter: a task, typed at once without waiting for the editor
# to appear (as a fast typist does); Tab saves and goes on to the product,
# Enter saves.
xdotool key --clearmodifiers alt+4; sleep 1
xdotool key --clearmodifiers ctrl+Return
xdotool type --delay 30 "Xay dung cong thong tin dien tu"
xdotool key Tab
xdotool type --delay 30 "Cong thong tin"
xdotool key Return
if [ -n "$id" ] && expect_outline "$id" "1. Xay dung cong thong tin dien tu" yes; then
  ok "Alt+4, Ctrl+Enter, typing at once, Tab: the task text is saved whole"
else
  not_ok "Alt+4, Ctrl+Enter, typing at once, Tab: the task text is saved whole"
fi
if [ -n "$id" ] && expect_outline "$id" "Product: Cong thong tin" yes; then
  ok "typing right after Tab reaches the next cell"
else
  not_ok "typing right after Tab reaches the next cell"
fi

# Ctrl+Z takes the last typed text back, in the database too.
sleep 1.5
xdotool key --clearmodifiers ctrl+z
if [ -n "$id" ] && expect_outline "$id" "Product: Cong thong tin" no; then
  ok "Ctrl+Z undoes the typed text"
else
  not_ok "Ctrl+Z undoes the typed text"
fi
# F7: the check of the document, in a window of its own.
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key --clearmodifiers F7
check=""
for _ in $(seq 20); do
  check=$(xdotool search --onlyvisible --pid "$pid" --name '^Check Document$' 2>/dev/null | head -n1)
  [ -n "$check" ] && break
  sleep 0.25
done
[ -n "$check" ] && ok "F7 opens the document check" || not_ok "F7 opens the document check"
echo "1..$n"
exit $failed
