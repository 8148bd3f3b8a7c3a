# cfgen/module.mk - extras for the cfgen layer (see the top-level Makefile).
MAN_PAGES += docs/cfgen.1
