divert(-1)
dnl FEATURE(ratecontrol [, nodelay [, terminate]]): ClientRate: limits.
ifelse(_ARG_, `nodelay', `define(`_mc_conn_nodelay_', 1)')
