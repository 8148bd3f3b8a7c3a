divert(-1)
dnl mailcf mc library - OSTYPE(linux): generic Linux (RHEL, Fedora, SUSE):
dnl procmail is the local mailer, as on those systems.
_mc_dflt(`confEBINDIR', `/usr/sbin')
_mc_dflt(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
FEATURE(`local_procmail')
