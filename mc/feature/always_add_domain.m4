divert(-1)
dnl FEATURE(always_add_domain [, domain]): qualify local addresses in headers.
define(`_mc_add_domain_', _ARG_)
