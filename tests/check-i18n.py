#!/usr/bin/env python3
"""check-i18n.py SRCDIR — no user-visible string literal escapes gettext.

Scans the UI templates (resources/**/*.ui) for displayed properties and menu
attributes whose text is not marked translatable="yes", and the C sources of
the UI, the CLI and the error paths for literals passed straight to functions
that show text to the user. Document text (always Vietnamese) is not shown
through these calls, so nothing needs excluding but what is marked
translatable="no" (e.g. the signer prefixes TM., KT.).
Prints TAP; exits 1 on any unmarked string."""
import pathlib, re, sys

root = pathlib.Path(sys.argv[1])
problems = []

SHOWN_PROPERTIES = {"label", "title", "subtitle", "tooltip-text", "placeholder-text",
                    "description", "heading", "body", "button-label", "text", "tooltip-markup",
                    "accessible-name", "label-text", "status", "secondary-text"}

def has_letters(text):
    # printf conversions, escapes and the program's own name are not words
    # anyone translates.
    text = re.sub(r"%[-#0-9.*lhzjt]*[a-zA-Z]", "", text)
    text = re.sub(r"\\.", "", text)
    text = re.sub(r"\bkehoach(-cli)?\b", "", text)
    return re.search(r"[^\W\d_]", text) is not None

for ui in sorted(root.glob("resources/**/*.ui")):
    src = ui.read_text(encoding="utf-8")
    for m in re.finditer(r'<(property|attribute)\s+name="([\w-]+)"([^>]*)>([^<]*)</\1>', src):
        kind, name, attrs, text = m.groups()
        if name not in SHOWN_PROPERTIES or not has_letters(text):
            continue
        if 'translatable="yes"' in attrs or 'translatable="no"' in attrs:
            continue
        line = src.count("\n", 0, m.start()) + 1
        problems.append(f"{ui.relative_to(root)}:{line}: {name} “{text.strip()}” is not marked translatable")
    for m in re.finditer(r'<item([^>]*)>([^<]*)</item>', src):
        attrs, text = m.groups()
        if has_letters(text) and 'translatable=' not in attrs:
            line = src.count("\n", 0, m.start()) + 1
            problems.append(f"{ui.relative_to(root)}:{line}: item “{text.strip()}” is not marked translatable")

# Functions whose string argument the user reads, with the 0-based index of
# that argument.
SHOWN_ARGS = {
    "gtk_label_new": 0, "gtk_label_set_text": 1, "gtk_label_set_label": 1,
    "gtk_label_set_markup": 1, "gtk_button_new_with_label": 0, "gtk_button_new_with_mnemonic": 0,
    "gtk_button_set_label": 1, "gtk_widget_set_tooltip_text": 1, "gtk_window_set_title": 1,
    "gtk_editable_set_placeholder_text": 1, "gtk_entry_set_placeholder_text": 1,
    "gtk_check_button_new_with_label": 0, "gtk_check_button_new_with_mnemonic": 0,
    "adw_toast_new": 0, "adw_toast_set_button_label": 1, "adw_toast_set_title": 1,
    "adw_status_page_set_title": 1, "adw_status_page_set_description": 1,
    "adw_preferences_row_set_title": 1, "adw_action_row_set_subtitle": 1,
    "adw_preferences_group_set_title": 1, "adw_preferences_group_set_description": 1,
    "adw_message_dialog_new": 1, "adw_message_dialog_add_response": 2,
    "adw_message_dialog_set_body": 1, "adw_message_dialog_set_heading": 1,
    "adw_window_title_set_title": 1, "adw_window_title_set_subtitle": 1,
    "adw_view_switcher_title_set_subtitle": 1, "adw_expander_row_set_subtitle": 1,
    "gtk_file_chooser_native_new": 0, "gtk_file_filter_set_name": 1,
    "g_set_error": 3, "g_set_error_literal": 3, "g_error_new": 2, "g_error_new_literal": 2,
    "g_printerr": 0,
}

def split_args(text, start):
    """The top-level arguments of the call whose '(' is at text[start]."""
    depth, args, cur, i, in_str = 0, [], [], start + 1, False
    while i < len(text):
        c = text[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(text[i + 1]); i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True; cur.append(c)
        elif c in "([{":
            depth += 1; cur.append(c)
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip()); return args
            depth -= 1; cur.append(c)
        elif c == "," and depth == 0:
            args.append("".join(cur).strip()); cur = []
        else:
            cur.append(c)
        i += 1
    return args

sources = sorted(list(root.glob("src/ui/*.c")) + list(root.glob("src/cli/*.c")) +
                 list(root.glob("src/core/*.c")) + list(root.glob("src/render/*.c")))
call = re.compile(r"\b(" + "|".join(map(re.escape, SHOWN_ARGS)) + r")\s*\(")
for path in sources:
    text = path.read_text(encoding="utf-8")
    # Comments may quote strings.
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    for m in call.finditer(text):
        args = split_args(text, m.end() - 1)
        idx = SHOWN_ARGS[m.group(1)]
        if idx >= len(args):
            continue
        arg = args[idx]
        literal = re.match(r'^"((?:[^"\\]|\\.)*)"', arg)
        if literal and has_letters(literal.group(1)):
            line = text.count("\n", 0, m.start()) + 1
            problems.append(f"{path.relative_to(root)}:{line}: {m.group(1)} shows “{literal.group(1)}” without _()")

# A file with marked strings that po/POTFILES.in does not list is never
# translated.
listed = {l.strip() for l in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
          if l.strip() and not l.startswith("#")}
marked = re.compile(r'\b(N?C?_|g_dngettext)\s*\(\s*"|translatable="yes"')
for path in sorted(list(root.glob("src/**/*.c")) + list(root.glob("resources/**/*.ui"))):
    rel = str(path.relative_to(root))
    if rel not in listed and marked.search(path.read_text(encoding="utf-8")):
        problems.append(f"{rel}: has translatable strings but is not listed in po/POTFILES.in")

for i, p in enumerate(problems, 1):
    print(f"not ok {i} - {p}")
if not problems:
    print("ok 1 - every user-visible string is marked for translation")
    print("1..1")
else:
    print(f"1..{len(problems)}")
sys.exit(1 if problems else 0)
