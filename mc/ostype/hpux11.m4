divert(-1)
dnl mailcf mc library - OSTYPE(hpux11): local delivery program of that system.
_mc_dflt(`LOCAL_MAILER_PATH', `/usr/bin/rmail')
_mc_dflt(`LOCAL_MAILER_ARGS', `rmail -d $u')
_mc_dflt(`LOCAL_MAILER_FLAGS', `m9')
