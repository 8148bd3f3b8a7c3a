divert(-1)
dnl FEATURE(smrsh [, path]): run programs through the restricted shell.
define(`LOCAL_SHELL_PATH', ifelse(_ARG_, `', `/usr/libexec/sendmail/smrsh', _ARG_))
define(`LOCAL_SHELL_ARGS', `smrsh -c $u')
