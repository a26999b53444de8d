//! Shared by the test binaries: an in-process demo server and a raw HTTPS client.
//!
//! The client is raw on purpose: it must send what no well-behaved client would
//! (garbage bytes, oversized headers, duplicate cookies) and show the exact
//! `Set-Cookie` bytes the server wrote.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use hardtack_demo::{Config, Demo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};

/// The master key tests give the server, so they can mint tokens it finds authentic.
pub const KEY: [u8; 32] = *b"hardtack-demo test master key 32";

/// A demo server running on the current tokio runtime, and a client that trusts
/// exactly its certificate.
pub struct Server {
    pub addr: SocketAddr,
    connector: TlsConnector,
}

pub async fn start(config: Config) -> Server {
    let demo = match Demo::bind(config.port(0)).await {
        Ok(demo) => demo,
        Err(e) => panic!("bind: {e}"),
    };
    let addr = demo.local_addr();
    let mut roots = RootCertStore::empty();
    if let Err(e) = roots.add(CertificateDer::from(demo.certificate_der().to_vec())) {
        panic!("certificate: {e}");
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let client = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth());
    let client = match client {
        Ok(c) => c,
        Err(e) => panic!("client config: {e}"),
    };
    tokio::spawn(demo.run());
    Server {
        addr,
        connector: TlsConnector::from(Arc::new(client)),
    }
}

/// A parsed HTTP/1.1 response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn set_cookies(&self) -> Vec<&str> {
        self.all("set-cookie")
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The `Set-Cookie` for `name`, if exactly one was sent.
    pub fn set_cookie(&self, name: &str) -> Option<&str> {
        let prefix = format!("{name}=");
        let mut found = self
            .set_cookies()
            .into_iter()
            .filter(|c| c.starts_with(&prefix));
        let first = found.next();
        assert!(
            found.next().is_none(),
            "two Set-Cookie headers for {name}: {self:?}"
        );
        first
    }

    /// The value the response set for `name` (what a browser would send back).
    pub fn cookie_value(&self, name: &str) -> Option<String> {
        let c = self.set_cookie(name)?;
        let pair = c.split(';').next()?;
        pair.split_once('=').map(|(_, v)| v.to_owned())
    }

    pub fn signed_in_as(&self) -> Option<&str> {
        let rest = self.body.split("Signed in as <b>").nth(1)?;
        rest.split("</b>").next()
    }

    pub fn is_anonymous(&self) -> bool {
        self.body
            .contains("<p id=\"who\" class=\"muted\">Not signed in</p>")
    }
}

impl Server {
    /// Sends `head` (request line and headers, CRLF-separated, without the blank
    /// line) and `body`, and reads the whole response.
    pub async fn raw(&self, head: &[u8], body: &[u8]) -> std::io::Result<Response> {
        let tcp = TcpStream::connect(self.addr).await?;
        let name = ServerName::try_from("localhost").map_err(std::io::Error::other)?;
        let mut tls = self.connector.connect(name, tcp).await?;
        let mut request = head.to_vec();
        request.extend_from_slice(b"\r\nHost: localhost\r\nConnection: close");
        if !body.is_empty() {
            request.extend_from_slice(
                format!(
                    "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}",
                    body.len()
                )
                .as_bytes(),
            );
        }
        request.extend_from_slice(b"\r\n\r\n");
        request.extend_from_slice(body);
        tls.write_all(&request).await?;
        let mut raw = Vec::new();
        match tls.read_to_end(&mut raw).await {
            Ok(_) => {}
            // A peer that closes without close_notify still sent a whole response.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !raw.is_empty() => {}
            Err(e) => return Err(e),
        }
        parse(&raw).ok_or_else(|| {
            std::io::Error::other(format!(
                "unparsable response: {:?}",
                String::from_utf8_lossy(&raw)
            ))
        })
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        let mut head = format!("GET {path} HTTP/1.1");
        if let Some(c) = cookie {
            head.push_str("\r\nCookie: ");
            head.push_str(c);
        }
        self.expect(head.as_bytes(), b"").await
    }

    pub async fn post(&self, path: &str, cookie: Option<&str>, form: &str) -> Response {
        let mut head = format!("POST {path} HTTP/1.1");
        if let Some(c) = cookie {
            head.push_str("\r\nCookie: ");
            head.push_str(c);
        }
        self.expect(head.as_bytes(), form.as_bytes()).await
    }

    pub async fn expect(&self, head: &[u8], body: &[u8]) -> Response {
        match self.raw(head, body).await {
            Ok(r) => r,
            Err(e) => panic!("request failed: {e}"),
        }
    }

    /// Logs in and returns the response (303 with the cookies).
    pub async fn login(&self, user: &str, password: &str, remember: bool) -> Response {
        let mut form = format!("user={user}&password={password}");
        if remember {
            form.push_str("&remember=on");
        }
        self.post("/login", None, &form).await
    }
}

fn parse(raw: &[u8]) -> Option<Response> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(raw.get(..split)?).ok()?;
    let body = String::from_utf8_lossy(raw.get(split + 4..)?).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.to_owned(), v.trim().to_owned()))
        .collect();
    Some(Response {
        status,
        headers,
        body,
    })
}
