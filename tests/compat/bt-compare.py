#!/usr/bin/env python3
"""bt-compare.py - compare what the real sendmail -bt shows for two files.

  bt-compare.py check DIR
For every DIR/B.cmds (-bt commands: "=S<name>" per rule set, "$=X" per
class filled only by C lines, then "=M"), with DIR/B.raw (the real
sendmail's -bt output for the original .cf), DIR/B.emit.raw (its output for
cfgen's emit of that .cf) and DIR/B.json (cfgen dump --json
--no-positions), print one result line per comparison:
  ok B classes|emit        or   fail B classes|emit: WHY
followed, for failures, by indented diff lines.
  emit:    the real sendmail prints the same =S rule sets, $=X members and
           =M mailers for the emit output as for the original.
  classes: the members cfgen's dump gives each such class equal the real
           $=X (as sets: sendmail lists them in hash order).
(cfgen's rules against the real =S: tests/cfgen/oracle-rules.test.)
When the emit comparison fails, a folded one is tried: the sandbox values
of j, m, w, opMode (what sendmail substitutes at read time for $j written in
a rule) become $&j... and $>"name" loses its quotes, on both sides;
equality then names the kind of difference. One python process does all
files: interpreter start-up is slow on loaded machines.
"""
import difflib
import glob
import json
import os
import re
import sys

# Values the sandbox gives the macros sendmail substitutes at read time when
# a rule writes $x rather than $&x (host names; opMode is "t" under -bt).
SANDBOX = {"j": "x . localdomain", "m": "localdomain", "w": "x", "opMode": "t"}


def read_cmds(path):
    """The -bt commands of a .cmds file, one a line."""
    with open(path) as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def split_real(cmds, raw, opts):
    """Sections of real -bt output: each answer follows a "> " prompt."""
    body = raw.split("Enter <ruleset> <address>\n", 1)[-1]
    chunks, out = re.split(r"(?m)^> ", body)[1:], []
    answers = []
    for c in chunks:
        while c.startswith("> "):	# an empty answer: prompt after prompt
            answers.append("")
            c = c[2:]
        answers.append(c)
    for cmd, ans in zip(cmds, answers):
        out.append("== " + cmd)
        lines = [normalise(l, opts) for l in ans.split("\n") if l]
        out += sorted(lines) if cmd.startswith("$=") else lines	# hash order
    return out


def normalise(line, opts):
    """Apply the --plain-calls / --fold-host normalisations to one line."""
    if "--plain-calls" in opts:
        line = re.sub(r'\$> "([^" ]*)" ', r"$> \1 ", line)
    if "--fold-host" in opts:	# j first: its value contains m's and w's
        for mac in ("j", "m", "w", "opMode"):
            val, sym = " %s " % SANDBOX[mac], " $&%s " % name(mac)
            while val in line:
                line = line.replace(val, sym)
    return line


def name(n):
    """A macro or class name as sendmail prints it: x or {long}."""
    return n if len(n) == 1 else "{" + n + "}"


def render_ours(cmds, dump):
    """cfgen's members of the classes the $=X commands ask for, sorted."""
    classes = {c["name"]: c for c in dump.get("classes", [])}
    out = []
    for cmd in cmds:
        if cmd.startswith("$="):
            out.append("== " + cmd)
            c = classes.get(cmd[2:].strip("{}"))
            out += sorted(c["members"]) if c else ["(class missing from cfgen's dump)"]
    return out


def only_classes(sections):
    """The $=X sections of a section list."""
    out, keep = [], False
    for line in sections:
        if line.startswith("== "):
            keep = line.startswith("== $=")
        if keep:
            out.append(line)
    return out


def diff(a, b, label):
    """The first lines of a unified diff, indented."""
    return ["    " + l.rstrip("\n") for l in
            list(difflib.unified_diff(a, b, label[0], label[1], n=1, lineterm=""))[2:40]]


def check(d):
    """Result lines for every B.cmds in directory d."""
    out = []
    for cmds_path in sorted(glob.glob(os.path.join(d, "*.cmds"))):
        b = cmds_path[:-5]
        name_ = os.path.basename(b)
        cmds = read_cmds(cmds_path)
        raw = open(b + ".raw", encoding="latin-1").read()
        real = split_real(cmds, raw, ())
        if os.path.exists(b + ".json"):
            ours = render_ours(cmds, json.load(open(b + ".json")))
            if only_classes(real) == ours:
                out.append("ok %s classes" % name_)
            else:
                out.append("fail %s classes: cfgen's class members differ from the "
                           "real $=X (- real, + cfgen)" % name_)
                out += diff(only_classes(real), ours, ("real", "cfgen"))
        if not os.path.exists(b + ".emit.raw"):
            continue
        emit = open(b + ".emit.raw", encoding="latin-1").read()
        if split_real(cmds, emit, ()) == real:
            out.append("ok %s emit" % name_)
            continue
        fold = ("--plain-calls", "--fold-host")
        rf, ef = split_real(cmds, raw, fold), split_real(cmds, emit, fold)
        if rf == ef:
            out.append("fail %s emit: the real sendmail reads the emit output "
                       "differently, only in $x written back as $&x and/or "
                       "$>\"name\" written unquoted" % name_)
        else:
            out.append("fail %s emit: the real sendmail reads cfgen's emit output "
                       "differently (- original, + emit)" % name_)
            out += diff(rf, ef, ("original", "emit"))
    return out


def main(argv):
    """Command line: check DIR."""
    if len(argv) == 2 and argv[0] == "check":
        print("\n".join(check(argv[1])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
