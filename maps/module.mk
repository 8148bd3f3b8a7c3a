# maps/module.mk - extras for the maps layer (makemap, praliases, newaliases).
# tinycdb: `cdb -c`, the peer of our cdb maps in make bench; time: GNU
# time -v for peak memory in make bench.
DEPS_PKGS += tinycdb time
MAN_PAGES += docs/makemap.8 docs/newaliases.8 docs/praliases.8 docs/aliases.5
