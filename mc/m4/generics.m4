dnl mailcf mc library - FEATURE(genericstable) part of MasqHdr: senders at
dnl our names ($=w, or $=G when GENERICS_DOMAIN is used) are looked up as
dnl user@domain, then as user; a hit replaces the whole address.
R$+ < @ $=G . >		$: < $1@$2 > $1 < @ $2 . > @	user@domain
R$+ < @ $=w . >		$: < $1@$2 > $1 < @ $2 . > @
R$+ < @ *LOCAL* >	$: < $1@$j > $1 < @ *LOCAL* > @
R< $+ > $+ < $* > @	$: < $(generics $1 $: $) > $2 < $3 >
R< > $+ < @ $+ >	$: < $(generics $1 $: $) > $1 < @ $2 >
R< $* @ $* > $* < $* >	$@ $>canonify $1 @ $2		found user@host
R< $+ > $* < $* >	$: $>canonify $1 @ *LOCAL*	found user
R< > $*			$: $1				not found
