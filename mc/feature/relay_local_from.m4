divert(-1)
dnl FEATURE(relay_local_from): relay when MAIL FROM is one of our names.
