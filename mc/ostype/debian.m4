divert(-1)
dnl mailcf mc library - OSTYPE(debian): Debian and Ubuntu paths.  Debian's
dnl own ostype reads /usr/share/sendmail/cf/debian/autoconf.m4; ours reads
dnl the equivalent debian/autoconf.m4 of this library.
ifdef(`sm_version', `', `include(_CF_DIR_`debian/autoconf.m4')')
define(`confCF_VERSION', `Debian')
_mc_dflt(`MAIL_SETTINGS_DIR', `/etc/mail/')
define(`_USE_ETC_MAIL_')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging access from: ${client_name}(${client_resolve})-$_$.')
define(`confDEAD_LETTER_DROP', `/var/lib/sendmail/dead.letter')
define(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
_mc_dflt(`confEBINDIR', `/usr/lib/sm.bin')
dnl Debian delivers through sensible-mda (procmail, maildrop or mail.local),
dnl keeps root's mail (S), does not munge arguments (-r) or speak LMTP (-m).
_mc_dflt(`LOCAL_MAILER_PATH', `/usr/sbin/sensible-mda')
MODIFY_MAILER_FLAGS(`LOCAL', `+S')
MODIFY_MAILER_FLAGS(`LOCAL', `-r')
MODIFY_MAILER_FLAGS(`LOCAL', `-m')
_mc_dflt(`LOCAL_MAILER_ARGS', `sensible-mda $g $u $h ${client_addr}')
_mc_dflt(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
_mc_dflt(`ALIAS_FILE', `/etc/mail/aliases')
_mc_dflt(`QUEUE_DIR', `/var/spool/mqueue')
_mc_dflt(`confTRUSTED_USERS', `smmta')
