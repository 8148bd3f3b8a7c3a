divert(-1)
dnl FEATURE(dnsbl [, zone [, message [, t]]]): refuse clients whose reversed
dnl IPv4 address is listed in the DNS block list zone.  Each use adds one
dnl zone (checked in the order given); with t a lookup failure is a
dnl temporary error instead of a pass.
define(`_mc_dnsbl_zone_', ifelse(_ARG_, `', `blackholes.mail-abuse.org', _ARG_))
define(`_mc_dnsbl_msg_', ifelse(_ARG2_, `', `"550 Rejected: " $&{client_addr} " listed at '_mc_dnsbl_zone_`"', `_ARG2_'))
define(`_mc_dnsbl_temp_', _ARG3_)
divert(8)
include(_CF_DIR_`m4/dnsbl.m4')dnl
divert(-1)
