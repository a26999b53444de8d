//! Differential test: random sequences of responses and requests, run through the jar
//! and through a deliberately naive model of RFC 6265bis §5.7–5.8 (a flat list scanned
//! in full). The jar's buckets, reversed-domain ordering and scratch sorting must give
//! the same `Cookie` headers.
#![cfg(feature = "jar")]

use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
use proptest::prelude::*;
use time::OffsetDateTime;

const HOSTS: &[&str] = &[
    "a.test",
    "b.a.test",
    "C.b.A.test",
    "x.test",
    "1.2.3.4",
    "test",
];
const PATHS: &[&str] = &["/", "/p", "/p/q", "/pq", "/p/q/r", "/p/"];
const DOMAINS: &[Option<&str>] = &[
    None,
    Some("a.test"),
    Some(".a.test"),
    Some("b.a.test"),
    Some("test"),
    Some("x.test"),
    Some("1.2.3.4"),
    Some("A.TEST"),
    Some(""),
];
const COOKIE_PATHS: &[Option<&str>] = &[None, Some("/"), Some("/p"), Some("/p/q"), Some("p")];
const MAX_AGES: &[Option<i64>] = &[None, Some(0), Some(-1), Some(5), Some(100)];

#[derive(Clone, Debug)]
struct Target {
    https: bool,
    host: usize,
    path: usize,
}

impl Target {
    fn url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}{}", HOSTS[self.host], PATHS[self.path])
    }
}

#[derive(Clone, Debug)]
enum Op {
    Store {
        to: Target,
        name: usize,
        value: u8,
        domain: usize,
        path: usize,
        max_age: usize,
        secure: bool,
    },
    Get(Target),
}

fn target() -> impl Strategy<Value = Target> {
    (any::<bool>(), 0..HOSTS.len(), 0..PATHS.len()).prop_map(|(https, host, path)| Target {
        https,
        host,
        path,
    })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (
            target(),
            0..3usize,
            0..10u8,
            0..DOMAINS.len(),
            0..COOKIE_PATHS.len(),
            0..MAX_AGES.len(),
            any::<bool>()
        )
            .prop_map(|(to, name, value, domain, path, max_age, secure)| Op::Store {
                to,
                name,
                value,
                domain,
                path,
                max_age,
                secure,
            }),
        2 => target().prop_map(Op::Get),
    ]
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Cookie {
    name: String,
    value: String,
    domain: String,
    host_only: bool,
    path: String,
    expiry: Option<i64>,
    created: (i64, u64),
    secure: bool,
}

fn is_ip(host: &str) -> bool {
    host.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

fn domain_match(host: &str, domain: &str) -> bool {
    host == domain || (!is_ip(host) && host.ends_with(&format!(".{domain}")))
}

fn path_match(req: &str, cookie: &str) -> bool {
    req == cookie
        || (req.starts_with(cookie)
            && (cookie.ends_with('/') || req[cookie.len()..].starts_with('/')))
}

fn default_path(path: &str) -> String {
    match path.rfind('/') {
        Some(0) | None => "/".into(),
        Some(i) => path[..i].into(),
    }
}

#[derive(Default)]
struct Model {
    cookies: Vec<Cookie>,
    seq: u64,
}

impl Model {
    #[allow(clippy::too_many_arguments)]
    fn store(
        &mut self,
        to: &Target,
        name: &str,
        value: &str,
        domain: Option<&str>,
        path: Option<&str>,
        max_age: Option<i64>,
        secure: bool,
        now: i64,
    ) {
        let host = HOSTS[to.host].to_ascii_lowercase();
        let attr = domain.map(|d| d.strip_prefix('.').unwrap_or(d).to_ascii_lowercase());
        let (domain, host_only) = match attr.as_deref() {
            None | Some("") => (host.clone(), true),
            Some(d) if is_ip(&host) => {
                if d != host {
                    return;
                }
                (host.clone(), true)
            }
            Some("test") => {
                if host != "test" {
                    return;
                }
                (host.clone(), true)
            }
            Some(d) => {
                if !domain_match(&host, d) {
                    return;
                }
                (d.to_owned(), false)
            }
        };
        let path = match path {
            Some(p) if p.starts_with('/') => p.to_owned(),
            _ => default_path(PATHS[to.path]),
        };
        if secure && !to.https {
            return;
        }
        let related = |a: &str, b: &str| domain_match(a, b) || domain_match(b, a);
        if !secure
            && !to.https
            && self.cookies.iter().any(|c| {
                c.secure
                    && c.name == name
                    && related(&c.domain, &domain)
                    && path_match(&path, &c.path)
            })
        {
            return;
        }
        let expiry = max_age.map(|s| if s <= 0 { i64::MIN } else { now + s });
        let old = self.cookies.iter().position(|c| {
            c.name == name && c.domain == domain && c.host_only == host_only && c.path == path
        });
        let created = match old {
            Some(i) => self.cookies.remove(i).created,
            None => {
                self.seq += 1;
                (now, self.seq)
            }
        };
        if expiry.is_some_and(|e| e <= now) {
            return;
        }
        self.cookies.push(Cookie {
            name: name.into(),
            value: value.into(),
            domain,
            host_only,
            path,
            expiry,
            created,
            secure,
        });
    }

    fn header(&self, to: &Target, now: i64) -> Option<String> {
        let host = HOSTS[to.host].to_ascii_lowercase();
        let mut list: Vec<&Cookie> = self
            .cookies
            .iter()
            .filter(|c| {
                (if c.host_only {
                    c.domain == host
                } else {
                    domain_match(&host, &c.domain)
                }) && path_match(PATHS[to.path], &c.path)
                    && c.expiry.is_none_or(|e| e > now)
                    && (to.https || !c.secure)
            })
            .collect();
        list.sort_by_key(|c| (std::cmp::Reverse(c.path.len()), c.created));
        let parts: Vec<String> = list
            .iter()
            .map(|c| format!("{}={}", c.name, c.value))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

fn set_cookie_string(
    name: &str,
    value: &str,
    domain: Option<&str>,
    path: Option<&str>,
    max_age: Option<i64>,
    secure: bool,
) -> String {
    let mut s = format!("{name}={value}");
    if let Some(d) = domain {
        s += &format!("; Domain={d}");
    }
    if let Some(p) = path {
        s += &format!("; Path={p}");
    }
    if let Some(m) = max_age {
        s += &format!("; Max-Age={m}");
    }
    if secure {
        s += "; Secure";
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn jar_agrees_with_the_naive_model(
        ops in prop::collection::vec((op(), 0..3i64), 1..60)
    ) {
        let mut jar = Jar::new(FixedSuffixes(&["test"]));
        let mut model = Model::default();
        let mut now = 1_600_000_000i64;
        for (op, dt) in ops {
            now += dt;
            let at = OffsetDateTime::from_unix_timestamp(now).unwrap();
            match op {
                Op::Store { to, name, value, domain, path, max_age, secure } => {
                    let name = ["n", "m", "o"][name];
                    let value = value.to_string();
                    let (domain, path, max_age) = (DOMAINS[domain], COOKIE_PATHS[path], MAX_AGES[max_age]);
                    let header = set_cookie_string(name, &value, domain, path, max_age, secure);
                    let url = to.url();
                    let _ = jar.store(&RequestUrl::parse(&url).unwrap(), &header, at, Context::http());
                    model.store(&to, name, &value, domain, path, max_age, secure, now);
                }
                Op::Get(to) => {
                    let url = to.url();
                    let got = jar.cookie_header(&RequestUrl::parse(&url).unwrap(), at, Context::http());
                    prop_assert_eq!(got, model.header(&to, now), "GET {}", url);
                }
            }
        }
        prop_assert!(jar.len() >= model.cookies.len());
    }
}

#[test]
fn model_sanity() {
    // The model itself, on a hand-checked sequence, so that agreement means something.
    let mut m = Model::default();
    let to = Target {
        https: false,
        host: 1,
        path: 2,
    };
    m.store(&to, "n", "1", Some(".a.test"), None, None, false, 0);
    m.store(&to, "m", "2", None, Some("/p/q"), None, false, 1);
    m.store(&to, "o", "3", Some("test"), None, None, false, 2);
    assert_eq!(m.header(&to, 3).as_deref(), Some("m=2; n=1"));
    let parent = Target {
        https: false,
        host: 0,
        path: 2,
    };
    assert_eq!(m.header(&parent, 3).as_deref(), Some("n=1"));
}
