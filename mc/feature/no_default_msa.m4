divert(-1)
dnl FEATURE(no_default_msa): no implicit port 587 listener.
