# tests/runtime/lib-bt.sh - run OUR sendmail in the sandbox lib-compat.sh
# gives the real one, so both see the same hostname, hosts file, empty
# /etc/mail, loopback-only network and service switch.
# Source after tests/lib.sh and tests/compat/lib-compat.sh (compat_fetch).
#   our_sendmail ARGS...   $BIN/sendmail in the sandbox (stdin kept)
#   our_bt CF [ARGS...]    our_sendmail -C CF -bt ARGS...

our_sendmail() { compat_sandbox_sendmail "$BIN/sendmail" "$@"; }

our_bt() {
	local cf=$1; shift
	our_sendmail -C "$cf" -bt "$@"
}
