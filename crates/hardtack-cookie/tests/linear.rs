//! 1 MiB inputs are handled in linear time. Timing is compared against an input ten
//! times smaller, keeping the best of several runs and allowing a generous factor, so
//! a quadratic parser (100x) fails and machine noise does not.

use std::hint::black_box;
use std::time::{Duration, Instant};

use hardtack_cookie::{Pairs, Profile, SetCookie, StrictPairs};

fn best_of(f: &dyn Fn()) -> Duration {
    (0..7)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn assert_linear(name: &str, make: fn(usize) -> String, run: fn(&str)) {
    let small = make(100 * 1024);
    let large = make(1024 * 1024);
    run(&large); // warm-up, and the 1 MiB input must not panic
    let (s, l) = (
        best_of(&|| run(black_box(&small))),
        best_of(&|| run(black_box(&large))),
    );
    let ratio = l.as_secs_f64() / s.as_secs_f64().max(1e-7);
    eprintln!("{name}: 100 KiB {s:?}, 1 MiB {l:?}, ratio {ratio:.1}");
    assert!(ratio < 50.0, "{name}: 10x input took {ratio:.1}x time");
}

fn all_profiles(s: &str) {
    for p in [Profile::Lenient, Profile::Strict, Profile::Rfc2109] {
        let _ = black_box(SetCookie::parse(s, p).map(|c| c.extensions().count()));
    }
    let _ = black_box(Pairs::new(s).count());
    let _ = black_box(StrictPairs::new(s).count());
    let _ = black_box(hardtack_cookie::rfc2109::CookieHeader::new(s).count());
    let _ = black_box(hardtack_cookie::rfc2109::split_set_cookie(s).count());
}

/// One test function, so the timings do not compete with each other for the cores.
#[test]
fn one_mebibyte_inputs_are_linear() {
    assert_linear(
        "huge value",
        |n| format!("a={}", "v".repeat(n)),
        all_profiles,
    );
    assert_linear(
        "semicolons",
        |n| format!("a=b{}", ";".repeat(n)),
        all_profiles,
    );
    assert_linear(
        "attributes",
        |n| format!("a=b{}", "; x".repeat(n / 3)),
        all_profiles,
    );
    assert_linear("equals", |n| "=".repeat(n), all_profiles);
    assert_linear("pairs", |n| "a=b; ".repeat(n / 5), all_profiles);
    assert_linear(
        "quotes",
        |n| format!("a=\"{}", "\\\"".repeat(n / 2)),
        all_profiles,
    );
}
