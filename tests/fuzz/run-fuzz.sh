#!/bin/sh
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT [SECONDS]
#
# The project is built with gcc; libFuzzer needs clang. So the fuzz target is
# built here, apart, from the core sources it exercises, with ASan and UBSan,
# and run for a bounded time from a corpus of the seed documents' time frames.
# Exits 77 (skipped) when clang or its fuzzer runtime is missing.
set -eu

src=$1
build=$2
seconds=${3:-30}

cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$cc" ]; then
  echo "clang not found: fuzzing skipped"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2046
if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
    -I"$build" -I"$src/src/core" $(pkg-config --cflags glib-2.0 gobject-2.0 json-glib-1.0) \
    "$src/tests/fuzz/fuzz-timeframe.c" "$src/src/core/kh-timeframe.c" "$src/src/core/kh-schedule.c" \
    $(pkg-config --libs glib-2.0 gobject-2.0 json-glib-1.0) -o "$work/fuzz-timeframe" 2>"$work/cc.log"; then
  if grep -q -e 'libclang_rt.fuzzer' -e 'cannot find' "$work/cc.log"; then
    echo "the clang fuzzer runtime is missing: fuzzing skipped"
    exit 77
  fi
  cat "$work/cc.log" >&2
  exit 1
fi

# One seed phrase per corpus file; the first byte picks the plan year.
mkdir "$work/corpus"
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '\042%s' "$line" >"$work/corpus/seed-$n"
done <"$src/tests/fuzz/seed-phrases.txt"

# A failing input is kept in the build directory, to be replayed with
# "fuzz-timeframe FILE" (or read with kehoach-cli timeframe).
cd "$work"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./fuzz-timeframe -max_total_time="$seconds" -max_len=4096 -timeout=5 -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-timeframe-" corpus
