//! A browser-grade cookie jar (RFC 6265bis §5.7 storage, §5.8 retrieval).
