//! Removing excess cookies (RFC 6265bis §5.7, after step 19): expired first, then the
//! least recently accessed.

use alloc::vec::Vec;

use super::Jar;

impl<S> Jar<S> {
    /// Brings bucket `b` and the whole jar back within the limits after a cookie was
    /// added. The cookie `keep` (by sequence number) is never the one evicted.
    pub(crate) fn enforce_limits(&mut self, b: usize, now: i64, keep: u64) {
        self.enforce_domain_limit(b, now, keep);
        if self.len > self.config.cookies_limit() {
            self.purge(now, keep);
        }
    }

    /// Per domain: expired cookies, then non-`Secure` ones, then `Secure` ones, each
    /// least recently accessed first. A bucket holds at most the limit plus one, so
    /// this is one linear pass per stored cookie.
    fn enforce_domain_limit(&mut self, b: usize, now: i64, keep: u64) {
        let max = self.config.cookies_per_domain_limit();
        let Some(bucket) = self.buckets.get_mut(b) else {
            return;
        };
        if bucket.cookies.len() <= max {
            return;
        }
        let before = bucket.cookies.len();
        bucket.cookies.retain(|e| !e.is_expired(now));
        while bucket.cookies.len() > max {
            let victim = bucket
                .cookies
                .iter()
                .enumerate()
                .filter(|(_, e)| e.seq != keep)
                .min_by_key(|(_, e)| (e.secure, e.accessed, e.seq))
                .map(|(i, _)| i);
            match victim {
                Some(i) => {
                    bucket.cookies.swap_remove(i);
                }
                None => break,
            }
        }
        self.len -= before - bucket.cookies.len();
    }

    /// Over the total: drop every expired cookie, then the least recently accessed
    /// ones until the jar is at 90% of its limit. Working in batches keeps a flood of
    /// new cookies at amortised constant cost per cookie.
    fn purge(&mut self, now: i64, keep: u64) {
        self.retain_entries(|e| !e.is_expired(now));
        let limit = self.config.cookies_limit();
        if self.len <= limit {
            return;
        }
        let excess = self.len - self.config.purge_target();
        let mut ages: Vec<(i64, u64)> = self
            .buckets
            .iter()
            .flat_map(|b| b.cookies.iter())
            .filter(|e| e.seq != keep)
            .map(|e| (e.accessed, e.seq))
            .collect();
        if excess == 0 || ages.is_empty() {
            return;
        }
        let nth = excess.min(ages.len()) - 1;
        let (_, &mut threshold, _) = ages.select_nth_unstable(nth);
        self.retain_entries(|e| e.seq == keep || (e.accessed, e.seq) > threshold);
    }
}
