# cfgen/module.mk - extras for the cfgen layer (see the top-level Makefile).
MAN_PAGES += docs/cfgen.1
# cfgen build/lint find the installed m4 library under $(PREFIX) (mcpaths.c).
CPPFLAGS += -DMAILCF_DATADIR='"$(PREFIX)/share/mailcf"'
