divert(-1)
dnl mailcf mc library - OSTYPE(freebsd6): local delivery program of that system.
_mc_dflt(`LOCAL_MAILER_PATH', `/usr/libexec/mail.local')
_mc_dflt(`LOCAL_MAILER_ARGS', `mail.local -l')
_mc_dflt(`LOCAL_MAILER_FLAGS', `SPfhn9')
