//! Everything that is not exactly a canonical encoded id is rejected with a
//! typed error, without panicking, whatever its size or content.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hardtack_sid::{InteropSessionId, ParseError, SessionId, Sid};
use proptest::prelude::*;

/// A well-formed 32-character id (bytes 1 to 24).
const VALID: &str = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY";
/// A well-formed 22-character id (16 zero bytes).
const VALID_16: &str = "AAAAAAAAAAAAAAAAAAAAAA";

#[test]
fn the_fixtures_are_valid() {
    assert!(SessionId::parse(VALID).is_ok());
    assert!(InteropSessionId::parse(VALID_16).is_ok());
}

#[test]
fn one_character_too_short_or_too_long_is_rejected() {
    let short = &VALID[..31];
    let long = format!("{VALID}A");
    assert_eq!(
        SessionId::parse(short),
        Err(ParseError::InvalidLength {
            expected: 32,
            found: 31
        })
    );
    assert_eq!(
        SessionId::parse(&long),
        Err(ParseError::InvalidLength {
            expected: 32,
            found: 33
        })
    );
    assert_eq!(
        InteropSessionId::parse(&VALID_16[..21]),
        Err(ParseError::InvalidLength {
            expected: 22,
            found: 21
        })
    );
    assert_eq!(
        InteropSessionId::parse(&format!("{VALID_16}A")),
        Err(ParseError::InvalidLength {
            expected: 22,
            found: 23
        })
    );
    // A valid id of one size is not an id of another.
    assert!(matches!(
        InteropSessionId::parse(VALID),
        Err(ParseError::InvalidLength { .. })
    ));
}

#[test]
fn empty_and_huge_inputs_are_rejected_by_length() {
    assert_eq!(
        SessionId::parse(""),
        Err(ParseError::InvalidLength {
            expected: 32,
            found: 0
        })
    );
    let huge = "A".repeat(1 << 20);
    assert_eq!(
        SessionId::parse(&huge),
        Err(ParseError::InvalidLength {
            expected: 32,
            found: 1 << 20
        })
    );
    let huge_bytes = vec![0xffu8; 1 << 20];
    assert_eq!(
        SessionId::parse_bytes(&huge_bytes),
        Err(ParseError::InvalidLength {
            expected: 32,
            found: 1 << 20
        })
    );
}

#[test]
fn foreign_characters_are_rejected_at_every_position() {
    for bad in [
        b'+', b'/', b'=', b' ', b'\t', b'.', b'"', b';', b',', b'\\', b'\0', 0x7f,
    ] {
        for position in 0..32 {
            let mut text = VALID.as_bytes().to_vec();
            text[position] = bad;
            assert_eq!(
                SessionId::parse_bytes(&text),
                Err(ParseError::InvalidCharacter),
                "{:?} at {position}",
                bad as char
            );
        }
    }
}

#[test]
fn every_byte_outside_the_alphabet_is_rejected() {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for bad in (0u8..=255).filter(|b| !alphabet.contains(b)) {
        let mut text = VALID.as_bytes().to_vec();
        text[17] = bad;
        assert_eq!(
            SessionId::parse_bytes(&text),
            Err(ParseError::InvalidCharacter),
            "byte {bad:#04x}"
        );
    }
}

#[test]
fn non_ascii_and_invalid_utf8_are_rejected() {
    // "é" is two UTF-8 bytes, so the byte length still matches.
    let accented = format!("{}é", &VALID[..30]);
    assert_eq!(accented.len(), 32);
    assert_eq!(
        SessionId::parse(&accented),
        Err(ParseError::InvalidCharacter)
    );
    let mut invalid_utf8 = VALID.as_bytes().to_vec();
    invalid_utf8[0] = 0xc3;
    invalid_utf8[31] = 0xff;
    assert_eq!(
        SessionId::parse_bytes(&invalid_utf8),
        Err(ParseError::InvalidCharacter)
    );
}

#[test]
fn padded_and_standard_alphabet_spellings_are_rejected() {
    // The 16-byte id in standard base64 with padding, and with the padding
    // squeezed into the right length.
    assert!(InteropSessionId::parse("AAAAAAAAAAAAAAAAAAAAAA==").is_err());
    assert_eq!(
        InteropSessionId::parse("AAAAAAAAAAAAAAAAAAAA=="),
        Err(ParseError::InvalidCharacter)
    );
    // 0xfb 0xff repeated encodes to "-_" runs in base64url, "+/" in base64.
    let standard = "+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/";
    assert_eq!(
        SessionId::parse(standard),
        Err(ParseError::InvalidCharacter)
    );
    assert!(SessionId::parse(&standard.replace('+', "-").replace('/', "_")).is_ok());
}

#[test]
fn non_canonical_trailing_bits_of_16_byte_ids_are_rejected() {
    // The last of 22 characters holds 2 data bits and 4 bits that must be
    // zero: only A, Q, g and w (values 0, 16, 32, 48) are canonical there.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (value, &last) in alphabet.iter().enumerate() {
        let text = format!("{}{}", &VALID_16[..21], last as char);
        let result = InteropSessionId::parse(&text);
        if value % 16 == 0 {
            assert!(result.is_ok(), "{text}");
        } else {
            assert_eq!(result, Err(ParseError::NonCanonical), "{text}");
        }
    }
}

#[test]
fn an_invalid_character_is_reported_even_next_to_trailing_bits() {
    assert_eq!(
        InteropSessionId::parse("+AAAAAAAAAAAAAAAAAAAAB"),
        Err(ParseError::InvalidCharacter)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Arbitrary bytes never panic, and are accepted exactly when the
    /// reference decoder (strict, unpadded base64url) yields 24 bytes.
    #[test]
    fn parse_agrees_with_the_reference_decoder(input in proptest::collection::vec(any::<u8>(), 0..64)) {
        let ours = SessionId::parse_bytes(&input);
        let reference = URL_SAFE_NO_PAD.decode(&input).ok().filter(|b| b.len() == 24);
        prop_assert_eq!(ours.as_ref().ok().map(|id| id.expose_bytes().to_vec()), reference);
    }

    /// Strings over the alphabet of the right length: the 32-character ones
    /// always parse, the 22-character ones exactly when the reference does.
    #[test]
    fn alphabet_strings_agree_with_the_reference(
        text32 in "[A-Za-z0-9_-]{32}",
        text22 in "[A-Za-z0-9_-]{22}",
    ) {
        let id = SessionId::parse(&text32);
        prop_assert!(id.is_ok());
        let reference = URL_SAFE_NO_PAD.decode(&text32).expect("reference");
        prop_assert_eq!(id.map(|id| id.expose_bytes().to_vec()).ok(), Some(reference));

        let ours = InteropSessionId::parse(&text22).map(|id| id.expose_bytes().to_vec());
        let reference = URL_SAFE_NO_PAD.decode(&text22);
        prop_assert_eq!(ours.ok(), reference.ok());
    }

    /// Any byte string of a supported size has one spelling, and it is the
    /// reference encoding.
    #[test]
    fn the_reference_encoding_of_any_bytes_parses_to_those_bytes(
        bytes16 in any::<[u8; 16]>(),
        bytes33 in proptest::collection::vec(any::<u8>(), 33),
    ) {
        let text = URL_SAFE_NO_PAD.encode(bytes16);
        let id = InteropSessionId::parse(&text).expect("canonical");
        prop_assert_eq!(id.expose_bytes(), &bytes16);
        prop_assert_eq!(id.expose(), text.as_str());

        let text = URL_SAFE_NO_PAD.encode(&bytes33);
        let id = Sid::<33>::parse(&text).expect("canonical");
        prop_assert_eq!(&id.expose_bytes()[..], &bytes33[..]);
        prop_assert_eq!(id.expose(), text.as_str());
    }
}
