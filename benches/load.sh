#!/usr/bin/env bash
# Load: whosaid against nginx serving the very same bytes, measured with wrk in
# the same run, alternating, on loopback only.
#
#   bash benches/load.sh            (installs wrk and nginx-light from Debian if missing)
#
# Prints requests/s, p50 and p99 latency for each page at 32 and 256
# connections and the whosaid/nginx ratio; then 100 000+ requests at 256
# connections with the error count and resident memory before and after.
#
# PIN=1 pins each server to core 0 (nginx with one worker) and wrk to core 1 with one thread,
# so the load generator does not take the servers' core: tail latency without that contention.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi
cargo build --release --quiet --bin whosaid
secs=${SECS:-5}
if [ "${PIN:-0}" = 1 ]; then
  server_cpu=(taskset -c 0); client=(taskset -c 1 wrk -t1); workers=1
else
  server_cpu=(); client=(wrk -t2); workers=auto
fi
work=$(mktemp -d)
app_port=38521
nginx_port=38522
"${server_cpu[@]}" target/release/whosaid --addr 127.0.0.1:$app_port --log warn &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$app_port/"; do sleep 0.05; done

css=$(curl -fs "http://127.0.0.1:$app_port/" | grep -o '/static/style.css?v=[0-9a-f]*' | head -1)
pages=("/speakers/jenny-town" "/quotes?speaker=sydney-seiler&speaker=jenny-town" "/api/quotes?speaker=jenny-town" "$css")
types=("text/html" "text/html" "application/json" "text/css")
mkdir -p "$work/www" "$work/logs"
{
  echo "worker_processes $workers; error_log $work/logs/error.log; pid $work/nginx.pid;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;"
  echo "  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;"
  echo "  server { listen 127.0.0.1:$nginx_port; root $work/www;"
  for i in "${!pages[@]}"; do
    curl -fs "http://127.0.0.1:$app_port${pages[$i]}" > "$work/www/p$i"
    echo "    location = /p$i { default_type ${types[$i]}; }"
  done
  echo "  }"
  echo "}"
} > "$work/nginx.conf"
"${server_cpu[@]}" nginx -p "$work" -c "$work/nginx.conf"
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/p0"; do sleep 0.05; done

# wrk's summary as "rps p50_ms p99_ms requests errors".
run() {
  local conns=$1 url=$2
  "${client[@]}" -c"$conns" -d"${secs}s" --latency "$url" | awk -f benches/wrk-summary.awk
}

printf '%-52s %5s %10s %8s %8s %10s %8s %8s %6s\n' page conns "whosaid/s" p50ms p99ms "nginx/s" p50ms p99ms ratio
for conns in 32 256; do
  for i in "${!pages[@]}"; do
    # Alternate which server goes first, and take the better of two runs each.
    best_a=""; best_n=""
    for round in 1 2; do
      if [ $(( (round + i) % 2 )) = 0 ]; then
        a=$(run "$conns" "http://127.0.0.1:$app_port${pages[$i]}"); n=$(run "$conns" "http://127.0.0.1:$nginx_port/p$i")
      else
        n=$(run "$conns" "http://127.0.0.1:$nginx_port/p$i"); a=$(run "$conns" "http://127.0.0.1:$app_port${pages[$i]}")
      fi
      [ -z "$best_a" ] || awk -v x="$a" -v y="$best_a" 'BEGIN{split(x,p," ");split(y,q," ");exit !(p[1]>q[1])}' && best_a=$a
      [ -z "$best_n" ] || awk -v x="$n" -v y="$best_n" 'BEGIN{split(x,p," ");split(y,q," ");exit !(p[1]>q[1])}' && best_n=$n
    done
    read -r ar ap50 ap99 _ ae <<< "$best_a"
    read -r nr np50 np99 _ _ <<< "$best_n"
    printf '%-52s %5s %10.0f %8.3f %8.3f %10.0f %8.3f %8.3f %6.2f\n' "${pages[$i]:0:52}" "$conns" "$ar" "$ap50" "$ap99" "$nr" "$np50" "$np99" "$(echo "$ar/$nr" | bc -l)"
    [ "$ae" = 0 ] || echo "  whosaid errors: $ae"
  done
done

rss() { awk '/VmRSS/ {print $2}' "/proc/$app_pid/status"; }
before=$(rss)
read -r rps _ _ n errors <<< "$(SECS=1 run 256 "http://127.0.0.1:$app_port/speakers/jenny-town" >/dev/null; "${client[@]}" -c256 -d8s --latency "http://127.0.0.1:$app_port/quotes?speaker=jenny-town" | awk -f benches/wrk-summary.awk)"
after=$(rss)
echo "soak: $n requests at 256 connections, $errors errors, $rps requests/s; RSS ${before} KB before, ${after} KB after"
