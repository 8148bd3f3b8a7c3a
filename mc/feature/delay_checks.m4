divert(-1)
dnl FEATURE(delay_checks [, friend|hater]): sender and connection checks run
dnl at RCPT time, after the recipient checks.
define(`_mc_delay_mode_', _ARG_)
ifelse(_ARG_, `', `', _ARG_, `friend', `', _ARG_, `hater', `', `_mc_error_at(defn(`_FEAT_delay_checks_'), `FEATURE(delay_checks): argument must be friend or hater')')
