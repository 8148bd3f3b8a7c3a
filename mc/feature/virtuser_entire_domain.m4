divert(-1)
dnl FEATURE(virtuser_entire_domain): virtusertable also for subdomains of
dnl the VIRTUSER_DOMAIN names.
