divert(-1)
dnl FEATURE(use_client_ptr): check_relay looks at ${client_ptr} (the PTR
dnl name, even when it does not resolve back) instead of ${client_name}.
