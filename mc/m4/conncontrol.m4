dnl mailcf mc library - FEATURE(conncontrol) and FEATURE(ratecontrol):
dnl ClientConn:ip / ClientRate:ip limits from the access map, compared
dnl with ${client_connections} and ${client_rate}.

SRateControl
R$*		$: <A:$&{client_addr}> <E:>
R$+		$: $>SearchList <! ClientRate> $| $1 <>
R<?>		$@ OK
R<$* <TMPF>>	$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<0>		$@ OK				0: no limit
R<$+>		$: <$1> $| $(arith l $@ $1 $@ $&{client_rate} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: ifdef(`_mc_term_ratecontrol_', 421, 452) Connection rate limit exceeded.

SConnControl
R$*		$: <A:$&{client_addr}> <E:>
R$+		$: $>SearchList <! ClientConn> $| $1 <>
R<?>		$@ OK
R<$* <TMPF>>	$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<0>		$@ OK				0: no limit
R<$+>		$: <$1> $| $(arith l $@ $1 $@ $&{client_connections} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: ifdef(`_mc_term_conncontrol_', 421, 452) Too many open connections.
