divert(-1)
dnl FEATURE(masquerade_envelope): masquerade the envelope sender too.
