//! Behaviour tables for the cookie jar, written from the behaviours that Go's
//! `net/http/cookiejar` tests (including the Chromium `CookieMonster` cases they port)
//! and the WPT `cookies/` suite check, restricted to what applies outside a browser.
//! No code was copied: each row states a behaviour and its source in words.
//!
//! Go's jar follows RFC 6265 (2011). Where RFC 6265bis changes its answer, the row
//! says so (`6265bis:`) and expects the 6265bis result.
#![cfg(feature = "jar")]

use hardtack_cookie::SameSite;
use hardtack_cookie::jar::{
    Context, FixedSuffixes, Jar, Rejection, RequestUrl, Site, Stored, StoredCookie,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2020-06-01 12:00:00 UTC);

/// The public suffixes the Go tests rely on (its list treats unknown TLDs such as
/// `test` and `izzle` as suffixes through the implicit `*` rule).
const SUFFIXES: FixedSuffixes<'static> =
    FixedSuffixes(&["com", "net", "org", "uk", "co.uk", "test", "izzle"]);

/// One step: a response from `from` setting `set`, then requests and the `Cookie`
/// header each must carry (`""`: no header). Steps of a group share one jar; each
/// step happens one second after the previous one.
struct Step {
    what: &'static str,
    from: &'static str,
    set: &'static [&'static str],
    queries: &'static [(&'static str, &'static str)],
}

fn url(s: &str) -> RequestUrl<'_> {
    RequestUrl::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn header(jar: &mut Jar<FixedSuffixes<'_>>, to: &str, now: OffsetDateTime, ctx: Context) -> String {
    jar.cookie_header(&url(to), now, ctx).unwrap_or_default()
}

fn run_group(group: &str, steps: &[Step], fresh_jar_per_step: bool) {
    let mut jar = Jar::new(SUFFIXES);
    let mut now = T0;
    for step in steps {
        if fresh_jar_per_step {
            jar = Jar::new(SUFFIXES);
        }
        now += Duration::SECOND;
        let from = url(step.from);
        for set in step.set {
            // Rejections are part of the behaviour under test: they show up as
            // missing cookies in the queries.
            let _ = jar.store(&from, set, now, Context::http());
        }
        for (to, want) in step.queries {
            let got = header(&mut jar, to, now, Context::http());
            assert_eq!(&got, want, "{group} / {}: GET {to}", step.what);
        }
    }
}

/// Go `basicsTests`: one fresh jar per row.
#[test]
fn go_basics() {
    run_group(
        "go basics",
        &[
            Step {
                what: "a host cookie goes to its host only, on any path and scheme",
                from: "http://www.host.test/",
                set: &["A=a"],
                queries: &[
                    ("http://www.host.test", "A=a"),
                    ("http://www.host.test/some/path", "A=a"),
                    ("https://www.host.test", "A=a"),
                    ("http://sub.www.host.test", ""),
                    ("http://host.test", ""),
                    ("http://www.host.test.other", ""),
                ],
            },
            Step {
                what: "a Secure cookie is not sent over http",
                from: "https://www.host.test/",
                set: &["A=a; secure"],
                queries: &[
                    ("https://www.host.test", "A=a"),
                    ("http://www.host.test", ""),
                ],
            },
            Step {
                what: "an explicit path is matched on segment boundaries",
                from: "http://www.host.test/",
                set: &["A=a; path=/some/path"],
                queries: &[
                    ("http://www.host.test/some/path", "A=a"),
                    ("http://www.host.test/some/path/", "A=a"),
                    ("http://www.host.test/some/path/foo", "A=a"),
                    ("http://www.host.test/some/pathxyz", ""),
                    ("http://www.host.test/some", ""),
                    ("http://www.host.test/", ""),
                ],
            },
            Step {
                what: "the default path of /some/path/ is /some/path",
                from: "http://www.host.test/some/path/",
                set: &["A=a"],
                queries: &[
                    ("http://www.host.test/some/path", "A=a"),
                    ("http://www.host.test/some/path/foo", "A=a"),
                    ("http://www.host.test/some", ""),
                ],
            },
            Step {
                what: "the default path of /some/path is /some",
                from: "http://www.host.test/some/path",
                set: &["A=a"],
                queries: &[
                    ("http://www.host.test/some", "A=a"),
                    ("http://www.host.test/some/path", "A=a"),
                    ("http://www.host.test/someXX", ""),
                    ("http://www.host.test/", ""),
                ],
            },
            Step {
                what: "longer paths come first",
                from: "http://www.host.test/",
                set: &[
                    "A=a; path=/foo/bar",
                    "B=b; path=/foo/bar/baz/qux",
                    "C=c; path=/foo/bar/baz",
                    "D=d; path=/foo",
                ],
                queries: &[
                    ("http://www.host.test/foo/bar/baz/qux", "B=b; C=c; A=a; D=d"),
                    ("http://www.host.test/foo/bar/baz/", "C=c; A=a; D=d"),
                    ("http://www.host.test/foo/bar", "A=a; D=d"),
                ],
            },
            Step {
                what: "equal path lengths keep creation order",
                from: "http://www.host.test/",
                set: &[
                    "A=a; path=/foo/bar",
                    "X=x; path=/foo/bar",
                    "Y=y; path=/foo/bar/baz/qux",
                    "B=b; path=/foo/bar/baz/qux",
                    "C=c; path=/foo/bar/baz",
                    "D=d; path=/foo",
                ],
                queries: &[(
                    "http://www.host.test/foo/bar/baz/qux",
                    "Y=y; B=b; C=c; A=a; X=x; D=d",
                )],
            },
            Step {
                what: "same-name cookies on different paths and domains are all kept and sorted",
                from: "http://www.host.test/",
                set: &[
                    "A=1; path=/",
                    "A=2; path=/path",
                    "A=3; path=/quux",
                    "A=4; path=/path/foo",
                    "A=5; domain=.host.test; path=/path",
                    "A=6; domain=.host.test; path=/quux",
                    "A=7; domain=.host.test; path=/path/foo",
                ],
                queries: &[
                    ("http://www.host.test/path", "A=2; A=5; A=1"),
                    ("http://www.host.test/path/foo", "A=4; A=7; A=2; A=5; A=1"),
                ],
            },
            Step {
                what: "a Domain that is a public suffix is refused",
                from: "http://www.bbc.co.uk/",
                set: &["a=1", "b=2; domain=.co.uk"],
                queries: &[("http://www.bbc.co.uk", "a=1"), ("http://other.co.uk", "")],
            },
            Step {
                what: "an IP host gets host cookies",
                from: "http://192.168.0.10/",
                set: &["a=1"],
                queries: &[
                    ("http://192.168.0.10", "a=1"),
                    ("http://192.168.0.10/path", "a=1"),
                    ("http://192.168.0.1", ""),
                ],
            },
            Step {
                // 6265bis: the leading dot is dropped before matching, so
                // `.192.168.0.10` names the host itself, like `192.168.0.10`.
                what: "on an IP host only a Domain naming the host itself is accepted",
                from: "http://192.168.0.10/",
                set: &[
                    "a=1; domain=192.168.0.10",
                    "b=2; domain=172.31.9.9",
                    "c=3; domain=.192.168.0.10",
                    "d=4; domain=168.0.10",
                ],
                queries: &[
                    ("http://192.168.0.10", "a=1; c=3"),
                    ("http://172.31.9.9", ""),
                ],
            },
            Step {
                what: "ports are ignored",
                from: "http://www.host.test:8080/",
                set: &["a=1"],
                queries: &[
                    ("http://www.host.test", "a=1"),
                    ("http://www.host.test:8080", "a=1"),
                    ("https://www.host.test:1234", "a=1"),
                ],
            },
        ],
        true,
    );
}

/// Go `updateAndDeleteTests`: one jar through all rows.
#[test]
fn go_update_and_delete() {
    run_group(
        "go update and delete",
        &[
            Step {
                what: "set the initial cookies",
                from: "https://www.host.test/",
                set: &[
                    "a=1",
                    "b=2; secure",
                    "c=3; httponly",
                    "d=4; secure; httponly",
                ],
                queries: &[
                    ("https://www.host.test", "a=1; b=2; c=3; d=4"),
                    ("http://www.host.test", "a=1; c=3"),
                ],
            },
            Step {
                // 6265bis §5.7 step 10: Go stores `b=x; secure` from http; a 6265bis
                // jar refuses Secure cookies from insecure URLs.
                what: "update over http: Secure ones are refused",
                from: "http://www.host.test/",
                set: &[
                    "a=w",
                    "b=x; secure",
                    "c=y; httponly",
                    "d=z; secure; httponly",
                ],
                queries: &[
                    ("https://www.host.test", "a=w; b=2; c=y; d=4"),
                    ("http://www.host.test", "a=w; c=y"),
                ],
            },
            Step {
                // 6265bis §5.7 step 13: Go lets http clear the Secure flag; 6265bis
                // refuses a non-Secure cookie that would shadow a Secure one.
                what: "http cannot replace a Secure cookie with a plain one",
                from: "http://www.host.test/",
                set: &["b=xx", "d=zz; httponly"],
                queries: &[("https://www.host.test", "a=w; b=2; c=y; d=4")],
            },
            Step {
                what: "a negative Max-Age deletes",
                from: "https://www.host.test/",
                set: &[
                    "a=1; max-Age=-1",
                    "b=2; max-Age=-1",
                    "c=2; max-age=-1",
                    "d=4; max-Age=-1",
                ],
                queries: &[("https://www.host.test", "")],
            },
            Step {
                what: "refill with host and domain cookies on two paths",
                from: "https://www.host.test/",
                set: &[
                    "A=1",
                    "A=2; path=/foo",
                    "A=3; domain=.host.test",
                    "A=4; path=/foo; domain=.host.test",
                ],
                queries: &[
                    ("https://www.host.test/foo", "A=2; A=4; A=1; A=3"),
                    ("https://host.test/foo", "A=4; A=3"),
                ],
            },
            Step {
                what: "an Expires in the past deletes exactly the matching identity",
                from: "https://www.host.test/",
                set: &[
                    "A=1; expires=Thu, 01 Jan 1970 00:00:00 GMT",
                    "A=4; path=/foo; domain=.host.test; expires=Thu, 01 Jan 1970 00:00:00 GMT",
                ],
                queries: &[("https://www.host.test/foo", "A=2; A=3")],
            },
        ],
        false,
    );
}

/// Go `chromiumBasicsTests` (Chromium `CookieMonsterTest` cases): fresh jar per row.
#[test]
fn chromium_basics() {
    run_group(
        "chromium basics",
        &[
            Step {
                what: "a Domain with a trailing dot does not match the host",
                from: "http://www.google.com/",
                set: &[
                    "a=1; domain=.www.google.com.",
                    "b=2; domain=.www.google.com..",
                ],
                queries: &[("http://www.google.com", "")],
            },
            Step {
                what: "a host may set cookies for itself and each parent",
                from: "http://a.b.c.d.com/",
                set: &[
                    "a=1; domain=.a.b.c.d.com",
                    "b=2; domain=.b.c.d.com",
                    "c=3; domain=.c.d.com",
                    "d=4; domain=.d.com",
                ],
                queries: &[
                    ("http://a.b.c.d.com", "a=1; b=2; c=3; d=4"),
                    ("http://b.c.d.com", "b=2; c=3; d=4"),
                    ("http://c.d.com", "c=3; d=4"),
                    ("http://d.com", "d=4"),
                ],
            },
            Step {
                what: "same-name cookies on different parent domains coexist",
                from: "http://a.b.c.d.com/",
                set: &[
                    "a=1; domain=.a.b.c.d.com",
                    "b=2; domain=.b.c.d.com",
                    "c=3; domain=.c.d.com",
                    "d=4; domain=.d.com",
                    "X=bcd; domain=.b.c.d.com",
                    "X=cd; domain=.c.d.com",
                ],
                queries: &[
                    ("http://b.c.d.com", "b=2; c=3; d=4; X=bcd; X=cd"),
                    ("http://c.d.com", "c=3; d=4; X=cd"),
                ],
            },
            Step {
                what: "Domain values the host does not domain-match are refused",
                from: "http://foo.bar.com/",
                set: &[
                    "a=1; domain=.yo.foo.bar.com",
                    "b=2; domain=.foo.com",
                    "c=3; domain=.bar.foo.com",
                    "d=4; domain=.foo.bar.com.net",
                    "e=5; domain=ar.com",
                    "g=7; domain=/",
                    "h=8; domain=http://foo.bar.com",
                    "i=9; domain=..foo.bar.com",
                    "j=10; domain=..bar.com",
                    "k=11; domain=.foo.bar.com?blah",
                    "l=12; domain=.foo.bar.com/blah",
                    "m=12; domain=.foo.bar.com:80",
                    "n=14; domain=.foo.bar.com:",
                    "o=15; domain=.foo.bar.com#sup",
                ],
                queries: &[("http://foo.bar.com", "")],
            },
            Step {
                // 6265bis §5.6.3: `.` loses its dot and leaves an empty Domain, which
                // makes a host-only cookie. Go and old Chromium refuse it.
                what: "Domain=. makes a host cookie",
                from: "http://foo.bar.com/",
                set: &["f=6; domain=."],
                queries: &[("http://foo.bar.com", "f=6"), ("http://x.foo.bar.com", "")],
            },
            Step {
                what: "a Domain longer than the host is refused",
                from: "http://foo.com.com/",
                set: &["a=1; domain=.foo.com.com.com"],
                queries: &[("http://foo.com.com", "")],
            },
            Step {
                what: "a Domain without a leading dot covers subdomains (1)",
                from: "http://manage.hosted.filefront.com/",
                set: &["a=1; domain=filefront.com"],
                queries: &[("http://www.filefront.com", "a=1")],
            },
            Step {
                what: "a Domain without a leading dot covers subdomains (2)",
                from: "http://www.google.com/",
                set: &["a=1; domain=www.google.com"],
                queries: &[
                    ("http://www.google.com", "a=1"),
                    ("http://sub.www.google.com", "a=1"),
                    ("http://something-else.com", ""),
                ],
            },
            Step {
                what: "Domain is case-insensitive",
                from: "http://www.google.com/",
                set: &["a=1; domain=.GOOGLE.COM", "b=2; domain=.www.gOOgLE.coM"],
                queries: &[("http://www.google.com", "a=1; b=2")],
            },
            Step {
                what: "an IP host with an explicit Path",
                from: "http://1.2.3.4/foo",
                set: &["a=1; path=/"],
                queries: &[("http://1.2.3.4/foo", "a=1")],
            },
            Step {
                what: "an IP host cannot set a cookie for a partial address",
                from: "http://1.2.3.4/foo",
                set: &["a=1; domain=.1.2.3.4", "b=1; domain=.3.4"],
                queries: &[("http://1.2.3.4/foo", "a=1")],
            },
            Step {
                what: "an IPv6 host gets host cookies",
                from: "http://[2001:db8::1]/",
                set: &["a=1", "b=2; domain=[2001:DB8::1]", "c=3; domain=db8::1]"],
                queries: &[
                    ("http://[2001:db8::1]/x", "a=1; b=2"),
                    ("http://[2001:db8::2]/", ""),
                ],
            },
            Step {
                what: "a fully qualified TLD host keeps its host cookie",
                from: "http://com./index.html",
                set: &["a=1"],
                queries: &[
                    ("http://com./index.html", "a=1"),
                    ("http://no-cookies.com./index.html", ""),
                ],
            },
            Step {
                what: "a Domain with a trailing dot on a host without one is refused",
                from: "http://www.google.com/",
                set: &["a=1", "b=2; domain=.www.google.com."],
                queries: &[("http://www.google.com", "a=1")],
            },
            Step {
                what: "Path matching on segment boundaries",
                from: "http://www.google.izzle/",
                set: &["a=1; path=/wee"],
                queries: &[
                    ("http://www.google.izzle/wee", "a=1"),
                    ("http://www.google.izzle/wee/", "a=1"),
                    ("http://www.google.izzle/wee/war", "a=1"),
                    ("http://www.google.izzle/wee/war/more/more", "a=1"),
                    ("http://www.google.izzle/weehee", ""),
                    ("http://www.google.izzle/", ""),
                ],
            },
        ],
        true,
    );
}

/// Go `chromiumDeletionTests`: one jar, session and persistent cookies deleted by
/// Max-Age and by Expires.
#[test]
fn chromium_deletion() {
    run_group(
        "chromium deletion",
        &[
            Step {
                what: "create session cookie a",
                from: "http://www.google.com/",
                set: &["a=1"],
                queries: &[("http://www.google.com", "a=1")],
            },
            Step {
                what: "delete it with Max-Age",
                from: "http://www.google.com/",
                set: &["a=1; max-age=-1"],
                queries: &[("http://www.google.com", "")],
            },
            Step {
                what: "create session cookie b",
                from: "http://www.google.com/",
                set: &["b=2"],
                queries: &[("http://www.google.com", "b=2")],
            },
            Step {
                what: "delete it with Expires",
                from: "http://www.google.com/",
                set: &["b=2; expires=Thu, 01 Jan 1970 00:00:00 GMT"],
                queries: &[("http://www.google.com", "")],
            },
            Step {
                what: "create persistent cookie c",
                from: "http://www.google.com/",
                set: &["c=3; max-age=3600"],
                queries: &[("http://www.google.com", "c=3")],
            },
            Step {
                what: "delete it with Max-Age=0",
                from: "http://www.google.com/",
                set: &["c=3; max-age=0"],
                queries: &[("http://www.google.com", "")],
            },
            Step {
                what: "create persistent cookie d",
                from: "http://www.google.com/",
                set: &["d=4; max-age=3600"],
                queries: &[("http://www.google.com", "d=4")],
            },
            Step {
                what: "delete it with Expires",
                from: "http://www.google.com/",
                set: &["d=4; expires=Thu, 01 Jan 1970 00:00:00 GMT"],
                queries: &[("http://www.google.com", "")],
            },
        ],
        false,
    );
}

/// Go `domainHandlingTests`: fresh jar per row.
#[test]
fn go_domain_handling() {
    run_group(
        "go domain handling",
        &[
            Step {
                what: "host cookie",
                from: "http://www.host.test/",
                set: &["a=1"],
                queries: &[
                    ("http://www.host.test", "a=1"),
                    ("http://host.test", ""),
                    ("http://bar.host.test", ""),
                    ("http://foo.www.host.test", ""),
                ],
            },
            Step {
                what: "domain cookie without a dot",
                from: "http://www.host.test/",
                set: &["a=1; domain=host.test"],
                queries: &[
                    ("http://www.host.test", "a=1"),
                    ("http://host.test", "a=1"),
                    ("http://bar.host.test", "a=1"),
                    ("http://foo.www.host.test", "a=1"),
                    ("http://other.test", ""),
                    ("http://test", ""),
                ],
            },
            Step {
                what: "domain cookie with a dot",
                from: "http://www.host.test/",
                set: &["a=1; domain=.host.test"],
                queries: &[
                    ("http://foo.www.host.test", "a=1"),
                    ("http://other.test", ""),
                ],
            },
            Step {
                what: "host cookie on a TLD",
                from: "http://com/",
                set: &["a=1"],
                queries: &[("http://com", "a=1"), ("http://any.com", "")],
            },
            Step {
                what: "a Domain equal to a TLD host becomes a host cookie",
                from: "http://com/",
                set: &["a=1; domain=com"],
                queries: &[("http://com", "a=1"), ("http://any.com", "")],
            },
            Step {
                what: "host cookie on a public suffix",
                from: "http://co.uk/",
                set: &["a=1"],
                queries: &[
                    ("http://co.uk", "a=1"),
                    ("http://uk", ""),
                    ("http://some.co.uk", ""),
                ],
            },
            Step {
                what: "a Domain that is another public suffix is refused",
                from: "http://some.co.uk/",
                set: &["a=1; domain=co.uk"],
                queries: &[("http://some.co.uk", ""), ("http://co.uk", "")],
            },
            Step {
                what: "a Domain equal to a public-suffix host becomes a host cookie",
                from: "http://co.uk/",
                set: &["a=1; domain=co.uk"],
                queries: &[("http://co.uk", "a=1"), ("http://some.co.uk", "")],
            },
        ],
        true,
    );
}

/// Go's expiry test: cookies expire as the clock moves, session cookies do not.
#[test]
fn go_expiration_over_time() {
    let mut jar = Jar::new(SUFFIXES);
    let from = url("http://www.host.test/");
    for set in [
        "a=1",
        "b=2; max-age=3",
        &format!("c=3; expires={}", fmt_http_date(T0 + Duration::seconds(3))),
        "d=4; max-age=5",
        &format!("e=5; expires={}", fmt_http_date(T0 + Duration::seconds(5))),
        "f=6; max-age=100",
    ] {
        jar.store(&from, set, T0, Context::http()).unwrap();
    }
    let at = |s: i64| T0 + Duration::seconds(s);
    let q = "http://www.host.test";
    assert_eq!(
        header(&mut jar, q, at(0), Context::http()),
        "a=1; b=2; c=3; d=4; e=5; f=6"
    );
    assert_eq!(
        header(&mut jar, q, at(2), Context::http()),
        "a=1; b=2; c=3; d=4; e=5; f=6"
    );
    assert_eq!(
        header(&mut jar, q, at(3), Context::http()),
        "a=1; d=4; e=5; f=6"
    );
    assert_eq!(header(&mut jar, q, at(5), Context::http()), "a=1; f=6");
    assert_eq!(header(&mut jar, q, at(200), Context::http()), "a=1");
    assert_eq!(jar.remove_expired(at(200)), 5);
    assert_eq!(jar.len(), 1);
}

fn fmt_http_date(t: OffsetDateTime) -> String {
    hardtack_cookie::date::HttpDate::new(t)
        .expect("a representable date")
        .to_string()
}

// ---------------------------------------------------------------------------
// WPT cookies/ behaviours (6265bis), each a small table
// ---------------------------------------------------------------------------

/// `(Set-Cookie, expected result)` stored from one URL, in order, into one jar.
fn store_table(
    from: &str,
    rows: &[(&str, Result<Stored, Rejection>)],
) -> Jar<FixedSuffixes<'static>> {
    let mut jar = Jar::new(SUFFIXES);
    let from = url(from);
    for (set, want) in rows {
        let got = jar.store(&from, set, T0, Context::http());
        match (got, want) {
            (Err(Rejection::Parse(_)), Err(Rejection::Parse(_))) => {}
            (got, want) => assert_eq!(&got, want, "{:?}", set.get(..60).unwrap_or(set)),
        }
    }
    jar
}

fn parse_err() -> Result<Stored, Rejection> {
    Err(Rejection::Parse(
        hardtack_cookie::SetCookie::parse("", hardtack_cookie::Profile::Lenient).unwrap_err(),
    ))
}

/// WPT `cookies/prefix/__secure.*` and `__host.*`: prefixes, matched
/// case-insensitively, and nameless values that look prefixed.
#[test]
fn wpt_prefixes() {
    use Rejection::*;
    let ok = Ok(Stored::Added);
    let mut jar = store_table(
        "https://example.test/",
        &[
            ("__Secure-a=1; Secure", ok),
            ("__Secure-b=1", Err(SecurePrefix)),
            ("__secure-c=1", Err(SecurePrefix)),
            ("__SECURE-d=1; Secure", ok),
            ("__Host-a=1; Secure; Path=/", ok),
            ("__Host-b=1; Secure", Err(HostPrefix)),
            ("__Host-c=1; Secure; Path=/x", Err(HostPrefix)),
            (
                "__Host-d=1; Secure; Path=/; Domain=example.test",
                Err(HostPrefix),
            ),
            ("__Host-e=1; Secure; Path=/; Domain=", Err(HostPrefix)),
            ("__host-f=1; Path=/", Err(HostPrefix)),
            ("__HoSt-g=1; Secure; Path=/", ok),
            ("__Secure-x", Err(NamelessPrefix)),
            ("=__Host-y", Err(NamelessPrefix)),
            ("=__host-z", Err(NamelessPrefix)),
            ("__Secure", ok),
        ],
    );
    assert_eq!(
        header(&mut jar, "https://example.test/", T0, Context::http()),
        "__Secure-a=1; __SECURE-d=1; __Host-a=1; __HoSt-g=1; __Secure"
    );
    // Over plain HTTP even a correctly prefixed cookie is refused, because Secure is.
    let mut jar = Jar::new(SUFFIXES);
    let plain = url("http://example.test/");
    assert_eq!(
        jar.store(&plain, "__Secure-a=1; Secure", T0, Context::http()),
        Err(InsecureOrigin)
    );
}

/// WPT `cookies/attributes/secure*` and `cookies/secure/`: Secure needs a secure URL,
/// where localhost counts as secure.
#[test]
fn wpt_secure() {
    let mut jar = Jar::new(SUFFIXES);
    let ctx = Context::http();
    assert_eq!(
        jar.store(&url("http://example.test/"), "a=1; Secure", T0, ctx),
        Err(Rejection::InsecureOrigin)
    );
    assert_eq!(
        jar.store(&url("http://localhost:8000/"), "a=1; Secure", T0, ctx),
        Ok(Stored::Added)
    );
    assert_eq!(
        jar.store(&url("http://127.0.0.1:8000/"), "b=1; Secure", T0, ctx),
        Ok(Stored::Added)
    );
    assert_eq!(header(&mut jar, "http://localhost/", T0, ctx), "a=1");
    assert_eq!(header(&mut jar, "http://127.0.0.1/", T0, ctx), "b=1");
    assert_eq!(
        jar.store(&url("http://example.test/"), "p=1; Partitioned", T0, ctx),
        Err(Rejection::PartitionedInsecure)
    );
}

/// WPT `cookies/samesite/` (what applies without a browser): SameSite=None needs
/// Secure; Strict, Lax and Default against each kind of cross-site request.
#[test]
fn wpt_same_site() {
    let mut jar = Jar::new(SUFFIXES);
    let from = url("https://example.test/");
    let same = Context::http();
    for set in [
        "strict=1; SameSite=Strict",
        "lax=1; SameSite=lax",
        "none=1; SameSite=None; Secure",
        "default=1",
        "unknown=1; SameSite=Whatever",
    ] {
        assert_eq!(jar.store(&from, set, T0, same), Ok(Stored::Added), "{set}");
    }
    assert_eq!(
        jar.store(&from, "bad=1; SameSite=None", T0, same),
        Err(Rejection::SameSiteNoneInsecure)
    );
    let flags: Vec<_> = {
        let mut v: Vec<(String, Option<SameSite>)> = jar
            .iter()
            .map(|c: StoredCookie<'_>| (c.name().to_owned(), c.same_site()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(
        flags,
        [
            ("default".to_owned(), None),
            ("lax".to_owned(), Some(SameSite::Lax)),
            ("none".to_owned(), Some(SameSite::None)),
            ("strict".to_owned(), Some(SameSite::Strict)),
            ("unknown".to_owned(), None),
        ]
    );
    let to = "https://example.test/";
    let table = [
        (
            Site::SameSite,
            "strict=1; lax=1; none=1; default=1; unknown=1",
        ),
        (
            Site::CrossSiteNavigation,
            "lax=1; none=1; default=1; unknown=1",
        ),
        (Site::CrossSiteUnsafeNavigation, "none=1"),
        (Site::CrossSite, "none=1"),
    ];
    for (site, want) in table {
        assert_eq!(
            header(&mut jar, to, T0, same.with_site(site)),
            want,
            "{site:?}"
        );
    }

    // Storing from cross-site requests: subresources may only set SameSite=None;
    // top-level navigations may set anything.
    let mut jar = Jar::new(SUFFIXES);
    let sub = same.with_site(Site::CrossSite);
    assert_eq!(
        jar.store(&from, "a=1; SameSite=Lax", T0, sub),
        Err(Rejection::CrossSite)
    );
    assert_eq!(jar.store(&from, "b=1", T0, sub), Err(Rejection::CrossSite));
    assert_eq!(
        jar.store(&from, "c=1; SameSite=None; Secure", T0, sub),
        Ok(Stored::Added)
    );
    let nav = same.with_site(Site::CrossSiteUnsafeNavigation);
    assert_eq!(
        jar.store(&from, "d=1; SameSite=Strict", T0, nav),
        Ok(Stored::Added)
    );
}

/// Without lax-by-default, "Default" cookies behave as SameSite=None on retrieval.
#[test]
fn same_site_default_without_lax_by_default() {
    use hardtack_cookie::jar::Config;
    let mut jar = Jar::with_config(SUFFIXES, Config::new().lax_by_default(false));
    let from = url("https://example.test/");
    jar.store(&from, "d=1", T0, Context::http()).unwrap();
    jar.store(&from, "l=1; SameSite=Lax", T0, Context::http())
        .unwrap();
    let cross = Context::http().with_site(Site::CrossSite);
    assert_eq!(header(&mut jar, "https://example.test/", T0, cross), "d=1");
}

/// WPT `cookies/httponly/` and 6265bis §5.7 steps 12 and 18: a non-HTTP API (a
/// script) can neither set, overwrite nor read HttpOnly cookies.
#[test]
fn wpt_http_only() {
    let mut jar = Jar::new(SUFFIXES);
    let u = url("http://example.test/");
    let (http, script) = (Context::http(), Context::non_http());
    assert_eq!(jar.store(&u, "h=1; HttpOnly", T0, http), Ok(Stored::Added));
    assert_eq!(jar.store(&u, "s=1", T0, script), Ok(Stored::Added));
    assert_eq!(
        jar.store(&u, "x=1; HttpOnly", T0, script),
        Err(Rejection::HttpOnlyFromScript)
    );
    assert_eq!(
        jar.store(&u, "h=2", T0, script),
        Err(Rejection::OverwritesHttpOnly)
    );
    assert_eq!(
        jar.store(&u, "h=; Max-Age=0", T0, script),
        Err(Rejection::OverwritesHttpOnly)
    );
    assert_eq!(header(&mut jar, "http://example.test/", T0, script), "s=1");
    assert_eq!(
        header(&mut jar, "http://example.test/", T0, http),
        "h=1; s=1"
    );
    // HTTP may overwrite both.
    assert_eq!(
        jar.store(&u, "s=2; HttpOnly", T0, http),
        Ok(Stored::Replaced)
    );
    assert_eq!(header(&mut jar, "http://example.test/", T0, script), "");
}

/// WPT `cookies/attributes/max-age.*`, `expires.*` and 6265bis §5.6.1–5.6.2: Max-Age
/// wins over Expires in any order; both are capped at 400 days.
#[test]
fn wpt_expiry() {
    let later = "Wed, 01 Jan 2031 00:00:00 GMT";
    let past = "Thu, 01 Jan 1970 00:00:00 GMT";
    let mut jar = store_table(
        "http://example.test/",
        &[
            (
                &format!("a=1; Max-Age=-1; Expires={later}"),
                Ok(Stored::Expired),
            ),
            (
                &format!("b=1; Expires={past}; Max-Age=60"),
                Ok(Stored::Added),
            ),
            (
                &format!("c=1; Max-Age=60; Expires={past}"),
                Ok(Stored::Added),
            ),
            ("d=1; Max-Age=999999999999", Ok(Stored::Added)),
            (&format!("e=1; Expires={later}"), Ok(Stored::Added)),
            ("f=1; Max-Age=", Ok(Stored::Added)),
            ("g=1; Max-Age=+5", Ok(Stored::Added)),
            ("h=1; Max-Age=0", Ok(Stored::Expired)),
            ("i=1; Expires=garbage", Ok(Stored::Added)),
        ],
    );
    let expiry = |jar: &Jar<FixedSuffixes<'_>>, name: &str| {
        jar.iter()
            .find(|c| c.name() == name)
            .map(|c| c.expires().map(|t| (t - T0).whole_seconds()))
    };
    let cap = 400 * 86_400;
    assert_eq!(expiry(&jar, "a"), None);
    assert_eq!(expiry(&jar, "b"), Some(Some(60)));
    assert_eq!(expiry(&jar, "c"), Some(Some(60)));
    assert_eq!(expiry(&jar, "d"), Some(Some(cap)));
    assert_eq!(expiry(&jar, "e"), Some(Some(cap)));
    // Invalid Max-Age and Expires values are ignored: session cookies.
    assert_eq!(expiry(&jar, "f"), Some(None));
    assert_eq!(expiry(&jar, "g"), Some(None));
    assert_eq!(expiry(&jar, "i"), Some(None));
    assert_eq!(
        header(
            &mut jar,
            "http://example.test/",
            T0 + Duration::seconds(61),
            Context::http()
        ),
        "d=1; e=1; f=1; g=1; i=1"
    );
}

/// WPT `cookies/size/` and `cookies/attributes/attributes-ctl`: name+value up to 4096
/// bytes, attribute values up to 1024, control characters refuse the cookie.
#[test]
fn wpt_size_and_control_characters() {
    let name_value_4096 = format!("n={}", "v".repeat(4095));
    let name_value_4097 = format!("n={}", "v".repeat(4096));
    let path_1024 = format!("p=1; Path=/{}", "x".repeat(1023));
    let path_1025 = format!("q=1; Path=/{}", "x".repeat(1024));
    let domain_1025 = format!("r=1; Domain={}.example.test", "a".repeat(1012));
    let mut jar = store_table(
        "http://www.example.test/dir/page",
        &[
            (&name_value_4096, Ok(Stored::Added)),
            (&name_value_4097, parse_err()),
            (&path_1024, Ok(Stored::Added)),
            (&path_1025, Ok(Stored::Added)),
            (&domain_1025, Ok(Stored::Added)),
            ("c=a\u{1}b", parse_err()),
            ("c=a\u{7f}b", parse_err()),
            ("c=a\rb", parse_err()),
            ("t=a\tb", Ok(Stored::Added)),
            ("  w  =  spaced  ", Ok(Stored::Added)),
            ("z=\"quoted\"", Ok(Stored::Added)),
        ],
    );
    let path = |jar: &Jar<FixedSuffixes<'_>>, name: &str| {
        jar.iter()
            .find(|c| c.name() == name)
            .map(|c| (c.path().len(), c.host_only()))
    };
    assert_eq!(path(&jar, "p"), Some((1024, true)));
    // An over-long Path is ignored: the default path `/dir` applies.
    assert_eq!(path(&jar, "q"), Some((4, true)));
    // An over-long Domain is ignored: a host cookie.
    assert_eq!(path(&jar, "r"), Some((4, true)));
    let h = header(
        &mut jar,
        "http://www.example.test/dir/x",
        T0,
        Context::http(),
    );
    assert!(
        h.ends_with("; q=1; r=1; t=a\tb; w=spaced; z=\"quoted\""),
        "{h}"
    );
}

/// 6265bis §5.7 step 18: replacing keeps the creation time, so the position in the
/// header does not change; the last access is updated on retrieval.
#[test]
fn replace_keeps_creation_time() {
    let mut jar = Jar::new(SUFFIXES);
    let u = url("http://example.test/");
    jar.store(&u, "a=1", T0, Context::http()).unwrap();
    jar.store(&u, "b=1", T0 + Duration::SECOND, Context::http())
        .unwrap();
    let later = T0 + Duration::hours(1);
    assert_eq!(
        jar.store(&u, "a=2; HttpOnly", later, Context::http()),
        Ok(Stored::Replaced)
    );
    assert_eq!(
        header(&mut jar, "http://example.test/", later, Context::http()),
        "a=2; b=1"
    );
    let a = jar.iter().find(|c| c.name() == "a").unwrap();
    assert_eq!(
        (a.created(), a.last_accessed(), a.http_only()),
        (T0, later, true)
    );
}

/// Ending the session drops session cookies only.
#[test]
fn end_of_session() {
    let mut jar = Jar::new(SUFFIXES);
    let u = url("http://example.test/");
    jar.store_response(
        &u,
        [
            "s=1",
            "p=1; Max-Age=600",
            "e=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT",
        ],
        T0,
        Context::http(),
    );
    assert_eq!(jar.end_session(), 1);
    assert_eq!(
        header(&mut jar, "http://example.test/", T0, Context::http()),
        "p=1; e=1"
    );
}
