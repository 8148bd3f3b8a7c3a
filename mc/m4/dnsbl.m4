dnl mailcf mc library - FEATURE(dnsbl, zone, message, t): refuse clients
dnl whose reversed IPv4 address is listed in the DNS block list zone.
R$* $| $*		$: $&{client_addr}
R$-.$-.$-.$-		$: <?> $(dnsbl $4.$3.$2.$1._mc_dnsbl_zone_. $: OK $)
R<?>OK			$: OKSOFAR
ifelse(_mc_dnsbl_temp_, `t', `dnl
R<?>$+<TMP>		$#error $@ 4.4.3 $: "451 Temporary lookup failure of " $&{client_addr} " at _mc_dnsbl_zone_"
', `dnl
R<?>$+<TMP>		$: TMPOK
')dnl
R<?>$+			$#error $@ 5.7.1 $: _mc_dnsbl_msg_
