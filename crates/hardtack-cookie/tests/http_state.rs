//! The http-state parser corpus (Adam Barth, IETF http-state WG), run through the jar
//! exactly as `shared/conformance/http-state/FORMAT.md` describes: a fresh jar per
//! case, the response to `http://home.example.org:8888/cookie-parser?<id>`, the
//! redirect to `Location` (or `/cookie-parser-result?<id>`), a pinned clock, and a
//! public suffix list in which `org` and `com` are suffixes.
//!
//! The corpus encodes RFC 6265 (2011); the jar follows RFC 6265bis. Every case where
//! the two disagree is listed in [`KNOWN`] with the rule that changes the result, and
//! in `docs/conformance.md`. The test fails when an unlisted case fails *or* a listed
//! one starts passing, so the list cannot go stale.
#![cfg(feature = "jar")]

use std::fs;
use std::path::Path;

use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
use time::OffsetDateTime;
use time::macros::datetime;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/conformance/http-state"
);

/// FORMAT.md: pin "now" between 2011 and August 2019 so that no expectation is stale.
const NOW: OffsetDateTime = datetime!(2015-01-01 00:00:00 UTC);

const ORIGIN: &str = "http://home.example.org:8888";

/// Cases whose expectation RFC 6265bis changes: the id, the header a 6265bis user
/// agent sends (checked, so a regression in these cases fails too) and the rule. Keep
/// in sync with `docs/conformance.md`.
const KNOWN: &[(&str, Option<&str>, &str)] = &[
    // §5.6 step 3 and §5.8.3 step 4: a name-value pair without `=` (or with an empty
    // name) is a nameless cookie, stored and sent as its bare value.
    ("0004", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    (
        "0021",
        Some("a=b; x; c=d"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    ("0023", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    ("0024", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    ("0025", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    ("0026", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    ("0027", Some("bar"), "nameless cookie (6265bis §5.6 step 3)"),
    ("0028", Some("foo"), "nameless cookie (6265bis §5.6 step 3)"),
    (
        "chromium0009",
        Some("BLAHHH"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "chromium0010",
        Some(r#""BLA\"HHH""#),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "chromium0012",
        Some("ABC"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "mozilla0012",
        Some(r#"test="fubar! = foo; five"#),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "mozilla0014",
        Some("six"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "mozilla0015",
        Some("seven"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "mozilla0016",
        Some("eight"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "mozilla0017",
        Some("eight; test=six"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0017",
        Some("a=bar"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0023",
        Some("foo"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0025",
        Some("==a=bar"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0028",
        Some("a"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0031",
        Some(r#""foo"#),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0032",
        Some(r#""foo\"bar"#),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    (
        "name0033",
        Some("aaa"),
        "nameless cookie (6265bis §5.6 step 3)",
    ),
    // §5.6 step 1: a control character makes the whole Set-Cookie ignored, where
    // RFC 6265 truncated the value at it.
    (
        "disabled-chromium0022",
        None,
        "control character rejects the cookie (6265bis §5.6 step 1)",
    ),
    (
        "disabled-chromium0023",
        None,
        "control character rejects the cookie (6265bis §5.6 step 1)",
    ),
    // §5.7 step 5/7: the last Domain attribute wins, and an empty one makes the
    // cookie host-only (RFC 6265 ignored the empty attribute).
    (
        "optional-domain0042",
        Some("foo=bar"),
        "empty last Domain makes the cookie host-only (6265bis §5.7 step 7)",
    ),
    // §5.1.4: path-match compares the request path byte for byte; `%6F` is not `o`.
    (
        "disabled-path0029",
        None,
        "path-match does not percent-decode (6265bis §5.1.4)",
    ),
];

struct Case {
    id: String,
    test: Vec<u8>,
    expected: Vec<u8>,
}

fn load_corpus(dir: &Path) -> Vec<Case> {
    let mut cases: Vec<Case> = fs::read_dir(dir)
        .expect("corpus directory is readable")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let id = name.strip_suffix("-test")?.to_owned();
            let test = fs::read(dir.join(&name)).ok()?;
            let expected = fs::read(dir.join(format!("{id}-expected"))).ok()?;
            Some(Case { id, test, expected })
        })
        .collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

/// Header fields of a `-test` file: split on LF only; the name ends at the colon; the
/// value loses leading SP/HTAB and nothing else.
fn header_fields(test: &[u8]) -> Vec<(&str, &str)> {
    test.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|line| {
            let line = std::str::from_utf8(line).expect("every corpus file is UTF-8");
            let (name, value) = line.split_once(':').expect("every line has a colon");
            (name, value.trim_start_matches([' ', '\t']))
        })
        .collect()
}

/// The harness rule for `-expected`: exactly one `Cookie:` means that header value;
/// none, or several, mean no header.
fn expectation(expected: &[u8]) -> Option<String> {
    let needle = b"Cookie:";
    let hits: Vec<usize> = expected
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect();
    let [at] = hits[..] else {
        return None;
    };
    let rest = &expected[at + needle.len()..];
    let rest = &rest[rest
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()..];
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    Some(String::from_utf8(rest[..end].to_vec()).expect("UTF-8 expectation"))
}

/// Runs one case and returns the Cookie header the jar would send.
fn run(case: &Case) -> Option<String> {
    let mut jar = Jar::new(FixedSuffixes(&["org", "com"]));
    let first = format!("{ORIGIN}/cookie-parser?{}", case.id);
    let first = RequestUrl::parse(&first).expect("first request URL");
    let mut target = format!("{ORIGIN}/cookie-parser-result?{}", case.id);
    for (name, value) in header_fields(&case.test) {
        match name {
            // Parse errors and rejections are ignored, as a browser does.
            "Set-Cookie" => drop(jar.store(&first, value, NOW, Context::http())),
            "Location" if value.starts_with('/') => target = format!("{ORIGIN}{value}"),
            "Location" => target = value.to_owned(),
            other => panic!("{}: unexpected header {other:?}", case.id),
        }
    }
    let target = RequestUrl::parse(&target).expect("redirect target URL");
    jar.cookie_header(&target, NOW, Context::http())
}

#[test]
fn http_state_corpus() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        let msg = format!("http-state corpus not found at {CORPUS}");
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{msg}: the conformance test cannot run in CI without it");
        }
        eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
        return;
    }
    let cases = load_corpus(dir);
    assert_eq!(cases.len(), 222, "the corpus has 222 cases");

    let mut passed = 0;
    let mut problems = Vec::new();
    let mut disabled = (0, 0);
    for case in &cases {
        let want = expectation(&case.expected);
        let got = run(case);
        let ok = got == want;
        let known = KNOWN.iter().find(|(id, _, _)| *id == case.id);
        if case.id.starts_with("disabled-") {
            disabled.0 += usize::from(ok);
            disabled.1 += 1;
        }
        match (ok, known) {
            (true, None) => passed += 1,
            (false, Some((_, bis, _))) if got.as_deref() == *bis => {}
            (false, Some((_, bis, why))) => problems.push(format!(
                "{}: known deviation ({why}) should send {bis:?} under 6265bis, jar sends {got:?}",
                case.id
            )),
            (true, Some((_, _, why))) => problems.push(format!(
                "{}: listed as a known deviation ({why}) but passes; remove it from KNOWN and docs/conformance.md",
                case.id
            )),
            (false, None) => problems.push(format!(
                "{}: expected {want:?}, jar sends {got:?}",
                case.id
            )),
        }
    }
    for (id, _, _) in KNOWN {
        assert!(
            cases.iter().any(|c| c.id == *id),
            "KNOWN lists {id}, which is not in the corpus"
        );
    }
    println!(
        "http-state: {passed}/{} passed, {} known (listed in docs/conformance.md); disabled cases: {}/{} passed",
        cases.len(),
        KNOWN.len(),
        disabled.0,
        disabled.1
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(passed + KNOWN.len(), cases.len());
}
