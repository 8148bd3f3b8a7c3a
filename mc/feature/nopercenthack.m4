divert(-1)
dnl FEATURE(nopercenthack, reject|nospecial): no user%host@relay routing.
ifelse(_ARG_, `reject', `', _ARG_, `nospecial', `', `_mc_error(`missing argument for FEATURE(nopercenthack): use reject or nospecial')')
