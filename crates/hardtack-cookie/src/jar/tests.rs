//! Unit tests that need the jar's internals.
