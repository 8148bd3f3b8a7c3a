# tests/lib.sh - helpers for script tests (*.test). Source it first.
#
#   t_ok NAME            record a passing case
#   t_fail NAME [MSG]    record a failing case
#   t_check NAME CMD...  run CMD; pass if exit 0
#   t_diff NAME EXPECTED ACTUAL   compare files, show a diff on mismatch
#   t_done               print "N passed, N failed" and exit 0/1
# $SRC is the repo root, $BIN the built binaries, $T a private temp dir
# removed at exit, below MAILCF_SAFE_TMP (tests/safe-tmp.sh): a path
# sendmail's safe-file checks accept wherever the checkout lives.
set -u
SRC=${SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
O=${O:-build}
case "$O" in /*) ;; *) O="$SRC/$O" ;; esac
BIN=${BIN:-$O/bin}
. "$SRC/tests/safe-tmp.sh"
safe_tmp_setup "$O"
T=$(mktemp -d "$MAILCF_SAFE_TMP/mailcf-test.XXXXXX")
trap 'rm -rf "$T"; safe_tmp_cleanup' EXIT
_t_pass=0 _t_fail=0

t_ok() { _t_pass=$((_t_pass + 1)); }
t_fail() { _t_fail=$((_t_fail + 1)); echo "FAIL: $1${2:+: $2}"; }
t_check() {
	local name=$1; shift
	if "$@"; then t_ok "$name"; else t_fail "$name" "command failed: $*"; fi
}
t_diff() {
	if diff -u "$2" "$3" >"$T/diff.out" 2>&1; then t_ok "$1"
	else t_fail "$1" "output differs"; head -n 60 "$T/diff.out"; fi
}
t_done() {
	echo "$_t_pass passed, $_t_fail failed"
	[ "$_t_fail" -eq 0 ]
}
