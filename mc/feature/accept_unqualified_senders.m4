divert(-1)
dnl FEATURE(accept_unqualified_senders): MAIL FROM without a domain is fine.
