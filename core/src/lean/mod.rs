//! Hand-written code kept for the size of the WebAssembly module, in one place.
//!
//! The lean web build has a budget (300 KB gzip; `docs/BENCHMARKS.md`). Where a general piece
//! of a dependency or of the standard library cost more than the little the crate needs of it,
//! the crate has its own small version here. Each one gives exactly the result of what it
//! replaces, and its tests compare the two (parity tests, in each file). What each saved, in
//! the lean module's gzip size, when it was written:
//!
//! | here | replaces | saved |
//! |---|---|---|
//! | [`sort`] | `slice::sort_by`, compiled once per element type (seven copies) | 10.7 KB |
//! | [`date`] | chrono's general format parser behind `NaiveDate::from_str` | 5.6 KB |
//! | [`csv_write`] | the csv crate's writer (the crate still reads CSV) | 2.4 KB |
//!
//! Two more live beside the code they serve, as serde visitors and a reader: percent cells
//! read with serde_json's number reader instead of the standard float parser (13.3 KB,
//! `import`), and the rule conditions' written-out visitors (1.5 KB, `rating::condition`).
//! Anything new of this kind belongs here, with its parity test and its saving.

pub(crate) mod csv_write;
pub mod date;
pub(crate) mod sort;
