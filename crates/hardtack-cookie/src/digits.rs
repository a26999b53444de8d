//! Decimal digits for the writers, two at a time from a table.
//!
//! A division by 100 and one table load replace two divisions by 10, and the
//! digits come out as bytes, so nothing needs UTF-8 validation afterwards.

/// `"00"` to `"99"`, indexed by the number.
const PAIRS: [[u8; 2]; 100] = {
    let mut t = [[0; 2]; 100];
    let mut n = 0;
    while n < 100 {
        t[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    t
};

/// The two decimal digits of `n`, which must be below 100 (`"00"` otherwise).
#[inline]
pub(crate) fn below_100(n: u32) -> [u8; 2] {
    PAIRS.get(n as usize).copied().unwrap_or(*b"00")
}

/// How many decimal digits `n` has (`0` has one).
#[inline]
pub(crate) fn count(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// The most decimal digits a `u64` has.
pub(crate) const MAX_U64: usize = 20;

/// The decimal digits of `n`, written at the end of `buf` two at a time.
#[inline]
pub(crate) fn right_aligned(mut n: u64, buf: &mut [u8; MAX_U64]) -> &[u8] {
    let mut start = MAX_U64;
    while n >= 100 {
        start -= 2;
        if let Some(dst) = buf.get_mut(start..start + 2) {
            dst.copy_from_slice(&below_100((n % 100) as u32));
        }
        n /= 100;
    }
    // `n` is now below 100: one digit or two.
    let last = below_100(n as u32);
    if n >= 10 {
        start -= 2;
        if let Some(dst) = buf.get_mut(start..start + 2) {
            dst.copy_from_slice(&last);
        }
    } else {
        start -= 1;
        if let Some(dst) = buf.get_mut(start) {
            *dst = last[1];
        }
    }
    buf.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn pairs_are_the_numbers() {
        for n in 0..100u32 {
            let want = alloc::format!("{n:02}");
            assert_eq!(&below_100(n), want.as_bytes());
        }
        assert_eq!(below_100(100), *b"00");
    }

    #[test]
    fn writes_and_counts_like_display() {
        let mut samples = alloc::vec![0u64, 1, 9, 10, 99, 100, 101, 3600, 86_400, u64::MAX];
        samples.extend((0..20).map(|k| 10u64.pow(k)));
        samples.extend((1..20).map(|k| 10u64.pow(k) - 1));
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push(x >> (x % 64));
        }
        for n in samples {
            let want = n.to_string();
            assert_eq!(count(n), want.len(), "{n}");
            assert_eq!(right_aligned(n, &mut [0; MAX_U64]), want.as_bytes(), "{n}");
        }
    }
}
