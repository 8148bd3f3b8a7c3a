divert(-1)
dnl FEATURE(access_db [, map spec [, skip|lookupdotdomain|relaytofulladdress ...]])
dnl The access map of the check_* rulesets.  A custom spec must keep
dnl -T<TMPF> so temporary map failures are told apart from misses.
define(`_mc_access_spec_', ifelse(_ARG_, `', `_mc_maptype -T<TMPF> '_mc_settings(`access'),
	`ifelse(index(_ARG_, `-T<TMPF>'), -1, `_mc_warn_at(defn(`_FEAT_access_db_'), `FEATURE(access_db): map spec should contain -T<TMPF>')')_ARG_'))
ifelse(_ARG2_, `skip', `define(`_mc_access_skip_', 1)', _ARG3_, `skip', `define(`_mc_access_skip_', 1)', _ARG4_, `skip', `define(`_mc_access_skip_', 1)')
ifelse(_ARG2_, `lookupdotdomain', `define(`_mc_access_lookupdot_', 1)', _ARG3_, `lookupdotdomain', `define(`_mc_access_lookupdot_', 1)')
