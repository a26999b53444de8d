//! A forked child never hands out ids its parent (or a sibling) hands out.
//!
//! The parent warms its thread's fast generator so that state exists to be
//! copied, then forks two children. Every process generates ids after the
//! fork; the children send theirs back through a pipe. Without the fork
//! guard all three would emit the same sequence (the unit test
//! `an_unguarded_copy_would_repeat_the_output` shows a copied state does).
//!
//! One test in this file: forking while other test threads run would copy
//! them mid-flight.

#![cfg(unix)]
#![allow(unsafe_code)]

use std::collections::HashSet;

use hardtack_sid::SessionId;

const IDS: usize = 200;
const ID_LEN: usize = 24;

type Ids = Vec<[u8; ID_LEN]>;

fn fast_ids() -> Ids {
    (0..IDS)
        .map(|_| *SessionId::generate_fast().expect("generate").expose_bytes())
        .collect()
}

/// Forks a child that writes `IDS` fresh fast ids to a pipe and exits;
/// returns what it wrote.
fn ids_from_child() -> Ids {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid two-element array for `pipe` to fill.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    let [read_fd, write_fd] = fds;

    // SAFETY: the child only generates ids into a stack buffer, writes it to
    // the pipe and calls `_exit`; it never returns into the test harness.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork");
    if pid == 0 {
        let mut out = [0u8; IDS * ID_LEN];
        let mut ok = true;
        for chunk in out.chunks_exact_mut(ID_LEN) {
            match SessionId::generate_fast() {
                Ok(id) => chunk.copy_from_slice(id.expose_bytes()),
                Err(_) => ok = false,
            }
        }
        let mut written = 0;
        while ok && written < out.len() {
            let rest = &out[written..];
            // SAFETY: `rest` is a live, initialised buffer of `rest.len()` bytes.
            let n = unsafe { libc::write(write_fd, rest.as_ptr().cast(), rest.len()) };
            if n <= 0 {
                ok = false;
            } else {
                written += n as usize;
            }
        }
        // SAFETY: `_exit` ends the child without running the parent's
        // destructors or the harness.
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }

    // SAFETY: closing our copy of the write end so EOF arrives.
    unsafe { libc::close(write_fd) };
    let mut buf = vec![0u8; IDS * ID_LEN];
    let mut read = 0;
    while read < buf.len() {
        let rest = &mut buf[read..];
        // SAFETY: `rest` is a live buffer of `rest.len()` writable bytes.
        let n = unsafe { libc::read(read_fd, rest.as_mut_ptr().cast(), rest.len()) };
        assert!(n > 0, "child sent {read} of {} bytes", buf.len());
        read += n as usize;
    }
    let mut status = 0;
    // SAFETY: `pid` is our child and `status` a valid out-pointer.
    assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "child failed"
    );
    // SAFETY: closing the read end we own.
    unsafe { libc::close(read_fd) };

    buf.chunks_exact(ID_LEN)
        .map(|c| c.try_into().expect("24-byte chunk"))
        .collect()
}

#[test]
fn parent_and_children_never_share_ids() {
    // Seed this thread's generator and leave unused output buffered: that
    // buffer and the key are what a fork copies.
    let before = fast_ids();

    let first_child = ids_from_child();
    let second_child = ids_from_child();
    let parent = fast_ids();

    let mut seen = HashSet::new();
    for (who, ids) in [
        ("parent before fork", &before),
        ("first child", &first_child),
        ("second child", &second_child),
        ("parent after fork", &parent),
    ] {
        assert_eq!(ids.len(), IDS);
        for id in ids {
            assert!(seen.insert(*id), "{who} repeated an id seen elsewhere");
        }
    }
    assert_eq!(seen.len(), 4 * IDS);
}
