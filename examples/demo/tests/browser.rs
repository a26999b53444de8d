//! A real Chromium, driven through WebDriver, against the demo server: proves that
//! what hardtack emits is stored and sent back the way we intend.
//!
//! Ignored by the plain test run (it needs Debian's `chromium` and
//! `chromium-driver`); `.ci/browser` installs them and runs it with `--ignored`.
//! Without them it fails loudly when `CI=true` and skips otherwise.
//!
//! Screenshots of the pages go to `$CARGO_TARGET_DIR/e2e-screenshots/` (or the
//! workspace's `target/`).

mod common;

use core::num::NonZeroU64;
use core::time::Duration;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use fantoccini::cookies::Cookie;
use fantoccini::{Client, ClientBuilder, Locator};
use hardtack::sid::Lifetime;
use hardtack_demo::Config;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Debian's paths; `HARDTACK_CHROMIUM` and `HARDTACK_CHROMEDRIVER` override them.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The short test policy: idle timeout 4 s (renewal after 2 s), absolute 1 h,
/// remember-me 1 day.
const IDLE: u64 = 4;
const REMEMBER: u64 = 86_400;
const SESSION: &str = "__Host-session";
const REMEMBER_ME: &str = "__Host-remember";

type Result<T> = core::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives Debian's chromium through chromedriver; run by .ci/browser"]
async fn a_real_browser_stores_and_returns_what_we_intend() -> Result<()> {
    let chromium = binary("HARDTACK_CHROMIUM", CHROMIUM);
    let chromedriver = binary("HARDTACK_CHROMEDRIVER", CHROMEDRIVER);
    if !chromium.exists() || !chromedriver.exists() {
        let message = format!(
            "\n\n*** BROWSER TEST NOT RUN: {} or {} is missing ***\n\
             *** install them: apt-get install -y chromium chromium-driver ***\n",
            chromium.display(),
            chromedriver.display()
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{message}");
        }
        eprintln!("{message}");
        return Ok(());
    }

    let idle = NonZeroU64::new(IDLE).ok_or("idle")?;
    let hour = NonZeroU64::new(3600).ok_or("hour")?;
    let server = common::start(
        Config::default()
            .lifetime(Lifetime::new(idle, hour))
            .remember_for(Duration::from_secs(REMEMBER)),
    )
    .await;
    let driver = Driver::start(&chromedriver)?;
    let client = driver.connect(&chromium).await?;
    let b = Browser {
        client,
        base: format!("https://{}", server.addr),
        host: server.addr.ip().to_string(),
    };
    let outcome = scenario(&b).await;
    // Close the browser whatever happened; the driver and profile go with `driver`.
    let closed = b.client.close().await;
    outcome?;
    closed?;
    Ok(())
}

async fn scenario(b: &Browser) -> Result<()> {
    // The login page.
    b.open("/").await?;
    b.screenshot("login").await?;

    // Login sets both cookies with the intended attributes, and /me recognises us.
    let before = now();
    b.login("alice", "wonderland", true).await?;
    let after = now();
    assert_eq!(b.text("#who").await?, "Signed in as Alice (alice)");
    // Over HTTP/2 Chromium sends each cookie as a `Cookie` field of its own; the
    // page lists what hardtack read from all of them.
    let received = b.text("#cookies").await?;
    assert!(
        received.contains(SESSION) && received.contains(REMEMBER_ME),
        "{received}"
    );
    b.screenshot("me").await?;
    let session = b
        .cookie(SESSION)
        .await?
        .ok_or("no session cookie after login")?;
    let remember = b
        .cookie(REMEMBER_ME)
        .await?
        .ok_or("no remember cookie after login")?;
    for (c, lifetime) in [(&session, IDLE), (&remember, REMEMBER)] {
        let name = c.name();
        let lifetime = i64::try_from(lifetime)?;
        assert_eq!(c.secure(), Some(true), "{name} Secure");
        assert_eq!(c.http_only(), Some(true), "{name} HttpOnly");
        assert_eq!(
            c.same_site().map(|s| s.to_string()).as_deref(),
            Some("Lax"),
            "{name}"
        );
        assert_eq!(c.path(), Some("/"), "{name} Path");
        let expiry = c
            .expires_datetime()
            .map(|t| t.unix_timestamp())
            .ok_or("session cookie")?;
        let (low, high) = (before + lifetime, after + lifetime + 1);
        assert!(
            (low..=high).contains(&expiry),
            "{name} expiry {expiry} not in {low}..={high}"
        );
    }
    assert_eq!(session.value().len(), 86);
    assert!(remember.value().starts_with("alice."));

    // Logging in again rotates the session id.
    b.login("alice", "wonderland", true).await?;
    let rotated = b
        .cookie(SESSION)
        .await?
        .ok_or("no session cookie after re-login")?;
    assert_ne!(
        rotated.value(),
        session.value(),
        "the session id must change on login"
    );
    assert_eq!(b.text("#who").await?, "Signed in as Alice (alice)");

    // A remember-me token edited in the browser is refused, and removed.
    let mut forged = remember.clone();
    forged.set_value(flip_last(remember.value()));
    b.client.delete_cookie(SESSION).await?;
    b.replace_cookie(forged).await?;
    b.open("/me").await?;
    assert_eq!(b.text("#who").await?, "Not signed in");
    assert!(
        b.text("#notes")
            .await?
            .contains("remember-me cookie rejected: bad token signature")
    );
    assert!(
        b.cookie(REMEMBER_ME).await?.is_none(),
        "forged remember cookie still stored"
    );
    assert!(b.cookie(SESSION).await?.is_none());

    // So is a session cookie edited in the browser.
    let mut garbage = rotated.clone();
    garbage.set_value(flip_last(rotated.value()));
    b.replace_cookie(garbage).await?;
    b.open("/me").await?;
    assert_eq!(b.text("#who").await?, "Not signed in");
    assert!(
        b.text("#notes")
            .await?
            .contains("session cookie rejected: bad token signature")
    );
    assert!(
        b.cookie(SESSION).await?.is_none(),
        "forged session cookie still stored"
    );

    // Idle expiry logs the user out, and replaying the old cookie does not help.
    b.login("bob", "builder", false).await?;
    assert_eq!(b.text("#who").await?, "Signed in as Bob (bob)");
    let idle_session = b
        .cookie(SESSION)
        .await?
        .ok_or("no session cookie for bob")?;
    tokio::time::sleep(Duration::from_secs(IDLE + 1)).await;
    b.open("/me").await?;
    assert_eq!(b.text("#who").await?, "Not signed in");
    let mut seen_notes = b.notes().await?;
    b.replace_cookie(idle_session.clone()).await?;
    b.open("/me").await?;
    assert_eq!(
        b.text("#who").await?,
        "Not signed in",
        "an idle session came back"
    );
    seen_notes.push_str(&b.notes().await?);
    assert!(seen_notes.contains("session expired: idle"), "{seen_notes}");

    // Logout removes both cookies from the browser.
    b.login("alice", "wonderland", true).await?;
    assert!(b.cookie(SESSION).await?.is_some() && b.cookie(REMEMBER_ME).await?.is_some());
    // The sign-out form is on `/` and sends us back to `/`: only a new document
    // tells the answer page from the one we clicked on.
    b.open("/").await?;
    b.tag_page().await?;
    b.click("#logout button").await?;
    b.wait_for_new_page("/").await?;
    assert_eq!(b.text("#who").await?, "Not signed in");
    assert!(
        b.cookie(SESSION).await?.is_none(),
        "session cookie survived logout"
    );
    assert!(
        b.cookie(REMEMBER_ME).await?.is_none(),
        "remember cookie survived logout"
    );

    // A value with Version 0 tspecials is refused before it reaches the browser.
    b.save_theme("dark/blue").await?;
    let verdict = b.text("#verdict").await?;
    assert!(
        verdict.contains("refused by the Version 0 check"),
        "{verdict}"
    );
    assert!(
        b.cookie("theme").await?.is_none(),
        "refused value reached the browser"
    );
    b.save_theme("dark").await?;
    let theme = b
        .cookie("theme")
        .await?
        .ok_or("accepted theme not stored")?;
    assert_eq!(
        (theme.value(), theme.secure(), theme.path()),
        ("dark", Some(true), Some("/"))
    );

    // The lint form shows a verdict.
    b.open("/").await?;
    let field = b.client.find(Locator::Css("#lint textarea")).await?;
    field.clear().await?;
    field
        .send_keys("Set-Cookie: sid=a b; Path=/; HttpOnly")
        .await?;
    b.tag_page().await?;
    b.click("#lint button").await?;
    b.wait_for_new_page("/lint").await?;
    let verdict = b.text(".lint").await?;
    assert!(verdict.contains("value-needs-encoding"), "{verdict}");
    b.screenshot("lint").await?;
    Ok(())
}

struct Browser {
    client: Client,
    base: String,
    host: String,
}

impl Browser {
    async fn open(&self, path: &str) -> Result<()> {
        self.client.goto(&format!("{}{path}", self.base)).await?;
        Ok(())
    }

    async fn text(&self, css: &str) -> Result<String> {
        Ok(self.client.find(Locator::Css(css)).await?.text().await?)
    }

    async fn notes(&self) -> Result<String> {
        match self.client.find(Locator::Css("#notes")).await {
            Ok(e) => Ok(e.text().await?),
            Err(_) => Ok(String::new()),
        }
    }

    async fn click(&self, css: &str) -> Result<()> {
        self.client.find(Locator::Css(css)).await?.click().await?;
        Ok(())
    }

    /// Fills in and submits the login form, and waits for `/me`.
    ///
    /// A page that is still settling when the form is looked up can replace it
    /// under the driver ("stale element reference"); that attempt is started
    /// again from a fresh load, at most three times. Any other error stands.
    async fn login(&self, user: &str, password: &str, remember: bool) -> Result<()> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.login_once(user, password, remember).await {
                Err(e) if attempt < 3 && is_stale(&*e) => continue,
                other => return other,
            }
        }
    }

    async fn login_once(&self, user: &str, password: &str, remember: bool) -> Result<()> {
        self.open("/").await?;
        let form = self.client.form(Locator::Css("#login")).await?;
        form.set_by_name("user", user).await?;
        form.set_by_name("password", password).await?;
        if remember {
            self.click("#login input[name=remember]").await?;
        }
        self.tag_page().await?;
        form.submit().await?;
        self.wait_for_new_page("/me").await
    }

    async fn save_theme(&self, value: &str) -> Result<()> {
        self.open("/").await?;
        let form = self.client.form(Locator::Css("#prefs")).await?;
        form.set_by_name("theme", value).await?;
        self.tag_page().await?;
        form.submit().await?;
        self.wait_for_new_page("/prefs").await
    }

    /// Marks the current document, so that [`Browser::wait_for_new_page`] can tell
    /// it from the next one: a navigation replaces `window`, and the mark with it.
    async fn tag_page(&self) -> Result<()> {
        self.client
            .execute("window.hardtackOldPage = true;", Vec::new())
            .await?;
        Ok(())
    }

    /// Waits until a document other than the one last tagged is loaded at `path`.
    /// The path alone is not enough: a form on `/` that answers with `/` (sign-out)
    /// would match before the browser has even sent the request.
    async fn wait_for_new_page(&self, path: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // A script sent while the old document unloads may fail; that is "not
            // yet", not a verdict, until the deadline.
            let seen = match self.page_state().await {
                Ok(p) if p.path == path && p.ready == "complete" && !p.tagged => return Ok(()),
                Ok(p) => {
                    let page = if p.tagged {
                        "the same page"
                    } else {
                        "a new page"
                    };
                    format!("still at {} ({}, {page})", p.url, p.ready)
                }
                Err(e) => format!("the page did not answer ({e})"),
            };
            if Instant::now() > deadline {
                return Err(format!("{seen}, waiting for {path}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn page_state(&self) -> Result<PageState> {
        let url = self.client.current_url().await?;
        let state = self
            .client
            .execute(
                "return [document.readyState, window.hardtackOldPage === true];",
                Vec::new(),
            )
            .await?;
        Ok(PageState {
            path: url.path().to_owned(),
            url: url.to_string(),
            ready: state
                .get(0)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
            tagged: state
                .get(1)
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(true),
        })
    }

    /// The browser's own stored cookie called `name`, if any.
    async fn cookie(&self, name: &str) -> Result<Option<Cookie<'static>>> {
        let all = self.client.get_all_cookies().await?;
        Ok(all.into_iter().find(|c| c.name() == name))
    }

    /// Stores `cookie` for the server's host, without an expiry (a copy taken a
    /// while ago may carry one that has passed, which would delete it instead). On
    /// an IP address a cookie is always host-only, as a `__Host-` cookie must be;
    /// WebDriver insists on a domain.
    async fn replace_cookie(&self, mut cookie: Cookie<'static>) -> Result<()> {
        let name = cookie.name().to_owned();
        cookie.set_domain(self.host.clone());
        cookie.unset_expires();
        // WebDriver touches the cookies of the current document's origin, which is
        // the server's: no navigation here, since any page load would let the server
        // act on the cookies before the edit is complete.
        self.client.delete_cookie(&name).await?;
        self.client.add_cookie(cookie).await?;
        Ok(())
    }

    async fn screenshot(&self, name: &str) -> Result<()> {
        let png = self.client.screenshot().await?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        eprintln!("screenshot: {}", path.display());
        Ok(())
    }
}

/// Where the browser is, and how far the document there has loaded.
struct PageState {
    path: String,
    /// The whole URL, for messages.
    url: String,
    /// `document.readyState`.
    ready: String,
    /// Whether this is the document [`Browser::tag_page`] marked.
    tagged: bool,
}

/// Whether `e` is WebDriver's "stale element reference" (the page replaced an
/// element the driver had found).
fn is_stale(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<fantoccini::error::CmdError>()
        .is_some_and(fantoccini::error::CmdError::is_stale_element_reference)
}

fn binary(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        PathBuf::from,
    );
    target.join("e2e-screenshots")
}

fn now() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs).unwrap_or(i64::MAX)
}

/// `value` with its last character changed: what a user editing the cookie does.
fn flip_last(value: &str) -> String {
    let mut s = value.to_owned();
    let replacement = if s.ends_with('A') { 'B' } else { 'A' };
    s.pop();
    s.push(replacement);
    s
}

/// A running chromedriver and a fresh Chromium profile directory; both are gone when
/// this is dropped, also when the test panics.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    fn start(chromedriver: &Path) -> Result<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let profile = std::env::temp_dir().join(format!(
            "hardtack-demo-chromium-{}-{}",
            std::process::id(),
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        std::fs::create_dir_all(&profile)?;
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let driver = Driver {
            child,
            port,
            profile,
        };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(addr).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    async fn connect(&self, chromium: &Path) -> Result<Client> {
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--ignore-certificate-errors".to_owned(),
            "--window-size=1000,1100".to_owned(),
            format!("--user-data-dir={}", self.profile.display()),
        ];
        let capabilities = json!({
            "browserName": "chrome",
            "acceptInsecureCerts": true,
            "goog:chromeOptions": { "binary": chromium, "args": args },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            return Err("capabilities".into());
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(client)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
