#!/usr/bin/env python3
"""Checks the Flatpak manifest against the project it builds.

usage: check-flatpak.py MANIFEST MESON_BUILD MESON_OPTIONS

Prints TAP. Checks that the manifest builds the app the project defines (id,
command), on a GNOME runtime new enough for it, with no broad file access, with
pinned sources, and that every -Doption=value given to the project's own module
is an option of meson_options.txt with a value of its type.
"""

import json
import re
import sys

APP_COMMAND = 'kehoach'
APP_MODULE = 'kehoach'
# GNOME 43 is the first runtime with GTK 4.8 and libadwaita 1.2.
MIN_GNOME_RUNTIME = 43


def meson_string(text, name):
    """The value of `name = '...'` in a meson.build."""
    match = re.search(r"^%s\s*=\s*'([^']*)'" % re.escape(name), text, re.M)
    return match.group(1) if match else None


def parse_meson_value(token):
    token = token.strip()
    if token in ('true', 'false'):
        return token == 'true'
    if re.fullmatch(r'-?\d+', token):
        return int(token)
    if token.startswith("'") and token.endswith("'"):
        return token[1:-1]
    if token.startswith('[') and token.endswith(']'):
        inner = token[1:-1].strip()
        return [parse_meson_value(t) for t in split_top(inner)] if inner else []
    raise ValueError('cannot read meson value %r' % token)


def split_top(text):
    """Splits on commas that are outside quotes and brackets."""
    parts, depth, quoted, current = [], 0, False, ''
    for ch in text:
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in '([':
            depth += 1
        elif not quoted and ch in ')]':
            depth -= 1
        if ch == ',' and depth == 0 and not quoted:
            parts.append(current)
            current = ''
        else:
            current += ch
    if current.strip():
        parts.append(current)
    return parts


def parse_meson_options(text):
    """Reads option('name', key: value, ...) calls into {name: {key: value}}."""
    text = re.sub(r'#[^\n]*', '', text)
    options = {}
    for match in re.finditer(r'\boption\s*\(', text):
        start = match.end()
        depth, quoted, end = 1, False, start
        while depth:
            ch = text[end]
            if ch == "'":
                quoted = not quoted
            elif not quoted and ch in '([':
                depth += 1
            elif not quoted and ch in ')]':
                depth -= 1
            end += 1
        args = split_top(text[start:end - 1])
        name = parse_meson_value(args[0])
        kwargs = {}
        for arg in args[1:]:
            key, _, value = arg.partition(':')
            kwargs[key.strip()] = parse_meson_value(value)
        options[name] = kwargs
    return options


def option_value_error(option, value):
    """None when `value` (a -D string) is valid for the option, else why not."""
    kind = option.get('type')
    if kind == 'boolean':
        return None if value in ('true', 'false') else 'expects true or false'
    if kind == 'combo':
        choices = option.get('choices', [])
        return None if value in choices else 'expects one of %s' % ', '.join(choices)
    if kind == 'feature':
        return None if value in ('enabled', 'disabled', 'auto') else \
            'expects enabled, disabled or auto'
    if kind == 'integer':
        if not re.fullmatch(r'-?\d+', value):
            return 'expects an integer'
        number = int(value)
        if 'min' in option and number < option['min']:
            return 'is below the minimum %d' % option['min']
        if 'max' in option and number > option['max']:
            return 'is above the maximum %d' % option['max']
        return None
    if kind == 'array':
        choices = option.get('choices')
        items = [v.strip() for v in value.split(',') if v.strip()]
        bad = [v for v in items if choices is not None and v not in choices]
        return 'has values not among its choices: %s' % ', '.join(bad) if bad else None
    if kind == 'string':
        return None
    return 'has an unknown type %r' % kind


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, description, diagnostics=()):
        self.count += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.count, description))
        if not ok:
            self.failed += 1
            for line in diagnostics:
                print('# ' + line)

    def finish(self):
        print('1..%d' % self.count)
        return 1 if self.failed else 0


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    manifest_path, meson_build_path, options_path = argv[1:]
    tap = Tap()

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    with open(meson_build_path, encoding='utf-8') as f:
        app_id = meson_string(f.read(), 'app_id')
    with open(options_path, encoding='utf-8') as f:
        options = parse_meson_options(f.read())

    manifest_id = manifest.get('id', manifest.get('app-id'))
    tap.check(manifest_id == app_id, 'the manifest id is the app id',
              ['manifest: %r, meson.build app_id: %r' % (manifest_id, app_id)])
    tap.check(manifest.get('command') == APP_COMMAND, 'the command is ' + APP_COMMAND,
              ['command: %r' % manifest.get('command')])

    runtime_ok = (manifest.get('runtime') == 'org.gnome.Platform'
                  and manifest.get('sdk') == 'org.gnome.Sdk'
                  and re.fullmatch(r'\d+', str(manifest.get('runtime-version', '')))
                  and int(manifest['runtime-version']) >= MIN_GNOME_RUNTIME)
    tap.check(bool(runtime_ok),
              'a GNOME runtime %d or newer (GTK 4.8, libadwaita 1.2)' % MIN_GNOME_RUNTIME,
              ['runtime %r %r, sdk %r' % (manifest.get('runtime'),
                                          manifest.get('runtime-version'),
                                          manifest.get('sdk'))])

    finish_args = manifest.get('finish-args', [])
    broad = [a for a in finish_args if a.startswith('--filesystem')]
    tap.check(not broad, 'no --filesystem access: files go through the portals',
              ['found: ' + ' '.join(broad)])
    tap.check('--socket=wayland' in finish_args and '--socket=fallback-x11' in finish_args
              and '--socket=x11' not in finish_args,
              'Wayland, with X11 only as a fallback', ['finish-args: %r' % finish_args])

    modules = manifest.get('modules', [])
    unpinned = []
    for module in modules:
        for source in module.get('sources', []):
            if source.get('type') in ('archive', 'file'):
                if not source.get('url') or \
                        not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    unpinned.append('%s: %s' % (module.get('name'), source.get('url')))
    tap.check(not unpinned, 'every downloaded source has a URL and a sha256', unpinned)

    app_modules = [m for m in modules if m.get('name') == APP_MODULE]
    tap.check(len(app_modules) == 1 and modules[-1] is app_modules[0]
              and app_modules[0].get('buildsystem') == 'meson',
              'the app is the last module, built with meson',
              ['modules: %r' % [m.get('name') for m in modules]])

    bad_opts = []
    config_opts = app_modules[0].get('config-opts', []) if app_modules else []
    for opt in config_opts:
        match = re.fullmatch(r'-D([A-Za-z0-9_-]+)=(.*)', opt)
        if not match:
            bad_opts.append('%s: not of the form -Doption=value' % opt)
            continue
        name, value = match.groups()
        if name not in options:
            bad_opts.append('%s: no option %r in meson_options.txt' % (opt, name))
            continue
        why = option_value_error(options[name], value)
        if why:
            bad_opts.append('%s: %s %s' % (opt, name, why))
    tap.check(not bad_opts and bool(config_opts),
              'the app module sets only options of meson_options.txt, with valid values',
              bad_opts or ['no config-opts'])

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
