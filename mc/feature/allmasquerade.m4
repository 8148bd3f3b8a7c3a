divert(-1)
dnl FEATURE(allmasquerade): masquerade recipient headers too.
