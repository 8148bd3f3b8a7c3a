# mc/module.mk - the m4 macro library (mc/) needs GNU m4 at build and test
# time; its manual page is installed with the others.  `make install`
# copies mc/ itself to $(PREFIX)/share/mailcf/cf/.
DEPS_PKGS += m4
MAN_PAGES += docs/mailcf-mc.5
