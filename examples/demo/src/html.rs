//! HTML escaping and the page frame.

use core::fmt::{self, Write};

/// Text made safe for HTML element content and double-quoted attribute values.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            let (plain, tail) = rest.split_at(i);
            f.write_str(plain)?;
            let mut chars = tail.chars();
            let entity = match chars.next() {
                Some('&') => "&amp;",
                Some('<') => "&lt;",
                Some('>') => "&gt;",
                Some('"') => "&quot;",
                _ => "&#39;",
            };
            f.write_str(entity)?;
            rest = chars.as_str();
        }
        f.write_str(rest)
    }
}

const STYLE: &str = "\
body{font:16px/1.45 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem}\
form{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}\
label{display:block;margin:.4rem 0}input[type=text],input[type=password],textarea{width:100%;box-sizing:border-box;font:inherit}\
textarea{font-family:ui-monospace,monospace;height:4.5rem}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{white-space:pre-wrap;background:#f5f5f5;padding:.6rem}\
.ok{color:#176117}.bad{color:#9b1c1c}.warn{color:#8a5a00}.muted{color:#666}nav a{margin-right:1rem}";

/// A whole page around `body` (already HTML).
pub(crate) fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 400);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title} · hardtack demo</title><style>{STYLE}</style></head><body>\
         <nav><a href=\"/\">Home</a><a href=\"/me\">Who am I?</a></nav>\
         <h1>{title}</h1>{body}</body></html>",
        title = Escaped(title),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let s = Escaped("<b a=\"1\" c='2'>&amp;é</b>").to_string();
        assert_eq!(
            s,
            "&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;amp;é&lt;/b&gt;"
        );
    }

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            Escaped("theme=dark; Path=/").to_string(),
            "theme=dark; Path=/"
        );
        assert_eq!(Escaped("").to_string(), "");
    }

    #[test]
    fn the_title_is_escaped_too() {
        assert!(page("<x>", "").contains("<h1>&lt;x&gt;</h1>"));
    }
}
