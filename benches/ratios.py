#!/usr/bin/env python3
"""Print the hardtack/peer ratio table from criterion's results.

Reads <target>/criterion/<group>/<function>[/<param>]/new/estimates.json (the
median point estimate, in ns) for the benchmarks of benches/benches/compare.rs,
and prints every issue-8 target (plus informational rows for the cookie jar) with the measured ratio and whether it is met.

Usage:  python3 benches/ratios.py [--target-dir DIR] [--markdown]

Wall-clock ratios on a shared 2-core VM are noisy (docs/benchmarks.md): this
script reports, it never fails a build. Exit status is 0 unless results are
missing altogether.
"""

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (label, numerator id, denominator id, kind, bound)
#   kind "faster": denominator / numerator >= bound  (hardtack is `bound`x faster)
#   kind "within": numerator / denominator <= bound  (hardtack costs at most `bound`x)
TARGETS = [
    ("Set-Cookie corpus, lenient vs cookie", "set_cookie_parse/hardtack_lenient", "set_cookie_parse/cookie", "faster", 5.0),
    ("Set-Cookie corpus, strict vs cookie", "set_cookie_parse/hardtack_strict", "set_cookie_parse/cookie", "faster", 5.0),
    ("Cookie header 50 pairs vs cookie", "cookie_header_parse/hardtack/50", "cookie_header_parse/cookie/50", "faster", 6.0),
    ("Cookie header 50 pairs vs byte-level baseline", "cookie_header_parse/hardtack/50", "cookie_header_parse/bytes_baseline/50", "within", 1.5),
    ("Serialize (stack buffer) vs cookie", "set_cookie_serialize/hardtack", "set_cookie_serialize/cookie", "faster", 5.0),
    ("Serialize (String) vs cookie", "set_cookie_serialize/hardtack_string", "set_cookie_serialize/cookie", "faster", 5.0),
    ("Token verify vs HMAC floor", "token_verify/hardtack", "token_verify/hmac_floor", "within", 1.25),
    ("Token verify, 16 keys, vs HMAC floor", "token_verify/hardtack_16_keys", "token_verify/hmac_floor", "within", 1.25),
    ("Token verify vs jsonwebtoken", "token_verify/hardtack", "token_verify/jsonwebtoken", "faster", 6.0),
    ("Fast session id vs ThreadRng+encode", "session_id/hardtack_fast", "session_id/thread_rng_b64", "within", 1.5),
    # No issue target for the jar: informational, "met" only means hardtack is not slower.
    ("Jar store, 20 cookies, vs cookie_store", "cookie_jar/hardtack/store_response", "cookie_jar/cookie_store/store_response", "faster", 1.0),
    ("Jar Cookie header, 1,000 stored, vs cookie_store", "cookie_jar/hardtack/request_header", "cookie_jar/cookie_store/request_header", "faster", 1.0),
]

# Every benchmark of compare.rs, in table order, for the full listing.
GROUPS = [
    ("set_cookie_parse", ["hardtack_lenient", "hardtack_strict", "cookie"]),
    ("cookie_header_parse/1", ["hardtack", "hardtack_strict", "cookie", "biscotti", "bytes_baseline"]),
    ("cookie_header_parse/10", ["hardtack", "hardtack_strict", "cookie", "biscotti", "bytes_baseline"]),
    ("cookie_header_parse/50", ["hardtack", "hardtack_strict", "cookie", "biscotti", "bytes_baseline"]),
    ("set_cookie_serialize", ["hardtack", "hardtack_string", "cookie", "biscotti"]),
    ("token_sign", ["hardtack", "hmac_floor", "jsonwebtoken", "cookie_signed_jar"]),
    ("token_verify", ["hardtack", "hardtack_16_keys", "hmac_floor", "jsonwebtoken", "cookie_signed_jar"]),
    ("session_id", ["hardtack", "hardtack_fast", "getrandom_b64", "thread_rng_b64", "hardtack_parse", "base64_parse"]),
    ("cookie_jar/store_response", ["hardtack", "cookie_store"]),
    ("cookie_jar/request_header", ["hardtack", "cookie_store"]),
]


def bench_id(group, function):
    """'cookie_header_parse/50' + 'cookie' -> 'cookie_header_parse/cookie/50'."""
    if "/" in group:
        g, param = group.split("/", 1)
        return f"{g}/{function}/{param}"
    return f"{group}/{function}"


def median_ns(criterion_dir, bid):
    path = os.path.join(criterion_dir, *bid.split("/"), "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def fmt_ns(ns):
    if ns is None:
        return "—"
    if ns >= 1000:
        return f"{ns / 1000:,.2f} µs"
    return f"{ns:,.1f} ns"


def main():
    ap = argparse.ArgumentParser(description="hardtack/peer ratios from criterion results")
    ap.add_argument("--target-dir", default=os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")))
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = ap.parse_args()
    crit = os.path.join(args.target_dir, "criterion")
    if not os.path.isdir(crit):
        print(f"no criterion results under {crit}", file=sys.stderr)
        return 1

    md = args.markdown
    print("| benchmark | median | vs hardtack |" if md else f"{'benchmark':<44} {'median':>12} {'x hardtack':>11}")
    if md:
        print("|---|---:|---:|")
    for group, fns in GROUPS:
        base = median_ns(crit, bench_id(group, fns[0]))
        for fn in fns:
            bid = bench_id(group, fn)
            ns = median_ns(crit, bid)
            rel = f"{ns / base:.2f}" if ns and base else "—"
            print(f"| {bid} | {fmt_ns(ns)} | {rel} |" if md else f"{bid:<44} {fmt_ns(ns):>12} {rel:>11}")

    print()
    head = ("| target | measured | goal | met |", "|---|---:|---:|---|")
    print("\n".join(head) if md else f"{'target':<48} {'measured':>10} {'goal':>8}  met")
    found = 0
    for label, num, den, kind, bound in TARGETS:
        a, b = median_ns(crit, num), median_ns(crit, den)
        if a is None or b is None:
            measured, met = "—", "no data"
        else:
            found += 1
            if kind == "faster":
                r = b / a
                measured, met = f"{r:.2f}x faster", "yes" if r >= bound else "NO"
            else:
                r = a / b
                measured, met = f"{r:.2f}x", "yes" if r <= bound else "NO"
        goal = f">= {bound}x" if kind == "faster" else f"<= {bound}x"
        print(f"| {label} | {measured} | {goal} | {met} |" if md else f"{label:<48} {measured:>10} {goal:>8}  {met}")
    if found == 0:
        print("no ratio could be computed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
