#!/usr/bin/env python3
"""bt-rules.py - compare rule sets as the real sendmail sees them (-bt =S).

  bt-rules.py check DIR
For every DIR/B.cmds (the -bt commands: "=S<name>" per rule set, "$=X"
per class filled only by C lines (compared as sorted sets), then "=M"),
with DIR/B.raw (real sendmail -bt output for the original .cf), DIR/B.json
(cfgen dump --json --no-positions) and DIR/B.emit.raw (real sendmail -bt
output for cfgen's emit of it), print one result line per comparison:
  ok B rules|emit           or   fail B rules|emit: WHY
followed, for failures, by indented diff lines. "rules": cfgen's dump
rendered in the layout of =S (and its class members) equals the real =S
(and $=X) sections ($>"name" is
compared unquoted: the IR drops the quotes). "emit": the real sendmail
prints the same =S/=M for the emitted file as for the original.
When an exact comparison fails, the host fold is tried: the sandbox values
of j, m, w, opMode (what sendmail substitutes at read time for $j written in
a rule) are replaced by $&j... on both sides; equality then means the only
difference is $x versus $&x, and the failure says so. (One python process
for all files: interpreter start-up is slow on loaded machines.)
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
SIMPLE = {"star": "$*", "plus": "$+", "one": "$-", "net": "$#", "host": "$@",
          "user": "$:", "hbegin": "$[", "hend": "$]", "lbegin": "$(",
          "lend": "$)", "sep": "$|", "dot": "$."}


def read_cmds(path):
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
    if "--plain-calls" in opts:
        line = re.sub(r'\$> "([^" ]*)" ', r"$> \1 ", line)
    if "--fold-host" in opts:	# j first: its value contains m's and w's
        for mac in ("j", "m", "w", "opMode"):
            val, sym = " %s " % SANDBOX[mac], " $&%s " % name(mac)
            while val in line:
                line = line.replace(val, sym)
    return line


def name(n):
    return n if len(n) == 1 else "{" + n + "}"


def token(t):
    k = t["k"]
    if k == "word":
        return [t["t"]]
    if k in SIMPLE:
        return [SIMPLE[k]]
    if k == "pos":
        return ["$%d" % t["n"]]
    if k in ("class", "nclass"):
        return [("$=" if k == "class" else "$~") + name(t["t"])]
    if k == "call":
        return ["$>"] + ([t["t"]] if t.get("t") else [])
    if k == "defer":
        if t.get("n") == 1 and t["t"] in SANDBOX:	# written $j: read-time value
            return SANDBOX[t["t"]].split()
        return ["$&" + name(t["t"])]
    raise SystemExit("bt-rules.py: unknown token kind %r" % k)


def side(toks):
    return "".join(x + " " for t in toks for x in token(t))


def render_ours(cmds, dump, opts):
    by = {}
    for rs in dump["rulesets"]:
        by[str(rs["num"])] = rs
        if rs.get("name"):
            by[rs["name"]] = rs
    classes = {c["name"]: c for c in dump.get("classes", [])}
    out = []
    for cmd in cmds:
        if cmd.startswith("$="):
            out.append("== " + cmd)
            c = classes.get(cmd[2:].strip("{}"))
            out += sorted(c["members"]) if c else ["(class missing from cfgen's dump)"]
            continue
        if not cmd.startswith("=S"):
            continue
        out.append("== " + cmd)
        rs = by.get(cmd[2:])
        if rs is None:
            out.append("(rule set missing from cfgen's dump)")
            continue
        for r in rs["rules"]:
            line = "R" + side(r["lhs"]) + "\t\t" + side(r["rhs"])
            out.append(normalise(line, opts))
    return out


def diff(a, b, label):
    return ["    " + l.rstrip("\n") for l in
            list(difflib.unified_diff(a, b, label[0], label[1], n=1, lineterm=""))[2:40]]


def compare(real, other, kind, fold_msg, diff_label):
    """Exact, then host-folded comparison of two section lists."""
    r, o = real(()), other(())
    if r == o:
        return ["ok " + kind]
    rf, of = real(("--plain-calls", "--fold-host")), other(("--plain-calls", "--fold-host"))
    if rf == of:
        return ["fail %s: %s" % (kind, fold_msg)]
    return ["fail %s: %s" % (kind, diff_label[2])] + diff(rf, of, diff_label)


def strip_m(sections):
    return sections[:sections.index("== =M")] if "== =M" in sections else sections


def check(d):
    out = []
    for cmds_path in sorted(glob.glob(os.path.join(d, "*.cmds"))):
        b = cmds_path[:-5]
        name_ = os.path.basename(b)
        cmds = read_cmds(cmds_path)
        raw = open(b + ".raw", encoding="latin-1").read()
        if os.path.exists(b + ".json"):
            dump = json.load(open(b + ".json"))
            res = compare(
                lambda o: strip_m(split_real(cmds, raw, ("--plain-calls",) + o)),
                lambda o: render_ours(cmds, dump, ("--plain-calls",) + o),
                name_ + " rules",
                "equal only if $x (read-time) and $&x are alike: the dump does "
                "not say which defer tokens were written $x",
                ("real", "cfgen", "cfgen's rule sets differ from the real "
                 "sendmail's (- real, + cfgen)"))
            out += res
        if os.path.exists(b + ".emit.raw"):
            emit = open(b + ".emit.raw", encoding="latin-1").read()
            out += compare(
                lambda o: split_real(cmds, raw, o),
                lambda o: split_real(cmds, emit, o),
                name_ + " emit",
                "the real sendmail reads the emit output differently, only in "
                "$x written back as $&x and/or $>\"name\" written unquoted",
                ("original", "emit", "the real sendmail reads cfgen's emit "
                 "output differently (- original, + emit)"))
    return out


def main(argv):
    if len(argv) == 2 and argv[0] == "check":
        print("\n".join(check(argv[1])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
