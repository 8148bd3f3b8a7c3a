divert(-1)
dnl FEATURE(dnsbl [, zone [, message [, t]]]): DNS block list for clients.
define(`_mc_dnsbl_zone_', ifelse(_ARG_, `', `blackholes.mail-abuse.org', _ARG_))
define(`_mc_dnsbl_msg_', ifelse(_ARG2_, `', `"550 Rejected: " $&{client_addr} " listed at _mc_dnsbl_zone_"', _ARG2_))
define(`_mc_dnsbl_temp_', _ARG3_)
