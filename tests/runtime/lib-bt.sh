# tests/runtime/lib-bt.sh - run OUR sendmail in the sandbox lib-compat.sh
# gives the real one, so both see the same hostname, hosts file, empty
# /etc/mail, loopback-only network and service switch.
# Source after tests/lib.sh and tests/compat/lib-compat.sh (compat_fetch).
#   our_sendmail ARGS...   $BIN/sendmail in the sandbox (stdin kept)
#   our_bt CF [ARGS...]    our_sendmail -C CF -bt ARGS...

our_sendmail() {
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C LC_ALL=C TZ=UTC HOME=/ \
		SB="$REAL_SANDBOX" MODE="$COMPAT_SANDBOX" \
		unshare $COMPAT_SANDBOX sh -c '
		hostname x.localdomain || exit 70
		case $MODE in *n*) ip link set lo up 2>/dev/null ;; esac
		case $MODE in *m*)
			mount --bind "$SB/hosts" /etc/hosts 2>/dev/null
			[ -d /etc/mail ] && mount --bind "$SB/etc-mail" /etc/mail 2>/dev/null
		esac
		exec "$@"' sh "$BIN/sendmail" -O ServiceSwitchFile="$REAL_SANDBOX/service.switch" "$@"
}

our_bt() {
	local cf=$1; shift
	our_sendmail -C "$cf" -bt "$@"
}
