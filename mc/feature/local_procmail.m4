divert(-1)
dnl FEATURE(local_procmail [, path [, argv [, flags]]]): deliver with procmail.
define(`LOCAL_MAILER_PATH', ifelse(_ARG_, `', `ifdef(`PROCMAIL_MAILER_PATH', `PROCMAIL_MAILER_PATH', `/usr/bin/procmail')', _ARG_))
define(`LOCAL_MAILER_ARGS', ifelse(_ARG2_, `', `procmail -a $h -d $u', _ARG2_))
define(`LOCAL_MAILER_FLAGS', ifelse(_ARG3_, `', `SPfhn9', _ARG3_))
