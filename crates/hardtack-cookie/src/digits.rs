//! Decimal digits for the writers, two at a time from a table.
//!
//! A division by 100 and one table load replace two divisions by 10, and the
//! digits come out as bytes, so nothing needs UTF-8 validation afterwards.

/// `"00"` to `"99"`, back to back.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The two decimal digits of `n % 100`.
#[inline]
pub(crate) fn two(n: u32) -> [u8; 2] {
    let i = (n % 100) as usize * 2;
    match PAIRS.get(i..i + 2) {
        Some(&[a, b]) => [a, b],
        // `i` is at most 198: unreachable, but a fallback beats a panic path.
        _ => *b"00",
    }
}

/// The two decimal digits of `n`, which must be below 100 (`"00"` otherwise).
#[inline]
pub(crate) fn below_100(n: u32) -> [u8; 2] {
    let i = n as usize * 2;
    match PAIRS.get(i..i + 2) {
        Some(&[a, b]) => [a, b],
        _ => *b"00",
    }
}

/// How many decimal digits `n` has (`0` has one).
#[inline]
pub(crate) fn count(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// Writes the decimal digits of `n` to fill `out` exactly; `out.len()` must be
/// [`count(n)`](count) (more leaves leading zeros, fewer drops leading digits).
#[inline]
pub(crate) fn write(mut n: u64, out: &mut [u8]) {
    let mut end = out.len();
    while end >= 2 {
        if let Some(dst) = out.get_mut(end - 2..end) {
            dst.copy_from_slice(&two((n % 100) as u32));
        }
        n /= 100;
        end -= 2;
    }
    if let Some(first) = out.first_mut()
        && end == 1
    {
        *first = b'0' + (n % 10) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn pairs_are_the_numbers() {
        for n in 0..100u32 {
            let want = alloc::format!("{n:02}");
            assert_eq!(&two(n), want.as_bytes());
            assert_eq!(&below_100(n), want.as_bytes());
        }
        assert_eq!(two(1999), *b"99");
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
            let mut buf = [0u8; 20];
            let out = &mut buf[..count(n)];
            write(n, out);
            assert_eq!(out, want.as_bytes(), "{n}");
        }
    }
}
