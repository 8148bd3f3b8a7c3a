divert(-1)
dnl FEATURE(stickyhost): user@ourhost goes to MAIL_HUB like user, but a
dnl name with +detail or without a hub stays local (and keeps its host).
