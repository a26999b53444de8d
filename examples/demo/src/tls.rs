//! A self-signed certificate for 127.0.0.1 and localhost, made at start-up.
//!
//! `__Host-` cookies must be `Secure`, and a browser stores a `Secure` cookie only
//! from a secure origin, so the demo speaks HTTPS. Nothing is written to disk: every
//! start has a new key, and browsers are told to accept it (the tests pass
//! `--ignore-certificate-errors`; people click through the warning once).

use std::io;
use std::sync::Arc;

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::crypto::ring;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// The names the certificate is valid for.
const NAMES: [&str; 2] = ["localhost", "127.0.0.1"];

/// A TLS acceptor offering HTTP/2 and HTTP/1.1, and the certificate it presents.
pub(crate) fn acceptor() -> io::Result<(TlsAcceptor, CertificateDer<'static>)> {
    let certified = rcgen::generate_simple_self_signed(NAMES.map(String::from))
        .map_err(|e| io::Error::other(format!("certificate: {e}")))?;
    let cert = certified.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    // The provider is named rather than taken from the process default, so the
    // demo does not depend on which crypto features other crates turn on.
    let mut config = ServerConfig::builder_with_provider(Arc::new(ring::default_provider()))
        .with_safe_default_protocol_versions()
        .and_then(|b| {
            b.with_no_client_auth()
                .with_single_cert(vec![cert.clone()], key)
        })
        .map_err(|e| io::Error::other(format!("tls: {e}")))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok((TlsAcceptor::from(Arc::new(config)), cert))
}
