divert(-1)
dnl FEATURE(relay_hosts_only): relay entries name hosts, not domains.
