divert(-1)
dnl FEATURE(accept_unresolvable_domains): do not check sender domains in DNS.
