#!/usr/bin/env python3
"""json-checks.py - the JSON side of real-cf.test, in one python process.

  json-checks.py SCHEMA DIR
For every DIR/B.json (cfgen dump --json): validate it against SCHEMA (the
IR JSON Schema; skipped if SCHEMA does not exist). For every
DIR/B.np.json with a DIR/B.emit.np.json (dump --no-positions of the
original and of cfgen's emit output): they must be equal. Prints
"ok B schema|round trip" or "fail B schema|round trip: WHY" lines, with
indented detail lines after failures.
"""
import difflib
import glob
import json
import os
import sys


def load(path):
    """The JSON document in path, or None if it does not parse."""
    try:
        with open(path) as f:
            return json.load(f)
    except ValueError:
        return None


def canon(path):
    """Canonical text lines of the JSON in path (None if not JSON)."""
    doc = load(path)
    return None if doc is None else json.dumps(doc, indent=1, sort_keys=True).split("\n")


def schema_check(validator, path, b):
    """Result lines for validating the dump in path."""
    doc = load(path)
    if doc is None:
        return ["fail %s schema: the dump is not valid JSON" % b]
    errs = sorted(validator.iter_errors(doc), key=str)
    if not errs:
        return ["ok %s schema" % b]
    out = ["fail %s schema: dump does not match ir.schema.json (%d errors)" % (b, len(errs))]
    for e in errs[:5]:
        where = "/".join(map(str, e.absolute_path))
        out.append("    %s: %s" % (where, e.message[:200]))
    return out


def round_trip(orig, emit, b):
    """Result lines for comparing the two no-position dumps."""
    a, c = canon(orig), canon(emit)
    if a is None or c is None:
        return ["fail %s round trip: a dump is not valid JSON" % b]
    if a == c:
        return ["ok %s round trip" % b]
    d = difflib.unified_diff(a, c, "original", "emit", n=1, lineterm="")
    return ["fail %s round trip: dump of the emit output differs" % b] + \
        ["    " + l for l in list(d)[2:30]]


def main(argv):
    """Command line: SCHEMA DIR."""
    if len(argv) != 2:
        sys.exit(__doc__)
    schema_path, d = argv
    validator = None
    if os.path.exists(schema_path):
        import jsonschema
        with open(schema_path) as f:
            schema = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema)
    out = []
    for path in sorted(glob.glob(os.path.join(d, "*.json"))):
        base = os.path.basename(path)
        if base.endswith(".np.json"):
            continue
        b = base[:-5]
        if validator is not None:
            out += schema_check(validator, path, b)
        np_, emit = os.path.join(d, b + ".np.json"), os.path.join(d, b + ".emit.np.json")
        if os.path.exists(np_) and os.path.exists(emit):
            out += round_trip(np_, emit, b)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
