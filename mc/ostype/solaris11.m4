divert(-1)
dnl mailcf mc library - OSTYPE(solaris11): local delivery program of that system.
_mc_dflt(`LOCAL_MAILER_PATH', `/usr/lib/mail.local')
_mc_dflt(`LOCAL_MAILER_ARGS', `mail.local')
_mc_dflt(`LOCAL_MAILER_FLAGS', `SPfhn9')
