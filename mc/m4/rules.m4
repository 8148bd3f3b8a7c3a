divert(-1)
dnl
dnl mailcf mc library - address rulesets: canonify (3), the host canonifier,
dnl final (4), parse (0) with its syntax check, local hacks (98) and routing
dnl stage, localaddr (5), the mailer-triple builder, sender/recipient (1, 2)
dnl and the masquerading helpers the mailer rulesets call.
dnl
dnl The decisions (which mailer, host and user an address resolves to) follow
dnl the behaviour cf/README and the Installation and Operation Guide describe
dnl for sendmail's own library; tests/mc/decisions.test checks them against
dnl real sendmail.  Text is copied as is, so every rule keeps its TABs.
dnl
divert(0)dnl

######################################################################
# canonify (3): reduce an address to  local < @ host > ...
######################################################################
Scanonify=3
R$@			$@ <@>				empty: the null address
R$*			$: $1 <@>			tag: colon not yet judged
R$* < $* > $* <@>	$: $1 < $2 > $3			angle brackets: no tag
R@ $* <@>		$: @ $1				@route: no tag
R$* [ IPv6 : $+ ] <@>	$: $1 [ IPv6 : $2 ]		IPv6 literal: no tag
R$* :: $* <@>		$: $1 :: $2			node::user: no tag
R:include: $* <@>	$: :include: $1			:include: file: no tag
R$* : $* [ $* ]		$: $1 : $2 [ $3 ] <@>		colon before a literal
R$* : $* <@>		$: $2				drop "group:" prefix
R$* <@>			$: $1				drop the tag
R$* ;			   $1				drop a trailing ;
R$* < $+ :; > $*	$@ $2 :; <@>			<list:;>
R$* < $* ; >		   $1 < $2 >			stray ; in brackets
R$@			$@ :; <@>
R$*			$: < $1 >			bracket the whole
R$+ < $* >		   < $2 >			innermost <> wins (left)
R< $* > $+		   < $1 >			innermost <> wins (right)
R<>			$@ < @ >			<> sender
R< $+ >			$: $1				unbracket
R@ $+ , $+		$2				drop @a,@b: route
R@ [ $* ] : $+		$2				drop @[x]: route
R@ $+ : $+		$2				drop @a: route
R $+ : $* ; @ $+	$@ $>CanonHost $1 : $2 ; < @ $3 >	list:;@host
R $+ : $* ;		$@ $1 : $2;			list:;
R$+ @ $+		$: $1 < @ $2 >			bracket the host
R$+ < $+ @ $+ >		$1 $2 < @ $3 >			the last @ is the host
R$+ < @ $+ >		$@ $>CanonHost $1 < @ $2 >	done: canonify the host
ifdef(`_FEAT_nouucp_', `', `dnl
R$- ! $+		$@ $>CanonHost $2 < @ $1 .UUCP >	host!user
R$+ . $- ! $+		$@ $>CanonHost $3 < @ $1 . $2 >		dom.ain!user
R$+ ! $+		$@ $>CanonHost $2 < @ $1 .UUCP >	a!b!user
')dnl
ifdef(`_FEAT_nopercenthack_', `', `dnl
R$* % $*		$1 @ $2				% hack: every % is an @
R$* @ $* @ $*		$1 % $2 @ $3			... but the last
')dnl
R$* @ $*		$@ $>CanonHost $1 < @ $2 >	user%host, user@
R$*			$@ $>CanonHost $1

######################################################################
# CanonHost: canonical host name, trailing dot for names we know.
######################################################################
SCanonHost=96
R$* < @ localhost > $*		$: $1 < @ $j . > $2		localhost is us
R$* < @ localhost . $m > $*	$: $1 < @ $j . > $2
ifdef(`_FEAT_nouucp_', `', `dnl
R$* < @ localhost . UUCP > $*	$: $1 < @ $j . > $2
')dnl
R$* < @ [ $+ ] > $*		$: $1 < @@ [ $2 ] > $3		literal: mark it
R$* < @@ $=w > $*		$: $1 < @ $j . > $3		our own address
R$* < @@ $+ > $*		$@ $1 < @ $2 > $3		other literal: keep
ifdef(`_FEAT_nouucp_', `', `dnl
R$* < @ $+ . UUCP > $*		$: $1 < @ $[ $2 $] . UUCP . > $3
R$* < @ $+ . . UUCP . > $*	$@ $1 < @ $2 . > $3
')dnl
R$* < @ $* $=P > $*		$: $1 < @ $2 $3 . > $4		pseudo domain
R$* < @ $* $~P > $*		$: $&{daemon_flags} $| $1 < @ $2 $3 > $4
ifdef(`_FEAT_nocanonify_', `dnl
R$* $| $* < @ $* $={Canonify} > $*	$: $2 < @ $[ $3 $4 $] > $5
R$* c $* $| $* < @ $* > $*	$: $3 < @ $[ $4 $] > $5	c: canonify anyway
R$* $| $* < @ $+ . > $*		$: $2 < @ $3 . > $4
R$* $| $* < @ $+.$+ > $*	$: $2 < @ $3.$4 . > $5	qualified: trust it
', `dnl
R$* CC $* $| $* < @ $+.$+ > $*	$: $3 < @ $4.$5 . > $6	CC: no lookup
R$* CC $* $| $*			$: $3
R$* $| $* < @ $* > $*		$: $2 < @ $[ $3 $] > $4	ask the resolver
')dnl
R$* $| $*			$: $2
R$* < @ $=w > $*		$: $1 < @ $2 . > $3		ours: add the dot
ifdef(`_FEAT_masquerade_entire_domain_', `dnl
R$* < @ $* $=M > $*		$: $1 < @ $2 $3 . > $4		in a masquerade domain
', `dnl
R$* < @ $=M > $*		$: $1 < @ $2 . > $3		masquerade domain
')dnl
ifdef(`_FEAT_generics_entire_domain_', `dnl
R$* < @ $* $=G > $*		$: $1 < @ $2 $3 . > $4		in a generics domain
', `ifdef(`_FEAT_genericstable_', `dnl
R$* < @ $=G > $*		$: $1 < @ $2 . > $3		generics domain
')')dnl
ifdef(`_FEAT_virtuser_entire_domain_', `dnl
R$* < @ $* $={VirtHost} > $*	$: $1 < @ $2 $3 . > $4		in a virtual domain
', `dnl
R$* < @ $={VirtHost} > $*	$: $1 < @ $2 . > $3		virtual host
')dnl
R$* < @ $* . . > $*		$1 < @ $2 . > $3		one dot is enough
undivert(2)dnl

######################################################################
# final (4): back to external form
######################################################################
Sfinal=4
R$+ :; <@>		$@ $1 :				list:;
R$* <@>			$@				<> and list:;
R$* < @ $+ . > $*	$1 < @ $2 > $3			drop the trailing dot
R$* < @ *LOCAL* > $*	$1 < @ $j > $2
R$* < $+ > $*		$1 $2 $3			unbracket
R@ $+ : @ $+ : $+	@ $1 , @ $2 : $3		route-addr syntax
R@ $*			$@ @ $1
ifdef(`_FEAT_nouucp_', `', `dnl
R$+ @ $- . UUCP		$2!$1				u@h.UUCP -> h!u
')dnl
R$+ % $=w @ $=w		$1 @ $2				u%us@us -> u@us

######################################################################
# Recurse: start over with a rewritten address
######################################################################
SRecurse=97
R$*			$: $>canonify $1
R$*			$@ $>parse $1

######################################################################
# parse (0): address -> mailer triple
######################################################################
Sparse=0
R$*			$: $>CheckSyntax $1
R<@>			$#local $: <@>			error messages
R$*			$: $>ParseLocal $1		local hacks, site rules
R$*			$: $>Route $1

SCheckSyntax
R<@>			$@ <@>
R$* : $* ; <@>		$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R@ <@ $* >		< @ $1 >			@@host
R<@ $+>			$#error $@ 5.1.3 $: "553 User address required"
R$+ <@>			$#error $@ 5.1.3 $: "553 Hostname required"
R$*			$: <> $1
R<> $* < @ [ $* ] : $+ > $*	$1 < @ [ $2 ] : $3 > $4
R<> $* < @ [ $* ] , $+ > $*	$1 < @ [ $2 ] , $3 > $4
R<> $* < @ [ $* ] $+ > $*	$#error $@ 5.1.2 $: "553 Invalid address"
R<> $* < @ [ $+ ] > $*		$1 < @ [ $2 ] > $3
R<> $* <$* : $* > $*	$#error $@ 5.1.3 $: "553 Colon illegal in host name part"
R<> $*			$1
R$* < @ . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* .. $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* @ > $*	$#error $@ 5.1.2 $: "553 Invalid route address"
R$* @ $* < @ $* > $*	$#error $@ 5.1.3 $: "553 Invalid route address"
R$* , $~O $*		$#error $@ 5.1.3 $: "553 Invalid route address"
R$* < @ > $*		$@ $>CheckSyntax $>canonify $1	user@ -> user
R< @ $=w . > : $*	$@ $>CheckSyntax $>canonify $2	@us:rest -> rest
R$- < @ $=w . >		$: $(dequote $1 $) < @ $2 . >	"user"@us -> user@us
R< @ $+ >		$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ $=w . >	$@ $>CheckSyntax $>canonify $1 $2 $3	a%b@us -> a%b
R$-			$: $(dequote $1 $) < @ *LOCAL* >	"user" -> user
R< @ *LOCAL* >		$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ *LOCAL* >
			$@ $>CheckSyntax $>canonify $1 $2 $3	a%b -> canonify again
R$* < @ *LOCAL* >	$: $1

SParseLocal=98
ifdef(`_FEAT_redirect_', `dnl
R$* < @ $+ .REDIRECT. >		$: $1 < @ $2 . REDIRECT . > < ${opMode} >
R$* < @ $+ .REDIRECT. > <i>	$: $1 < @ $2 . REDIRECT. >	newaliases: keep
R$* < @ $+ .REDIRECT. > < $- >	$#error $@ 5.1.1 $: "551 User has moved; please try " <$1@$2>
')dnl
undivert(3)dnl

######################################################################
# Route: where the canonical address goes
######################################################################
SRoute
R$* < @ [ $+ ] > $*	$: $>ParseLocal $1 < @ [ $2 ] > $3	address literal
R$* < @ [ $+ ] > $*	$: $1 < @ [ $2 ] : $S > $3	remember the smart host
R$* < @ [ $+ ] : > $*		$#esmtp $@ [$2] $: $1 < @ [$2] > $3
R$* < @ [ $+ ] : $- : $*> $*	$#$3 $@ $4 $: $1 < @ [$2] > $5
R$* < @ [ $+ ] : $+ > $*	$#esmtp $@ $3 $: $1 < @ [$2] > $4
ifdef(`_FEAT_virtusertable_', `include(_CF_DIR_`m4/virtuser.m4')')dnl
ifdef(`_FEAT_stickyhost_', `dnl
R$+ < @ $=w . >		$: < $H > $1 < @ $2 . >		the hub first
R< $+ > $+ < $+ >	$>MailerToTriple < $1 > $2 < $3 >	there is one
R< > $+ + $* < $+ >	$#local $: $1 + $2		+detail: local
R< > $+ < $+ >		$#local $: @ $1			stays local, sticky
', `dnl
R$=L < @ $=w . >	$#local $: @ $1			class L users stay here
R$+ < @ $=w . >		$#local $: $1			local user
')dnl
undivert(1)dnl
ifdef(`_FEAT_mailertable_', `dnl
R$* <@ $+ > $*		$: < $2 > $1 < @ $2 > $3	mailertable: host key
R< $+ . > $*		$: < $1 > $2
R< $+ > $*		$: < $(mailertable $1 $) > $2	exact match
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3	found
R< $+ > $*		$: $>MailerTableParent <$1> $2	try the parents
')dnl
R$* < @ $* > $*		$: $>MailerToTriple < $S > $1 < @ $2 > $3	smart host
R$* < @$* > $*		$#esmtp $@ $2 $: $1 < @ $2 > $3	direct SMTP
R$=L			$#local $: @ $1			class L users stay here
R$+			$#local $: $1			plain local name
ifdef(`_FEAT_mailertable_', `dnl

SMailerTableParent=90
R$* <$- . $+ > $*	$: $1$2 < $(mailertable .$3 $@ $1$2 $@ $2 $) > $4
R$* <$~[ : $* > $*	$>MailerToTriple < $2 : $3 > $4	found .parent
R$* < . $+ > $*		$@ $>MailerTableParent $1 . <$2> $3	one level up
R$* < $* > $*		$: < $(mailertable . $@ $1$2 $) > $3	the "." entry
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3
R< $* > $*		$@ $2				no entry
')dnl

######################################################################
# MailerToTriple: "<mailer:host> address" -> triple
######################################################################
SMailerToTriple=95
R< > $*				$@ $1			no relay: unchanged
R< error : $-.$-.$- : $+ > $*	$#error $@ $1.$2.$3 $: $4
R< error : $- : $+ > $*		$#error $@ $(dequote $1 $) $: $2
R< error : $+ > $*		$#error $: $1
R< local : $* > $*		$>CanonLocal < $1 > $2
R< $~[ : $+ @ $+ > $*<$*>$*	$# $1 $@ $3 $: $2<@$3>	mailer:user@host
R< $~[ : $+ > $*		$# $1 $@ $2 $: $3	mailer:host
R< $=w > $*			$@ $2			relay is us
R< $+ > $*			$#relay $@ $1 $: $2	plain host: relay

SCanonLocal
R< $* > < @ $+ > : $+		$@ $>Recurse $3
R< $* > $+ $=O $+ < @ $+ >	$@ $>Recurse $2 $3 $4
R< $* > $* < @ $* . >		$: < $1 > $2 < @ $3 >
R< > $* < @ $* > $*		$#local $@ $1@$2 $: $1
R< > $+				$#local $@ $1    $: $1
R< $+ @ $+ > $* < @ $* >	$: < $1 > $3 < @ $4 >
R< $+ > $* <@ $* > $*		$#local $@ $2@$3 $: $1
R< $+ > $*			$#local $@ $2    $: $1

######################################################################
# localaddr (5): local names after aliasing (+detail, luser relay)
######################################################################
SLocal_localaddr
ifdef(`_mc_msp_', `dnl
R$+			$: $>ParseRecipient $1		submission: all to the MTA
R$* < @ $+ > $*		$#relay $@ ${MTAHost} $: $1 < @ $2 > $3
R$*			$#relay $@ ${MTAHost} $: $1 < @ $j >
')dnl
Slocaladdr=5
R$+			$: $1 $| $>"Local_localaddr" $1
R$+ $| $#ok		$@ $1
R$+ $| $#$*		$#$2
R$+ $| $*		$: $1
ifdef(`_FEAT_preserve_local_plus_detail_', `', `dnl
R$+ + *			$#local $@ $&h $: $1
R$+ + $*		$#local $@ + $2 $: $1 + *
')dnl
R$+			$: <> $1
ifdef(`LUSER_RELAY', `dnl
R< > $+			$: < $L > $(user $1 $)		known user?
R< $* > $+ <>		$: < > $2			yes: keep it here
')dnl
ifdef(`MAIL_HUB', `dnl
R< > $+			$: < $H > $1			to the mail hub
', `ifdef(`LOCAL_RELAY', `dnl
R< > $+			$: < $R > $1			to the local relay
')')dnl
ifdef(`_FEAT_preserve_local_plus_detail_', `dnl
R< > $+			$@ $1				no relay: unchanged
', `dnl
R< > $+			$: < > < $1 <> $&h >		no relay: +detail back
R< > < $+ <> + $* >	$: < > < $1 + $2 >
R< > < $+ <> $* >	$: < > < $1 >
R< > < $+ + $* > $*	   < > < $1 > + $2 $3		split off the user
R< > < $+ > + $*	$#local $@ $2 $: @ $1
R< > < $+ >		$@ $1				plain name: unchanged
R$+			$: $1 <> $&h			relayed: +detail back
R$+ <> + $*		$: $1 + $2
R$+ <> $*		$: $1
')dnl
R< local : $* > $*	$: $>MailerToTriple < local : $1 > $2
R< error : $* > $*	$: $>MailerToTriple < error : $1 > $2
R< $~[ : $+ > $+	$: $>MailerToTriple < $1 : $2 > $3 < @ $2 >
R< $+ > $+		$@ $>MailerToTriple < $1 > $2 < @ $1 >

######################################################################
# sender (1) and recipient (2): site rules, if any
######################################################################
Ssender=1
undivert(10)dnl
Srecipient=2
undivert(11)dnl

######################################################################
# masquerading helpers used by the mailer rulesets
######################################################################
SMasqHdr=93
ifdef(`_FEAT_genericstable_', `include(_CF_DIR_`m4/generics.m4')')dnl
R$* < @ $* $=N . >	$@ $1 < @ $2 $3 . >		exceptions
R$=E < @ *LOCAL* >	$@ $1 < @ $j . >		exposed users
ifdef(`_FEAT_masquerade_entire_domain_', `dnl
R$=E < @ $* $=M . >	$@ $1 < @ $2 $3 . >
R$=E < @ $=w . >	$@ $1 < @ $2 . >
R$* < @ $* $=M . > $*	$: $1 < @ $2 $3 . @ $M > $4	any subdomain
', `dnl
R$=E < @ $=M . >	$@ $1 < @ $2 . >
R$=E < @ $=w . >	$@ $1 < @ $2 . >
R$* < @ $=M . > $*	$: $1 < @ $2 . @ $M > $3
')dnl
R$* < @ $=w . > $*	$: $1 < @ $2 . @ $M > $3		our own names
R$* < @ *LOCAL* > $*	$: $1 < @ $j . @ $M > $2
R$* < @ $+ @ > $*	$: $1 < @ $2 > $3		no DM: unchanged
R$* < @ $+ @ $+ > $*	$: $1 < @ $3 . > $4		masquerade
R$* < @ *LOCAL* >	$@ $1 < @ $j . >

SMasqEnv=94
ifdef(`_FEAT_masquerade_envelope_', `dnl
R$*			$@ $>MasqHdr $1
')dnl
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

SAddDomain
ifdef(`_FEAT_always_add_domain_', `dnl
R$* < @ $* > $*		$@ $1 < @ $2 > $3		already qualified
R$+			$@ $1 < @ ifelse(defn(`_mc_add_domain_'), `', `*LOCAL*', defn(`_mc_add_domain_')) >	always_add_domain
')dnl
