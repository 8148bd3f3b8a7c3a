divert(-1)
dnl FEATURE(use_cw_file): our host names from confCW_FILE (local-host-names).
