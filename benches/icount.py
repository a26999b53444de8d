#!/usr/bin/env python3
"""Instruction counts per call from gungraun's summaries, ratios, and the CI check.

Reads <target>/gungraun/hardtack-benches/icount*/**/summary.json (written by
`cargo bench -p hardtack-benches --bench icount --bench icount_growth --
--save-summary=json`), divides each benchmark's callgrind `Ir` by the number of
calls it makes (ITERATIONS in benches/benches/icount.rs; one in icount_growth.rs),
and prints per-call counts with hardtack/peer ratios and the growth of cost with
input length.

  --check   compare hardtack's own counts with benches/icount-baseline.json and
            exit 1 if one grew by more than the tolerance (default +10%), or if
            hostile input grew faster than linearly (GROWTH below)
  --update  rewrite benches/icount-baseline.json from this run

Instruction counts are deterministic for one binary, so the check does not depend
on machine load. They do depend on the compiler: a toolchain update can move
them, and then the baseline is regenerated with --update (docs/benchmarks.md).
Peers are recorded in the baseline for reference and never checked.
"""

import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "icount-baseline.json")
ITERATIONS_RE = re.compile(r"const ITERATIONS: usize = (\d+);")

# Pairs (hardtack id, peer id) whose ratio is printed, with the issue-8 goal if any.
RATIOS = [
    ("set_cookie_parse/hardtack_lenient", "set_cookie_parse/cookie"),
    ("set_cookie_parse/hardtack_strict", "set_cookie_parse/cookie"),
    ("cookie_header_parse/hardtack_50", "cookie_header_parse/cookie_50"),
    ("cookie_header_parse/hardtack_50", "cookie_header_parse/biscotti_50"),
    ("cookie_header_parse/hardtack_50", "cookie_header_parse/bytes_baseline_50"),
    ("cookie_header_parse/hardtack_strict_50", "cookie_header_parse/cookie_50"),
    ("cookie_header_parse/hardtack_1", "cookie_header_parse/cookie_1"),
    ("set_cookie_serialize/hardtack", "set_cookie_serialize/cookie"),
    ("set_cookie_serialize/hardtack_string", "set_cookie_serialize/cookie"),
    ("set_cookie_serialize/hardtack", "set_cookie_serialize/biscotti"),
    ("token_sign/hardtack", "token_sign/hmac_floor"),
    ("token_sign/hardtack", "token_sign/jsonwebtoken"),
    ("token_sign/hardtack", "token_sign/cookie_signed_jar"),
    ("token_verify/hardtack", "token_verify/hmac_floor"),
    ("token_verify/hardtack_16_keys", "token_verify/hmac_floor"),
    ("token_verify/hardtack", "token_verify/jsonwebtoken"),
    ("token_verify/hardtack", "token_verify/cookie_signed_jar"),
    ("session_id/hardtack_fast", "session_id/thread_rng_b64"),
    ("session_id/hardtack_parse", "session_id/base64_parse"),
    ("cookie_jar/hardtack_store_20", "cookie_jar/cookie_store_store_20"),
    ("cookie_jar/hardtack_header_1000", "cookie_jar/cookie_store_header_1000"),
]

# The bench binary whose benchmarks call their operation once, not ITERATIONS times.
ONCE_BINARY = "icount_growth"

# Growth limits (benches/src/input_growth.rs): (function, small suffix, large
# suffix, largest allowed Ir ratio large/small). Cookie shapes grow the input
# tenfold: linear work gives about 10, quadratic 100. An oversized token must be
# refused by its length alone: 1 MiB costs what 1 KiB costs.
GROWTH = [
    ("input_growth", "_10k", "_100k", 12.0),
    ("token_verify_growth", "_1k", "_1m", 1.1),
]


def growth_pairs(counts):
    """(small id, large id, limit) for every case of the GROWTH functions."""
    pairs = []
    for function, small, large, limit in GROWTH:
        for bid in sorted(counts):
            if bid.startswith(function + "/") and bid.endswith(small):
                pairs.append((bid, bid[: -len(small)] + large, limit))
    return pairs


def iterations():
    with open(os.path.join(HERE, "benches", "icount.rs")) as f:
        m = ITERATIONS_RE.search(f.read())
    if not m:
        sys.exit("ITERATIONS not found in benches/benches/icount.rs")
    return int(m.group(1))


def load(target_dir):
    bench_root = os.path.join(target_dir, "gungraun", "hardtack-benches")
    pattern = os.path.join(bench_root, "icount*", "**", "summary.json")
    n = iterations()
    counts = {}
    for path in glob.glob(pattern, recursive=True):
        with open(path) as f:
            s = json.load(f)
        ir = None
        for profile in s.get("profiles", []):
            if profile.get("tool") == "Callgrind":
                ir = profile["data"]["total"]["metrics"]["Ir"]["values"]["new"]
        if ir is None:
            continue
        binary = os.path.relpath(path, bench_root).split(os.sep)[0]
        calls = 1 if binary == ONCE_BINARY else n
        counts[f"{s['function_name']}/{s['id']}"] = ir / calls
    return counts


def main():
    ap = argparse.ArgumentParser(description="per-call instruction counts and the baseline check")
    ap.add_argument("--target-dir", default=os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--tolerance", type=float, default=10.0, help="allowed growth in percent")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()

    counts = load(args.target_dir)
    if not counts:
        print("no gungraun summaries found; run the icount bench with --save-summary=json", file=sys.stderr)
        return 1

    md = args.markdown
    print("| benchmark | Ir per call |\n|---|---:|" if md else f"{'benchmark':<44} {'Ir/call':>10}")
    for bid in sorted(counts):
        print(f"| {bid} | {counts[bid]:,.0f} |" if md else f"{bid:<44} {counts[bid]:>10,.0f}")
    print()
    print("| hardtack | peer | Ir ratio hardtack/peer |\n|---|---|---:|" if md else f"{'hardtack':<40} {'peer':<40} {'ratio':>6}")
    for ours, theirs in RATIOS:
        if ours in counts and theirs in counts:
            r = counts[ours] / counts[theirs]
            print(f"| {ours} | {theirs} | {r:.3f} |" if md else f"{ours:<40} {theirs:<40} {r:>6.3f}")

    pairs = growth_pairs(counts)
    grew = []
    print()
    print("| input | Ir small | Ir large | growth | limit |\n|---|---:|---:|---:|---:|" if md else f"{'input (small -> large)':<44} {'growth':>7} {'limit':>6}")
    for small, large, limit in pairs:
        g = counts[large] / counts[small] if large in counts else float("inf")
        if g > limit:
            grew.append(large)
        if md:
            print(f"| {small} | {counts[small]:,.0f} | {counts.get(large, 0):,.0f} | {g:.2f} | {limit:g} |")
        else:
            print(f"{small:<44} {g:>7.2f} {limit:>6g}{'  EXCEEDED' if g > limit else ''}")

    if args.update:
        with open(BASELINE, "w") as f:
            json.dump({k: round(v, 1) for k, v in sorted(counts.items())}, f, indent=2)
            f.write("\n")
        print(f"\nwrote {os.path.relpath(BASELINE, ROOT)}")
        return 0
    if not args.check:
        return 0

    if not pairs:
        print("icount: no input_growth results", file=sys.stderr)
        return 1
    if grew:
        print(f"icount: cost grew faster than allowed for: {', '.join(grew)}")
        return 1

    with open(BASELINE) as f:
        baseline = json.load(f)
    limit = 1 + args.tolerance / 100
    failed = []
    print(f"\nhardtack's own counts against {os.path.relpath(BASELINE, ROOT)} (tolerance +{args.tolerance:g}%):")
    for bid in sorted(k for k in baseline if k.split("/", 1)[1].startswith("hardtack")):
        base, now = baseline[bid], counts.get(bid)
        if now is None:
            failed.append(bid)
            print(f"  {bid:<44} missing from this run")
            continue
        change = (now / base - 1) * 100
        verdict = "REGRESSED" if now > base * limit else ("improved: consider --update" if now < base / limit else "ok")
        print(f"  {bid:<44} {base:>10,.0f} -> {now:>10,.0f}  {change:+6.1f}%  {verdict}")
        if now > base * limit:
            failed.append(bid)
    if failed:
        print(f"icount: {len(failed)} hardtack benchmark(s) regressed or missing: {', '.join(failed)}")
        return 1
    print("icount: no hardtack regression")
    return 0


if __name__ == "__main__":
    sys.exit(main())
