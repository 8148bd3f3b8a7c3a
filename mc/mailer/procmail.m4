divert(-1)
dnl mailcf mc library - MAILER(procmail): a procmail mailer for
dnl mailertable entries "procmail:/etc/procmailrcs/x".  Knobs:
dnl PROCMAIL_MAILER_PATH, PROCMAIL_MAILER_FLAGS, PROCMAIL_MAILER_ARGS,
dnl PROCMAIL_MAILER_MAX.
_mc_dflt(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
_mc_dflt(`PROCMAIL_MAILER_FLAGS', `SPhnu9')
_mc_dflt(`PROCMAIL_MAILER_ARGS', `procmail -Y -m $h $f $u')
ifdef(`_MAILER_smtp_', `', `_mc_error(`MAILER(procmail) needs MAILER(smtp) first (it uses its rulesets)')')
divert(7)dnl
Mprocmail,	P=PROCMAIL_MAILER_PATH, F=_mc_flags(`PROCMAIL', `DFM'PROCMAIL_MAILER_FLAGS), S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP/HdrFromSMTP,ifdef(`PROCMAIL_MAILER_MAX', ` M=PROCMAIL_MAILER_MAX,')
		T=DNS/RFC822/X-Unix,
		A=PROCMAIL_MAILER_ARGS
divert(-1)
