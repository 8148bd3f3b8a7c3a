divert(-1)
dnl FEATURE(loose_relay_check): user%host@relay.domain is judged by
dnl relay.domain only (no %-hack stripping before the relay check).
