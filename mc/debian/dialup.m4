divert(-1)
dnl mailcf mc library - stand-in for Debian's /etc/mail/m4/dialup.m4, which
dnl Debian's sendmailconfig generates (usually with nothing but comments).
dnl Define here what a dial-up host needs, e.g. confDIAL_DELAY.
divert(0)dnl
