divert(-1)
dnl
dnl mailcf mc library - SMTP policy rulesets: check_relay (connect), check_mail
dnl (MAIL FROM), check_rcpt (RCPT TO, relaying), greet_pause, and the access
dnl map lookup helpers they share.  With FEATURE(delay_checks) the connect and
dnl sender checks run from check_rcpt instead, after the recipient checks.
dnl
dnl Access map keys are tried most specific first: "Tag:key", then the
dnl untagged key (when the caller allows it), then parent domains or shorter
dnl IP networks.  Right-hand sides: OK, RELAY, REJECT, DISCARD, SKIP,
dnl QUARANTINE:text, ERROR:[x.y.z:]### text and the old "### text" form.
dnl
dnl _mc_ck: prefix of the standard check ruleset names; with delay_checks the
dnl standard names belong to the delaying wrapper.
define(`_mc_ck', `ifdef(`_FEAT_delay_checks_', `check', `check_')')
divert(0)dnl

######################################################################
# check_relay: ${client_name} $| ${client_addr}
######################################################################
SLocal_check_relay
S`'_mc_ck`'relay
ifdef(`_FEAT_use_client_ptr_', `dnl
R$* $| $*		$: $&{client_ptr} $| $2		the PTR name
')dnl
R$*			$: $1 $| $>"Local_check_relay" $1
R$* $| $* $| $#$*	$#$3
R$* $| $* $| $*		$@ $>"Basic_check_relay" $1 $| $2

SBasic_check_relay
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
ifdef(`_FEAT_access_db_', `dnl
R$+ $| $+		$: $>LookupDomain < $1 > <?> <+ Connect> < $2 >
R   $| $+		$: $>LookupIP < $1 > <?> <+ Connect> <>	no client name
R<?> <$+>		$: $>LookupIP < $1 > <?> <+ Connect> <>	then the address
R<?> <$*>		$: OK				nothing listed
R<$={Accept}> <$*>	$@ $1				OK or RELAY
R<REJECT> <$*>		$#error $@ 5.7.1 $: "550 Access denied"
R<DISCARD> <$*>		$#discard $: discard
R<QUARANTINE:$+> <$*>	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> <$*>	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> <$*>		$#error $: $1
R<$* <TMPF>> <$*>		$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<$+> <$*>		$#error $: $1		bare "code text" value
')dnl
ifdef(`_FEAT_ratecontrol_', `ifdef(`_mc_nodelay_ratecontrol_', `', `dnl
R$*		$: $>"RateControl" dummy
')')dnl
ifdef(`_FEAT_conncontrol_', `ifdef(`_mc_nodelay_conncontrol_', `', `dnl
R$*		$: $>"ConnControl" dummy
')')dnl
undivert(8)dnl

######################################################################
# check_mail: the envelope sender
######################################################################
SLocal_check_mail
S`'_mc_ck`'mail
R$*			$: $1 $| $>"Local_check_mail" $1
R$* $| $#$*		$#$2
R$* $| $*		$@ $>"Basic_check_mail" $1

SBasic_check_mail
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
R<>			$@ <OK>			<> must be accepted
ifdef(`_FEAT_accept_unqualified_senders_', `', `dnl
R$+			$: <?> $1
R<?><$+>		$: <@> <$1>
R<?>$+			$: <@> <$1>
R$*			$: $&{daemon_flags} $| $1
R$* f $* $| <@> < $* @ $- >	$: < ? $&{client_name} > < $3 @ $4 >	M=f: FQDN needed
R$* u $* $| <@> < $* >	$: <?> < $3 >
R$* $| $*		$: $2
R<@> < $* @ localhost >	$: < ? $&{client_name} > < $1 @ localhost >
R<@> < $* @ [127.0.0.1] >
			$: < ? $&{client_name} > < $1 @ [127.0.0.1] >
R<@> < $* @ [IPv6:0:0:0:0:0:0:0:1] >
			$: < ? $&{client_name} > < $1 @ [IPv6:0:0:0:0:0:0:0:1] >
R<@> < $* @ [IPv6:::1] >
			$: < ? $&{client_name} > < $1 @ [IPv6:::1] >
R<@> < $* @ localhost.$m >
			$: < ? $&{client_name} > < $1 @ localhost.$m >
ifdef(`_FEAT_nouucp_', `', `dnl
R<@> < $* @ localhost.UUCP >
			$: < ? $&{client_name} > < $1 @ localhost.UUCP >
')dnl
R<@> $*			$: $1
R<? $=w> $*		$: $2			from one of our names: fine
R<? $+> <$+>		$#error $@ 5.5.4 $: "553 Real domain name required for sender address"
R<?> $*			$: $1
')dnl
R$*			$: <?> $>CanonAddr $1
R<?> $* < @ $+ . >	<?> $1 < @ $2 >
ifdef(`_FEAT_accept_unresolvable_domains_', `dnl
R<?> $* < @ $+ >	$: <OKR> $1 < @ $2 >		unresolvable is fine
', `dnl
R<?> $* < @ $* $=P >	$: <OKR> $1 < @ $2 $3 >
R<?> $* < @ $j >	$: <OKR> $1 < @ $j >
R<?> $* < @ $+ >	$: <? $(resolve $2 $: $2 <PERM> $) > $1 < @ $2 >
R<? $* <$->> $* < @ $+ >
			$: <$2> $3 < @ $4 >
')dnl
ifdef(`_FEAT_access_db_', `dnl
R<$+> $+ < @ $* >	$: @<$1> <$2 < @ $3 >> $| <F:$2@$3> <U:$2@> <D:$3>
R<$+> $+		$: @<$1> <$2> $| <U:$2@>
R@ <$+> <$*> $| <$+>	$: <@> <$1> <$2> $| $>SearchList <+ From> $| <$3> <>
R<@> <$+> <$*> $| <$*>	$: <$3> <$1> <$2>
R<?> <$+> <$*>		$: <$1> $2			not listed
R<$+> <$+> <$*>		$: <$1> $3			listed: its value
')dnl
ifdef(`_FEAT_accept_unqualified_senders_', `', `dnl
R<?> $*			$: $&{daemon_flags} $| <?> $1
R$* u $* $| <?> $*	$: <OKR> $3			M=u: unqualified ok
R$* $| $*		$: $2
R<?> $*			$: < ? $&{client_addr} > $1
R<?> $*			$@ <OKR>			local submission
R<? $+> $*		$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
R<?> $*			$: @ $1
R<$={ResOk}> $*		$: @ $2
R<TEMP> $*		$#error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R<PERM> $*		$#error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
R<$={Accept}> $*	$# $1
R<REJECT> $*		$#error $@ 5.7.1 $: "550 Access denied"
R<DISCARD> $*		$#discard $: discard
R<QUARANTINE:$+> $*	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> $*	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> $*		$#error $: $1
R<$* <TMPF>> $*		$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<$+> $*		$#error $: $1		bare "code text" value

######################################################################
# check_rcpt: the recipient, and whether we relay for it
######################################################################
SLocal_check_rcpt
S`'_mc_ck`'rcpt
R$*			$: $1 $| $>"Local_check_rcpt" $1
R$* $| $#$*		$#$2
R$* $| $*		$@ $>"Basic_check_rcpt" $1

SBasic_check_rcpt
R<>			$#error $@ nouser $: "553 User address required"
R$@			$#error $@ nouser $: "553 User address required"
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
ifdef(`_FEAT_promiscuous_relay_', `dnl
R$*			$@ RELAY			promiscuous_relay
', `dnl
R$*			$: $1 $| @ $>"Rcpt_ok" $1
R$* $| @ $#TEMP $+	$: $1 $| T $2
R$* $| @ $#$*		$#$2
R$* $| @ RELAY		$@ RELAY
R$* $| @ $*		$: O $| $>"Relay_ok" $1
R$* $| T $+		$: T $2 $| $>"Relay_ok" $1
R$* $| $#TEMP $+	$#error $2
R$* $| $#$*		$#$2
R$* $| RELAY		$@ RELAY
R T $+ $| $*		$#error $1
R$*			$#error $@ 5.7.1 $: "550 Relaying denied"

SRcpt_ok
ifdef(`_FEAT_loose_relay_check_', `dnl
R$*			$: $>CanonAddr $1
R$* < @ $* . >		$1 < @ $2 >
', `dnl
R$*			$: $>ParseRecipient $1
')dnl
ifdef(`_FEAT_blocklist_recipients_', `include(_CF_DIR_`m4/blocklist.m4')')dnl
R$*			$: $1 $| $>"Local_Relay_Auth" $&{auth_type}
R$* $| $# $*		$# $2
R$* $| NO		$: $1
R$* $| $*		$: $1 $| $&{auth_type}
R$* $|			$: $1
R$* $| $={TrustAuthMech}	$# RELAY		trusted AUTH
R$* $| $*		$: $1
ifelse(defn(`_mc_bang_mode_'), `reject', `dnl
R$* ! $* < @ $* >	$: <REMOTE> $2 < @ BANG_PATH >	no relaying by !
R$* ! $*		$: <REMOTE> $2 < @ BANG_PATH >
')dnl
ifelse(defn(`_mc_percent_mode_'), `reject', `dnl
R$* % $* < @ $* >	$: <REMOTE> $1 < @ PERCENT_HACK >	no relaying by %
R$* % $*		$: <REMOTE> $1 < @ PERCENT_HACK >
')dnl
R$+ < @ $=w >		$@ RELAY			to us
ifdef(`_FEAT_relay_hosts_only_', `dnl
R$+ < @ $=R >		$@ RELAY			relay domain, exact
R$+ < @ $+ >		$: <$(access To:$2 $: ? $)> <$1 < @ $2 >>
R<?> <$+ < @ $+ >>	$: <$(access $2 $: ? $)> <$1 < @ $2 >>
', `dnl
R$+ < @ $* $=R >	$@ RELAY			relay domain
ifdef(`_FEAT_relay_entire_domain_', `dnl
R$+ < @ $* $=m >	$@ RELAY			our domain
')dnl
ifdef(`_FEAT_access_db_', `dnl
R$+ < @ $+ >		$: $>LookupDomain <$2> <?> <+ To> <$1 < @ $2 >>
', `dnl
R$+ < @ $+ >		$: <?> <$1 < @ $2 >>
')dnl
')dnl
R<RELAY> $*		$@ RELAY
R<$* <TMPF>> $*		$#TEMP $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<$*> <$*>		$: $2
ifdef(`_FEAT_relay_based_on_MX_', `dnl
R$+ < @ $+ >		$: < : $(mxserved $2 $) : > $1 < @ $2 >
R< : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<$* : $=w . : $*> $*	$@ RELAY			we are an MX
R< : $* : > $*		$: $2
')dnl
R$*			$: <?> $1
R<?> $* < @ $+ >	$: <REMOTE> $1 < @ $2 >
R<?> $+			$@ RELAY			no host: local
R<$+> $*		$: $2
ifdef(`_FEAT_relay_local_from_', `dnl
R$*			$: <?> $>CanonAddr $&f
R<?> $+ < @ $+ . >	<?> $1 < @ $2 >
R<?> $+ < @ $=w >	$@ RELAY			sender is local
')dnl

SRelay_ok
R$*			$: $&{client_addr}
R$@			$@ RELAY			no client: local
R0			$@ RELAY
R127.0.0.1		$@ RELAY
RIPv6:0:0:0:0:0:0:0:1	$@ RELAY
RIPv6:::1		$@ RELAY
ifdef(`_FEAT_relay_hosts_only_', `dnl
R$=R			$@ RELAY			listed IP
', `dnl
R$=R $*			$@ RELAY			listed network
')dnl
ifdef(`_FEAT_access_db_', `dnl
R$*			$: $>LookupIP <$1> <?> <+ Connect> <$1>
R<RELAY> $*		$@ RELAY
R<<TMPF>> $*		$#TEMP $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<$*> <$*>		$: $2
')dnl
R$*			$: [ $1 ]
R$=w			$@ RELAY			one of our addresses
ifdef(`_FEAT_relay_mail_from_', `dnl
R$*			$: <?> $>CanonAddr $&f
R<?> $+ < @ $+ . >	<?> $1 < @ $2 >
R<?> $+ < @ $+ >	$: <@> $>SearchList <! From> $| <F:$1@$2>  <>
R<@> <RELAY>		$@ RELAY			From:sender RELAY
R<@> <<TMPF>>		$#TEMP $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
')dnl
R$*			$: < $&{client_resolve} >
R<TEMP>			$#TEMP $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
R<FORGED>		$#error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
R<FAIL>			$#error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
R$*			$: <@> $&{client_name}
R<@> $* $=P		$:<?>  $1 $2
R<@> $+			$:<?>  $[ $1 $]
R$* .			$1
R<?> $=w		$@ RELAY			client is us
ifdef(`_FEAT_relay_hosts_only_', `dnl
R<?> $=R		$@ RELAY
', `dnl
R<?> $* $=R		$@ RELAY			client in a relay domain
')dnl
ifdef(`_FEAT_relay_entire_domain_', `dnl
R<?> $* $=m		$@ RELAY			client in our domain
')dnl
ifdef(`_FEAT_access_db_', `dnl
R<?> $*			$: $>LookupDomain <$1> <?> <+ Connect> <$1>
R<RELAY> $*		$@ RELAY
R<$* <TMPF>> $*		$#TEMP $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R<$*> <$*>		$: $2
')dnl
')dnl

######################################################################
# ParseRecipient: strip relayable hosts off %-hack recipients
######################################################################
SCanonAddr
R$*			$: $>CheckSyntax $>canonify $1

SParseRecipient
R$*				$: <?> $>CanonAddr $1
R<?> $* < @ $* . >		<?> $1 < @ $2 >
R<?> $- < @ $* >		$: <?> $(dequote $1 $) < @ $2 >
R<?> $* $=O $* < @ $* >		$: <NO> $1 $2 $3 < @ $4>
R<?> $*				$@ $1
ifdef(`_FEAT_relay_hosts_only_', `dnl
R<NO> $* < @ $=R >		$: <RELAY> $1 < @ $2 >
ifdef(`_FEAT_access_db_', `dnl
R<NO> $* < @ $+ >		$: <$(access To:$2 $: NO $)> $1 < @ $2 >
R<NO> $* < @ $+ >		$: <$(access $2 $: NO $)> $1 < @ $2 >
')dnl
', `dnl
R<NO> $* < @ $* $=R >		$: <RELAY> $1 < @ $2 $3 >
ifdef(`_FEAT_relay_entire_domain_', `dnl
R<NO> $* < @ $* $=m >		$: <RELAY> $1 < @ $2 $3 >
')dnl
ifdef(`_FEAT_access_db_', `dnl
R<NO> $* < @ $+ >		$: $>LookupDomain <$2> <NO> <+ To> <$1 < @ $2 >>
R<$+> <$+>			$: <$1> $2
')dnl
')dnl
ifdef(`_FEAT_relay_based_on_MX_', `dnl
R<NO> $* < @ $+ >		$: <MX> < : $(mxserved $2 $) : > < $1 < @$2 > >
R<MX> < : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<MX> < $* : $=w. : $* > < $+ >	$: <RELAY> $4			we are an MX
R<MX> < : $* : > < $+ >		$: <NO> $2
')dnl
R<RELAY> $* < @ $* >		$@ $>ParseRecipient $1
R<$+> $*			$@ $2
ifdef(`_FEAT_delay_checks_', `include(_CF_DIR_`m4/delay.m4')')dnl
ifdef(`_FEAT_access_db_', `include(_CF_DIR_`m4/access.m4')')dnl
ifelse(ifdef(`_FEAT_conncontrol_', 1)ifdef(`_FEAT_ratecontrol_', 1), `', `', `include(_CF_DIR_`m4/conncontrol.m4')')dnl
ifdef(`_FEAT_greet_pause_', `include(_CF_DIR_`m4/greet.m4')')dnl

######################################################################
# trust_auth: may the client claim another AUTH= identity?
######################################################################
SLocal_trust_auth
Strust_auth
R$*			$: $&{auth_type} $| $1
R$@ $| $*		$#error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}		$@ identical
R$* $| <$&{auth_authen}>	$@ identical
R$* $| $*		$: $1 $| $>"Local_trust_auth" $2
R$* $| $#$*		$#$2
R$*			$#error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $&{auth_author}
SLocal_Relay_Auth

######################################################################
# authinfo: SMTP AUTH credentials for ${server_name} / ${server_addr}
# from the authinfo map, or from AuthInfo: entries of the access map
######################################################################
Sauthinfo
ifdef(`_FEAT_authinfo_', `dnl
R$*		$: <$(authinfo AuthInfo:$&{server_name} $: ? $)>
R<?>		$: <$(authinfo AuthInfo:$&{server_addr} $: ? $)>
R<?>		$: <$(authinfo AuthInfo: $: ? $)>
R<?>		$@ no				nothing for this server
R<$*>		$# $1
', `ifdef(`_FEAT_access_db_', `dnl
R$*		$: $1 $| $>LookupDomain <$&{server_name}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| $>LookupIP <$&{server_addr}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| <$(access AuthInfo: $: ? $)> <>
R$* $| <?>$*	$@ no				nothing for this server
R$* $| <$*> <>	$# $2
')')dnl

######################################################################
# sendmail's helper ruleset names, as thin wrappers, for LOCAL_RULESETS
# and LOCAL_RULE_n text written against sendmail's own library
######################################################################
SParse0
R$*			$@ $>CheckSyntax $1
SParse1
R$*			$@ $>Route $1
SCanonify2
R$*			$@ $>CanonHost $1
ifdef(`_FEAT_mailertable_', `dnl
SMailertable
R$*			$@ $>MailerTableParent $1
')dnl
ifdef(`_FEAT_access_db_', `dnl
SD
R$*			$@ $>LookupDomain $1
SA
R$*			$@ $>LookupIP $1
SF
R$*			$@ $>LookupFull $1
SE
R$*			$@ $>LookupExact $1
SU
R$*			$@ $>LookupUser $1
')dnl
