#!/usr/bin/env python3
"""Generate independent test vectors for the hardtack-token wire format v1.

This script is deliberately independent of the Rust crate: it uses only the
Python standard library (hmac, hashlib, base64, json) and re-implements the
format from docs/token-format.md. The Rust tests read the JSON it writes and
must reproduce every token bit for bit.

Usage (from the repository root):

    python3 crates/hardtack-token/tests/vectors/gen_token_vectors.py

It rewrites token-v1.json next to this script, or writes to the path given as
the first argument. The output is deterministic: running it twice gives the
same file (a Rust test checks that the committed JSON is the script's output).
"""

import base64
import hashlib
import hmac
import json
import os
import sys

VERSION = 1
LABEL = b"uid.time.sign/v1"
UID_ALPHABET = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
MAX_TIME = (1 << 48) - 1


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def derive_input(context: bytes) -> bytes:
    assert len(context) <= 0xFFFF
    return LABEL + b"\x00" + len(context).to_bytes(2, "big") + context + b"\x01"


def derive(master: bytes, context: bytes) -> bytes:
    """k_ctx = HMAC-SHA256(master, label || 0x00 || u16be(len(ctx)) || ctx || 0x01)."""
    assert len(master) >= 32
    return hmac.new(master, derive_input(context), hashlib.sha256).digest()


def header(kid: int, version: int = VERSION) -> int:
    assert 0 <= kid <= 15 and 0 <= version <= 15
    return (version << 4) | kid


def mac_input(hdr: int, uid: bytes, issued_at: int) -> bytes:
    return bytes([hdr, len(uid)]) + uid + issued_at.to_bytes(6, "big")


def token(k_ctx: bytes, kid: int, uid: bytes, issued_at: int, version: int = VERSION):
    assert 1 <= len(uid) <= 64 and set(uid) <= UID_ALPHABET
    assert 0 <= issued_at <= MAX_TIME
    hdr = header(kid, version)
    msg = mac_input(hdr, uid, issued_at)
    tag = hmac.new(k_ctx, msg, hashlib.sha256).digest()
    time_seg = b64u(issued_at.to_bytes(6, "big"))
    sign_seg = b64u(bytes([hdr]) + tag)
    assert len(time_seg) == 8 and len(sign_seg) == 44
    text = uid.decode("ascii") + "." + time_seg + "." + sign_seg
    assert 55 <= len(text) <= 118
    return text, hdr, msg, tag, time_seg, sign_seg


# ---------------------------------------------------------------- inputs

MASTERS = {
    # 32 bytes: the minimum length.
    "m32": bytes(range(0x00, 0x20)),
    # 64 bytes: exactly one SHA-256 block.
    "m64": bytes(range(0x40, 0x80)),
    # 100 bytes: longer than a block, so HMAC hashes it first (RFC 2104).
    "m100": bytes((7 * i + 3) & 0xFF for i in range(100)),
    # 32 bytes from SHA-256 of a label, used for the worked example.
    "mex": hashlib.sha256(b"hardtack-token worked example master key").digest(),
}

CONTEXTS = {
    "remember-me": b"myapp/remember-me",
    "password-reset": b"myapp/password-reset",
    "empty": b"",
    "utf8": "app/\u00e9t\u00e9".encode("utf-8"),
}

UID64 = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
assert len(UID64) == 64

VALID_CASES = [
    # name, master, context, kid, uid, issued_at
    ("uid len 1, time 0, kid 0", "m32", "remember-me", 0, b"a", 0),
    ("uid len 64, time 2^48-1, kid 15", "m32", "remember-me", 15, UID64, MAX_TIME),
    ("uid len 64, time 0, kid 0", "m64", "remember-me", 0, UID64, 0),
    ("uid len 1, time 2^48-1, kid 9", "m64", "password-reset", 9, b"Z", MAX_TIME),
    ("typical user id, kid 1", "mex", "remember-me", 1, b"user-12345", 1795414360),
    ("uuid text, kid 3", "m32", "password-reset", 3, b"6f1c2a9e-3b7d-4c55-9a0e-2d8f41b7c6aa", 1700000000),
    ("ulid, kid 0, 100-byte master", "m100", "remember-me", 0, b"01HZX3K4N5P6Q7R8S9T0VWXYZA", 1735689600),
    ("u64 decimal, kid 7, empty context", "m32", "empty", 7, b"18446744073709551615", 1234567890),
    ("underscore and dash, kid 12, utf8 context", "m64", "utf8", 12, b"-_-_", 1),
    ("uid len 47 (single inner block), kid 2", "m32", "remember-me", 2, b"a" * 47, 2**32),
    ("uid len 48 (two inner blocks), kid 2", "m32", "remember-me", 2, b"b" * 48, 2**32 - 1),
]

ENCODE_UID_CASES = [
    bytes([0x00]),
    bytes([0xFF]),
    b"f",
    b"fo",
    b"foo",
    b"foobar",
    bytes([0xFB, 0xFF]),          # uses code points 62 and 63: '-' and '_'
    bytes(range(16)),             # a raw 128-bit id
    bytes(range(0xD0, 0x100)),    # 48 bytes: the maximum, 64 characters
    "j\u00fcrgen@example.org".encode("utf-8"),
]


def ring_desc(context_name, keys):
    """keys: list of (kid, master_name, current)."""
    return {
        "context_hex": CONTEXTS[context_name].hex(),
        "keys": [
            {"kid": kid, "master_hex": MASTERS[m].hex(), "current": cur} for kid, m, cur in keys
        ],
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "token-v1.json")

    derivations = []
    for mname in ["m32", "m64", "m100", "mex"]:
        for cname in ["remember-me", "password-reset", "empty", "utf8"]:
            m, c = MASTERS[mname], CONTEXTS[cname]
            derivations.append(
                {
                    "master_hex": m.hex(),
                    "context_hex": c.hex(),
                    "derive_input_hex": derive_input(c).hex(),
                    "k_ctx_hex": derive(m, c).hex(),
                }
            )

    valid = []
    for name, mname, cname, kid, uid, t in VALID_CASES:
        k = derive(MASTERS[mname], CONTEXTS[cname])
        text, hdr, msg, tag, tseg, sseg = token(k, kid, uid, t)
        valid.append(
            {
                "name": name,
                "master_hex": MASTERS[mname].hex(),
                "context_hex": CONTEXTS[cname].hex(),
                "k_ctx_hex": k.hex(),
                "kid": kid,
                "uid": uid.decode("ascii"),
                "issued_at": t,
                "header_hex": "%02x" % hdr,
                "mac_input_hex": msg.hex(),
                "tag_hex": tag.hex(),
                "time_segment": tseg,
                "sign_segment": sseg,
                "token": text,
            }
        )

    # Tokens that must be rejected, with the error the verify order implies.
    invalid = []
    k_rm = derive(MASTERS["m32"], CONTEXTS["remember-me"])
    ring_rm = ring_desc("remember-me", [(0, "m32", True)])
    good, *_ = token(k_rm, 0, b"alice", 1700000000)

    for version in (0, 2, 15):
        bad, *_ = token(k_rm, 0, b"alice", 1700000000, version=version)
        invalid.append(
            {
                "name": "version %d header with a valid MAC under that header" % version,
                "ring": ring_rm,
                "token": bad,
                "now": 1700000000,
                "max_age": 3600,
                "expected": "UnsupportedVersion",
            }
        )

    bad, *_ = token(k_rm, 7, b"alice", 1700000000)
    invalid.append(
        {
            "name": "kid 7 not in a ring holding only kid 0 (same master, so trying other keys would succeed)",
            "ring": ring_rm,
            "token": bad,
            "now": 1700000000,
            "max_age": 3600,
            "expected": "UnknownKey",
        }
    )

    k_pr = derive(MASTERS["m32"], CONTEXTS["password-reset"])
    bad, *_ = token(k_pr, 0, b"alice", 1700000000)
    invalid.append(
        {
            "name": "same master, same kid, other context",
            "ring": ring_rm,
            "token": bad,
            "now": 1700000000,
            "max_age": 3600,
            "expected": "BadSignature",
        }
    )

    # Header byte swapped to another kid that is in the ring: the header is covered by the MAC.
    ring_two = ring_desc("remember-me", [(0, "m32", True), (1, "m32", False)])
    _, hdr, msg, tag, tseg, sseg = token(k_rm, 0, b"alice", 1700000000)
    swapped = "alice." + tseg + "." + b64u(bytes([header(1)]) + tag)
    invalid.append(
        {
            "name": "header kid changed from 0 to 1 (both in the ring, same master)",
            "ring": ring_two,
            "token": swapped,
            "now": 1700000000,
            "max_age": 3600,
            "expected": "BadSignature",
        }
    )

    # uid length prefix: "alice" vs "alic" + moved byte cannot collide; a changed uid fails.
    invalid.append(
        {
            "name": "uid changed, rest kept",
            "ring": ring_rm,
            "token": "alicf" + good[5:],
            "now": 1700000000,
            "max_age": 3600,
            "expected": "BadSignature",
        }
    )

    # Standard alphabet and padding spellings of the same bytes are malformed.
    t = 1700000000
    while True:
        text, hdr, msg, tag, tseg, sseg = token(k_rm, 0, b"alice", t)
        std = base64.b64encode(bytes([hdr]) + tag).decode("ascii")
        if std != sseg:
            break
        t += 1
    invalid.append(
        {
            "name": "sign segment in the standard base64 alphabet (+ and /)",
            "ring": ring_rm,
            "token": "alice." + tseg + "." + std,
            "now": t,
            "max_age": 3600,
            "expected": "Malformed",
        }
    )
    invalid.append(
        {
            "name": "time segment padded",
            "ring": ring_rm,
            "token": "alice." + tseg + "==." + sseg,
            "now": t,
            "max_age": 3600,
            "expected": "Malformed",
        }
    )
    invalid.append(
        {
            "name": "the same valid token (control)",
            "ring": ring_rm,
            "token": text,
            "now": t,
            "max_age": 3600,
            "expected": "Ok",
        }
    )

    # Time rules, applied only after the MAC: boundaries.
    time_cases = []
    t0 = 1700000000
    text, *_ = token(k_rm, 0, b"alice", t0)

    def tc(name, now, max_age, leeway, not_before, expected):
        time_cases.append(
            {
                "name": name,
                "ring": ring_rm,
                "token": text,
                "issued_at": t0,
                "now": now,
                "max_age": max_age,
                "leeway": leeway,
                "not_before": not_before,
                "expected": expected,
            }
        )

    tc("age == max_age is valid", t0 + 3600, 3600, 60, None, "Ok")
    tc("age == max_age + 1 is expired", t0 + 3601, 3600, 60, None, "Expired")
    tc("issued == now + leeway is valid", t0 - 60, 3600, 60, None, "Ok")
    tc("issued == now + leeway + 1 is not yet valid", t0 - 61, 3600, 60, None, "NotYetValid")
    tc("leeway 0, issued one second ahead", t0 - 1, 3600, 0, None, "NotYetValid")
    tc("max_age 0 at the same second", t0, 0, 0, None, "Ok")
    tc("issued == not_before is valid", t0, 3600, 60, t0, "Ok")
    tc("issued < not_before is revoked", t0, 3600, 60, t0 + 1, "Revoked")
    tc("now far before issue", 0, 3600, 60, None, "NotYetValid")
    tc("now == u64::MAX, max_age == u64::MAX", 2**64 - 1, 2**64 - 1, 60, None, "Ok")
    tc("now == u64::MAX, max_age 3600", 2**64 - 1, 3600, 60, None, "Expired")

    encode_uid = [{"bytes_hex": b.hex(), "uid": b64u(b)} for b in ENCODE_UID_CASES]

    # Worked example, every intermediate value, for docs/token-format.md.
    m, c = MASTERS["mex"], CONTEXTS["remember-me"]
    k = derive(m, c)
    text, hdr, msg, tag, tseg, sseg = token(k, 1, b"user-12345", 1795414360)
    worked = {
        "master_hex": m.hex(),
        "master_note": "SHA-256 of the ASCII string 'hardtack-token worked example master key'",
        "context": c.decode("ascii"),
        "derive_input_hex": derive_input(c).hex(),
        "k_ctx_hex": k.hex(),
        "kid": 1,
        "header_hex": "%02x" % hdr,
        "uid": "user-12345",
        "issued_at": 1795414360,
        "time6_hex": (1795414360).to_bytes(6, "big").hex(),
        "time_segment": tseg,
        "mac_input_hex": msg.hex(),
        "tag_hex": tag.hex(),
        "sign_bytes_hex": (bytes([hdr]) + tag).hex(),
        "sign_segment": sseg,
        "token": text,
        "token_len": len(text),
    }

    doc = {
        "title": "hardtack-token wire format v1 test vectors",
        "layout_version": 1,
        "generator": "gen_token_vectors.py: Python standard library only (hmac, hashlib, base64, json); independent of the Rust crate",
        "format": {
            "grammar": "token = uid '.' time '.' sign; uid = 1*64 [A-Za-z0-9_-]; time = 8 base64url chars (6 bytes, u48 BE Unix seconds); sign = 44 base64url chars (33 bytes: header || tag)",
            "header": "(version << 4) | kid, version 1, kid 0..=15",
            "derivation": "k_ctx = HMAC-SHA256(master, 'uid.time.sign/v1' || 0x00 || u16be(len(ctx)) || ctx || 0x01)",
            "mac": "tag = HMAC-SHA256(k_ctx, header || u8(len(uid)) || uid || time6)",
            "min_len": 55,
            "max_len": 118,
        },
        "fields": {
            "*_hex": "lowercase hex bytes",
            "derivations": "k_ctx for each master key and context",
            "valid": "tokens the crate must sign bit for bit (ring: that master at that kid, current; sign(uid, issued_at)) and verify at now = issued_at",
            "invalid": "tokens that verify must reject with 'expected' (an error variant name, or Ok for a control), under 'ring' at 'now' with max_age in seconds and the default 60 s leeway",
            "time_checks": "one authentic token checked against time rules; leeway and max_age in seconds; not_before null means none",
            "encode_uid": "bytes -> uid text via unpadded base64url",
            "worked_example": "every intermediate value of one token, quoted in docs/token-format.md",
        },
        "derivations": derivations,
        "valid": valid,
        "invalid": invalid,
        "time_checks": time_cases,
        "encode_uid": encode_uid,
        "worked_example": worked,
    }

    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=True)
        f.write("\n")
    print("wrote", out_path)


if __name__ == "__main__":
    main()
