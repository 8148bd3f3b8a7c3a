dnl mailcf mc library - FEATURE(virtusertable) part of the Route ruleset.
dnl Recipients at one of our names ($=w) or a virtual host ($={VirtHost})
dnl are looked up as user+detail@dom, user+*@dom, user@dom, +detail@dom,
dnl +*@dom and @dom (catch-all); the result is an address to recurse on,
dnl "error:code text", or a mailer:host pair.  %1 is the user, %2 the
dnl +detail and %3 "+detail" in the right-hand side.
R$+			$: <!> $1			mark: not looked up
ifdef(`_FEAT_virtuser_entire_domain_', `dnl
R<!> $+ < @ $* $={VirtHost} . >	$: < $(virtuser $1 @ $2 $3 $@ $1 $: @ $) > $1 < @ $2 $3 . >
', `dnl
R<!> $+ < @ $={VirtHost} . >	$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
')dnl
R<!> $+ < @ $=w . >	$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
R<@> $+ + $+ < @ $* . >
			$: < $(virtuser $1 + + @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $* . >
			$: < $(virtuser $1 + * @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $* . >
			$: < $(virtuser $1 @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $+ < @ $+ . >	$: < $(virtuser + + @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $+ . >	$: < $(virtuser + * @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $+ . >	$: < $(virtuser @ $3 $@ $1 $@ $2 $@ +$2 $: ! $) > $1 + $2 < @ $3 . >
R<@> $+ < @ $+ . >	$: < $(virtuser @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
R<@> $+			$: $1				no entry
R<!> $+			$: $1				not a virtual domain
R< error : $-.$-.$- : $+ > $*	$#error $@ $1.$2.$3 $: $4
R< error : $- $+ > $*	$#error $@ $(dequote $1 $) $: $2
R< $+ > $+ < @ $+ >	$: $>Recurse $1			rewritten: start over
