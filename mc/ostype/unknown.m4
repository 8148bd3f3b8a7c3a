divert(-1)
dnl mailcf mc library - OSTYPE(unknown): local delivery program of that system.
_mc_dflt(`LOCAL_MAILER_PATH', `/bin/mail')
_mc_dflt(`LOCAL_MAILER_ARGS', `mail -d $u')
_mc_dflt(`LOCAL_MAILER_FLAGS', `Prmn9')
