#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

Seeds come from data already in the repository or beside it, never from files
copied by hand:

* the http-state parser corpus (../shared/conformance/http-state): its
  Set-Cookie lines, the Cookie headers it expects, and the dates inside them;
* the benchmark corpus (benches/data/set-cookie.txt);
* tokens signed here with the fuzz targets' own test keys (the wire format is
  re-implemented from docs/token-format.md with the standard library only);
* session ids of every supported size, canonical and not;
* RFC 2109 `Cookie` and `Set-Cookie` shapes ($Version, $Path, quoted-pairs, commas);
* cookie-jar sessions: each http-state test as its harness runs it, and the
  benchmark corpus stored, sent, and sent again after the clock moves.

Usage, from anywhere:  python3 scripts/fuzz-seeds.py [--out DIR]

The output is deterministic. Existing seed files of the same name are
overwritten; files the fuzzer added to the corpus are left alone. Structured
targets (set_cookie_roundtrip, token_roundtrip, percent_encode) get pseudo-random byte strings:
`arbitrary` turns any bytes into a valid input.
"""

import argparse
import base64
import hashlib
import hmac
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HTTP_STATE = os.path.join(ROOT, "..", "shared", "conformance", "http-state")
BENCH_CORPUS = os.path.join(ROOT, "benches", "data", "set-cookie.txt")


def http_state_lines(prefix: bytes):
    """Header values of `prefix` lines (b"Set-Cookie:" or b"Cookie:") in the corpus."""
    if not os.path.isdir(HTTP_STATE):
        print(f"note: {HTTP_STATE} not found; http-state seeds skipped", file=sys.stderr)
        return []
    out = []
    for name in sorted(os.listdir(HTTP_STATE)):
        if not (name.endswith("-test") or name.endswith("-expected")):
            continue
        with open(os.path.join(HTTP_STATE, name), "rb") as f:
            for line in f.read().split(b"\n"):
                line = line.rstrip(b"\r")
                if line[: len(prefix)].lower() == prefix.lower():
                    out.append(line[len(prefix):].lstrip(b" "))
    return out


def bench_set_cookies():
    with open(BENCH_CORPUS, "rb") as f:
        return [l for l in f.read().split(b"\n") if l]


# ------------------------------------------------------------------ cookies

def set_cookie_seeds():
    seeds = http_state_lines(b"Set-Cookie:") + bench_set_cookies()
    seeds += [
        b"a=b; Version=1; Comment=\"x, y\"; Path=\"/\"",  # RFC 2109 shapes
        b"a=\"b\\\"c\"; Version=1",
        b"a=b, c=d",
        b"__Host-a=b; Path=/; Secure",
        b"a=b; Path=/x ; Domain=.example.com",
        b"a=b\x07",
        b"a=\xff\xfe",
        b"a=b; Max-Age=99999999999999999999",
        b"a=b; Expires=Sat, 30 Feb 2030 00:00:00 GMT",
        b"=b",
        b"a",
        b"",
    ]
    return seeds


def cookie_header_seeds():
    seeds = [l for l in http_state_lines(b"Cookie:")]
    seeds += [
        b"a=1; b=2; c=3",
        b"a=1;b=2;; c = 3 ;bare; =v; n=",
        b"sid=\"quoted\"; x=a=b; y=\xc3\xa9; z=\xff",
        b"a=1\nb=2; c=3\n\nd=4",  # LF splits fields for MultiPairs
        b"a=1; b=x y; c=\"unbalanced; d=\t4\t",
        b"; ",
        b"",
        b"; ".join(b"k%d=%s" % (i, b"v" * (i * 7 % 40)) for i in range(50)),
        b"big=" + b"x" * 4093,
        b"big=" + b"x" * 4092,
    ]
    return seeds


DAYS = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"]
MONTHS = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"]


def date_seeds():
    seeds = []
    for sc in set_cookie_seeds():
        for av in sc.split(b";"):
            name, _, value = av.partition(b"=")
            if name.strip().lower() == b"expires":
                seeds.append(value.strip())
    seeds += [
        b"Sun, 06 Nov 1994 08:49:37 GMT",
        b"Sunday, 06-Nov-94 08:49:37 GMT",
        b"Sun Nov  6 08:49:37 1994",
        b"Thu, 01 Jan 1970 00:00:00 GMT",
        b"Mon, 01 Jan 1601 00:00:00 GMT",
        b"Fri, 31 Dec 9999 23:59:59 GMT",
        b"Tue, 29 Feb 2000 12:00:00 GMT",
        b"29 feb 1900 0:0:0",
        b"1 jan 69 0:0:0",
        b"1 jan 70 0:0:0",
        b"1 JANUARY 0070 23:59:59",
        b"1x jan\xff 1999 00:00:00z",
        b"00:00:00 1 Janvier 1999 12:00:00",
        b"Sun, 06 Nov 1994 08:49:60 GMT",
        b"123 jan 1999 00:00:00",
        b"tomorrow",
        b"",
    ]
    return seeds


def rfc2109_seeds():
    seeds = [
        b'$Version="1"; a="x,y"; $Path="/", b=2',
        b"$Version=1; sid=abc; $Path=/; $Domain=.example.com; theme=dark",
        b'a="quoted \\"escape\\""; b=token, c=3',
        b"$Path=/; a=1",
        b'a=1; Version=1, b="x y"; Version=1; Path=/',
        b"a=1; Expires=Wed, 09-Jun-2021 10:18:14 GMT, b=2",
        b'a="unterminated',
        b"a=1,,;; b=2",
        b"",
    ]
    seeds += http_state_lines(b"Set-Cookie:")[:40]
    return seeds


# ------------------------------------------------------------------ tokens

# Mirrors fuzz/fuzz_targets/token_verify.rs: context, key ids, master keys, NOW.
TOKEN_CONTEXT = b"fuzz/token"
TOKEN_NOW = 1_800_000_000
LABEL = b"uid.time.sign/v1"


def b64u(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def master(kid: int) -> bytes:
    return bytes([(kid * 17 + 1) & 0xFF]) * 32


def derive(master_key: bytes, context: bytes) -> bytes:
    msg = LABEL + b"\x00" + len(context).to_bytes(2, "big") + context + b"\x01"
    return hmac.new(master_key, msg, hashlib.sha256).digest()


def token(kid: int, uid: bytes, issued_at: int, version: int = 1) -> bytes:
    hdr = (version << 4) | kid
    k_ctx = derive(master(kid), TOKEN_CONTEXT)
    msg = bytes([hdr, len(uid)]) + uid + issued_at.to_bytes(6, "big")
    tag = hmac.new(k_ctx, msg, hashlib.sha256).digest()
    return uid + b"." + b64u(issued_at.to_bytes(6, "big")) + b"." + b64u(bytes([hdr]) + tag)


def token_verify_seeds():
    seeds = []
    for kid in (3, 7):
        for uid in (b"u", b"user-12345", b"A" * 64, b"_-09azAZ"):
            seeds.append(token(kid, uid, TOKEN_NOW - 3600))
    seeds += [
        token(3, b"old", TOKEN_NOW - 2 * 365 * 86400),  # expired
        token(3, b"future", TOKEN_NOW + 3600),  # not yet valid
        token(3, b"revoked", 1_785_000_000),  # authentic, before the not-before cutoff
        token(5, b"nokey", TOKEN_NOW),  # unknown kid
        token(3, b"v2", TOKEN_NOW, version=2),  # unsupported version
    ]
    good = token(3, b"user-12345", TOKEN_NOW)
    seeds += [good[:-1], good + b"A", good.replace(b".", b"_", 1), good[:-1] + b"B"]
    return seeds


# ------------------------------------------------------------------ session ids

def sid_seeds(rng):
    seeds = []
    for n in (16, 18, 24, 48):
        raw = bytes(rng.randrange(256) for _ in range(n))
        text = b64u(raw)
        seeds.append(text)
        seeds.append(text[:-1] + b"+")  # outside the alphabet
        seeds.append(text + b"A")  # wrong length
    # Non-canonical trailing bits in a 16-byte id (22 chars, 4 spare bits).
    seeds.append(b64u(bytes(16))[:-1] + b"B")
    return seeds


# ------------------------------------------------------------------ jar

def jar_line(op, arg, text=b""):
    """One operation of the jar_store_response target (see its header)."""
    return bytes([op, arg]) + text


STORE, SEND, TICK, CUSTOM_URL = 0x00, 0x02, 0x03, 0x08


def jar_seeds():
    """Each http-state test as the harness runs it (store every Set-Cookie from
    URL 0, then ask URL 1 for its Cookie header), and the benchmark corpus from an
    https origin, sent before and after the clock moves past some expiries."""
    seeds = []
    if os.path.isdir(HTTP_STATE):
        for name in sorted(os.listdir(HTTP_STATE)):
            if not name.endswith("-test"):
                continue
            with open(os.path.join(HTTP_STATE, name), "rb") as f:
                lines = [l.rstrip(b"\r") for l in f.read().split(b"\n")]
            ops = [jar_line(STORE, 0, l[len(b"Set-Cookie:"):].lstrip(b" "))
                   for l in lines if l[:11].lower() == b"set-cookie:"]
            ops.append(jar_line(SEND, 1))
            seeds.append(b"\n".join(ops))
    bench = [jar_line(STORE, 3, l) for l in bench_set_cookies()]
    seeds.append(b"\n".join(bench + [jar_line(SEND, 3), jar_line(SEND, 4),
                                     jar_line(TICK, 255), jar_line(SEND, 3)]))
    # A request to a URL given in the text, script and cross-site contexts.
    seeds.append(b"\n".join([
        jar_line(STORE, 3, b"a=1; Domain=example.com; Path=/"),
        jar_line(SEND | CUSTOM_URL, 0, b"https://x.example.com/a?b"),
        jar_line(SEND | 0x10, 3),
        jar_line(SEND | 0x60, 3),
        jar_line(TICK | 0x10, 1),
    ]))
    return seeds


def random_bytes(rng, count, max_len):
    return [bytes(rng.randrange(256) for _ in range(rng.randrange(1, max_len))) for _ in range(count)]


def write(out_dir, target, seeds):
    d = os.path.join(out_dir, target)
    os.makedirs(d, exist_ok=True)
    unique = sorted(set(seeds))
    for s in unique:
        name = "seed-" + hashlib.sha1(s).hexdigest()[:16]
        with open(os.path.join(d, name), "wb") as f:
            f.write(s)
    print(f"{target}: {len(unique)} seeds")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "fuzz", "corpus"))
    args = ap.parse_args()
    rng = random.Random(0x4A7D)
    write(args.out, "set_cookie_parse", set_cookie_seeds())
    write(args.out, "cookie_header_pairs", cookie_header_seeds())
    write(args.out, "cookie_header_strict", cookie_header_seeds())
    write(args.out, "parse_cookie_date", date_seeds())
    write(args.out, "set_cookie_roundtrip", random_bytes(rng, 64, 256))
    write(args.out, "token_verify", token_verify_seeds())
    write(args.out, "token_roundtrip", random_bytes(rng, 64, 160))
    write(args.out, "sid_parse", sid_seeds(rng))
    write(args.out, "rfc2109_cookie_header", rfc2109_seeds())
    write(args.out, "percent_encode", random_bytes(rng, 64, 200))
    write(args.out, "jar_store_response", jar_seeds())


if __name__ == "__main__":
    main()
