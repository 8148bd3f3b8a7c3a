dnl mailcf mc library - FEATURE(greet_pause): how long to wait before the
dnl 220 greeting, from GreetPause:name / GreetPause:ip in the access map,
dnl else the FEATURE argument (milliseconds).

SLocal_greet_pause
Sgreet_pause
R$*			$: <$1><?> $| $>"Local_greet_pause" $1
R<$*><?> $| $#$*	$#$2
R<$*><?> $| $*		$: $1
R$+ $| $+		$: $>LookupDomain < $1 > <?> <! GreetPause> < $2 >
R   $| $+		$: $>LookupIP < $1 > <?> <! GreetPause> <>
R<?> <$+>		$: $>LookupIP < $1 > <?> <! GreetPause> <>
ifelse(_mc_greet_pause_, `', `dnl
R<?> <$*>		$@				no pause
', `dnl
R<?> <$*>		$# _mc_greet_pause_
')dnl
R<$* <TMPF>> <$*>	$@
R<$+> <$*>		$# $1
