dnl included by mc006-included.mc: no OSTYPE here
FEATURE(`use_cw_file')dnl
