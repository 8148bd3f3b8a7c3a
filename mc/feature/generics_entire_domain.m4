divert(-1)
dnl FEATURE(generics_entire_domain): genericstable also for subdomains of $=G.
