divert(-1)
dnl FEATURE(blocklist_recipients): To: entries of the access map refuse recipients.
