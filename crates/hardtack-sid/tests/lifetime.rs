//! Boundaries of the lifetime policy. A timeout is reached *at* its
//! deadline; elapsed times saturate instead of overflowing.

use std::num::NonZeroU64;

use hardtack_sid::{Lifetime, Status};

const IDLE: u64 = 1800;
const ABSOLUTE: u64 = 43_200;
const T0: u64 = 1_700_000_000;

fn policy() -> Lifetime {
    Lifetime::new(
        NonZeroU64::new(IDLE).expect("non-zero"),
        NonZeroU64::new(ABSOLUTE).expect("non-zero"),
    )
}

#[test]
fn default_renewal_is_half_the_idle_timeout() {
    assert_eq!(policy().renew_after_elapsed(), 900);
    assert_eq!(policy().idle(), IDLE);
    assert_eq!(policy().absolute(), ABSOLUTE);
}

#[test]
fn idle_timeout_boundary() {
    let p = policy();
    assert_eq!(p.check(T0, T0, T0 + IDLE - 1), Status::Renew);
    assert_eq!(p.check(T0, T0, T0 + IDLE), Status::IdleExpired);
    assert_eq!(p.check(T0, T0, T0 + IDLE + 1), Status::IdleExpired);
}

#[test]
fn renewal_boundary() {
    let p = policy();
    assert_eq!(p.check(T0, T0, T0), Status::Valid);
    assert_eq!(p.check(T0, T0, T0 + 899), Status::Valid);
    assert_eq!(p.check(T0, T0, T0 + 900), Status::Renew);
}

#[test]
fn absolute_timeout_boundary_applies_to_active_sessions() {
    let p = policy();
    let end = T0 + ABSOLUTE;
    assert_eq!(p.check(T0, end - 1, end - 1), Status::Valid);
    assert_eq!(p.check(T0, end - 1, end), Status::AbsoluteExpired);
    assert_eq!(p.check(T0, end, end), Status::AbsoluteExpired);
}

#[test]
fn absolute_expiry_wins_when_both_timeouts_are_reached() {
    assert_eq!(
        policy().check(T0, T0, T0 + ABSOLUTE + IDLE),
        Status::AbsoluteExpired
    );
}

#[test]
fn renew_after_zero_renews_on_every_request() {
    let p = policy().renew_after(0);
    assert_eq!(p.check(T0, T0, T0), Status::Renew);
    assert_eq!(p.check(T0, T0, T0 + IDLE), Status::IdleExpired);
}

#[test]
fn renew_after_the_idle_timeout_never_renews() {
    let p = policy().renew_after(IDLE);
    assert_eq!(p.check(T0, T0, T0 + IDLE - 1), Status::Valid);
    assert_eq!(p.check(T0, T0, T0 + IDLE), Status::IdleExpired);
    let p = policy().renew_after(u64::MAX);
    assert_eq!(p.check(T0, T0, T0 + IDLE - 1), Status::Valid);
}

#[test]
fn a_clock_stepping_back_counts_as_no_time_elapsed() {
    let p = policy();
    assert_eq!(p.check(T0, T0, T0 - 10), Status::Valid);
    assert_eq!(p.check(T0, T0, 0), Status::Valid);
}

#[test]
fn extreme_times_saturate_without_overflow() {
    let p = policy();
    assert_eq!(p.check(0, 0, u64::MAX), Status::AbsoluteExpired);
    assert_eq!(p.check(u64::MAX, u64::MAX, u64::MAX), Status::Valid);
    assert_eq!(p.check(u64::MAX, 0, u64::MAX), Status::IdleExpired);
    assert_eq!(p.max_age(u64::MAX, u64::MAX), IDLE);
    assert_eq!(p.max_age(u64::MAX, 0), IDLE);
    assert_eq!(p.max_age(0, u64::MAX), 0);
    let forever = Lifetime::new(NonZeroU64::MAX, NonZeroU64::MAX);
    assert_eq!(forever.check(0, 0, u64::MAX - 1), Status::Renew);
    assert_eq!(forever.check(0, 0, u64::MAX), Status::AbsoluteExpired);
}

#[test]
fn smallest_timeouts() {
    let one = NonZeroU64::new(1).expect("non-zero");
    let p = Lifetime::new(one, one);
    assert_eq!(p.renew_after_elapsed(), 0);
    assert_eq!(p.check(5, 5, 5), Status::Renew);
    assert_eq!(p.check(5, 5, 6), Status::AbsoluteExpired);
}

#[test]
fn max_age_is_cut_short_by_the_absolute_deadline() {
    let p = policy();
    assert_eq!(p.max_age(T0, T0), IDLE);
    assert_eq!(p.max_age(T0, T0 + ABSOLUTE - IDLE), IDLE);
    assert_eq!(p.max_age(T0, T0 + ABSOLUTE - IDLE + 1), IDLE - 1);
    assert_eq!(p.max_age(T0, T0 + ABSOLUTE - 1), 1);
    assert_eq!(p.max_age(T0, T0 + ABSOLUTE), 0);
}

#[test]
fn status_liveness() {
    assert!(Status::Valid.is_live());
    assert!(Status::Renew.is_live());
    assert!(!Status::IdleExpired.is_live());
    assert!(!Status::AbsoluteExpired.is_live());
}
