divert(-1)
dnl FEATURE(blacklist_recipients): old name of blocklist_recipients.
_mc_warn_at(defn(`_FEAT_blacklist_recipients_'), `FEATURE(blacklist_recipients) is deprecated, use FEATURE(blocklist_recipients)')
define(`_FEAT_blocklist_recipients_', 1)
