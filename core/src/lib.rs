//! # actionplan
//!
//! Read, check, rate and report on public-sector **action plans**: the plans a council
//! publishes after a peer challenge, an audit or an inspection and updates every quarter.
//!
//! The crate is the one engine behind three doors (Rust, Python, WebAssembly). It never reads
//! a clock and never opens a path: callers pass bytes or `impl Read`, and "today".
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let csv = "Recommendation,Action,Owner,Due\n\
//!            1. Improve scrutiny,Review committee structure,Head of Legal & Democratic Services,March 2025\n\
//!            ,Train members,Democratic Services / HR,Summer 2025\n";
//! let imported = ImportOptions::new().plan_date("2024-12-01".parse().unwrap()).read_bytes(csv.as_bytes()).unwrap();
//! let plan = imported.plan;
//! assert_eq!(plan.recommendations.len(), 1);
//! assert_eq!(plan.action_count(), 2);
//! assert_eq!(plan.recommendations[0].actions[1].owners, ["Democratic Services", "HR"]);
//! ```

pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod export;
pub mod import;
pub mod json;
pub mod model;
pub mod office;
mod order;
pub mod pdf;
pub mod rating;
pub mod report;
pub mod stats;
pub mod text;
pub mod timeframe;
pub mod validate;

pub use diagnostic::{Diagnostic, Place, Severity};
pub use error::{Error, ErrorKind, PdfProblem, Result};
pub use model::{Action, Plan, PlanMeta, ProgressUpdate, Recommendation, Status};
pub use text::Text;
pub use timeframe::Timeframe;

/// The README's Rust examples, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
