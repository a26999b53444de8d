//! Producing a `Cookie` header from a warm jar into a reused buffer allocates nothing.
//! The workspace's counting allocator (`alloc-count`) counts the measuring thread only.
#![cfg(feature = "jar")]

use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
use time::OffsetDateTime;

#[test]
fn cookie_header_from_a_warm_jar_does_not_allocate() {
    let now = OffsetDateTime::UNIX_EPOCH;
    let mut jar = Jar::new(FixedSuffixes(&["com"]));
    // 1,000 cookies over 100 domains, as in the benchmark the issue describes.
    for d in 0..100 {
        let host = format!("https://www.site{d}.com/a/b");
        let u = RequestUrl::parse(&host).unwrap();
        for c in 0..10 {
            let set = match c % 3 {
                0 => format!("c{c}=value{c}; Domain=site{d}.com; Path=/"),
                1 => format!("c{c}=value{c}; Path=/a"),
                _ => format!("c{c}=value{c}; Secure"),
            };
            jar.store(&u, &set, now, Context::http()).unwrap();
        }
    }
    assert_eq!(jar.len(), 1000);
    let target = RequestUrl::parse("https://www.site42.com/a/b/c?q=1").unwrap();
    let mut header = String::with_capacity(1024);
    // Warm-up: sizes the jar's scratch space.
    jar.write_cookie_header(&target, now, Context::http(), &mut header)
        .unwrap();
    let expected = header.clone();

    header.clear();
    let (allocated, n) = alloc_count::count(|| {
        let n = jar
            .write_cookie_header(&target, now, Context::http(), &mut header)
            .unwrap();
        let again = RequestUrl::parse("https://WWW.SITE42.COM/a/b").unwrap();
        header.push('|');
        jar.write_cookie_header(&again, now, Context::http(), &mut header)
            .unwrap();
        n
    });
    // The counter works (the same window around an allocation is not zero).
    assert_eq!(
        alloc_count::count(|| drop(std::hint::black_box(String::from("x")))).0,
        1
    );

    assert_eq!(allocated, 0);
    assert_eq!(n, 10);
    assert_eq!(header, format!("{expected}|{expected}"));
    assert!(expected.starts_with(
        "c1=value1; c2=value2; c4=value4; c5=value5; c7=value7; c8=value8; c0=value0"
    ));
}
