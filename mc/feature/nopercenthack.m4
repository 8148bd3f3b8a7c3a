divert(-1)
dnl FEATURE(nopercenthack, reject|nospecial): no user%host@relay routing.
ifelse(_ARG_, `reject', `', _ARG_, `nospecial', `', `_mc_error_at(defn(`_FEAT_nopercenthack_'), `missing argument for FEATURE(nopercenthack): use reject or nospecial')')
define(`_mc_percent_mode_', _ARG_)
