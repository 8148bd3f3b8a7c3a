divert(-1)
dnl FEATURE(msp [, host [, MSA | port]]): a mail submission program
dnl (submit.cf): no daemon, no local delivery; every message goes to the
dnl MTA at host (default [localhost]), on port 587 with MSA.  It brings
dnl MAILER(local) and MAILER(smtp) with it, so it comes last but one.
define(`_mc_msp_host_', ifelse(_ARG_, `', `[localhost]', _ARG_))
ifelse(_ARG2_, `MSA', `_mc_dflt(`RELAY_MAILER_ARGS', `TCP $h 587')')
define(`_mc_no_aliases_', 1)
define(`_mc_daemons_', `<Name=NoMTA, Addr=127.0.0.1, M=E>')
define(`_FEAT_no_default_msa_', 1)
define(`confDELIVERY_MODE', `i')
define(`confQUEUE_FILE_MODE', `0660')
define(`confFORWARD_PATH', `')
define(`confUSE_MSP', `True')
define(`confPRIVACY_FLAGS', `goaway,noetrn,restrictqrun')
define(`QUEUE_DIR', `/var/spool/clientmqueue')
define(`STATUS_FILE', `/var/spool/clientmqueue/sm-client.st')
define(`confRUN_AS_USER', `smmsp')
define(`confDONT_PROBE_INTERFACES', `True')
define(`confTRUSTED_USER', `smmsp')
define(`confPID_FILE', `/var/spool/clientmqueue/sm-client.pid')
define(`_mc_msp_', 1)
MAILER(`local')
MAILER(`smtp')
