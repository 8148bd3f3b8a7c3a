divert(-1)
dnl mailcf mc library - OSTYPE(aix5): local delivery program of that system.
_mc_dflt(`LOCAL_MAILER_PATH', `/bin/bellmail')
_mc_dflt(`LOCAL_MAILER_ARGS', `mail -F $g $u')
_mc_dflt(`LOCAL_MAILER_FLAGS', `mn9')
