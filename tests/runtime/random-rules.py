#!/usr/bin/env python3
"""random-rules.py SEED cf|input [N] - a random .cf of five rulesets (the
metasymbols, classes, $&, $>, $[ $], $( $), $|, $#) or N random -bt
lines for it, the same for the same seed on every machine (Python's
seeded Mersenne Twister). tests/runtime/random-rules.test runs both
sendmails on them; differences it found are fixed in the runtime."""
import random
import sys

LITS = ['a', 'b', 'c', 'x', 'y', '@', '.', '<', '>', '!', '%', ':', 'foo',
        'bar', 'LOCAL', '"q"', '[', ']']
NSETS = 5


def lhs(r):
    out = []
    for _ in range(r.randint(1, 5)):
        x = r.random()
        if x < 0.25: out.append('$*')
        elif x < 0.4: out.append('$+')
        elif x < 0.5: out.append('$-')
        elif x < 0.58: out.append(r.choice(['$=A', '$=B', '$~A', '$=w']))
        elif x < 0.62: out.append('$@')
        elif x < 0.65: out.append('$&z')
        else: out.append(r.choice(LITS))
    return out


def rhs(r, nmatch):
    out = []
    x = r.random()
    if x < 0.15: out.append('$@')
    elif x < 0.3: out.append('$:')
    for _ in range(r.randint(0, 5)):
        x = r.random()
        if x < 0.35 and nmatch: out.append('$%d' % r.randint(1, nmatch))
        elif x < 0.42: out.append('$>%d' % r.randint(1, NSETS))
        elif x < 0.47:
            out.append('$[ %s $]' % r.choice(['localhost', '$1' if nmatch else 'x',
                                            '[127.0.0.1]', 'nosuch.invalid']))
        elif x < 0.52: out.append('$( m %s $@ Z $: D $)' % ('$1' if nmatch else 'foo'))
        elif x < 0.55: out.append('$&z')
        elif x < 0.58: out.append('$|')
        else: out.append(r.choice(LITS))
    if r.random() < 0.08:
        out = ['$#', 'local', '$:'] + out[:2]
    return out


def cf(seed):
    r = random.Random(seed)
    lines = ['V10/Berkeley', 'Djx.localdomain', 'CAa b foo', 'CBbar x.y',
             'DzZVAL', 'Km text -v1 /dev/null', 'Mlocal, P=/bin/true, F=l, A=x $u']
    for s in range(1, NSETS + 1):
        lines.append('S%d' % s)
        for _ in range(r.randint(1, 6)):
            left = lhs(r)
            nm = sum(1 for t in left if t in ('$*', '$+', '$-') or t[:2] in ('$=', '$~'))
            lines.append('R' + ' '.join(left) + '\t' + ' '.join(rhs(r, nm)))
    return '\n'.join(lines) + '\n'


def inputs(seed, n):
    r = random.Random(seed + 1000)
    toks = ['a', 'b', 'c', 'x', 'y', '@', '.', '<', '>', '!', '%', ':', 'foo', 'bar',
            'x.y', '"q"', '[127.0.0.1]', 'localhost', ' ']
    out = []
    for _ in range(n):
        s = ''.join(r.choice(toks) for _ in range(r.randint(1, 6))).strip() or 'a'
        sets = ','.join(str(r.randint(1, NSETS)) for _ in range(r.randint(1, 2)))
        out.append('%s %s' % (sets, s))
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    seed = int(sys.argv[1])
    sys.stdout.write(cf(seed) if sys.argv[2] == 'cf' else
                     inputs(seed, int(sys.argv[3]) if len(sys.argv) > 3 else 150))
