divert(-1)
dnl FEATURE(authinfo [, map spec]): SMTP AUTH client credentials map.
define(`_mc_authinfo_spec_', _mc_mapspec(_ARG_, `authinfo'))
