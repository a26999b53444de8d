//! The three `Set-Cookie` parsers. Each works on the bytes of a `&str` and slices the
//! input only at ASCII delimiters, so every returned `&str` borrows from the input.

use alloc::borrow::Cow;

use crate::class::{self, AV_OCTET, COOKIE_OCTET, QDTEXT, TCHAR, WSP};
use crate::date;
use crate::error::{Attribute, ErrorKind, ParseError};
use crate::host;
use crate::keyword;
use crate::set_cookie::{Priority, Profile, SameSite, SetCookie};

/// Browsers drop a cookie whose name and value together exceed this (RFC 6265bis §5.6).
pub(crate) const MAX_NAME_VALUE: usize = 4096;
/// Browsers ignore an attribute whose value exceeds this (RFC 6265bis §5.6).
pub(crate) const MAX_ATTRIBUTE_VALUE: usize = 1024;

/// Where the input came from: `&str` slices at ASCII boundaries for free; bytes need a
/// UTF-8 check of each slice handed out.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub(crate) bytes: &'a [u8],
    text: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub(crate) fn text(s: &'a str) -> Self {
        Input {
            bytes: s.as_bytes(),
            text: Some(s),
        }
    }

    pub(crate) fn bytes(b: &'a [u8]) -> Self {
        Input {
            bytes: b,
            text: None,
        }
    }

    /// `bytes[start..end]` as text.
    #[inline]
    pub(crate) fn str(&self, start: usize, end: usize) -> Result<&'a str, ParseError> {
        match self.text {
            Some(t) => t
                .get(start..end)
                .ok_or(ParseError::new(ErrorKind::InvalidUtf8, start)),
            None => {
                let b = self.bytes.get(start..end).unwrap_or_default();
                core::str::from_utf8(b)
                    .map_err(|e| ParseError::new(ErrorKind::InvalidUtf8, start + e.valid_up_to()))
            }
        }
    }

    /// The whole input as text.
    pub(crate) fn whole(&self) -> Result<&'a str, ParseError> {
        self.str(0, self.bytes.len())
    }
}

/// A sub-slice that cannot panic; the parsers only cut at ASCII delimiters.
#[inline(always)]
pub(crate) fn sub(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or_default()
}

pub(crate) fn set_cookie<'a>(
    input: Input<'a>,
    profile: Profile,
) -> Result<SetCookie<'a>, ParseError> {
    let s = input.whole()?;
    if profile == Profile::Lenient {
        return lenient(s);
    }
    let ctl = || class::first_forbidden_ctl(s.as_bytes());
    match profile {
        Profile::Lenient => lenient(s),
        // The server grammar admits no control character anywhere, so an accepted
        // cookie had none; only a refusal needs the scan, to report the first one
        // in preference to whatever the grammar tripped over.
        Profile::Strict => strict(s).map_err(|e| match ctl() {
            Some(i) => ParseError::new(ErrorKind::ControlCharacter, i),
            None => e,
        }),
        Profile::Rfc2109 => {
            if let Some(i) = ctl() {
                return Err(ParseError::new(ErrorKind::ControlCharacter, i));
            }
            let (cookie, stop) = rfc2109(s, 0)?;
            if stop < s.len() {
                return Err(ParseError::new(ErrorKind::UnexpectedComma, stop));
            }
            Ok(cookie)
        }
    }
}

/// RFC 6265bis §5.6.
fn lenient(s: &str) -> Result<SetCookie<'_>, ParseError> {
    let b = s.as_bytes();
    if b.iter().all(|&c| class::is(c, WSP)) {
        return Err(ParseError::new(ErrorKind::Empty, 0));
    }
    // Step 1 of the algorithm (refuse any CTL) wins over the size checks below.
    // The printable fold is inlined here; only input that fails it is searched.
    if !class::all_printable(b)
        && let Some(at) = class::first_forbidden_ctl(b)
    {
        return Err(ParseError::new(ErrorKind::ControlCharacter, at));
    }
    let pair = class::pair_segment(b);
    let semi = pair.end;
    let (name, value) = match pair.eq {
        Some(eq) => (class::trim_wsp(b, 0, eq), class::trim_wsp(b, eq + 1, semi)),
        // No `=`: a nameless cookie whose value is the whole pair.
        None => ((0, 0), class::trim_wsp(b, 0, semi)),
    };
    let (name_len, value_len) = (name.1 - name.0, value.1 - value.0);
    // The browser ignores the whole cookie then; nothing after the pair matters.
    if name_len + value_len > MAX_NAME_VALUE {
        return Err(ParseError::new(ErrorKind::TooLarge, 0));
    }
    if name_len == 0 && value_len == 0 {
        return Err(ParseError::new(ErrorKind::EmptyCookie, 0));
    }
    // The attributes go to locals, and the cookie is built once at the end,
    // straight into the caller's slot.
    let mut expires = None;
    let mut expires_raw = None;
    let mut max_age = None;
    let mut domain = None;
    let mut path = None;
    let (mut secure, mut http_only, mut partitioned) = (false, false, false);
    let (mut same_site, mut priority) = (None, None);

    let mut pos = semi;
    while pos < b.len() {
        // Usually one SP after the `;`; any other whitespace leaves `start` on a
        // byte that is no attribute name's first, for the general path to skip.
        let start = pos + 1 + usize::from(b.get(pos + 1) == Some(&b' '));
        let (attr, eq, end) = match keyword::attribute_at(b, start) {
            Some((attr, name_end)) if b.get(name_end) == Some(&b'=') => {
                (attr, Some(name_end), class::next_semicolon(b, name_end + 1))
            }
            Some((attr, name_end)) => (attr, None, name_end),
            None => {
                let start = class::skip_wsp(b, start, b.len());
                let seg = class::segment(b, start);
                let name_end = class::trim_end_wsp(b, start, seg.eq.unwrap_or(seg.end));
                let name = b.get(start..name_end).unwrap_or_default();
                (Attribute::recognise(name, false), seg.eq, seg.end)
            }
        };
        pos = end;
        let av = match eq {
            Some(eq) => class::trim_wsp(b, eq + 1, end),
            None => (end, end),
        };
        if av.1 - av.0 > MAX_ATTRIBUTE_VALUE {
            continue;
        }
        let value = &b[av.0..av.1];
        match attr {
            Attribute::Expires => {
                expires_raw = Some(Cow::Borrowed(sub(s, av.0, av.1)));
                if let Some(t) = date::parse_cookie_date(value) {
                    expires = Some(t);
                }
            }
            Attribute::MaxAge => {
                if let Some(secs) = lenient_max_age(value) {
                    max_age = Some(secs);
                }
            }
            Attribute::Domain => {
                let from = av.0 + usize::from(value.first() == Some(&b'.'));
                domain = Some(Cow::Borrowed(sub(s, from, av.1)));
            }
            Attribute::Path => {
                path = match value.first() {
                    Some(b'/') => Some(Cow::Borrowed(sub(s, av.0, av.1))),
                    _ => None,
                };
            }
            Attribute::Secure => secure = true,
            Attribute::HttpOnly => http_only = true,
            Attribute::Partitioned => partitioned = true,
            Attribute::SameSite => same_site = SameSite::recognise(value),
            Attribute::Priority => priority = Priority::recognise(value),
            _ => {}
        }
    }
    Ok(SetCookie {
        name: Cow::Borrowed(sub(s, name.0, name.1)),
        value: Cow::Borrowed(sub(s, value.0, value.1)),
        expires,
        expires_raw,
        max_age,
        domain,
        path,
        secure,
        http_only,
        partitioned,
        same_site,
        priority,
        version: None,
        comment: None,
        attrs: Cow::Borrowed(sub(s, semi, b.len())),
        profile: Profile::Lenient,
    })
}

/// RFC 6265bis §5.6.2: an optional `-`, then digits only; anything else is ignored.
fn lenient_max_age(v: &[u8]) -> Option<i64> {
    match v {
        [b'-', digits @ ..] => decimal(digits, true),
        _ => decimal(v, false),
    }
}

/// `1*DIGIT` as `i64` (negated if `negative`), saturating instead of failing on
/// overflow; `None` if `digits` is empty or holds anything else.
#[inline(always)]
pub(crate) fn decimal(digits: &[u8], negative: bool) -> Option<i64> {
    if digits.is_empty() {
        return None;
    }
    // Up to 18 digits cannot overflow: one checked pass, no saturation.
    if digits.len() <= 18 {
        let mut n: i64 = 0;
        for &c in digits {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                return None;
            }
            n = n * 10 + i64::from(d);
        }
        return Some(if negative { -n } else { n });
    }
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(saturating_decimal(digits, negative))
}

/// Decimal digits to `i64`, saturating instead of failing on overflow.
pub(crate) fn saturating_decimal(digits: &[u8], negative: bool) -> i64 {
    let mut n: i64 = 0;
    for &d in digits {
        let d = i64::from(d - b'0');
        n = if negative {
            n.saturating_mul(10).saturating_sub(d)
        } else {
            n.saturating_mul(10).saturating_add(d)
        };
    }
    n
}

/// Scans a `cookie-value` (`*cookie-octet` or DQUOTE-wrapped) from `start`, returning
/// its end, or the offending offset and kind.
pub(crate) fn cookie_value_end(b: &[u8], start: usize) -> Result<usize, (ErrorKind, usize)> {
    let octets = |from: usize| {
        from + class::first_not(b.get(from..).unwrap_or_default(), COOKIE_OCTET)
            .unwrap_or(b.len().saturating_sub(from))
    };
    if b.get(start) == Some(&b'"') {
        let end = octets(start + 1);
        if b.get(end) == Some(&b'"') {
            return Ok(end + 1);
        }
        return Err(match b.get(end) {
            None | Some(b';') => (ErrorKind::UnbalancedQuote, start),
            Some(&x) => (ErrorKind::InvalidValueByte(x), end),
        });
    }
    Ok(octets(start))
}

/// [`cookie_value_end`] for a `Set-Cookie` value, which may be a kilobyte of
/// session state: a long value is cut at the next `;` and cleared as a whole (all
/// visible ASCII, then no DQUOTE, comma or backslash inside, with memchr's wide
/// search), rather than byte class by byte class. Anything that fails, and every
/// short value, takes the exact scan, which also says where it failed.
fn set_cookie_value_end(b: &[u8], start: usize) -> Result<usize, (ErrorKind, usize)> {
    const LONG: usize = 64;
    if b.len().saturating_sub(start) < LONG {
        return cookie_value_end(b, start);
    }
    let semi = class::next_semicolon_wide(b, start);
    if semi.saturating_sub(start) >= LONG {
        let run = match b.get(start..semi).unwrap_or_default() {
            [b'"', inner @ .., b'"'] => inner,
            run => run,
        };
        if class::all_visible(run) && memchr::memchr3(b'"', b',', b'\\', run).is_none() {
            return Ok(semi);
        }
    }
    cookie_value_end(b, start)
}

/// RFC 6265 §4.1.1 / 6265bis §4.1 server grammar.
///
/// Out of line: inlined into `SetCookie::parse` beside the lenient parser, the two
/// loops share one frame and its spills (strict corpus 1.19 -> 1.14 us).
#[inline(never)]
fn strict(s: &str) -> Result<SetCookie<'_>, ParseError> {
    let b = s.as_bytes();
    let err = |k, at| Err(ParseError::new(k, at));
    if b.is_empty() {
        return err(ErrorKind::Empty, 0);
    }
    let name_end = class::first_not(b, TCHAR).unwrap_or(b.len());
    match b.get(name_end) {
        None => return err(ErrorKind::MissingEquals, name_end),
        Some(b'=') if name_end == 0 => return err(ErrorKind::EmptyName, 0),
        Some(b'=') => {}
        Some(&x) => return err(ErrorKind::InvalidNameByte(x), name_end),
    }
    let value_end =
        set_cookie_value_end(b, name_end + 1).map_err(|(k, at)| ParseError::new(k, at))?;
    if value_end - 1 > MAX_NAME_VALUE {
        return err(ErrorKind::TooLarge, 0);
    }
    match b.get(value_end) {
        None | Some(b';') => {}
        Some(&x) => return err(ErrorKind::InvalidValueByte(x), value_end),
    }
    let mut c = SetCookie::empty(Profile::Strict);
    c.name = Cow::Borrowed(sub(s, 0, name_end));
    c.value = Cow::Borrowed(sub(s, name_end + 1, value_end));
    c.attrs = Cow::Borrowed(sub(s, value_end, b.len()));

    let mut seen: u16 = 0;
    let mut pos = value_end;
    while pos < b.len() {
        if b.get(pos..pos + 2) != Some(b"; ") {
            return err(ErrorKind::InvalidSeparator, pos);
        }
        let start = pos + 2;
        // Within a segment (no `;`), `av-octet` is exactly printable ASCII: the
        // fast yes-or-no test first, the search only for a refusal.
        let av_octets = |from: usize, to: usize| {
            let run = b.get(from..to).unwrap_or_default();
            if class::all_printable(run) {
                return None;
            }
            class::first_not(run, AV_OCTET).map(|i| from + i)
        };
        let (attr, eq, end) = match keyword::attribute_at(b, start) {
            // A known name (letters only) right before the `=`: only the value's
            // bytes are left to check.
            Some((attr, name_end)) if b.get(name_end) == Some(&b'=') => {
                let end = class::next_semicolon(b, name_end + 1);
                if let Some(at) = av_octets(name_end + 1, end) {
                    return err(ErrorKind::InvalidAttributeByte(attr), at);
                }
                (attr, Some(name_end), end)
            }
            Some((attr, name_end)) => (attr, None, name_end),
            None => {
                let seg = class::segment(b, start);
                if start == seg.end {
                    return err(ErrorKind::EmptyAttribute, start);
                }
                let name_end = seg.eq.unwrap_or(seg.end);
                let (tn0, tn1) = class::trim_wsp(b, start, name_end);
                let attr = Attribute::recognise(b.get(tn0..tn1).unwrap_or_default(), false);
                if let Some(at) = av_octets(start, seg.end) {
                    return err(ErrorKind::InvalidAttributeByte(attr), at);
                }
                if (tn0, tn1) != (start, name_end) {
                    // `Path =/` is Path to a browser but not the server grammar.
                    return err(ErrorKind::InvalidSeparator, start);
                }
                (attr, seg.eq, seg.end)
            }
        };
        pos = end;
        if attr != Attribute::Extension {
            if seen & attr.bit() != 0 {
                return err(ErrorKind::DuplicateAttribute(attr), start);
            }
            seen |= attr.bit();
        }
        let vstart = eq.map_or(end, |e| e + 1);
        let value = eq.map(|e| b.get(e + 1..end).unwrap_or_default());
        if value.is_some_and(|v| v.len() > MAX_ATTRIBUTE_VALUE) {
            return err(ErrorKind::AttributeTooLarge(attr), vstart);
        }
        let bad = |k| Err(ParseError::new(k, vstart.min(end)));
        let invalid = ErrorKind::InvalidAttributeValue(attr);
        match (attr, value) {
            (Attribute::Secure, None) => c.secure = true,
            (Attribute::HttpOnly, None) => c.http_only = true,
            (Attribute::Partitioned, None) => c.partitioned = true,
            (Attribute::Secure | Attribute::HttpOnly | Attribute::Partitioned, Some(_)) => {
                return bad(invalid);
            }
            (Attribute::Extension, _) => {}
            (_, None) => return err(invalid, end),
            (Attribute::Expires, Some(v)) => match date::parse_imf_fixdate(v) {
                Ok(t) => {
                    c.expires = Some(t);
                    c.expires_raw = Some(Cow::Borrowed(sub(s, vstart, end)));
                }
                Err(e) => return err(invalid, vstart + e.offset()),
            },
            (Attribute::MaxAge, Some(v)) => match decimal(v, false) {
                Some(n) => c.max_age = Some(n),
                None => return bad(invalid),
            },
            (Attribute::Domain, Some(v)) => {
                if !host::is_host_name(v) {
                    return bad(invalid);
                }
                c.domain = Some(Cow::Borrowed(sub(s, vstart, end)));
            }
            (Attribute::Path, Some(v)) => {
                if v.first() != Some(&b'/') {
                    return bad(invalid);
                }
                if v.last() == Some(&b' ') {
                    // A browser would trim it: the server grammar's `Path` and the
                    // stored one would differ.
                    return err(invalid, end - 1);
                }
                c.path = Some(Cow::Borrowed(sub(s, vstart, end)));
            }
            (Attribute::SameSite, Some(v)) => match SameSite::recognise(v) {
                Some(ss) => c.same_site = Some(ss),
                None => return bad(invalid),
            },
            (Attribute::Priority, Some(v)) => match Priority::recognise(v) {
                Some(p) => c.priority = Some(p),
                None => return bad(invalid),
            },
            (_, Some(_)) => return bad(invalid),
        }
    }
    Ok(c)
}

/// Skips RFC 2068 implied `*LWS` (SP / HTAB; CR LF cannot occur, CTLs were refused).
fn skip_lws(b: &[u8], mut pos: usize) -> usize {
    while b.get(pos).is_some_and(|&c| class::is(c, WSP)) {
        pos += 1;
    }
    pos
}

/// Scans an RFC 2068 `word` (token or quoted-string) from `start`; returns its end.
pub(crate) fn word_end(b: &[u8], start: usize) -> Result<usize, ParseError> {
    if b.get(start) != Some(&b'"') {
        let n = class::first_not(b.get(start..).unwrap_or_default(), TCHAR);
        return Ok(start + n.unwrap_or(b.len().saturating_sub(start)));
    }
    let mut i = start + 1;
    loop {
        match b.get(i) {
            Some(b'"') => return Ok(i + 1),
            // quoted-pair: backslash and any CHAR
            // quoted-pair is `"\" CHAR`, but a control character is refused even there.
            Some(b'\\')
                if b.get(i + 1)
                    .is_some_and(|&c| c.is_ascii() && !class::is(c, class::FORBIDDEN_CTL)) =>
            {
                i += 2
            }
            Some(&c) if class::is(c, QDTEXT) => i += 1,
            Some(&c) if c >= 0x80 => {
                return Err(ParseError::new(ErrorKind::InvalidValueByte(c), i));
            }
            _ => return Err(ParseError::new(ErrorKind::UnbalancedQuote, start)),
        }
    }
}

/// Scans an attribute value: a quoted-string, or (as Netscape-era servers send
/// `path=/`) a run of `av-octet`s up to whitespace, `;` or `,`.
pub(crate) fn attr_word_end(b: &[u8], start: usize) -> Result<usize, ParseError> {
    if b.get(start) == Some(&b'"') {
        return word_end(b, start);
    }
    let rest = b.get(start..).unwrap_or_default();
    let n = rest
        .iter()
        .position(|&c| !class::is(c, AV_OCTET) || c == b',' || c == b' ');
    Ok(start + n.unwrap_or(rest.len()))
}

/// One RFC 2109 cookie starting at `from`; returns it and where it stopped: the end of
/// the input or a top-level comma that starts the next cookie.
pub(crate) fn rfc2109(s: &str, from: usize) -> Result<(SetCookie<'_>, usize), ParseError> {
    let b = s.as_bytes();
    let err = |k, at| Err(ParseError::new(k, at));
    let name_start = skip_lws(b, from);
    if name_start == b.len() {
        return err(ErrorKind::Empty, name_start);
    }
    let name_end = word_token_end(b, name_start);
    if name_end == name_start {
        return match b.get(name_start) {
            Some(b'=') => err(ErrorKind::EmptyName, name_start),
            Some(&x) => err(ErrorKind::InvalidNameByte(x), name_start),
            None => err(ErrorKind::Empty, name_start),
        };
    }
    let after_name = skip_lws(b, name_end);
    match (b.get(after_name), b.get(name_end)) {
        (Some(b'='), _) => {}
        (None | Some(b';' | b','), _) => return err(ErrorKind::MissingEquals, after_name),
        (_, Some(&x)) => return err(ErrorKind::InvalidNameByte(x), name_end),
        (_, None) => return err(ErrorKind::MissingEquals, name_end),
    }
    let value_start = skip_lws(b, after_name + 1);
    let value_end = word_end(b, value_start)?;
    if (name_end - name_start) + (value_end - value_start) > MAX_NAME_VALUE {
        return err(ErrorKind::TooLarge, name_start);
    }
    let mut c = SetCookie::empty(Profile::Rfc2109);
    c.name = Cow::Borrowed(sub(s, name_start, name_end));
    c.value = Cow::Borrowed(sub(s, value_start, value_end));

    let mut pos = skip_lws(b, value_end);
    let attrs_start = pos;
    let mut seen: u16 = 0;
    loop {
        match b.get(pos) {
            None => break,
            Some(b',') => break,
            Some(b';') => {}
            // Whitespace inside a token is what went wrong, not the text after it.
            Some(&x) => {
                let at = if pos > value_end && attrs_start == pos {
                    value_end
                } else {
                    pos
                };
                return err(
                    ErrorKind::InvalidValueByte(b.get(at).copied().unwrap_or(x)),
                    at,
                );
            }
        }
        let an0 = skip_lws(b, pos + 1);
        let an1 = word_token_end(b, an0);
        if an0 == an1 {
            if an0 == b.len() {
                // A trailing `;` is harmless.
                pos = an0;
                continue;
            }
            return err(ErrorKind::EmptyAttribute, an0);
        }
        let attr = Attribute::recognise(&b[an0..an1], true);
        if attr != Attribute::Extension {
            if seen & attr.bit() != 0 {
                return err(ErrorKind::DuplicateAttribute(attr), an0);
            }
            seen |= attr.bit();
        }
        let mut p = skip_lws(b, an1);
        let value = if b.get(p) == Some(&b'=') {
            let v0 = skip_lws(b, p + 1);
            let v1 = if attr == Attribute::Expires {
                netscape_date_end(b, v0)
            } else {
                attr_word_end(b, v0)?
            };
            p = skip_lws(b, v1);
            Some((v0, v1))
        } else {
            None
        };
        pos = p;
        let Some((v0, v1)) = value else {
            match attr {
                Attribute::Secure => c.secure = true,
                Attribute::HttpOnly => c.http_only = true,
                Attribute::Partitioned => c.partitioned = true,
                Attribute::Extension => {}
                _ => return err(ErrorKind::InvalidAttributeValue(attr), an1),
            }
            continue;
        };
        if v1 - v0 > MAX_ATTRIBUTE_VALUE {
            return err(ErrorKind::AttributeTooLarge(attr), v0);
        }
        let raw = sub(s, v0, v1);
        let unq = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(raw)
            .as_bytes();
        let invalid = ErrorKind::InvalidAttributeValue(attr);
        match attr {
            Attribute::Version => match unq {
                d if !d.is_empty() && d.len() <= 9 && d.iter().all(u8::is_ascii_digit) => {
                    c.version = Some(saturating_decimal(d, false) as u32);
                }
                _ => return err(invalid, v0),
            },
            Attribute::Comment => c.comment = Some(Cow::Borrowed(raw)),
            Attribute::MaxAge => match decimal(unq, false) {
                Some(n) => c.max_age = Some(n),
                None => return err(invalid, v0),
            },
            Attribute::Expires => match date::parse_cookie_date(raw.as_bytes()) {
                Some(t) => {
                    c.expires = Some(t);
                    c.expires_raw = Some(Cow::Borrowed(raw));
                }
                None => return err(invalid, v0),
            },
            Attribute::Domain => c.domain = Some(Cow::Borrowed(raw)),
            Attribute::Path => c.path = Some(Cow::Borrowed(raw)),
            Attribute::SameSite => match SameSite::recognise(unq) {
                Some(ss) => c.same_site = Some(ss),
                None => return err(invalid, v0),
            },
            Attribute::Priority => match Priority::recognise(unq) {
                Some(p) => c.priority = Some(p),
                None => return err(invalid, v0),
            },
            Attribute::Extension => {}
            _ => return err(invalid, v0),
        }
    }
    c.attrs = Cow::Borrowed(sub(s, attrs_start, pos));
    Ok((c, pos))
}

/// End of a Netscape `expires` value: dates hold spaces and one comma after the day
/// name (`Wed, 21-Oct-2015 …`), so the value runs to the next `;` or to a later comma,
/// which starts the next cookie of an RFC 2109 list.
fn netscape_date_end(b: &[u8], v0: usize) -> usize {
    let stop = |from: usize| {
        let rest = b.get(from..).unwrap_or_default();
        from + rest
            .iter()
            .position(|&c| c == b';' || c == b',')
            .unwrap_or(rest.len())
    };
    let mut end = stop(v0);
    let day_name = b.get(v0..end).unwrap_or_default();
    if b.get(end) == Some(&b',')
        && !day_name.is_empty()
        && day_name.iter().all(u8::is_ascii_alphabetic)
    {
        end = stop(end + 1);
    }
    class::trim_wsp(b, v0, end).1
}

fn word_token_end(b: &[u8], start: usize) -> usize {
    start
        + class::first_not(b.get(start..).unwrap_or_default(), TCHAR)
            .unwrap_or(b.len().saturating_sub(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_max_age_grammar() {
        assert_eq!(lenient_max_age(b"10"), Some(10));
        assert_eq!(lenient_max_age(b"010"), Some(10));
        assert_eq!(lenient_max_age(b"-5"), Some(-5));
        assert_eq!(lenient_max_age(b"0"), Some(0));
        for bad in [&b""[..], b"+5", b"1.5", b"-", b"5s", b" 5", b"--1"] {
            assert_eq!(lenient_max_age(bad), None, "{bad:?}");
        }
        assert_eq!(
            lenient_max_age(b"999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(
            lenient_max_age(b"-999999999999999999"),
            Some(-999_999_999_999_999_999)
        );
        assert_eq!(lenient_max_age(b"9999999999999999999"), Some(i64::MAX));
        assert_eq!(lenient_max_age(b"99999999999999999x"), None);
        assert_eq!(lenient_max_age(b"9223372036854775807"), Some(i64::MAX));
        assert_eq!(lenient_max_age(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(lenient_max_age(b"99999999999999999999999"), Some(i64::MAX));
        assert_eq!(lenient_max_age(b"-99999999999999999999999"), Some(i64::MIN));
    }

    #[test]
    fn host_names() {
        for ok in ["example.com", "a", "x-1.example", "127.0.0.1"] {
            assert!(host::is_host_name(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "",
            ".example.com",
            "example..com",
            "-a.com",
            "a-.com",
            "ex ample",
            "a_b.com",
            "example.com.",
        ] {
            assert!(!host::is_host_name(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn cookie_value_scan() {
        assert_eq!(cookie_value_end(b"abc;", 0), Ok(3));
        assert_eq!(cookie_value_end(b"\"abc\";", 0), Ok(5));
        assert_eq!(
            cookie_value_end(b"\"abc", 0),
            Err((ErrorKind::UnbalancedQuote, 0))
        );
        assert_eq!(
            cookie_value_end(b"\"a c\"", 0),
            Err((ErrorKind::InvalidValueByte(b' '), 2))
        );
        assert_eq!(cookie_value_end(b"", 0), Ok(0));
    }

    #[test]
    fn long_value_shortcut_agrees_with_the_exact_scan() {
        let value: alloc::string::String = (0..100).map(|i| (b'A' + i % 26) as char).collect();
        for (open, close) in [("", ""), ("\"", "\"")] {
            for tail in ["", "; Path=/", ";"] {
                let base = alloc::format!("n={open}{value}{close}{tail}");
                let value_bytes = 2..base.len() - tail.len();
                // Every byte of the value (quotes included) and the one after it,
                // set to every value.
                for at in value_bytes.start..(value_bytes.end + 1).min(base.len()) {
                    for byte in 0..=255u8 {
                        let mut v = base.clone().into_bytes();
                        v[at] = byte;
                        assert_eq!(
                            set_cookie_value_end(&v, 2),
                            cookie_value_end(&v, 2),
                            "{v:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn words() {
        assert_eq!(word_end(b"abc def", 0), Ok(3));
        assert_eq!(word_end(b"\"a\\\"b\" x", 0), Ok(6));
        assert!(word_end(b"\"abc", 0).is_err());
    }
}
