divert(-1)
dnl FEATURE(relay_mail_from): relay when the envelope sender is listed as
dnl From:address RELAY in the access map (it can be forged: prefer AUTH).
ifelse(_ARG_, `', `', `_mc_error_at(defn(`_FEAT_relay_mail_from_'), `FEATURE(relay_mail_from, _ARG_) is not supported yet by mailcf')')
