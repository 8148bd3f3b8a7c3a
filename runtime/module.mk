# runtime/module.mk - extras for the runtime (sendmail binary).
# /mx uses the resolver library's message parser (ns_initparse...).
LDLIBS += -lresolv
MAN_PAGES += docs/sendmail.8
