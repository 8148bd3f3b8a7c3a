divert(-1)
dnl FEATURE(masquerade_entire_domain): MASQUERADE_DOMAIN covers subdomains.
