dnl mailcf mc library - FEATURE(delay_checks): check_rcpt runs the recipient
dnl checks first, then the sender checks (checkmail) and the connection
dnl checks (checkrelay), so that per-recipient exceptions are possible.
dnl With `friend' a recipient listed as Spam:addr FRIEND skips the sender
dnl and connection checks; with `hater' only recipients listed as HATER
dnl get them.

SFullAddr
R$* <@ $+ . >		$1 <@ $2 >
R$* <@ $* >		$@ $1 <@ $2 >
R$+			$@ $1 <@ $j >

Scheck_rcpt
R$+			$: $1 $| $>checkrcpt $1
R$+ $| $#error $*	$#error $2
R$+ $| $#discard $*	$#discard $2
R$+ $| $#$*		$#$2
ifelse(_mc_delay_mode_, `', `dnl
R$+ $| $*		$: $1
', `dnl
R$+ $| $*		$: <?> $>FullAddr $>CanonAddr $1
R<?> $+ < @ $=w >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 > <U: $1@>
R<?> $+ < @ $* >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 >
R<> $* $| <$+>		$: <@> $1 $| $>SearchList <! Spam> $| <$2> <>
R<@> $* $| $*		$: $2 $1
ifelse(_mc_delay_mode_, `friend', `dnl
R<FRIEND> $+		$@ SPAMFRIEND			Spam: FRIEND
R<$*> $+		$: $2
', `dnl
R<HATER> $+		$: $1				Spam: HATER: check
R<$*> $+		$@ NO				others: no checks
')dnl
')dnl
ifelse(_mc_delay_mode_, `', `dnl
R$*			$: $1 $| $>checkmail <$&f>
', `dnl
R$*			$: $1 $| $>checkmail $&{mail_from}
')dnl
R$* $| $#$*		$#$2
R$* $| $*		$: $1 $| $>checkrelay $&{client_name} $| $&{client_addr}
R$* $| $#$*		$#$2
R$* $| $*		$: $1
ifdef(`_FEAT_block_bad_helo_', `dnl
R$*			$: $1 $| <$&{auth_authen}>	authenticated:
R$* $| <$+>		$: $1				HELO not checked
R$* $| <$*>		$: $1 $| <$&{client_addr}> [$&s]
R$* $| <$=R $*> [$*]	$: $1				relay client: fine
R$* $| <0> [$*]		$: $1				sendmail -bs: fine
R$* $| <$*> $=w		$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$=w]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$+.$+]	$: $1				qualified name
R$* $| <$*> [IPv6:$+]	$: $1				IPv6 literal
R$* $| <$*> [$*]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| $*		$: $1
')dnl
ifelse(ifdef(`_mc_nodelay_ratecontrol_', 1)ifdef(`_mc_nodelay_conncontrol_', 1), `', `', `
dnl nodelay: the limits are checked at connect time all the same
Scheck_relay
ifdef(`_mc_nodelay_ratecontrol_', `R$*		$: $>"RateControl" dummy
')dnl
ifdef(`_mc_nodelay_conncontrol_', `R$*		$: $>"ConnControl" dummy
')dnl
')dnl
