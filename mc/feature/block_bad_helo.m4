divert(-1)
dnl FEATURE(block_bad_helo): refuse HELO names that claim to be us.
_mc_put(5, `C{R}127.0.0.1')_mc_put(5, `C{R}IPv6:0:0:0:0:0:0:0:1 IPv6:::1')dnl
_mc_put(5, `C{w}[127.0.0.1]')_mc_put(5, `C{w}[IPv6:0:0:0:0:0:0:0:1] [IPv6:::1]')dnl
