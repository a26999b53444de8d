//! Debug output never contains an id, in any form.

use hardtack_sid::{InteropSessionId, SessionId, Sid};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn assert_redacted<const N: usize>(id: &Sid<N>) {
    let text = id.expose();
    let forms = [
        format!("{id:?}"),
        format!("{id:#?}"),
        format!("{:?}", Some(id)),
        format!("{:?}", (id, id.storage_key())),
        format!("{:?}", Ok::<_, ()>(id.clone())),
    ];
    for debug in &forms {
        assert!(!debug.contains(text), "{debug}");
        // Any 8-character window of the text would be a leak.
        for start in 0..=text.len() - 8 {
            assert!(!debug.contains(&text[start..start + 8]), "{debug}");
        }
        assert!(!debug.contains(&hex(id.expose_bytes())), "{debug}");
        assert!(
            !debug.contains(&format!("{:?}", id.expose_bytes())),
            "{debug}"
        );
    }
    assert_eq!(forms[0], format!("Sid<{N}>(<redacted>)"));
}

#[test]
fn generated_ids_are_redacted() {
    for _ in 0..1000 {
        assert_redacted(&SessionId::generate().expect("generate"));
        assert_redacted(&SessionId::generate_fast().expect("generate_fast"));
        assert_redacted(&InteropSessionId::generate().expect("generate"));
        assert_redacted(&Sid::<48>::generate_fast().expect("generate_fast"));
    }
}

#[test]
fn parsed_ids_are_redacted() {
    let id = SessionId::parse("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY").expect("parse");
    assert_redacted(&id);
}

#[test]
fn parse_errors_carry_no_part_of_the_input() {
    let input = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFh+Y";
    let err = SessionId::parse(input).expect_err("invalid");
    let debug = format!("{err:?}");
    let display = err.to_string();
    for out in [debug, display] {
        for start in 0..=input.len() - 4 {
            assert!(!out.contains(&input[start..start + 4]), "{out}");
        }
    }
}
