divert(-1)
dnl
dnl mailcf mc library - the user-visible macros (VERSIONID, OSTYPE, DOMAIN,
dnl FEATURE, MAILER, LOCAL_*, *_DOMAIN, MASQUERADE_*, DAEMON_OPTIONS, ...).
dnl
dnl Nothing here writes sendmail.cf text directly except the raw-text escape
dnl hatches (LOCAL_CONFIG, LOCAL_RULE_n, LOCAL_RULESETS, MAILER_DEFINITIONS),
dnl which switch to a numbered diversion that emit.m4 splices in at the right
dnl place.  Everything else records state in macros named _mc_*.
dnl Diversions: 1 LOCAL_NET_CONFIG, 2 LOCAL_RULE_3, 3 LOCAL_RULE_0,
dnl 5 class and macro lines, 6 LOCAL_CONFIG, 7 mailer definitions,
dnl 8 LOCAL_DNSBL, 9 LOCAL_RULESETS, 10 LOCAL_RULE_1, 11 LOCAL_RULE_2.
dnl Diagnostics go to stderr through errprint, in sendmail's "*** ERROR:" and
dnl "*** WARNING:" form; cfgen build turns them into a failing exit status.
dnl
changecom()

dnl --- small helpers -------------------------------------------------------
dnl _mc_error(text) / _mc_warn(text): report on stderr with the .mc position.
define(`_mc_error', `errprint(`*** ERROR: $1 ['__file__:__line__`]
')')
define(`_mc_warn', `errprint(`*** WARNING: $1 ['__file__:__line__`]
')')
dnl _mc_error_at(where, text) / _mc_warn_at: the same with a given position
dnl (checks at end of input name the line of the FEATURE concerned).
define(`_mc_error_at', `errprint(`*** ERROR: $2 [$1]
')')
define(`_mc_warn_at', `errprint(`*** WARNING: $2 [$1]
')')
dnl _mc_put(div, text): append one line of text to diversion div.
define(`_mc_put', `pushdef(`_mc_dn_', divnum)divert($1)`$2'
divert(_mc_dn_)popdef(`_mc_dn_')')
dnl _mc_append(name, text): add text (space separated) to macro name.
define(`_mc_append', `ifdef(`$1',
	`define(`$1', defn(`$1')` $2')', `define(`$1', `$2')')')
dnl _mc_dflt(name, value): define name unless the .mc already did.
define(`_mc_dflt', `ifdef(`$1', `', `define(`$1', `$2')')')
dnl _mc_settings(file): a default file below MAIL_SETTINGS_DIR.
define(`_mc_settings', `MAIL_SETTINGS_DIR`'$1')
dnl _mc_maptype: the default database type for maps (hash).
define(`_mc_maptype', `ifdef(`DATABASE_MAP_TYPE', `DATABASE_MAP_TYPE', `hash')')
dnl _mc_mapspec(arg, file): a K-line tail: the FEATURE argument if given,
dnl else "<default type> <MAIL_SETTINGS_DIR>file".
define(`_mc_mapspec', `ifelse(`$1', `', `_mc_maptype _mc_settings(`$2')',
	`ifelse(index(`$1', ` '), -1, `_mc_maptype $1', `$1')')')

dnl --- housekeeping ----------------------------------------------------------
define(`VERSIONID', `##### $1 #####')
define(`_mc_version_', `mailcf-mc 1.0')

dnl --- OSTYPE / DOMAIN --------------------------------------------------------
define(`OSTYPE', `ifdef(`_mc_ostype_',
	`_mc_error(`duplicate OSTYPE($1) (already OSTYPE('_mc_ostype_`))')',
	`define(`_mc_ostype_', `$1')_mc_include(`ostype', `$1')')')
define(`DOMAIN', `_mc_include(`domain', `$1')')
dnl _mc_include(kind, name): read kind/name.m4 from the library, or report.
define(`_mc_include', `ifelse(regexp(`$2', `^[A-Za-z0-9_.-]+$'), 0,
	`_mc_include2(`$1', `$2', _CF_DIR_`$1/$2.m4')',
	`_mc_error(`invalid $1 name "$2"')')')
define(`_mc_include2', `pushdef(`_mc_dn_', divnum)divert(-1)
ifelse(esyscmd(`test -r "$3" && printf y'), `y', `include(`$3')',
	`_mc_error(`$1 $2 not found ($3)')')
divert(_mc_dn_)popdef(`_mc_dn_')')

dnl --- FEATURE ---------------------------------------------------------------
dnl FEATURE(name, args...): $2.. become _ARG_, _ARG2_, ... for feature/name.m4.
define(`FEATURE', `_mc_feature_check(`$1')ifdef(`_mc_ok_',
	`_mc_feature_load($@)')popdef(`_mc_ok_')')
define(`_mc_feature_check', `pushdef(`_mc_ok_')ifdef(`_mc_any_mailer_',
	`_mc_error(`FEATURE($1) should be before MAILER()')ifelse(
	index(` '_mc_mailer_features_` ', ` $1 '), -1, `',
	`_mc_error(`FEATURE($1) must occur before MAILER(local)')')')dnl
ifelse(index(` '_mc_features_` ', ` $1 '), -1,
	`undefine(`_mc_ok_')_mc_error(`unknown FEATURE($1)'_mc_didyoumean(`$1')`')',
	index(` '_mc_features_todo_` ', ` $1 '), -1, `',
	`undefine(`_mc_ok_')_mc_error(`FEATURE($1) is not supported yet by mailcf')')')
define(`_mc_feature_load', `pushdef(`_ARG_', `$2')pushdef(`_ARG2_', `$3')dnl
pushdef(`_ARG3_', `$4')pushdef(`_ARG4_', `$5')pushdef(`_mc_dn_', divnum)dnl
divert(-1)define(`_FEAT_$1_', __file__:__line__)include(_CF_DIR_`feature/$1.m4')dnl
divert(_mc_dn_)popdef(`_mc_dn_')popdef(`_ARG_')popdef(`_ARG2_')dnl
popdef(`_ARG3_')popdef(`_ARG4_')')
dnl Features that edit mailer definitions (so they are broken after MAILER).
define(`_mc_mailer_features_', `local_procmail local_lmtp smrsh always_add_domain
	allmasquerade local_no_masquerade msp nullclient')
dnl _mc_didyoumean(name): "; did you mean X?" for known names one edit away.
define(`_mc_didyoumean', `pushdef(`_mc_best_', `')_mc_dym_walk(`$1',
	translit(defn(`_mc_features_list_'), `
'))ifelse(_mc_best_, `', `',
	`; did you mean _mc_best_?')popdef(`_mc_best_')')
define(`_mc_dym_walk', `ifelse(`$2', `', `', `ifelse(_mc_best_, `',
	`ifelse(_mc_near(`$1', `$2'), 1, `define(`_mc_best_', `$2')')')dnl
_mc_dym_walk(`$1', shift(shift($@)))')')
dnl _mc_near(a, b): 1 if a and b differ by one inserted, deleted or changed
dnl character, two swapped neighbours, or "-" versus "_"; else 0.
define(`_mc_near', `ifelse(translit(`$1', `-', `_'), `$2', 1,
	eval(len(`$1') == len(`$2') + 1), 1, `_mc_del1(`$1', `$2', 0)',
	eval(len(`$2') == len(`$1') + 1), 1, `_mc_del1(`$2', `$1', 0)',
	eval(len(`$1') == len(`$2')), 1, `_mc_sub1(`$1', `$2', 0)', 0)')
dnl _mc_del1(long, short, i): does deleting one char of long give short?
define(`_mc_del1', `ifelse(eval($3 > len(`$1') - 1), 1, 0,
	substr(`$1', 0, $3)`'substr(`$1', incr($3)), `$2', 1,
	`_mc_del1(`$1', `$2', incr($3))')')
dnl _mc_sub1(a, b, i): do a and b (same length) differ at one position >= i,
dnl or by two swapped neighbours there?
define(`_mc_sub1', `ifelse(eval($3 >= len(`$1')), 1, 0,
	substr(`$1', $3, 1), substr(`$2', $3, 1), `_mc_sub1(`$1', `$2', incr($3))',
	`ifelse(substr(`$1', incr($3)), substr(`$2', incr($3)), 1,
	substr(`$1', eval($3 + 2)), substr(`$2', eval($3 + 2)),
	`ifelse(substr(`$1', incr($3), 1), substr(`$2', $3, 1),
		`ifelse(substr(`$1', $3, 1), substr(`$2', incr($3), 1), 1, 0)',
		0)', 0)')')

dnl Every FEATURE name of sendmail 8.17 (so a typo is told apart from a
dnl feature mailcf has not implemented).
define(`_mc_features_list_', `accept_unqualified_senders,
accept_unresolvable_domains,access_db,allmasquerade,always_add_domain,
authinfo,badmx,bcc,bestmx_is_local,bitdomain,blacklist_recipients,
block_bad_helo,blocklist_recipients,check_cert_altnames,check_other,
compat_check,conncontrol,delay_checks,dnsbl,domainmap,domaintable,drac,
enhdnsbl,generics_entire_domain,genericstable,greet_pause,ldap_routing,
limited_masquerade,local_lmtp,local_no_masquerade,local_procmail,
lookupdotdomain,loose_relay_check,mailertable,masquerade_entire_domain,
masquerade_envelope,msp,mtamark,no_default_msa,nocanonify,nopercenthack,
notsticky,nouucp,nullclient,prefixmod,preserve_local_plus_detail,
preserve_luser_host,promiscuous_relay,queuegroup,ratecontrol,redirect,
relay_based_on_MX,relay_entire_domain,relay_hosts_only,relay_local_from,
relay_mail_from,require_rdns,rhsbl,smrsh,stickyhost,sts,tls_failures,
tls_session_features,use_client_ptr,use_ct_file,use_cw_file,uucpdomain,
virtuser_entire_domain,virtusertable,vnet')
define(`_mc_features_', translit(defn(`_mc_features_list_'), `,
', `  '))
dnl Recognised, but without a feature/NAME.m4 in mailcf yet.
define(`_mc_features_todo_', `badmx bcc bestmx_is_local bitdomain
check_cert_altnames check_other compat_check domainmap domaintable drac
enhdnsbl ldap_routing limited_masquerade 
mtamark notsticky nullclient
prefixmod preserve_luser_host queuegroup
require_rdns rhsbl sts
tls_failures tls_session_features uucpdomain
vnet')
define(`_mc_features_todo_', translit(defn(`_mc_features_todo_'), `
', ` '))

dnl --- MAILER ----------------------------------------------------------------
define(`MAILER', `ifdef(`_MAILER_$1_',
	`_mc_error(`MAILER($1) already included')',
	`ifelse(`$1', `local', `', `ifdef(`_MAILER_local_', `',
		`_mc_mailer_load(`local')')')_mc_mailer_load(`$1')')')
define(`_mc_mailer_load', `define(`_MAILER_$1_', `1')define(`_mc_any_mailer_',
	`1')pushdef(`_mc_dn_', divnum)divert(-1)dnl
ifelse(esyscmd(`test -r "'_CF_DIR_`mailer/$1.m4" && printf y'), `y',
	`include(_CF_DIR_`mailer/$1.m4')',
	`ifelse(index(` cyrus cyrusv2 fax mail11 phquery pop qpage ssh usenet uucp xagent ', ` $1 '), -1,
		`_mc_error(`unknown MAILER($1)')',
		`_mc_error(`MAILER($1) is not supported yet by mailcf')')')dnl
divert(_mc_dn_)popdef(`_mc_dn_')')
dnl MAILER_DEFINITIONS: following text goes with the mailer definitions.
define(`MAILER_DEFINITIONS', `divert(7)')
dnl MODIFY_MAILER_FLAGS(NAME, +add | -remove | replacement): each use is
dnl applied in turn to the mailer's default flags.
define(`MODIFY_MAILER_FLAGS', `_mc_append(`_mc_mflags_$1_', `$2')')
dnl _mc_flags(NAME, defaults): the default flags after MODIFY_MAILER_FLAGS.
define(`_mc_flags', `ifdef(`_mc_mflags_$1_', `_mc_flags_apply(`$2',
	translit(defn(`_mc_mflags_$1_'), ` ', `,'))', `$2')')
define(`_mc_flags_apply', `ifelse(`$2', `', `$1',
	`_mc_flags_apply(_mc_flags2(`$1', `$2'), shift(shift($@)))')')
define(`_mc_flags2', `ifelse(substr(`$2', 0, 1), `+', `$1`'substr(`$2', 1)',
	substr(`$2', 0, 1), `-', `translit(`$1', substr(`$2', 1))', `$2')')

dnl --- raw cf text -----------------------------------------------------------
define(`LOCAL_CONFIG', `divert(6)')
define(`LOCAL_RULE_3', `divert(2)')
define(`LOCAL_RULE_0', `divert(3)')
define(`LOCAL_RULE_1', `divert(10)')
define(`LOCAL_RULE_2', `divert(11)')
define(`LOCAL_NET_CONFIG', `divert(1)')
define(`LOCAL_DNSBL', `divert(8)')
define(`LOCAL_RULESETS', `divert(9)')
dnl The TLS hooks: mailcf generates no STARTTLS policy rulesets, so the
dnl text that follows becomes the ruleset sendmail calls by that name.
define(`LOCAL_SRV_FEATURES', `divert(9)
Ssrv_features
')
define(`LOCAL_TRY_TLS', `divert(9)
Stry_tls
')
define(`LOCAL_TLS_RCPT', `divert(9)
Stls_rcpt
')
define(`LOCAL_TLS_CLIENT', `divert(9)
Stls_client
')
define(`LOCAL_TLS_SERVER', `divert(9)
Stls_server
')

dnl --- classes and macros ----------------------------------------------------
define(`LOCAL_DOMAIN', `_mc_put(5, `C{w}$1')')
define(`RELAY_DOMAIN', `_mc_put(5, `C{R}$1')')
define(`RELAY_DOMAIN_FILE', `_mc_put(5, `F{R}$1')')
define(`MASQUERADE_AS', `define(`_mc_masq_', `$1')')
define(`MASQUERADE_DOMAIN', `_mc_put(5, `C{M}$1')')
define(`MASQUERADE_DOMAIN_FILE', `_mc_put(5, `F{M}$1')')
define(`MASQUERADE_EXCEPTION', `_mc_put(5, `C{N}$1')')
define(`MASQUERADE_EXCEPTION_FILE', `_mc_put(5, `F{N}$1')')
define(`EXPOSED_USER', `_mc_put(5, `C{E}$1')')
define(`EXPOSED_USER_FILE', `_mc_put(5, `F{E}$1')')
define(`LOCAL_USER', `_mc_put(5, `C{L}$1')')
define(`LOCAL_USER_FILE', `_mc_put(5, `F{L}$1')')
define(`GENERICS_DOMAIN', `_mc_put(5, `C{G}$1')')
define(`GENERICS_DOMAIN_FILE', `_mc_put(5, `F{G}$1')')
define(`VIRTUSER_DOMAIN', `_mc_put(5, `C{VirtHost}$1')_mc_put(5, `C{R}$1')')
define(`VIRTUSER_DOMAIN_FILE', `_mc_put(5, `F{VirtHost}$1')_mc_put(5, `F{R}$1')')
define(`CANONIFY_DOMAIN', `_mc_put(5, `C{Canonify}$1')')
define(`CANONIFY_DOMAIN_FILE', `_mc_put(5, `F{Canonify}$1')')
define(`TRUST_AUTH_MECH', `_mc_put(5, `C{TrustAuthMech}$1')')
define(`LDAPROUTE_DOMAIN', `_mc_error(`LDAPROUTE_DOMAIN is not supported yet by mailcf')')
define(`LDAPROUTE_DOMAIN_FILE', defn(`LDAPROUTE_DOMAIN'))

dnl --- listeners, clients, milters, queue groups -----------------------------
define(`DAEMON_OPTIONS', `_mc_append(`_mc_daemons_', `<$1>')')
define(`CLIENT_OPTIONS', `_mc_put(5, `O ClientPortOptions=$1')')
define(`INPUT_MAIL_FILTER', `MAIL_FILTER(`$1', `$2')ifdef(`confINPUT_MAIL_FILTERS',
	`define(`confINPUT_MAIL_FILTERS', defn(`confINPUT_MAIL_FILTERS')`,$1')',
	`define(`confINPUT_MAIL_FILTERS', `$1')')')
define(`MAIL_FILTER', `_mc_put(5, `X$1, $2')')
define(`QUEUE_GROUP', `_mc_put(5, `Q$1, $2')')

dnl --- obsolete spellings ----------------------------------------------------
define(`_mc_obsolete', `ifdef(`$1', `_mc_warn(`$1 is no longer supported; $2')')')

dnl --- defaults (the .mc may define any of these first) ----------------------
_mc_dflt(`MAIL_SETTINGS_DIR', `/etc/mail/')
