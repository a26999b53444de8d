//! Parsing and serializing perform no heap allocation, proven with the workspace's
//! counting global allocator (`alloc-count`), which counts the measuring thread's
//! allocations only: the test harness's own threads allocate now and then, and
//! hardtack never spawns threads.

use std::hint::black_box;

use hardtack_cookie::{Pairs, Profile, SameSite, SetCookie, StrictPairs};

fn allocations(mut f: impl FnMut()) -> u64 {
    f(); // warm up anything lazy
    alloc_count::count(|| {
        for _ in 0..10 {
            f();
        }
    })
    .0
}

const FULL: &str = "__Host-sid=\"abc\"; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600; \
                    Domain=Example.COM; Path=/; Secure; HttpOnly; SameSite=None; Partitioned; \
                    Priority=High; Ext=1; flag";

#[test]
fn hot_paths_do_not_allocate() {
    // The counter works (a test that cannot fail proves nothing).
    assert!(allocations(|| drop(black_box(String::from("x")))) >= 10);

    for profile in [Profile::Lenient, Profile::Strict] {
        let n = allocations(|| {
            let c = SetCookie::parse(black_box(FULL), profile).unwrap();
            assert!(c.secure() && c.partitioned());
            assert_eq!(c.extensions().count(), 2);
            black_box(c);
        });
        assert_eq!(n, 0, "Set-Cookie parse, {profile:?}");
    }
    let old =
        "a=\"b\"; Version=1; Comment=\"x\"; Path=\"/\"; expires=Wed, 21-Oct-2015 07:28:00 GMT";
    assert_eq!(
        allocations(|| drop(black_box(
            SetCookie::parse(black_box(old), Profile::Rfc2109).unwrap()
        ))),
        0
    );
    assert_eq!(
        allocations(|| drop(black_box(SetCookie::parse_bytes(
            FULL.as_bytes(),
            Profile::Lenient
        )))),
        0
    );

    let header: String = (0..50)
        .map(|i| format!("name{i}=value{i}"))
        .collect::<Vec<_>>()
        .join("; ");
    let n = allocations(|| assert_eq!(Pairs::new(black_box(&header)).count(), 50));
    assert_eq!(n, 0, "Cookie header, 50 pairs, lenient");
    let n = allocations(|| {
        assert_eq!(
            StrictPairs::new(black_box(&header))
                .filter(Result::is_ok)
                .count(),
            50
        )
    });
    assert_eq!(n, 0, "Cookie header, 50 pairs, strict");
    let n = allocations(|| assert_eq!(Pairs::from_bytes(black_box(header.as_bytes())).count(), 50));
    assert_eq!(n, 0, "Cookie header bytes");

    let cookie = SetCookie::build("__Host-sid", "abc")
        .expires(time::OffsetDateTime::from_unix_timestamp(1_445_412_480).unwrap())
        .max_age(3600)
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::None)
        .partitioned(true)
        .finish()
        .unwrap();
    let mut buf = [0u8; 256];
    let n = allocations(|| {
        let len = cookie.write_to_slice(black_box(&mut buf)).unwrap();
        black_box(len);
    });
    assert_eq!(n, 0, "serialize into a slice");
    let mut s = String::with_capacity(cookie.encoded_len());
    let n = allocations(|| {
        let s = black_box(&mut s);
        s.clear();
        cookie.write_to(s).unwrap();
    });
    assert_eq!(n, 0, "serialize into a pre-sized String");
    let n = allocations(|| {
        let c = SetCookie::build("id", "1")
            .path("/")
            .secure(true)
            .http_only(true)
            .finish()
            .unwrap();
        black_box(c);
    });
    assert_eq!(n, 0, "building a cookie without extensions");
}
