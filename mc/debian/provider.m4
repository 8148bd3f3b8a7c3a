divert(-1)
dnl mailcf mc library - stand-in for Debian's /etc/mail/m4/provider.m4, which
dnl Debian's sendmailconfig generates (usually with nothing but comments).
dnl Define here provider settings, e.g. SMART_HOST or authinfo.
divert(0)dnl
