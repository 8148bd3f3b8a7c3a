divert(-1)
dnl mailcf mc library - DOMAIN(generic): settings most sites want: the
dnl .forward search path, .REDIRECT support and root visible unmasqueraded.
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
FEATURE(`redirect')
FEATURE(`use_cw_file')
EXPOSED_USER(`root')
