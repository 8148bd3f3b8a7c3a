divert(-1)
dnl FEATURE(local_no_masquerade): no masquerading for mail delivered locally.
