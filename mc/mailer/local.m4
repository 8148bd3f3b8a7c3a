divert(-1)
dnl mailcf mc library - MAILER(local): the local and prog mailers and the
dnl rulesets they use.  Knobs (define before MAILER): LOCAL_MAILER_PATH,
dnl LOCAL_MAILER_FLAGS (added to lsDFMAw5:/|@q), LOCAL_MAILER_ARGS,
dnl LOCAL_MAILER_EOL, LOCAL_MAILER_MAX, LOCAL_MAILER_CHARSET,
dnl LOCAL_MAILER_DSN_DIAGNOSTIC_CODE, LOCAL_SHELL_PATH, LOCAL_SHELL_FLAGS,
dnl LOCAL_SHELL_ARGS, LOCAL_SHELL_DIR; MODIFY_MAILER_FLAGS(LOCAL, ...).
_mc_dflt(`LOCAL_MAILER_PATH', `/bin/mail')
_mc_dflt(`LOCAL_MAILER_FLAGS', `Prmn9')
_mc_dflt(`LOCAL_MAILER_ARGS', `mail -d $u')
_mc_dflt(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `X-Unix')
_mc_dflt(`LOCAL_SHELL_PATH', `/bin/sh')
_mc_dflt(`LOCAL_SHELL_FLAGS', `eu9')
_mc_dflt(`LOCAL_SHELL_ARGS', `sh -c $u')
_mc_dflt(`LOCAL_SHELL_DIR', `$z:/')
define(`_mc_local_flags', _mc_flags(`LOCAL', `lsDFMAw5:/|@q'LOCAL_MAILER_FLAGS))
define(`_mc_prog_flags', _mc_flags(`SHELL', `lsDFMoq'LOCAL_SHELL_FLAGS))
divert(7)dnl

######################################################################
# local and prog mailers
######################################################################
SEnvFromL
R<@>			$n			bounces: the daemon name $n
R@ <@ $*>		$n
R$+			$: $>AddDomain $1
ifdef(`_FEAT_local_no_masquerade_', `', `dnl
R$*			$: $>MasqEnv $1
')dnl

SEnvToL
R$+ < @ $* >		$: $1			host part goes
R$+ + $*		$: < $&{addr_type} > $1 + $2
R<e s> $+ + $*		$: $1			sender: no +detail
R< $* > $+		$: $2

SHdrFromL
R<@>			$n
R@ <@ $*>		$n
R$+			$: $>AddDomain $1
ifdef(`_FEAT_local_no_masquerade_', `', `dnl
R$*			$: $>MasqHdr $1
')dnl

SHdrToL
R$+			$: $>AddDomain $1
ifdef(`_FEAT_allmasquerade_', `dnl
R$*			$: $>MasqHdr $1
')dnl
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

ifdef(`_mc_msp_', `dnl
Mlocal,		P=[IPC], F=_mc_flags(`LOCAL', `lmDFMuXkw5'), S=EnvFromL/HdrFromL, R=EnvToL/HdrToL,
		T=DNS/RFC822/SMTP,
		A=TCP $h
Mprog,		P=[IPC], F=_mc_flags(`SHELL', `lmDFMuXk5'), S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=$z:/,
		T=X-Unix/X-Unix/X-Unix,
		A=TCP $h
', `dnl
Mlocal,		P=LOCAL_MAILER_PATH, F=_mc_local_flags, S=ifdef(`_mc_local_lmtp_', `EnvFromSMTP', `EnvFromL')/HdrFromL, R=EnvToL/HdrToL,ifdef(`LOCAL_MAILER_EOL', ` E=LOCAL_MAILER_EOL,')ifdef(`LOCAL_MAILER_MAX', ` M=LOCAL_MAILER_MAX,')ifdef(`LOCAL_MAILER_CHARSET', ` C=LOCAL_MAILER_CHARSET,')
		T=DNS/RFC822/LOCAL_MAILER_DSN_DIAGNOSTIC_CODE,
		A=LOCAL_MAILER_ARGS
Mprog,		P=LOCAL_SHELL_PATH, F=_mc_prog_flags, S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=LOCAL_SHELL_DIR,
		T=X-Unix/X-Unix/X-Unix,
		A=LOCAL_SHELL_ARGS
')dnl
divert(-1)
