divert(-1)
dnl FEATURE(relay_based_on_MX): relay for any domain whose MX record names
dnl this host.  Anyone can point an MX at you: use with care.
