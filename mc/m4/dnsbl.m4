dnl mailcf mc library - one FEATURE(dnsbl) zone, in Basic_check_relay
dnl (written to diversion 8 by feature/dnsbl.m4 each time it is used).
R$*			$: $&{client_addr}
R$-.$-.$-.$-		$: <?> $(dnsbl $4.$3.$2.$1._mc_dnsbl_zone_. $: OK $)
R<?>OK			$: OKSOFAR			not listed
ifelse(_mc_dnsbl_temp_, `t', `dnl
R<?>$+<TMP>		$#error $@ 4.4.3 $: "451 Temporary lookup failure of " $&{client_addr} " at _mc_dnsbl_zone_"
', `dnl
R<?>$+<TMP>		$: TMPOK			lookup failed: pass
')dnl
R<?>$+			$#error $@ 5.7.1 $: _mc_dnsbl_msg_
