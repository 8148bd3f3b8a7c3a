divert(-1)
dnl FEATURE(genericstable [, map spec]): outgoing sender rewriting.
define(`_mc_generics_spec_', _mc_mapspec(_ARG_, `genericstable'))
