divert(-1)
dnl FEATURE(use_ct_file): trusted users from confCT_FILE (trusted-users).
