divert(-1)
dnl
dnl mailcf mc library - entry point.
dnl
dnl Use it like sendmail's library:   m4 /path/to/mc/m4/cf.m4 site.mc > site.cf
dnl or from a .mc:                    include(`/path/to/mc/m4/cf.m4')
dnl The library root is found from __file__ (GNU m4); -D_CF_DIR_=DIR/ overrides
dnl it (trailing slash required).  Everything the .mc declares is recorded in
dnl macros and diversions; the .cf is written at end of input (m4wrap) by
dnl m4/emit.m4, so most ordering mistakes are harmless, as with sendmail's.
dnl Written for mailcf from cf/README's description; not derived from
dnl sendmail's m4 files.
dnl
ifdef(`_MC_LOADED_', `', `
define(`_MC_LOADED_', `1')
ifdef(`_CF_DIR_', `',
	`define(`_CF_DIR_',
		ifelse(__file__, `cf.m4', `../',
			`substr(__file__, 0, eval(len(__file__) - 8))'))')
include(_CF_DIR_`m4/defs.m4')
m4wrap(`include(_CF_DIR_`m4/emit.m4')')
')
divert(0)dnl
