# tests/safe-tmp.sh - a scratch directory sendmail's safe-file checks accept.
#
# sendmail (and our runtime, which copies it) refuses maps, class files and
# aliases that sit below a group- or world-writable directory, /tmp
# included, sticky bit or not. A checkout can live anywhere (CI clones it
# into a folder of its own), so tests never assume their paths are safe:
# safe_tmp_setup sets MAILCF_SAFE_TMP (and TMPDIR) to $O/tmp when no
# directory above it is group/world-writable, else, as root, to a new
# /var/lib/mailcf-tests.XXXXXX that safe_tmp_cleanup removes.

# path_is_safe DIR: no directory from DIR up to / is group/world-writable.
path_is_safe() {
	local d=$1 perm
	while :; do
		perm=$(stat -c %a "$d" 2>/dev/null) || return 1
		[ $((8#$perm & 8#022)) -eq 0 ] || return 1
		[ "$d" = / ] && return 0
		d=$(dirname "$d")
	done
}

# safe_tmp_setup BUILD_DIR: export MAILCF_SAFE_TMP and TMPDIR.
safe_tmp_setup() {
	local base
	[ -n "${MAILCF_SAFE_TMP:-}" ] && [ -d "$MAILCF_SAFE_TMP" ] && return 0
	mkdir -p "$1/tmp" && chmod 755 "$1/tmp"
	base=$(cd "$1/tmp" && pwd)
	_safe_tmp_made=
	if ! path_is_safe "$base" && [ "$(id -u)" = 0 ] &&
		base=$(mktemp -d /var/lib/mailcf-tests.XXXXXX); then
		chmod 755 "$base"
		_safe_tmp_made=$base
	fi
	MAILCF_SAFE_TMP=$base
	TMPDIR=$base
	export MAILCF_SAFE_TMP TMPDIR
}

# safe_tmp_cleanup: remove the directory safe_tmp_setup made, if it made one.
safe_tmp_cleanup() {
	[ -n "${_safe_tmp_made:-}" ] && rm -rf "$_safe_tmp_made"
	return 0
}
