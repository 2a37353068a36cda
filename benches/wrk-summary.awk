# wrk --latency's report as one line: "requests/s p50_ms p99_ms requests errors"
# (errors are socket errors plus non-2xx answers). Used by load.sh and variants.sh.
function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
/Requests\/sec/ { rps = $2 }
/^ +50%/ { p50 = ms($2) }
/^ +99%/ { p99 = ms($2) }
/requests in/ { n = $1 }
/Socket errors/ { gsub(",", ""); e += $4 + $6 + $8 + $10 }
/Non-2xx/ { e += $5 }
END { printf "%s %.3f %.3f %s %d\n", rps, p50, p99, n, e }
