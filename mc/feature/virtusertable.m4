divert(-1)
dnl FEATURE(virtusertable [, map spec]): virtual addresses for our names.
define(`_mc_virtuser_spec_', _mc_mapspec(_ARG_, `virtusertable'))
