#!/usr/bin/env bash
# Startup and memory at scale: time from process start to the first 200 on /,
# resident memory, and filtered/searched listing latency, for the shipped
# article and for 1 000, 10 000 and 100 000 generated articles (the last needs
# about 3 GB of memory; SIZES="1000 10000" leaves it out).
#
#   bash benches/scale.sh            (builds release binaries first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin whosaid --example generate
bin=target/release/whosaid
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=38411

now_ms() { date +%s%3N; }

measure() {
  local label=$1 data=$2
  local bytes
  bytes=$(find "$data/articles" -name "*.txt" -print0 | xargs -0 cat | wc -c)
  local start
  start=$(now_ms)
  $bin --addr 127.0.0.1:$port --data "$data" --log warn &
  pid=$!
  # Every 10 ms for the first second, then every 100 ms: each poll starts a curl process, and
  # a hundred of them a second would take a good part of a core from the load being timed.
  local polls=0
  until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
    polls=$((polls + 1))
    if [ $polls -lt 100 ]; then sleep 0.01; else sleep 0.1; fi
  done
  local ready=$(( $(now_ms) - start ))
  sleep 0.3
  local rss_kb
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  # Latency of listings: the first request renders, the rest are served from memory.
  local speaker
  speaker=$(curl -fs "http://127.0.0.1:$port/api/speakers" | python3 -c 'import json,sys; print(json.load(sys.stdin)["speakers"][0]["slug"])')
  local t_filter t_search t_filter_cold t_search_cold
  t_filter_cold=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/quotes?speaker=$speaker&kind=direct")
  t_search_cold=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/quotes?q=leverage+trust&page=1")
  t_filter=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/quotes?speaker=$speaker&kind=direct")
  t_search=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/quotes?q=leverage+trust&page=1")
  # The allocator hands freed pages back when the process next allocates: RSS is read again
  # once those four requests have been served.
  sleep 0.3
  local rss_after_kb
  rss_after_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf '%-18s %11d bytes  ready %5d ms  RSS %7.1f MB (%.1fx corpus), after requests %7.1f MB (%.1fx)  filter %.2f ms (again %.2f)  search %.2f ms (again %.2f)\n' \
    "$label" "$bytes" "$ready" "$(echo "$rss_kb/1024" | bc -l)" "$(echo "$rss_kb*1024/$bytes" | bc -l)" \
    "$(echo "$rss_after_kb/1024" | bc -l)" "$(echo "$rss_after_kb*1024/$bytes" | bc -l)" \
    "$(echo "$t_filter_cold*1000" | bc -l)" "$(echo "$t_filter*1000" | bc -l)" \
    "$(echo "$t_search_cold*1000" | bc -l)" "$(echo "$t_search*1000" | bc -l)"
  kill $pid
  wait $pid 2>/dev/null || true
}

measure "shipped article" data
for n in ${SIZES:-1000 10000 100000}; do
  target/release/examples/generate "$work/c$n" $n > /dev/null
  # The generator's files are written out before the clock starts, so that the disk's
  # writeback does not run during the load being measured.
  sync
  measure "$n articles" "$work/c$n"
done
