divert(-1)
dnl FEATURE(nocanonify): no DNS canonification of host names.
