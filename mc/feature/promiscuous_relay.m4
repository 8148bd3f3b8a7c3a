divert(-1)
dnl FEATURE(promiscuous_relay): relay for everyone (open relay!).
