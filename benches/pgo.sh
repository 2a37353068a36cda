#!/usr/bin/env bash
# Makes .cargo/whosaid.profdata.gz, the profile that optimised builds of whosaid use
# (profile-guided optimisation; .cargo/pgo-rustc applies it).
#
#   bash benches/pgo.sh               (about 14 minutes: two instrumented builds, then training)
#   PGO_REUSE=1 bash benches/pgo.sh   (trains again with the instrumented builds there are)
#
# The profile names each function by its symbol, and a symbol's hash depends on the features
# cargo unifies for the build: the app alone (`cargo run --release`) and the app with its
# dev-dependencies (`cargo bench`, the examples) are two builds with two sets of names. So
# whosaid is built instrumented twice (target/pgo/app and target/pgo/dev), each build does
# the same training, and the profile holds both.
#
# Training is what the profile is for, parsing, on real news text: the extraction
# benchmark's pages as `whosaid extract` gives them (../shared/bench/extraction, when it is
# there), the dev set (../shared/eval/dev) and the article in data/. Each is parsed by its
# own `whosaid parse --json`. The parse benchmark's generated corpus is not in it, so the
# benchmark measures the gain on text the profile has not seen.
#
# Extracting those pages is counted too, but merged at a twentieth of parsing's weight:
# extraction makes about seven times the counts of the parse training (17 MB of HTML against
# 0.5 MB of text), and at equal weight it would take the "hot" mark from the parser's code.
# Without its counts, extraction compiled as cold and ran 3-7 % slower than with no profile.
#
# Code the training does not reach (serving) is compiled as cold: small, and out of the way
# of the parser. Measure serving after a new profile (benches/load.sh).
#
# At the end it removes target/release, so that the next release build compiles every crate
# with the new profile (cargo does not see the profile change by itself). Run it again after
# changing the parser: the build then warns "function control flow change detected" for each
# function that has changed, and compiles those without profile.
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  rustup component add llvm-tools
fi

counts=$PWD/target/pgo/counts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build NAME CARGO-ARGS…: an instrumented whosaid in target/pgo/NAME.
build() {
  local name=$1
  shift
  rm -rf "target/pgo/$name"
  WHOSAID_PGO="generate:$counts" CARGO_TARGET_DIR="target/pgo/$name" cargo build --release --quiet "$@"
}
if [ "${PGO_REUSE:-0}" = 1 ] && [ -x target/pgo/app/release/whosaid ] && [ -x target/pgo/dev/release/whosaid ]; then
  echo "== instrumented builds: reusing target/pgo (PGO_REUSE=1)"
else
  echo "== instrumented build of the app (target/pgo/app)"
  build app --bin whosaid
  echo "== instrumented build with the dev-dependencies (target/pgo/dev)"
  build dev --bin whosaid --example parse_once
fi
rm -rf "$counts"
mkdir -p "$counts/parse" "$counts/extract"

echo "== training articles"
mkdir -p "$work/articles"
taken=0
for page in ../shared/bench/extraction/html/*.html.gz; do
  [ -f "$page" ] || continue
  zcat "$page" > "$work/page.html"
  if LLVM_PROFILE_FILE="$counts/extract/app-%m.profraw" target/pgo/app/release/whosaid extract \
    "$work/page.html" > "$work/articles/page-$taken.txt" 2> /dev/null; then
    taken=$((taken + 1))
  fi
done
rm -f "$work/articles/page-$taken.txt"
cp data/articles/*.txt "$work/articles/"
for f in ../shared/eval/dev/*.txt; do
  [ -f "$f" ] && cp "$f" "$work/articles/"
done
echo "$(ls "$work/articles" | wc -l) articles, $(cat "$work"/articles/*.txt | wc -c) bytes ($taken of them pages)"

echo "== parsing"
for name in app dev; do
  for f in "$work"/articles/*.txt; do
    LLVM_PROFILE_FILE="$counts/parse/$name-%m.profraw" "target/pgo/$name/release/whosaid" parse "$f" --json > /dev/null
  done
done

echo "== merging (parsing weighs 20, extraction 1)"
"$profdata" merge -o "$work/whosaid.profdata" \
  -weighted-input=20,"$counts/parse" -weighted-input=1,"$counts/extract"
gzip -9 -c "$work/whosaid.profdata" > .cargo/whosaid.profdata.gz
rm -f .cargo/whosaid.profdata
rm -rf target/release
ls -l .cargo/whosaid.profdata.gz
