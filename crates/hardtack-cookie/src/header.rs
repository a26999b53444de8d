//! The `Cookie` request header: `name=value` pairs separated by `;`.
//!
//! Commas are never separators here (RFC 6265 §4.2; `Expires`-style values and
//! base64 padding would break): only [`rfc2109::CookieHeader`](crate::rfc2109::CookieHeader) splits on them.

use crate::class::{self, COOKIE_OCTET, TCHAR};
use crate::error::{ErrorKind, ParseError};
use crate::parse::{self, Input};

/// The lenient pairs of one `Cookie` header value, in order, duplicates included.
///
/// Each `;`-separated pair is split like the browser algorithm splits a cookie
/// (RFC 6265bis §5.6): whitespace trimmed, no `=` means a nameless cookie (name `""`,
/// which is how browsers send nameless cookies). Pairs that a browser could never
/// have sent are skipped: empty ones, ones with a control character other than HTAB,
/// ones over 4096 bytes and (for byte input) ones that are not UTF-8.
/// Never allocates.
///
/// ```
/// use hardtack_cookie::Pairs;
/// let pairs: Vec<_> = Pairs::new("a=1; b = 2;; c=x=y; a=3; bare").collect();
/// assert_eq!(pairs, [("a", "1"), ("b", "2"), ("c", "x=y"), ("a", "3"), ("", "bare")]);
/// ```
#[derive(Clone)]
pub struct Pairs<'a> {
    input: Input<'a>,
    pos: usize,
    /// The first forbidden control character at or after `pos` (or the length):
    /// one wide scan up front instead of a test in every pair.
    ctl: usize,
}

impl<'a> Pairs<'a> {
    /// Pairs of a header value given as text.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::Pairs::new("a=1").count(), 1);
    /// ```
    pub fn new(header: &'a str) -> Self {
        Pairs::of(Input::text(header))
    }

    /// Pairs of a header value given as bytes (`http::HeaderValue::as_bytes`). A pair
    /// that is not UTF-8 is skipped.
    ///
    /// ```
    /// let pairs: Vec<_> = hardtack_cookie::Pairs::from_bytes(b"a=\xff; b=2").collect();
    /// assert_eq!(pairs, [("b", "2")]);
    /// ```
    pub fn from_bytes(header: &'a [u8]) -> Self {
        Pairs::of(Input::bytes(header))
    }
}

impl<'a> Pairs<'a> {
    fn of(input: Input<'a>) -> Self {
        let ctl = class::first_forbidden_ctl(input.bytes).unwrap_or(input.bytes.len());
        Pairs { input, pos: 0, ctl }
    }
}

impl<'a> Iterator for Pairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.input.bytes;
        while self.pos < b.len() {
            // Usually the one SP after the previous `;`.
            let start = class::skip_wsp(b, self.pos, b.len());
            let seg = class::segment(b, start);
            let end = seg.end;
            self.pos = end + 1;
            if self.ctl < end {
                // This pair holds it; find the next one after the pair.
                let rest = b.get(self.pos..).unwrap_or_default();
                self.ctl = self.pos + class::first_forbidden_ctl(rest).unwrap_or(rest.len());
                continue;
            }
            let (name, value) = match seg.eq {
                Some(eq) => (
                    (start, class::trim_end_wsp(b, start, eq)),
                    class::trim_wsp(b, eq + 1, end),
                ),
                None => ((start, start), (start, class::trim_end_wsp(b, start, end))),
            };
            let len = (name.1 - name.0) + (value.1 - value.0);
            if len == 0 || len > parse::MAX_NAME_VALUE {
                continue;
            }
            if let (Ok(n), Ok(v)) = (
                self.input.str(name.0, name.1),
                self.input.str(value.0, value.1),
            ) {
                return Some((n, v));
            }
        }
        None
    }
}

impl core::iter::FusedIterator for Pairs<'_> {}

impl core::fmt::Debug for Pairs<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Cookie values are credentials: show where we are, not what is there.
        f.debug_struct("Pairs")
            .field("len", &self.input.bytes.len())
            .field("pos", &self.pos)
            .finish()
    }
}

/// The pairs of one `Cookie` header value checked against the RFC 6265 §4.2.1 grammar
/// `cookie-pair *( ";" SP cookie-pair )`.
///
/// Every pair yields `Ok((name, value))` or an `Err` with the offset in the header;
/// a bad pair does not stop the ones after it. Never allocates.
///
/// ```
/// use hardtack_cookie::{ErrorKind, StrictPairs};
/// let items: Vec<_> = StrictPairs::new("a=1; b c=2; d=\"4\"").collect();
/// assert_eq!(items[0], Ok(("a", "1")));
/// assert_eq!(items[1].unwrap_err().kind(), ErrorKind::InvalidNameByte(b' '));
/// assert_eq!(items[2], Ok(("d", "\"4\"")));
/// ```
#[derive(Clone)]
pub struct StrictPairs<'a> {
    input: Input<'a>,
    pos: usize,
    done: bool,
}

impl<'a> StrictPairs<'a> {
    /// Strict pairs of a header value given as text.
    ///
    /// ```
    /// assert!(hardtack_cookie::StrictPairs::new("a=1").all(|p| p.is_ok()));
    /// ```
    pub fn new(header: &'a str) -> Self {
        StrictPairs {
            input: Input::text(header),
            pos: 0,
            done: false,
        }
    }

    /// Strict pairs of a header value given as bytes; non-ASCII is refused by the
    /// grammar before UTF-8 matters.
    ///
    /// ```
    /// let bad: Vec<_> = hardtack_cookie::StrictPairs::from_bytes(b"a=\xff").collect();
    /// assert!(bad[0].is_err());
    /// ```
    pub fn from_bytes(header: &'a [u8]) -> Self {
        StrictPairs {
            input: Input::bytes(header),
            pos: 0,
            done: false,
        }
    }

    fn pair(&self, start: usize, end: usize) -> Result<(&'a str, &'a str), ParseError> {
        let b = &self.input.bytes[..end];
        let err = |k, at| Err(ParseError::new(k, at));
        if start == end {
            return err(ErrorKind::Empty, start);
        }
        if let Some(i) = class::first_forbidden_ctl(&b[start..]) {
            return err(ErrorKind::ControlCharacter, start + i);
        }
        let name_end = start + class::first_not(&b[start..], TCHAR).unwrap_or(end - start);
        match b.get(name_end) {
            None => return err(ErrorKind::MissingEquals, name_end),
            Some(b'=') if name_end == start => return err(ErrorKind::EmptyName, start),
            Some(b'=') => {}
            Some(&x) => return err(ErrorKind::InvalidNameByte(x), name_end),
        }
        let value_end =
            parse::cookie_value_end(b, name_end + 1).map_err(|(k, at)| ParseError::new(k, at))?;
        if let Some(&x) = b.get(value_end) {
            return err(ErrorKind::InvalidValueByte(x), value_end);
        }
        if value_end - start - 1 > parse::MAX_NAME_VALUE {
            return err(ErrorKind::TooLarge, start);
        }
        debug_assert!(
            b[name_end + 1..value_end]
                .iter()
                .all(|&c| class::is(c, COOKIE_OCTET) || c == b'"')
        );
        Ok((
            self.input.str(start, name_end)?,
            self.input.str(name_end + 1, value_end)?,
        ))
    }
}

impl<'a> Iterator for StrictPairs<'a> {
    type Item = Result<(&'a str, &'a str), ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.input.bytes;
        if self.done {
            return None;
        }
        if b.is_empty() {
            self.done = true;
            return Some(Err(ParseError::new(ErrorKind::Empty, 0)));
        }
        let start = self.pos;
        let end = class::find(b, start, b';').unwrap_or(b.len());
        if end == b.len() {
            self.done = true;
        } else {
            // The next pair starts after "; "; a missing space is reported on that pair.
            self.pos = end + 1;
        }
        let mut first = start;
        if start > 0 {
            if b.get(start) != Some(&b' ') {
                return Some(Err(ParseError::new(ErrorKind::InvalidSeparator, start)));
            }
            first += 1;
        }
        Some(self.pair(first, end))
    }
}

impl core::iter::FusedIterator for StrictPairs<'_> {}

impl core::fmt::Debug for StrictPairs<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StrictPairs")
            .field("len", &self.input.bytes.len())
            .field("pos", &self.pos)
            .finish()
    }
}

/// The lenient pairs of several `Cookie` header values, as one iterator.
///
/// HTTP/2 and HTTP/3 clients may send one `Cookie` field per cookie (RFC 9113
/// §8.2.3); this walks them all in order without concatenating them.
///
/// ```
/// use hardtack_cookie::MultiPairs;
/// let headers = ["a=1; b=2", "c=3"];
/// let pairs: Vec<_> = MultiPairs::new(headers.iter()).collect();
/// assert_eq!(pairs, [("a", "1"), ("b", "2"), ("c", "3")]);
/// ```
pub struct MultiPairs<'a, I> {
    headers: I,
    current: Option<Pairs<'a>>,
}

impl<'a, I, T> MultiPairs<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    /// Walks every header value yielded by `headers` (anything that is bytes: `&str`,
    /// `&[u8]`, `&http::HeaderValue`, …).
    ///
    /// ```
    /// use hardtack_cookie::MultiPairs;
    /// let raw: [&[u8]; 2] = [b"a=1", b"b=2"];
    /// assert_eq!(MultiPairs::new(raw.into_iter()).count(), 2);
    /// ```
    pub fn new(headers: I) -> Self {
        MultiPairs {
            headers,
            current: None,
        }
    }
}

impl<'a, I, T> Iterator for MultiPairs<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(p) = self.current.as_mut().and_then(Iterator::next) {
                return Some(p);
            }
            self.current = Some(Pairs::from_bytes(self.headers.next()?.as_ref()));
        }
    }
}

impl<I> core::fmt::Debug for MultiPairs<'_, I> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MultiPairs").finish_non_exhaustive()
    }
}
