divert(-1)
dnl FEATURE(preserve_local_plus_detail): localaddr keeps user+detail whole
dnl (for a local mailer that handles +detail itself).
