divert(-1)
dnl mailcf mc library - our stand-in for Debian's generated
dnl /usr/share/sendmail/cf/debian/autoconf.m4: the version numbers Debian's
dnl .mc files test (sm_version, sm_version_math, ...).  cfgen build maps
dnl that absolute path here; with plain m4 use -I or edit the include.
define(`sm_version', `8.17.1')
define(`sm_version_major', `8')
define(`sm_version_minor', `17')
define(`sm_version_beta', `1')
define(`sm_version_math', `528641')
define(`sm_enable_auth', `yes')
define(`sm_enable_tls', `yes')
