divert(-1)
dnl FEATURE(local_lmtp [, path [, argv]]): the local mailer speaks LMTP
dnl (mail.local -l by default).
define(`LOCAL_MAILER_PATH', ifelse(_ARG_, `', `/usr/sbin/mail.local', _ARG_))
define(`LOCAL_MAILER_ARGS', ifelse(_ARG2_, `', `mail.local -l', _ARG2_))
define(`LOCAL_MAILER_FLAGS', `PSXmnz9')
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`_mc_local_lmtp_', 1)
