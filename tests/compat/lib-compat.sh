# tests/compat/lib-compat.sh - run the REAL sendmail 8.17 as an oracle.
#
# Source after tests/lib.sh, then call compat_fetch (exits 77 = SKIP with a
# one-line reason when the packages cannot be fetched or run). It sets:
#   REAL_SENDMAIL REAL_MAKEMAP REAL_PRALIASES   the Debian binaries
#   REAL_CF_DIR     the real m4 library, with a trailing slash
#   REAL_SANDBOX    private files used by real_sendmail (hosts, switch, ...)
# and provides:
#   real_sendmail ARGS...   run the real sendmail in the sandbox (stdin kept)
#   compat_sandbox_sendmail BIN ARGS...  the same for another binary (ours)
#   real_bt CF [ARGS...]    real_sendmail -C CF -bt ARGS... (stdin kept)
#   compat_dns_check, compat_dns_sendmail BIN ARGS...   the same with a
#                           private name server (tests/runtime/dnsd.py):
#                           see the section at the end of this file
#   real_m4_cf MC OUT       build OUT from MC with the real m4 library;
#                           non-zero on m4 failure or "*** ERROR"; with
#                           _NO_MAKEINFO_ defined, so no "built by
#                           user@host on DATE" line: same input, same output
#   real_debian_m4_cf NAME OUT   build Debian's stock debian/NAME.mc
#                           (sendmail, submit) hermetically; returns 2 when
#                           the package has no such file
#   real_cf_corpus DIR      build every real-world .cf we have into DIR
#                           (library samples, Debian stock, tests/mc-corpus)
#
# Debian's sendmail-bin + sendmail-cf debs are fetched with `apt-get
# download` into $SRC/build/sendmail/debs/ (once; cached; `apt-get update`
# is tried if the first download fails) and extracted with dpkg -x into
# $SRC/build/sendmail/root/. A flock on build/sendmail/lock makes concurrent
# compat_fetch calls safe. The binary needs libwrap0 (tests/module.mk).
#
# What makes the real binary deterministic (verified with strace, 8.17.1.9):
# - Hostname. sendmail takes $w/$j/$m from gethostname(); an unqualified
#   name makes it sleep 60 s waiting for a FQDN. The sandbox runs it in a
#   private UTS namespace with hostname x.localdomain, giving
#   $w = x, $j = x.localdomain, $m = localdomain, and $=w seeded with
#   "x.localdomain" and "localhost" (plus $j when the cf sets Dj).
# - Read-time macros. In R lines sendmail substitutes $j, $w and ${opMode}
#   ("t" under -bt) when it reads the cf, so =S prints
#   "< @ x . localdomain . >" for a rule written "< @ $j . >", but $m is
#   not set yet at that point and =S prints "$&m" for "$m".
# - Interfaces. At start-up it adds every interface address to $=w as
#   "[a.b.c.d]" (the host's eth0 address would leak in). The sandbox also
#   uses a private network namespace with only lo up, so $=w gets exactly
#   "[127.0.0.1]" (no IPv6 entry appears). No network also means no DNS.
# - Name service. It reads /etc/nsswitch.conf, /etc/hosts and /etc/passwd
#   through libc, and /etc/mail/service.switch itself (falls back to
#   "hosts dns files" when missing: the host map then sends DNS queries,
#   e.g. for $[example.com$] during ruleset 3; without a network those
#   print "Name server timeout" and status 75). real_sendmail passes
#   -O ServiceSwitchFile=$REAL_SANDBOX/service.switch ("hosts files",
#   "aliases files"), and in a private mount namespace bind-mounts
#   $REAL_SANDBOX/hosts (127.0.0.1 and ::1 localhost only) over /etc/hosts
#   and an empty directory over /etc/mail when the host has one. So
#   "/map host example.com" gives "no match (68)" and "/map host localhost"
#   gives "localhost.localdomain." on every machine.
# - Users. RunAsUser/TrustedUser/DefaultUser names are resolved at start-up
#   ("readcf: option RunAsUser: unknown user smmsp" on a host without
#   smmsp); local delivery tests look users up too. The sandbox also
#   bind-mounts its own /etc/passwd, /etc/group and /etc/nsswitch.conf
#   (files only): users root daemon bin mail smmsp mailnull smmta (Debian's
#   TrustedUser) nobody, plus alice (1000) and bob (1001) for tests;
#   groups of the same names.
# - Files the .cf names. F classes (Fw /etc/mail/local-host-names, ...),
#   K maps and AliasFile are opened at start-up; a missing F file prints
#   "CF: line N: fileclass: cannot open 'PATH': No such file or directory"
#   (CF is the -C argument as given) and -bt still runs; the exit status
#   is then 71 (EX_OSERR) or 70. Tests that need class or map files must
#   generate a .cf pointing into their own directory (confCW_FILE,
#   FEATURE(`access_db', `hash -o DIR/access'), ...).
# - Start-up diagnostics ("CF: line N: readcf: ...", fileclass errors) go
#   to STDOUT, before the "ADDRESS TEST MODE" banner, not to stderr.
# - -bt never touches the queue (QueueDirectory, StatusFile, HelpFile are
#   not opened); other modes will: pass -O QueueDirectory=$T/mqueue etc.
# - Safe-file checks. Any file sendmail opens itself (service switch,
#   class files, maps) on a path with a world-writable directory prints
#   "WARNING: World writable directory /tmp" on stdout, interleaved with
#   -bt output. Keep such files under $SRC/build (REAL_SANDBOX is there),
#   or under $T only if TMPDIR is not world writable. The -C file itself
#   may live anywhere (no warning observed for a .cf in /tmp).
# - It connects to /dev/log for syslog; the sandbox does not hide the
#   host's /dev/log (absent on the machine this was written on).
# - Environment: run with env -i, LANG=C, TZ=UTC, fixed PATH.
# - Sandbox modes: "unshare -umn" (needs root), else "unshare -u" (then
#   $=w, DNS, users follow the host; COMPAT_SANDBOX says which one was
#   picked), else SKIP. User namespaces (unshare -r) do not work: sendmail
#   believes it is root and dies in drop_privileges, "setgroups(1, 0)
#   failed: Operation not permitted".
# - The -bt prompt "> " is printed without a newline before each answer;
#   the last line of output is "> " with no newline.
# - Cost: the sandbox (namespaces, mounts) costs ~50 ms per call, sendmail
#   itself ~30 ms to load a 2000-line cf: feed many test lines to ONE
#   real_bt call rather than one call per address.

COMPAT_DIR=${COMPAT_DIR:-$SRC/build/sendmail}
# The sandbox files (hosts, switch, passwd...) must pass sendmail's safe-file
# checks: they live in the suite's safe scratch directory (tests/safe-tmp.sh).
COMPAT_SAFE_DIR=${MAILCF_SAFE_TMP:-$COMPAT_DIR}
COMPAT_PKGS="sendmail-bin sendmail-cf"
COMPAT_SANDBOX_VERSION=3	# bump when the sandbox files change

# _compat_skip REASON: leave the test as SKIP (exit 77) with one line.
_compat_skip() {
	echo "SKIP: $*"
	exit 77
}

# _compat_download: fetch the debs into $COMPAT_DIR/debs unless present.
_compat_download() {
	local debs=$COMPAT_DIR/debs p missing=
	for p in $COMPAT_PKGS; do
		ls "$debs/${p}_"*.deb >/dev/null 2>&1 || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	command -v apt-get >/dev/null || return 1
	local tmp=$debs/tmp.$$ log=$COMPAT_DIR/download.log
	rm -rf "$tmp" && mkdir -p "$tmp" || return 1
	# A download interrupted halfway must not look like a cached deb.
	if ! (cd "$tmp" && apt-get download $missing) >"$log" 2>&1; then
		apt-get update -qq >>"$log" 2>&1 &&
			(cd "$tmp" && apt-get download $missing) >>"$log" 2>&1 ||
			{ rm -rf "$tmp"; return 1; }
	fi
	mv "$tmp"/*.deb "$debs/" && rm -rf "$tmp"
}

# _compat_extract: unpack the debs into $COMPAT_DIR/root (atomic rename).
_compat_extract() {
	local tmp=$COMPAT_DIR/root.tmp.$$ d
	[ -f "$COMPAT_DIR/root/.extracted" ] && return 0
	rm -rf "$tmp" && mkdir -p "$tmp" || return 1
	for d in "$COMPAT_DIR"/debs/*.deb; do
		# a corrupt deb is dropped so that the next run downloads it again
		dpkg -x "$d" "$tmp" || { rm -rf "$tmp" "$d"; return 1; }
	done
	touch "$tmp/.extracted"
	rm -rf "$COMPAT_DIR/root" && mv "$tmp" "$COMPAT_DIR/root"
}

# _compat_sandbox_files: private hosts, service switch and empty /etc/mail.
_compat_sandbox_files() {
	local s=$COMPAT_SAFE_DIR/sandbox
	[ -f "$s/.ready-$COMPAT_SANDBOX_VERSION" ] && return 0
	mkdir -p "$s/etc-mail" || return 1
	chmod 755 "$s" "$s/etc-mail"
	printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >"$s/hosts"
	printf 'hosts\tfiles\naliases\tfiles\n' >"$s/service.switch"
	printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' >"$s/nsswitch.conf"
	cat >"$s/passwd" <<-'PW'
	root:x:0:0:root:/root:/bin/sh
	daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
	bin:x:2:2:bin:/bin:/usr/sbin/nologin
	mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
	smmsp:x:100:101:Mail Submission Program:/var/lib/sendmail:/usr/sbin/nologin
	mailnull:x:101:102:Mail Null:/var/lib/sendmail:/usr/sbin/nologin
	smmta:x:102:103:Mail Transfer Agent:/var/lib/sendmail:/usr/sbin/nologin
	alice:x:1000:1000:Alice Example:/home/alice:/bin/sh
	bob:x:1001:1001:Bob Example:/home/bob:/bin/sh
	nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
	PW
	cat >"$s/group" <<-'GR'
	root:x:0:
	daemon:x:1:
	bin:x:2:
	mail:x:8:
	smmsp:x:101:
	mailnull:x:102:
	smmta:x:103:
	alice:x:1000:
	bob:x:1001:
	nogroup:x:65534:
	GR
	touch "$s/.ready-$COMPAT_SANDBOX_VERSION"
}

# Run inside the namespaces before exec: hostname, loopback, private files.
# Any failed step exits 70, so a half-set-up sandbox never runs sendmail.
_COMPAT_SETUP='
	hostname x.localdomain || exit 70
	case $MODE in *n*) ip link set lo up || exit 70 ;; esac
	case $MODE in *m*)
		for f in hosts passwd group nsswitch.conf; do
			mount --bind "$SB/$f" "/etc/$f" || exit 70
		done
		if [ -d /etc/mail ]; then mount --bind "$SB/etc-mail" /etc/mail || exit 70; fi
	esac
	exec "$@"'

# _compat_pick_sandbox: the strongest unshare mode whose setup works here.
_compat_pick_sandbox() {
	local mode
	for mode in -umn -u; do
		if env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin SB="$REAL_SANDBOX" MODE=$mode \
			unshare $mode sh -c "$_COMPAT_SETUP" sh true >/dev/null 2>&1; then
			COMPAT_SANDBOX=$mode
			return 0
		fi
	done
	return 1
}

# compat_fetch: make the real sendmail available, or exit 77.
compat_fetch() {
	command -v dpkg >/dev/null || _compat_skip "dpkg not available"
	command -v m4 >/dev/null || _compat_skip "GNU m4 not installed (make deps)"
	command -v flock >/dev/null || _compat_skip "flock not installed (util-linux)"
	mkdir -p "$COMPAT_DIR/debs" || _compat_skip "cannot create $COMPAT_DIR"
	{
		flock -w 600 9 || _compat_skip "timed out waiting for $COMPAT_DIR/lock"
		_compat_download || _compat_skip "apt-get download $COMPAT_PKGS failed (no package access?)"
		_compat_extract || _compat_skip "dpkg -x of the sendmail debs failed"
		_compat_sandbox_files || _compat_skip "cannot create $COMPAT_DIR/sandbox"
		_compat_debian_lib || _compat_skip "cannot create $COMPAT_DIR/debian-lib"
	} 9>"$COMPAT_DIR/lock"
	local r=$COMPAT_DIR/root
	REAL_SENDMAIL=$r/usr/libexec/sendmail/sendmail
	REAL_MAKEMAP=$r/usr/libexec/sendmail/makemap
	REAL_PRALIASES=$r/usr/libexec/sendmail/praliases
	REAL_CF_DIR=$r/usr/share/sendmail/cf/
	REAL_SANDBOX=$COMPAT_SAFE_DIR/sandbox
	[ -x "$REAL_SENDMAIL" ] && [ -f "${REAL_CF_DIR}m4/cf.m4" ] ||
		_compat_skip "unexpected layout in the sendmail debs"
	if ldd "$REAL_SENDMAIL" 2>/dev/null | grep -q 'not found'; then
		_compat_skip "real sendmail misses libraries (libwrap0? make deps):" \
			"$(ldd "$REAL_SENDMAIL" | grep 'not found' | tr -s ' \t' ' ' | head -n 1)"
	fi
	"$REAL_MAKEMAP" -l >/dev/null 2>&1 || _compat_skip "real makemap does not run"
	_compat_pick_sandbox || _compat_skip "unshare cannot create a UTS namespace (needs root)"
	export REAL_SENDMAIL REAL_MAKEMAP REAL_PRALIASES REAL_CF_DIR REAL_SANDBOX COMPAT_SANDBOX
}

# compat_sandbox_sendmail BINARY ARGS...: run a sendmail binary (the real
# one, or ours for a differential test) hermetically, stdin kept: same
# hostname, hosts, passwd, empty /etc/mail and service switch for both.
compat_sandbox_sendmail() {
	local bin=$1; shift
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C LC_ALL=C TZ=UTC HOME=/ \
		SB="$REAL_SANDBOX" MODE="$COMPAT_SANDBOX" \
		unshare $COMPAT_SANDBOX sh -c "$_COMPAT_SETUP" \
		sh "$bin" -O ServiceSwitchFile="$REAL_SANDBOX/service.switch" "$@"
}

# real_sendmail ARGS...: run the real binary hermetically (see the header).
real_sendmail() { compat_sandbox_sendmail "$REAL_SENDMAIL" "$@"; }

# real_bt CF [ARGS...]: address test mode on CF, stdin passed through.
real_bt() {
	local cf=$1; shift
	real_sendmail -C "$cf" -bt "$@"
}

# _compat_debian_lib: a copy of the library whose absolute paths (Debian's
# ostype/domain files include /usr/share/sendmail/cf/debian/autoconf.m4, its
# sendmail.mc includes /etc/mail/m4/dialup.m4 and provider.m4) point into
# the copy itself, with empty dialup.m4/provider.m4: no host file is read.
_compat_debian_lib() {
	local L=$COMPAT_DIR/debian-lib tmp=$COMPAT_DIR/debian-lib.tmp.$$ f
	[ -f "$L/.ready" ] && return 0
	rm -rf "$tmp" && cp -R "$COMPAT_DIR/root/usr/share/sendmail/cf" "$tmp" || return 1
	mkdir -p "$tmp/etc-mail-m4" && : >"$tmp/etc-mail-m4/dialup.m4" && : >"$tmp/etc-mail-m4/provider.m4"
	grep -rlE '/usr/share/sendmail/cf/|/etc/mail/m4/' "$tmp" --include='*.m4' --include='*.mc' |
		while IFS= read -r f; do
			sed -i "s#/usr/share/sendmail/cf/#$L/#g; s#/etc/mail/m4/#$L/etc-mail-m4/#g" "$f"
		done
	touch "$tmp/.ready"
	rm -rf "$L" && mv "$tmp" "$L"
}

# real_m4_cf MC OUT: generate OUT from MC with the real library, atomically.
real_m4_cf() {
	local mc=$1 out=$2 rc=0
	local tmp="$out.tmp.$$" err="$out.err.$$"
	m4 -D_CF_DIR_="$REAL_CF_DIR" -D_NO_MAKEINFO_ "${REAL_CF_DIR}m4/cf.m4" "$mc" >"$tmp" 2>"$err" || rc=$?
	if [ $rc -eq 0 ] && grep -q '\*\*\* ERROR' "$err" "$tmp"; then rc=1; fi
	cat "$err" >&2
	rm -f "$err"
	if [ $rc -ne 0 ]; then
		rm -f "$tmp"
		return "$rc"
	fi
	mv -f "$tmp" "$out"
}

# real_debian_m4_cf NAME OUT: Debian's stock debian/NAME.mc, hermetically.
real_debian_m4_cf() {
	local L=$COMPAT_DIR/debian-lib/
	[ -f "${L}debian/$1.mc" ] || return 2
	REAL_CF_DIR=$L real_m4_cf "${L}debian/$1.mc" "$2"
}

# real_cf_corpus DIR: the real library's samples (DIR/sample-NAME.cf; the
# ones it refuses with its own "*** ERROR" are reported "skipped NAME: why"),
# Debian's stock sendmail.mc and submit.mc (debian-NAME.cf) and our
# tests/mc-corpus/*.mc (corpus-NAME.cf). Debian and corpus files must build:
# each failure prints "FAILED NAME: why" and makes the return status 1.
real_cf_corpus() {
	local dir=$1 mc b rc=0 err
	mkdir -p "$dir" || return 1
	err=$(mktemp "$dir/.m4err.XXXXXX") || return 1
	for mc in "$REAL_CF_DIR"cf/*.mc; do
		b=sample-$(basename "$mc" .mc)
		real_m4_cf "$mc" "$dir/$b.cf" 2>"$err" ||
			echo "skipped $b: $(grep -m1 'ERROR' "$err" | tr -s '\t ' ' ' | cut -c1-100)"
	done
	for b in sendmail submit; do
		real_debian_m4_cf "$b" "$dir/debian-$b.cf" 2>"$err"
		case $? in
		0) ;;
		2) echo "skipped debian-$b: no debian/$b.mc in this package" ;;
		*) echo "FAILED debian-$b: $(head -n 2 "$err" | tr '\n\t' '  ')"; rc=1 ;;
		esac
	done
	for mc in "$SRC"/tests/mc-corpus/*.mc; do
		b=corpus-$(basename "$mc" .mc)
		real_m4_cf "$mc" "$dir/$b.cf" 2>"$err" ||
			{ echo "FAILED $b: $(head -n 2 "$err" | tr '\n\t' '  ')"; rc=1; }
	done
	rm -f "$err"
	return $rc
}

# --- A private name server in the sandbox (tests/runtime/dnsd.py) ---------
# compat_dns_check: exit 77 unless the full sandbox (-umn: network and mount
# namespaces) and python3 are available; sets COMPAT_PYTHON.
# compat_dns_sendmail BIN ARGS...: compat_sandbox_sendmail with a name
# server. In the same namespaces it bind-mounts $DNS_DIR/resolv.conf
# ("nameserver 127.0.0.1", "options timeout:1 attempts:1", then the lines
# of $DNS_RESOLV) and an nsswitch.conf with "hosts: $DNS_NSS" (default
# "files dns": the C library's order, used for $j and literals), sets the
# hostname $DNS_HOSTNAME (default x.localdomain), starts dnsd.py on
# 127.0.0.1:53 serving $DNS_ZONE, waits (at most 10 s) for its readiness
# line on a FIFO, runs BIN -O ServiceSwitchFile=$DNS_DIR/service.switch
# ("hosts $DNS_SWITCH", default "dns files"; "aliases files") ARGS...
# under timeout(1) ($DNS_TIMEOUT, default 60 s), and kills the server by
# PID. Queries are appended to $DNS_DIR/queries ("udp NAME TYPE"). DNS_DIR
# must be a safe directory (below $T). A server that does not start makes
# it print why on stderr and return 70.
compat_dns_check() {
	[ "$COMPAT_SANDBOX" = -umn ] || _compat_skip "no network/mount namespaces (needs root)"
	# the interpreter itself, not a wrapper (a pyenv shim costs 0.6 s a run)
	COMPAT_PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) &&
		[ -x "$COMPAT_PYTHON" ] || _compat_skip "python3 not installed"
	export COMPAT_PYTHON
}

# Run after _COMPAT_SETUP, in its namespaces: see compat_dns_sendmail.
_COMPAT_DNS_SETUP='
	hostname "$HN" || exit 70
	mount --bind "$D/resolv.conf" /etc/resolv.conf || exit 70
	mount --bind "$D/nsswitch.conf" /etc/nsswitch.conf || exit 70
	rm -f "$D/ready" && mkfifo "$D/ready" || exit 70
	"$PY" "$DNSD" --zone "$ZONE" --ready "$D/ready" --log "$D/queries" \
		</dev/null >>"$D/dnsd.err" 2>&1 &
	pid=$!
	case $(timeout 10 head -n 1 "$D/ready") in
	ready*) ;;
	*) kill $pid; echo "dnsd.py did not start: $(cat "$D/dnsd.err")" >&2; exit 70 ;;
	esac
	timeout -k 5 "$TMO" "$@"
	rc=$?
	kill $pid
	wait $pid 2>/dev/null
	exit $rc'

# _compat_dns_files: resolv.conf, nsswitch.conf and service.switch in DNS_DIR.
_compat_dns_files() {
	mkdir -p "$DNS_DIR" || return 1
	printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n%s\n' \
		"${DNS_RESOLV:-}" >"$DNS_DIR/resolv.conf"
	printf 'passwd: files\ngroup: files\nshadow: files\nhosts: %s\n' \
		"${DNS_NSS:-files dns}" >"$DNS_DIR/nsswitch.conf"
	printf 'hosts\t%s\naliases\tfiles\n' "${DNS_SWITCH:-dns files}" \
		>"$DNS_DIR/service.switch"
}

compat_dns_sendmail() {
	local bin=$1; shift
	_compat_dns_files || return 70
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C LC_ALL=C TZ=UTC HOME=/ \
		SB="$REAL_SANDBOX" MODE="$COMPAT_SANDBOX" D="$DNS_DIR" \
		HN="${DNS_HOSTNAME:-x.localdomain}" ZONE="$DNS_ZONE" \
		PY="$COMPAT_PYTHON" DNSD="$SRC/tests/runtime/dnsd.py" TMO="${DNS_TIMEOUT:-60}" \
		unshare $COMPAT_SANDBOX sh -c "$_COMPAT_SETUP" \
		sh sh -c "$_COMPAT_DNS_SETUP" \
		sh "$bin" -O ServiceSwitchFile="$DNS_DIR/service.switch" "$@"
}
