//! A million ids from each generator, all distinct. Collisions are checked
//! by sorting the raw bytes (cheaper than hashing in a debug build).

use hardtack_sid::{GenerateError, SessionId};

const COUNT: usize = 1_000_000;

fn assert_unique(generate: fn() -> Result<SessionId, GenerateError>) {
    let mut ids: Vec<[u8; 24]> = Vec::with_capacity(COUNT);
    for i in 0..COUNT {
        match generate() {
            Ok(id) => ids.push(*id.expose_bytes()),
            Err(e) => panic!("id {i}: {e}"),
        }
    }
    ids.sort_unstable();
    let repeats = ids.windows(2).filter(|pair| pair[0] == pair[1]).count();
    assert_eq!(repeats, 0, "repeated ids among {COUNT}");
}

#[test]
fn a_million_os_ids_are_unique() {
    assert_unique(SessionId::generate);
}

#[test]
fn a_million_fast_ids_are_unique() {
    assert_unique(SessionId::generate_fast);
}

#[test]
fn fast_ids_from_many_threads_are_unique() {
    let per_thread = 20_000;
    let handles: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                (0..per_thread)
                    .map(|_| SessionId::generate_fast().map(|id| *id.expose_bytes()))
                    .collect::<Result<Vec<_>, _>>()
            })
        })
        .collect();
    let mut ids = Vec::new();
    for handle in handles {
        ids.extend(handle.join().expect("thread").expect("generate"));
    }
    assert_eq!(ids.len(), 8 * per_thread);
    ids.sort_unstable();
    assert!(
        ids.windows(2).all(|pair| pair[0] != pair[1]),
        "two threads produced the same id"
    );
}
