divert(-1)
dnl
dnl mailcf mc library - whole-configuration checks, run at end of input before
dnl anything is written: features that need other features, and the
dnl warnings cf/README asks for (open relays, deprecated names).
dnl
dnl _mc_needs(feature, required...): error unless each required is enabled.
define(`_mc_needs', `ifdef(`_FEAT_$1_', `_mc_needs2(`$1', shift($@))')')
define(`_mc_needs2', `ifelse(`$2', `', `', `ifdef(`_FEAT_$2_', `',
	`_mc_error_at(defn(`_FEAT_$1_'), `FEATURE($1) requires FEATURE($2)')')_mc_needs2(`$1',
	shift(shift($@)))')')
_mc_needs(`blocklist_recipients', `access_db')
_mc_needs(`greet_pause', `access_db')
_mc_needs(`lookupdotdomain', `access_db')
_mc_needs(`relay_mail_from', `access_db')
_mc_needs(`conncontrol', `access_db')
_mc_needs(`ratecontrol', `access_db')
_mc_needs(`block_bad_helo', `delay_checks')
ifdef(`_mc_nodelay_conncontrol_', `_mc_needs(`conncontrol', `delay_checks')')
ifdef(`_mc_nodelay_ratecontrol_', `_mc_needs(`ratecontrol', `delay_checks')')
ifdef(`_FEAT_promiscuous_relay_', `_mc_warn_at(defn(`_FEAT_promiscuous_relay_'), `FEATURE(promiscuous_relay) configures your system as an open relay.  Do NOT use it on a server that is connected to the Internet!')')
ifdef(`_FEAT_relay_local_from_', `_mc_warn_at(defn(`_FEAT_relay_local_from_'), `FEATURE(relay_local_from) may cause your system to act as open relay.  Use SMTP AUTH or STARTTLS instead.')')
_mc_obsolete(`confDAEMON_OPTIONS', `use DAEMON_OPTIONS()')
_mc_obsolete(`confCLIENT_OPTIONS', `use CLIENT_OPTIONS()')
_mc_obsolete(`confDEF_GROUP_ID', `use confDEF_USER_ID with user:group')
_mc_obsolete(`confREAD_TIMEOUT', `use the confTO_* timeouts')
_mc_obsolete(`confAUTO_REBUILD', `rebuild alias databases with newaliases')
_mc_obsolete(`confUNSAFE_GROUP_WRITES', `use confDONT_BLAME_SENDMAIL')
