divert(-1)
dnl FEATURE(lookupdotdomain): access keys .domain match subdomains.
define(`_mc_access_lookupdot_', 1)
