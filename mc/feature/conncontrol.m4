divert(-1)
dnl FEATURE(conncontrol [, nodelay [, terminate]]): ClientConn: limits.
ifelse(_ARG_, `nodelay', `define(`_mc_conn_nodelay_', 1)')
