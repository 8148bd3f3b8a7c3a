divert(-1)
dnl FEATURE(mailertable [, map spec]): per-domain routing.
define(`_mc_mailertable_spec_', _mc_mapspec(_ARG_, `mailertable'))
