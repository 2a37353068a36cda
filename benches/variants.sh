#!/usr/bin/env bash
# Serving variants side by side: each VARIANT is "label=binary [args…]"; every variant serves
# the shipped article on its own port and wrk loads the three measured pages on each in turn,
# alternating the order over ROUNDS rounds, so they share the machine's noise.
#
#   bash benches/variants.sh "default=target/release/whosaid" \
#                            "lto=/tmp/lto/release/whosaid"
#
# (How the README's runtime, allocator and LTO comparisons were made: build each variant into
# its own target directory, then run them here side by side.)
#
# Prints, per page and variant, the best requests/s, p50 and p99 over the rounds at 32 connections.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${SECS:-5}
rounds=${ROUNDS:-3}
conns=${CONNS:-32}
pages=("/speakers/jenny-town" "/quotes?speaker=sydney-seiler&speaker=jenny-town" "/api/quotes?speaker=jenny-town")
labels=(); ports=(); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
port=38600
for variant in "$@"; do
  label=${variant%%=*}; cmd=${variant#*=}
  port=$((port + 1))
  # shellcheck disable=SC2086
  $cmd --addr 127.0.0.1:$port --log warn &
  pids+=($!); labels+=("$label"); ports+=("$port")
done
for p in "${ports[@]}"; do
  until curl -fs -o /dev/null "http://127.0.0.1:$p/"; do sleep 0.05; done
  for page in "${pages[@]}"; do curl -fs -o /dev/null "http://127.0.0.1:$p$page"; done
done

run() {
  wrk -t2 -c"$conns" -d"${secs}s" --latency "$1" | awk -f benches/wrk-summary.awk
}

printf '%-52s %-16s %10s %8s %8s\n' page variant "req/s" p50ms p99ms
for page in "${pages[@]}"; do
  declare -A best=()
  for round in $(seq "$rounds"); do
    n=${#labels[@]}
    for k in $(seq 0 $((n - 1))); do
      v=$(( (k + round) % n ))
      r=$(run "http://127.0.0.1:${ports[$v]}$page")
      prev=${best[$v]:-"0 0 0 0 0"}
      if awk -v x="$r" -v y="$prev" 'BEGIN{split(x,p," ");split(y,q," ");exit !(p[1]>q[1])}'; then best[$v]=$r; fi
    done
  done
  for v in "${!labels[@]}"; do
    read -r rps p50 p99 _ <<< "${best[$v]}"
    printf '%-52s %-16s %10.0f %8.3f %8.3f\n' "${page:0:52}" "${labels[$v]}" "$rps" "$p50" "$p99"
  done
  unset best
done
