#!/usr/bin/env python3
"""crack-gen.py SEED COUNT - malformed addresses for tests/runtime/crack.test.

Writes COUNT lines, one address each, made from the same SEED the same way
on every machine and Python version (its own xorshift generator, no
`random`). Lines cycle through four profiles with different weights:
specials (the bytes crackaddr() treats specially, blanks), phrases (words,
quoted strings, angles, comments, groups), 8-bit (bytes 0xa0-0xfe mixed
in) and long (a run of one piece, 20-299 bytes, around the 255-byte
result limit; lines stay well under -bt's 2048).

Not generated, because -bt itself (not crackaddr) treats them apart:
trailing blanks (sendmail strips them from the line), bytes 0x80-0x9f
and 0xff (sendmail's internal meta bytes, printed as "$x" by xputs),
NUL, CR and newline.
"""
import sys

SPECIALS = [b"(", b")", b"<", b">", b'"', b"\\", b":", b";", b",", b"@",
            b"[", b"]", b".", b" ", b"\t", b"'", b"%", b"!"]
PIECES = [b"a", b"b", b"Bob", b"user", b"x.example", b"host", b"x@y",
          b"<x@y>", b"(c)", b'"a b"', b"[1.2.3.4]", b"::", b":.", b"<>",
          b'""', b'\\"', b"g:", b";", b" ", b"@", b"<", b">", b"(", b")",
          b'"', b"\\", b":", b","]
EIGHT = [bytes([b]) for b in range(0xa0, 0xff)]
MASK = (1 << 64) - 1


class Rng:
    """xorshift64*: a small generator whose output is fixed by its seed."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & MASK or 1

    def below(self, n):
        """An integer in [0, n)."""
        x = self.state
        x ^= x >> 12
        x ^= (x << 25) & MASK
        x ^= x >> 27
        self.state = x
        return ((x * 0x2545F4914F6CDD1D) & MASK) % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


def specials(rng):
    """Mostly special bytes, a few words."""
    return [rng.pick(SPECIALS) if rng.below(4) else rng.pick(PIECES)
            for _ in range(1 + rng.below(10))]


def phrases(rng):
    """Whole pieces: words, quoted strings, angles, comments, groups."""
    return [rng.pick(PIECES) for _ in range(1 + rng.below(8))]


def eight_bit(rng):
    """Pieces and specials with 8-bit bytes mixed in."""
    out = []
    for _ in range(1 + rng.below(10)):
        kind = rng.below(3)
        out.append(rng.pick(EIGHT) if kind == 0 else
                   rng.pick(SPECIALS) if kind == 1 else rng.pick(PIECES))
    return out


def long_runs(rng):
    """A few pieces around one long run of a single piece or byte."""
    out = phrases(rng)[:rng.below(4)]
    piece = rng.pick(PIECES + SPECIALS + [b"b"] * 8)
    run = (piece * 300)[:20 + rng.below(280)]
    out.insert(rng.below(len(out) + 1), run)
    return out


PROFILES = [specials, phrases, eight_bit, long_runs]


def line(rng, i):
    """Address number i: never blank, no trailing blank."""
    text = b"".join(PROFILES[i % len(PROFILES)](rng)).rstrip(b" \t")
    return text if text.strip(b" \t") else b"x"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: crack-gen.py SEED COUNT\n")
        return 2
    rng = Rng(int(argv[1]))
    out = sys.stdout.buffer
    for i in range(int(argv[2])):
        out.write(line(rng, i) + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
