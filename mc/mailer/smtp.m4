divert(-1)
dnl mailcf mc library - MAILER(smtp): smtp, esmtp, smtp8, dsmtp and relay,
dnl all over TCP.  Knobs: SMTP_MAILER_FLAGS, SMTP_MAILER_MAX,
dnl SMTP_MAILER_ARGS, ESMTP_MAILER_ARGS, SMTP8_MAILER_ARGS,
dnl DSMTP_MAILER_ARGS, RELAY_MAILER_ARGS (e.g. "TCP $h 587"),
dnl SMTP_MAILER_LL, RELAY_MAILER_FLAGS, SMTP_MAILER_CHARSET.
_mc_dflt(`SMTP_MAILER_FLAGS', `')
_mc_dflt(`SMTP_MAILER_ARGS', `TCP $h')
_mc_dflt(`ESMTP_MAILER_ARGS', `TCP $h')
_mc_dflt(`SMTP8_MAILER_ARGS', `TCP $h')
_mc_dflt(`DSMTP_MAILER_ARGS', `TCP $h')
_mc_dflt(`RELAY_MAILER_ARGS', `TCP $h')
_mc_dflt(`SMTP_MAILER_LL', `990')
_mc_dflt(`RELAY_MAILER_FLAGS', `')
define(`_mc_smtp_base', `mDFMuX'SMTP_MAILER_FLAGS)
dnl FEATURE(msp): k (no loop check) on every SMTP mailer, 5 (localaddr) on all
dnl but relay.
define(`_mc_msp_k5', ifdef(`_mc_msp_', `k5'))
define(`_mc_msp_k', ifdef(`_mc_msp_', `k'))
dnl _mc_smtp_m(name, extra flags, S=, R=, L, args): one SMTP mailer.
define(`_mc_smtp_m', `M$1,		P=[IPC], F=_mc_flags(translit(`$1', `a-z', `A-Z'), _mc_smtp_base`'$2), S=$3, R=$4, E=\r\n, L=$5,ifdef(`SMTP_MAILER_MAX', ` M=SMTP_MAILER_MAX,')ifdef(`SMTP_MAILER_CHARSET', ` C=SMTP_MAILER_CHARSET,')
		T=DNS/RFC822/SMTP,
		A=$6')
dnl FEATURE(allmasquerade): recipient headers are masqueraded like senders.
define(`_mc_smtp_rh', ifdef(`_FEAT_allmasquerade_', `/HdrFromSMTP'))
define(`_mc_relay_rh', ifdef(`_FEAT_allmasquerade_', `/MasqRelay'))
divert(7)dnl

######################################################################
# SMTP mailers
######################################################################
SMasqSMTP
R$* < @ $* > $*		$@ $1 < @ $2 > $3		qualified already
R$+			$@ $1 < @ *LOCAL* >		qualify

SPseudoToReal
R< @ $+ > $*		$@ < @ $1 > $2			route-addr
ifdef(`_FEAT_nouucp_', `', `dnl
R$+ < @ $+ .UUCP. >	$: < $2 ! > $1			back to a!b form
')dnl
R$+ < @ $* > $*		$@ $1 < @ $2 > $3
ifdef(`_FEAT_nouucp_', `', `dnl
R< $&h ! > $- ! $+	$@ $2 < @ $1 .UUCP. >
R< $&h ! > $-.$+ ! $+	$@ $3 < @ $1.$2 >
R< $&h ! > $+		$@ $1 < @ $&h .UUCP. >
R< $+ ! > $+		$: $1 ! $2 < @ $Y >
')dnl
R$+ < @ $~[ $* : $+ >	$@ $1 < @ $4 >			drop mailer: prefix
R$+ < @ >		$: $1 < @ *LOCAL* >

SEnvFromSMTP
R$+			$: $>PseudoToReal $1
R$* :; <@>		$@				list:;
R$*			$: $>MasqSMTP $1
R$+			$: $>MasqEnv $1

SEnvToSMTP
R$+			$: $>PseudoToReal $1
R$+			$: $>MasqSMTP $1
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

SHdrFromSMTP
R$+			$: $>PseudoToReal $1
R:; <@>			$@
R$* <@> $*		$@ $1 <@> $2
R< @ $* > $*		$@ < @ $1 > $2
R$*			$: $>MasqSMTP $1
R$+			$: $>MasqHdr $1

SMasqRelay
R$+			$: $>MasqSMTP $1
R$+			$: $>MasqHdr $1

_mc_smtp_m(`smtp', _mc_msp_k5, `EnvFromSMTP/HdrFromSMTP', `EnvToSMTP'_mc_smtp_rh, SMTP_MAILER_LL, SMTP_MAILER_ARGS)
_mc_smtp_m(`esmtp', `a'_mc_msp_k5, `EnvFromSMTP/HdrFromSMTP', `EnvToSMTP'_mc_smtp_rh, SMTP_MAILER_LL, ESMTP_MAILER_ARGS)
_mc_smtp_m(`smtp8', `8'_mc_msp_k5, `EnvFromSMTP/HdrFromSMTP', `EnvToSMTP'_mc_smtp_rh, SMTP_MAILER_LL, SMTP8_MAILER_ARGS)
_mc_smtp_m(`dsmtp', `a%'_mc_msp_k5, `EnvFromSMTP/HdrFromSMTP', `EnvToSMTP'_mc_smtp_rh, SMTP_MAILER_LL, DSMTP_MAILER_ARGS)
_mc_smtp_m(`relay', `a8'RELAY_MAILER_FLAGS`'_mc_msp_k, `EnvFromSMTP/HdrFromSMTP', `MasqSMTP'_mc_relay_rh, 2040, RELAY_MAILER_ARGS)
divert(-1)
