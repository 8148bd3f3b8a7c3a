divert(-1)
dnl FEATURE(redirect): user@new.REDIRECT aliases answer 551 User has moved.
