//! Binding, TLS and the accept loop: axum's router served by hyper over rustls.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::CertificateDer;

use crate::app::App;
use crate::config::Config;
use crate::routes;

/// A client that has not finished the TLS handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Nor one that takes longer than this to send a request head.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// A bound demo server: listening, with its certificate made, not yet serving.
///
/// ```
/// use hardtack_demo::{Config, Demo};
///
/// # tokio::runtime::Runtime::new()?.block_on(async {
/// let demo = Demo::bind(Config::default().port(0)).await?;
/// assert!(demo.local_addr().ip().is_loopback());
/// assert_ne!(demo.local_addr().port(), 0);
/// assert!(!demo.certificate_der().is_empty());
/// // `demo.run().await` would serve until the process ends.
/// # Ok::<(), std::io::Error>(())
/// # })?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Demo {
    listener: TcpListener,
    acceptor: TlsAcceptor,
    certificate: CertificateDer<'static>,
    router: Router,
}

impl Demo {
    /// Binds the address of `config`, makes a self-signed certificate and a master key
    /// (unless one was given) and builds the routes.
    ///
    /// # Errors
    /// The address cannot be bound, or the operating system's random generator failed.
    ///
    /// ```
    /// use hardtack_demo::{Config, Demo};
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let first = Demo::bind(Config::default().port(0)).await?;
    /// // The port is taken now.
    /// let second = Demo::bind(Config::default().port(first.local_addr().port())).await;
    /// assert!(second.is_err());
    /// # Ok::<(), std::io::Error>(())
    /// # })?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub async fn bind(mut config: Config) -> io::Result<Demo> {
        let key = config
            .take_key()
            .map_err(|e| io::Error::other(format!("master key: {e}")))?;
        let app = App::new(&key, config.session_lifetime(), config.remember_duration())
            .map_err(|e| io::Error::other(format!("key ring: {e}")))?;
        let (acceptor, certificate) = crate::tls::acceptor()?;
        let listener = TcpListener::bind(config.addr()).await?;
        Ok(Demo {
            listener,
            acceptor,
            certificate,
            router: routes::router(Arc::new(app)),
        })
    }

    /// The address actually bound (with the real port when the config said `0`).
    ///
    /// ```
    /// use hardtack_demo::{Config, Demo};
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let demo = Demo::bind(Config::default().port(0)).await?;
    /// println!("serving https://{}/", demo.local_addr());
    /// # Ok::<(), std::io::Error>(())
    /// # })?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn local_addr(&self) -> SocketAddr {
        // A bound listener always has an address; fall back to the unspecified one
        // rather than panic if the OS says otherwise.
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)))
    }

    /// The server's self-signed certificate (DER), for clients that want to trust
    /// exactly this server rather than skip verification.
    ///
    /// ```
    /// use hardtack_demo::{Config, Demo};
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let demo = Demo::bind(Config::default().port(0)).await?;
    /// // DER starts with a SEQUENCE tag.
    /// assert_eq!(demo.certificate_der().first(), Some(&0x30));
    /// # Ok::<(), std::io::Error>(())
    /// # })?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn certificate_der(&self) -> &[u8] {
        self.certificate.as_ref()
    }

    /// Serves connections until the future is dropped. Each connection runs in its own
    /// task; a failed handshake or a broken connection affects only itself.
    ///
    /// # Errors
    /// None in practice: accept errors (such as running out of file descriptors) are
    /// waited out rather than returned.
    ///
    /// ```no_run
    /// use hardtack_demo::{Config, Demo};
    /// # async fn f() -> std::io::Result<()> {
    /// Demo::bind(Config::default()).await?.run().await
    /// # }
    /// ```
    pub async fn run(self) -> io::Result<()> {
        let mut http = auto::Builder::new(TokioExecutor::new());
        http.http1()
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_TIMEOUT);
        http.http2().timer(TokioTimer::new());
        loop {
            let (tcp, _) = match self.listener.accept().await {
                Ok(conn) => conn,
                Err(_) => {
                    // EMFILE and friends: let other connections finish, then retry.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let acceptor = self.acceptor.clone();
            let http = http.clone();
            let service = TowerToHyperService::new(self.router.clone());
            tokio::spawn(async move {
                let Ok(Ok(tls)) =
                    tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await
                else {
                    return;
                };
                // Errors here are the client's (reset, malformed request) and end only
                // this connection.
                let _ = http.serve_connection(TokioIo::new(tls), service).await;
            });
        }
    }
}

impl core::fmt::Debug for Demo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Demo")
            .field("addr", &self.local_addr())
            .finish_non_exhaustive()
    }
}
