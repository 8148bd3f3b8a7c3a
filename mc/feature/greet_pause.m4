divert(-1)
dnl FEATURE(greet_pause [, milliseconds]): pause before the greeting.
define(`_mc_greet_pause_', _ARG_)
ifdef(`_FEAT_access_db_', `', `_mc_warn_at(defn(`_FEAT_greet_pause_'), `FEATURE(greet_pause) should come after FEATURE(access_db)')')
