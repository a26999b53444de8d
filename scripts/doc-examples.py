#!/usr/bin/env python3
"""Fails unless every public item of the workspace libraries has a doc example.

The project's rule: every public type, function, method, constant and trait item
carries a runnable example (a fenced code block in its docs; `cargo test --doc`
then runs it). rustdoc's JSON output lists each public item with its docs, so the
check walks the public API from each crate root, following re-exports.

Usage: python3 scripts/doc-examples.py [crate ...]
       (default: the four libraries, the CLI's library and hardtack-benches)

Needs rustdoc's unstable JSON output: the nightly toolchain when installed, else
stable with RUSTC_BOOTSTRAP=1 (as .ci/fuzz does for cargo-fuzz).
"""
import json
import os
import subprocess
import sys

CRATES = ["hardtack-cookie", "hardtack-token", "hardtack-sid", "hardtack", "hardtack-cli",
          "hardtack-benches"]
TARGET = "target/doc-examples"
DOCUMENTED = {"struct", "enum", "union", "trait", "function", "constant", "static",
              "type_alias", "macro"}


def rustdoc_command():
    """`cargo +nightly` when nightly is installed, else stable with RUSTC_BOOTSTRAP=1."""
    env = dict(os.environ)
    toolchains = subprocess.run(["rustup", "toolchain", "list"], capture_output=True,
                                text=True).stdout
    if "nightly" in toolchains:
        return ["cargo", "+nightly"], env
    env["RUSTC_BOOTSTRAP"] = "1"
    return ["cargo"], env


def rustdoc_json(crate, cargo, env):
    cmd = cargo + ["rustdoc", "-q", "-p", crate, "--lib", "--all-features",
                   "--target-dir", TARGET, "--",
                   "-Z", "unstable-options", "--output-format", "json"]
    subprocess.run(cmd, check=True, env=env)
    with open(os.path.join(TARGET, "doc", crate.replace("-", "_") + ".json")) as f:
        return json.load(f)


def has_example(item):
    """A fenced block that rustdoc compiles and runs: no info string, or Rust, and not
    `ignore`, `no_run`, `compile_fail` or another language."""
    inside = False
    for line in (item.get("docs") or "").splitlines():
        line = line.strip()
        if not line.startswith("```"):
            continue
        if inside:  # a closing fence
            inside = False
            continue
        inside = True
        info = set(line[3:].replace(",", " ").split())
        if not info or info <= {"rust", "should_panic", "edition2021", "edition2024"}:
            return True
    return False


def missing_examples(doc, crate):
    index = doc["index"]
    missing, seen = [], set()

    def item(i):
        return index.get(str(i))

    def walk(iid, path):
        if iid in seen:
            return
        seen.add(iid)
        it = item(iid)
        if it is None or it.get("crate_id", 0) != 0:
            return
        kind, inner = next(iter(it["inner"].items()))
        name = it.get("name") or ""
        here = f"{path}::{name}" if path and name else (path or name)
        if kind == "module":
            if it.get("visibility") == "public" or iid == doc["root"]:
                for child in inner["items"]:
                    walk(child, here)
            return
        if kind == "use":
            if it.get("visibility") == "public" and inner.get("id") is not None:
                walk(inner["id"], path)
            return
        if it.get("visibility") != "public" or kind not in DOCUMENTED:
            return
        if not has_example(it):
            missing.append(f"{kind} {here}")
        if kind in ("struct", "enum", "union"):
            for impl_id in inner.get("impls", []):
                impl = (item(impl_id) or {}).get("inner", {}).get("impl")
                if not impl or impl.get("trait") or impl.get("blanket_impl") \
                        or impl.get("is_synthetic"):
                    continue
                for m in impl["items"]:
                    mi = item(m)
                    if mi and mi.get("visibility") == "public" and not has_example(mi):
                        missing.append(f"method {here}::{mi.get('name')}")
        if kind == "trait":
            for m in inner["items"]:
                mi = item(m)
                if mi and not has_example(mi):
                    missing.append(f"trait item {here}::{mi.get('name')}")

    walk(doc["root"], "")
    return missing


def main():
    crates = sys.argv[1:] or CRATES
    cargo, env = rustdoc_command()
    failed = False
    for crate in crates:
        missing = missing_examples(rustdoc_json(crate, cargo, env), crate)
        print(f"{crate}: {len(missing)} public item(s) without a doc example")
        for m in missing:
            print(f"  {m}")
        failed |= bool(missing)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
