//! Runs the real `hardtack` binary on every subcommand, good input and bad.
//! Exit statuses: 0 ok, 1 warnings / rejected token, 2 errors / bad input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn hardtack(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hardtack"));
    cmd.args(args)
        .env_remove("HARDTACK_KEY")
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("piped stdin");
        pipe.write_all(input).expect("write stdin");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    let run = Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked: {}",
        run.stderr
    );
    run
}

fn run(args: &[&str]) -> Run {
    hardtack(args, None, &[])
}

/// A fresh scratch directory per test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hardtack-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A key file with a known 32-byte key (base64url of 32 bytes of 0x2a).
fn key_file(dir: &std::path::Path) -> String {
    let path = dir.join("test.key");
    std::fs::write(&path, "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio\n").expect("write key");
    path.to_str().expect("UTF-8 path").to_owned()
}

// ---- lint ----

#[test]
fn lint_reports_the_readme_example_with_offset_and_fix() {
    let r = run(&["lint", "Set-Cookie: id=a b; Path=/"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stdout.contains("error[value-needs-encoding] at byte 4"));
    assert!(
        r.stdout
            .contains("fix: percent-encode the value (id=a%20b)")
    );
    assert!(r.stdout.contains("a browser stores:"));
    assert!(r.stdout.contains("suggested: Set-Cookie: id=a%20b; Path=/"));
    assert!(r.stdout.contains("1 error, 0 warnings"));
    // Not a terminal: no colour codes.
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn lint_exit_status_follows_the_worst_finding() {
    assert_eq!(run(&["lint", "Set-Cookie: theme=dark; Path=/"]).code, 0);
    assert_eq!(run(&["lint", "Set-Cookie: prefs=a/b; Path=/"]).code, 1);
    assert_eq!(run(&["lint", "Set-Cookie: a=1; SameSite=None"]).code, 2);
}

#[test]
fn lint_reads_several_lines_from_stdin() {
    let input = b"Set-Cookie: theme=dark\r\n\nCookie: a=1; a=2\nsession=abc; Path=/\n";
    let r = hardtack(&["lint"], Some(input), &[]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("duplicate-name"));
    assert!(r.stdout.contains("credential-without-httponly"));
    assert!(r.stdout.contains("a server reads:"));
    assert!(r.stdout.contains("0 errors, 3 warnings"));
}

#[test]
fn lint_json_is_one_object_with_offsets() {
    let r = run(&["lint", "--json", "--cookie", "a=1; b=x y"]);
    assert_eq!(r.code, 2);
    let out = r.stdout.trim_end();
    assert!(
        out.starts_with("{\"results\":[{\"header\":\"cookie\""),
        "{out}"
    );
    assert!(
        out.contains("\"code\":\"pair-invalid\",\"offset\":8"),
        "{out}"
    );
    assert!(
        out.ends_with("\"errors\":1,\"warnings\":0,\"exit\":2}"),
        "{out}"
    );
    assert_eq!(r.stdout.lines().count(), 1);
}

#[test]
fn lint_on_empty_stdin_is_a_clear_error() {
    let r = hardtack(&["lint"], Some(b""), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no input"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn lint_on_binary_garbage_is_a_clear_error() {
    let r = hardtack(&["lint"], Some(b"Set-Cookie: a=\xff\xfe\x00"), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not UTF-8"), "{}", r.stderr);
}

#[test]
fn lint_survives_hostile_text() {
    let long = format!("a={}", "x".repeat(100_000));
    for input in [
        "",
        ";",
        "=",
        ";;=;",
        "\u{1}\u{7f}\r\n",
        "é=é; Path=é",
        "a=\"",
        &long,
    ] {
        let r = run(&["lint", input]);
        assert!(r.code == 1 || r.code == 2, "{input:?}: {}", r.code);
        let r = run(&["lint", "--cookie", input]);
        assert!(r.code <= 2, "{input:?}");
    }
}

#[test]
fn lint_reports_a_nul_byte_from_stdin() {
    let r = hardtack(&["lint", "--json"], Some(b"Set-Cookie: a=1\x00b\n"), &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains("\"code\":\"control-character\",\"offset\":3"),
        "{}",
        r.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = run(&["lint", "--no-such-flag"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--no-such-flag"));
    assert_eq!(run(&["no-such-command"]).code, 2);
    assert_eq!(run(&[]).code, 2);
    assert_eq!(run(&["--help"]).code, 0);
}

#[test]
fn colour_only_when_asked_on_a_pipe() {
    let r = run(&["--color", "always", "lint", "a=1; SameSite=None"]);
    assert!(r.stdout.contains("\x1b[1;31m"));
    let r = run(&["--color", "never", "lint", "a=1; SameSite=None"]);
    assert!(!r.stdout.contains('\x1b'));
}

// ---- parse ----

#[test]
fn parse_prints_the_structure() {
    let r = run(&[
        "parse",
        "Set-Cookie: sid=abc; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Strict; Foo=1",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for expected in [
        "[lenient]",
        "name        sid",
        "max-age     60",
        "same-site   Strict",
        "extension   Foo=1",
    ] {
        assert!(r.stdout.contains(expected), "{expected}: {}", r.stdout);
    }
}

#[test]
fn parse_reports_each_profile_and_fails_with_2() {
    let r = run(&["parse", "--profile", "all", "id=a b"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("[lenient]") && r.stdout.contains("[strict]"));
    assert!(
        r.stdout
            .contains("error: byte 0x20 not allowed in a cookie value at byte 4")
    );
    let r = run(&["--json", "parse", "--cookie", "a=1; b=2"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("\"pairs\":[[\"a\",\"1\"],[\"b\",\"2\"]]"),
        "{}",
        r.stdout
    );
}

// ---- token ----

#[test]
fn token_sign_then_verify() {
    let dir = scratch("sign-verify");
    let key = key_file(&dir);
    let common = ["--key-file", key.as_str(), "--context", "session"];
    let mut sign = vec!["token", "sign"];
    sign.extend(common);
    sign.extend(["--uid", "user-17", "--issued-at", "1700000000"]);
    let r = run(&sign);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let token = r.stdout.trim().to_owned();
    assert!(token.starts_with("user-17.AABlU_EA."), "{token}");

    let mut verify = vec!["token", "verify"];
    verify.extend(common);
    verify.extend(["--max-age", "1h", "--now", "1700000600"]);
    let r = hardtack(&verify, Some(format!("{token}\n").as_bytes()), &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("valid"));
    assert!(r.stdout.contains("user-17"));
    assert!(
        r.stdout
            .contains("Tue, 14 Nov 2023 22:13:20 GMT (1700000000, 10m ago)")
    );

    // The key never shows up.
    assert!(!r.stdout.contains("KioqKioq"));
}

#[test]
fn token_verify_rejections_exit_1_with_the_reason() {
    let dir = scratch("rejections");
    let key = key_file(&dir);
    let sign = run(&[
        "token",
        "sign",
        "--key-file",
        &key,
        "--context",
        "session",
        "--uid",
        "u1",
        "--issued-at",
        "1000",
    ]);
    let token = sign.stdout.trim();
    let verify = |context: &str, now: &str, token: &str| {
        run(&[
            "--json",
            "token",
            "verify",
            "--key-file",
            &key,
            "--context",
            context,
            "--max-age",
            "60",
            "--now",
            now,
            token,
        ])
    };
    let ok = verify("session", "1030", token);
    assert_eq!(ok.code, 0);
    assert!(
        ok.stdout
            .contains("\"valid\":true,\"uid\":\"u1\",\"issued_at\":1000")
    );

    let expired = verify("session", "2000", token);
    assert_eq!(expired.code, 1);
    assert!(
        expired.stdout.contains("\"reason\":\"expired\""),
        "{}",
        expired.stdout
    );

    let wrong_context = verify("password-reset", "1030", token);
    assert_eq!(wrong_context.code, 1);
    assert!(
        wrong_context
            .stdout
            .contains("\"reason\":\"bad-signature\"")
    );

    let garbage = verify("session", "1030", "not-a-token");
    assert_eq!(garbage.code, 1);
    assert!(garbage.stdout.contains("\"reason\":\"malformed\""));
}

#[test]
fn token_verify_without_a_token_on_empty_stdin_exits_2() {
    let dir = scratch("no-token");
    let key = key_file(&dir);
    let r = hardtack(
        &[
            "token",
            "verify",
            "--key-file",
            &key,
            "--context",
            "s",
            "--max-age",
            "60",
        ],
        Some(b""),
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no token"), "{}", r.stderr);
}

#[test]
fn a_missing_key_file_is_a_clear_error() {
    let r = run(&[
        "token",
        "sign",
        "--key-file",
        "/nonexistent/hardtack.key",
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("cannot read key file /nonexistent/hardtack.key"),
        "{}",
        r.stderr
    );
}

#[test]
fn no_key_at_all_explains_where_keys_come_from() {
    let r = run(&["token", "sign", "--context", "s", "--uid", "u"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--key-file") && r.stderr.contains("HARDTACK_KEY"));
}

#[test]
fn the_key_can_come_from_the_environment() {
    let env = [(
        "HARDTACK_KEY",
        "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio",
    )];
    let r = hardtack(
        &[
            "token",
            "sign",
            "--context",
            "s",
            "--uid",
            "u",
            "--issued-at",
            "1",
        ],
        None,
        &env,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_key_on_the_command_line_is_refused_unless_allowed() {
    let key = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio";
    let r = run(&[
        "token",
        "sign",
        "--key",
        key,
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("refusing a key on the command line"));
    assert!(!r.stderr.contains(key));
    let r = run(&[
        "token",
        "sign",
        "--key",
        key,
        "--allow-key-argument",
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn short_and_garbage_keys_are_refused() {
    let dir = scratch("short-key");
    let path = dir.join("short.key");
    std::fs::write(&path, "c2hvcnQ").expect("write");
    let p = path.to_str().expect("UTF-8 path");
    let r = run(&[
        "token",
        "sign",
        "--key-file",
        p,
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("at least 32"), "{}", r.stderr);
    // Raw binary key files work when they are long enough.
    std::fs::write(&path, [0xffu8; 40]).expect("write");
    let r = run(&[
        "token",
        "sign",
        "--key-file",
        p,
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn an_invalid_uid_is_a_usage_error() {
    let dir = scratch("bad-uid");
    let key = key_file(&dir);
    let r = run(&[
        "token",
        "sign",
        "--key-file",
        &key,
        "--context",
        "s",
        "--uid",
        "a b",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("uid must be"));
}

// ---- sid ----

#[test]
fn sid_prints_distinct_ids() {
    let r = run(&["sid", "--count", "5"]);
    assert_eq!(r.code, 0);
    let ids: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(ids.len(), 5);
    assert!(ids.iter().all(|id| {
        id.len() == 32
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }));
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 5);
}

#[test]
fn sid_options_and_limits() {
    let r = run(&["--json", "sid", "--interop", "--storage-key"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("{\"ids\":[{\"id\":\""));
    assert!(r.stdout.contains("\"storage_key\":\""));
    assert_eq!(run(&["sid", "--count", "0"]).code, 2);
    assert_eq!(run(&["sid", "--count", "many"]).code, 2);
}

// ---- key ----

#[test]
fn key_generate_writes_a_private_file_once() {
    let dir = scratch("keygen");
    let path = dir.join("master.key");
    let p = path.to_str().expect("UTF-8 path");
    let r = run(&["key", "generate", "--out", p]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&path).expect("key written");
    assert_eq!(text.len(), 44);
    assert!(text.ends_with('\n'));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Never overwritten.
    let again = run(&["key", "generate", "--out", p]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).expect("still there"), text);
    // And usable.
    let sign = run(&[
        "token",
        "sign",
        "--key-file",
        p,
        "--context",
        "s",
        "--uid",
        "u",
    ]);
    assert_eq!(sign.code, 0, "{}", sign.stderr);
}

#[test]
fn key_generate_to_stdout_gives_fresh_keys() {
    let a = run(&["key", "generate"]);
    let b = run(&["key", "generate"]);
    assert_eq!((a.code, b.code), (0, 0));
    assert_eq!(a.stdout.trim().len(), 43);
    assert_ne!(a.stdout, b.stdout);
}

#[test]
fn key_generate_into_a_missing_directory_exits_2() {
    let r = run(&["key", "generate", "--out", "/nonexistent/dir/k.key"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot create"));
}

// ---- demo ----

#[test]
fn demo_walks_through_everything_and_succeeds() {
    let r = run(&["demo"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    for title in [
        "Lint",
        "Build",
        "Read",
        "Tokens",
        "Session ids",
        "Signed session cookies",
    ] {
        assert!(r.stdout.contains(title), "{title}");
    }
    assert!(!r.stdout.contains("UNEXPECTED"));
    assert!(r.stdout.contains("every step behaved as described"));
    let r = run(&["--json", "demo"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.trim_end().ends_with("\"ok\":true}"));
}
