divert(-1)
dnl FEATURE(relay_entire_domain): relay for every host in our domains ($=m).
