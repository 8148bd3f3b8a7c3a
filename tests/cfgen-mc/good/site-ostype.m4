dnl included by include-ostype.mc: the OSTYPE of the site
OSTYPE(`linux')dnl
