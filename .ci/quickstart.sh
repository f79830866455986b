#!/usr/bin/env bash
# The README's quick start, typed line by line on this clone: the lines are read from the README's
# "### Quick start" block (so the README cannot drift from what works) and run with a temporary
# PREFIX and data folder, so nothing of the machine's own installation or study history is touched.
#
# CONFIGURATION=debug (the default here) installs the debug build `swift test` has just made, to
# stay fast; QUICKSTART_CONFIGURATION=release builds and installs a release build as the README does.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PREFIX="$scratch/prefix"
export CONFIGURATION="${QUICKSTART_CONFIGURATION:-debug}"
export XDG_DATA_HOME="$scratch/data"
export PATH="$PREFIX/bin:$PATH"
unset MUSCLE_DB MUSCLE_DECKS MUSCLE_NOW MUSCLE_ROLLOVER

fail() { echo "quickstart: $*" >&2; exit 1; }

# The fenced block after "### Quick start", without its fences.
mapfile -t lines < <(awk '/^### Quick start/ { found = 1; next } found && /^```/ { if (inside) exit; inside = 1; next } inside { print }' README.md)
[ ${#lines[@]} -gt 0 ] || fail "README.md has no '### Quick start' block"
expected=("make install" "muscle --version" "muscle study" "muscle report")
[ "${lines[*]}" = "${expected[*]}" ] || fail "the README's quick start is now: ${lines[*]}; teach this script the new lines"

for line in "${lines[@]}"; do
  echo "\$ $line"
  case "$line" in
    "make install")
      make install >"$scratch/make.log" 2>&1 || { cat "$scratch/make.log" >&2; fail "'make install' failed"; }
      [ "$(command -v muscle)" = "$PREFIX/bin/muscle" ] || fail "muscle is not on the PATH from $PREFIX/bin"
      for file in share/man/man1/muscle.1 share/bash-completion/completions/muscle share/zsh/site-functions/_muscle \
                  share/fish/vendor_completions.d/muscle.fish; do
        [ -s "$PREFIX/$file" ] || fail "make install did not install PREFIX/$file"
      done
      ;;
    "muscle --version")
      version="$(muscle --version)"
      echo "$version"
      [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "'muscle --version' printed '$version'"
      ;;
    "muscle study")
      # Piped: show the answer, grade it 4, show the next, grade 2, quit.
      out="$(printf '\n4\n\n2\nq\n' | muscle study)"
      echo "$out" | tail -n 3
      grep -q '^Q: ' <<<"$out" || fail "'muscle study' showed no question"
      grep -q '^Session over: 2 answers' <<<"$out" || fail "'muscle study' did not record two answers"
      [ -s "$XDG_DATA_HOME/muscle-memory/muscle.sqlite" ] || fail "the database is not in \$XDG_DATA_HOME/muscle-memory"
      ;;
    "muscle report")
      out="$(muscle report)"
      echo "$out" | head -n 3
      grep -qi 'weak' <<<"$out" || fail "'muscle report' printed no weak topics"
      ;;
  esac
done
echo "quickstart: the README's quick start works"
