# tests/bench/lib-bench.sh - helpers for *.bench scripts (make bench).
#
# Source after tests/lib.sh. Benchmarks print numbers and ratios against
# peers measured in the same run; they never assert on time.
#   bench_ms N CMD...     run CMD N times (stdout/stderr discarded), print
#                         the mean wall time per run in ms (3 decimals);
#                         returns non-zero (and prints nothing) if any run
#                         fails
#   bench_ratio A B       print A/B with 2 decimals ("n/a" if B is 0)
#   bench_line LABEL MS [N]  print one aligned result line
# One warm-up run precedes the timed ones (page cache, dynamic loader).

# bench_ms N CMD...: mean milliseconds per run of CMD over N runs.
bench_ms() {
	local n=$1 i t0 t1; shift
	"$@" >/dev/null 2>&1 || return 1
	t0=$(date +%s%N)
	for ((i = 0; i < n; i++)); do
		"$@" >/dev/null 2>&1 || return 1
	done
	t1=$(date +%s%N)
	awk -v d=$((t1 - t0)) -v n="$n" 'BEGIN { printf "%.3f\n", d / n / 1e6 }'
}

# bench_ratio A B: A divided by B.
bench_ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f\n", a / b }'
}

# bench_line LABEL MS [N]: one result line.
bench_line() {
	printf '  %-44s %10s ms/run%s\n' "$1" "$2" "${3:+  ($3 runs)}"
}
