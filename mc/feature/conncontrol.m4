divert(-1)
dnl FEATURE(conncontrol [, nodelay [, terminate]]): ClientConn: limits from the
dnl access map; over the limit the answer is 452, or 421 (session ends) with
dnl terminate.
ifelse(_ARG_, `nodelay', `define(`_mc_nodelay_conncontrol_', 1)')
ifelse(_ARG2_, `terminate', `define(`_mc_term_conncontrol_', 1)')
