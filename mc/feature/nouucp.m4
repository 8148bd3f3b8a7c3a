divert(-1)
dnl FEATURE(nouucp, reject|nospecial): no UUCP bang-path addressing.
ifelse(_ARG_, `reject', `', _ARG_, `nospecial', `', `_mc_error_at(defn(`_FEAT_nouucp_'), `missing argument for FEATURE(nouucp): use reject or nospecial')')
define(`_mc_bang_mode_', _ARG_)
