dnl mailcf mc library - FEATURE(genericstable) part of MasqHdr: senders in a
dnl GENERICS_DOMAIN ($=G) or unqualified are looked up as user+detail@dom,
dnl user+*@dom (detail kept as %1 then), user@dom, @dom, then as the bare
dnl user, user+* and user; a hit replaces the address (qualified with our
dnl name when the result has no domain).
ifdef(`_FEAT_generics_entire_domain_', `dnl
R$+ < @ $* $=G . >	$: < $1@$2$3 > $1 < @ $2$3 . > @	candidate
', `dnl
R$+ < @ $=G . >		$: < $1@$2 > $1 < @ $2 . > @		candidate
')dnl
R$+ < @ *LOCAL* >	$: < $1@$j > $1 < @ *LOCAL* > @		candidate
R< $+ > $+ < $* > @	$: < $(generics $1 $: @ $1 $) > $2 < $3 >
R<@$+ + $* @ $+> $+ < @ $+ >
		$: < $(generics $1+*@$3 $@ $2 $:@$1 + $2@$3 $) >  $4 < @ $5 >
R<@$+ + $* @ $+> $+ < @ $+ >
		$: < $(generics $1@$3 $: $) > $4 < @ $5 >
R<@$+ > $+ < @ $+ >	$: < > $2 < @ $3 >			no user@domain
R< > $+ < @ $+ . >	$: < $(generics @$2 $@ $1 $: $) > $1 < @ $2 . >
R< > $+ < @ $+ >	$: < $(generics $1 $: $) > $1 < @ $2 >
R< > $+ + $* < @ $+ >	$: < $(generics $1+* $@ $2 $: $) > $1 + $2 < @ $3 >
R< > $+ + $* < @ $+ >	$: < $(generics $1 $: $) > $1 + $2 < @ $3 >
R< $* @ $* > $* < $* >	$@ $>canonify $1 @ $2			hit: an address
R< $+ > $* < $* >	$: $>canonify $1 @ *LOCAL*		hit: a user name
R< > $*			$: $1					no entry
