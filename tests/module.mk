# tests/module.mk - extras for the test suites.
# The compat tests run Debian's real sendmail (fetched at test time by
# tests/compat/lib-compat.sh): it needs libwrap0; the sandbox uses unshare
# and flock (util-linux), hostname and ip (iproute2); dpkg -x unpacks it.
DEPS_PKGS += libwrap0 util-linux hostname iproute2 dpkg python3-jsonschema
