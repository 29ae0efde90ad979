//! # actionplan
//!
//! Read, check, rate and report on public-sector **action plans**: the plans a council
//! publishes after a peer challenge, an audit or an inspection and updates every quarter.
//!
//! The crate is the one engine behind three doors (Rust, Python, WebAssembly). It never reads
//! a clock and never opens a path: callers pass bytes or `impl Read`, and "today".
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `excel` | yes | reading `.xlsx`, `.xlsm`, `.xls` and `.ods` workbooks ([`office`]) |
//! | `word` | yes | reading the tables of `.docx` documents ([`office`]) |
//! | `xlsx-writer` | no | writing the rated tracker workbook ([`report`]`::rated_tracker_xlsx`) and the owners' update workbooks ([`owners`]`::template`) |
//! | `toml` | no | rule sets written in TOML (`rating::RuleSet::from_toml`) |
//! | `schema` | no | the JSON Schema of the canonical form (`json::schema`) |
//!
//! Without `excel` and `word` the crate reads CSV, TSV and JSON only, and says which feature
//! a workbook or document needs.
//!
//! ## Stability
//!
//! - **Public dependencies.** [`chrono`] (every date is a [`NaiveDate`]), [`serde_json`]
//!   (records, [`import::ImportOptions::from_json`], rule sets as values) and serde's
//!   `Serialize`/`Deserialize` traits (every model and result type) appear in the API, so a
//!   major version of chrono or serde_json is a major version of this crate. chrono and
//!   serde_json are re-exported (`actionplan::chrono`, `actionplan::serde_json`): use them
//!   to be sure of the same version.
//! - **Types that will grow** are `#[non_exhaustive]`: the results ([`rating::Assessment`],
//!   [`stats::Stats`], [`diff::PlanDiff`], [`import::Imported`], [`Timeframe`], …), the
//!   option structs ([`timeframe::Settings`], [`validate::ValidateOptions`], the
//!   [`office::Limits`] and [`pdf::Limits`]) and the enums whose lists are open ([`Status`],
//!   [`ErrorKind`], [`import::Format`], [`timeframe::StatusWord`], …). Read their fields;
//!   make options with `Default` and set fields (`let mut s = Settings::default();
//!   s.financial_year_start_month = 1;`); `match` with a `_` arm. The model's own types
//!   ([`Plan`], [`Action`], …) stay open to struct literals.
//! - **One status type, one string type.** Results carry the plan's [`Status`] and [`Text`]
//!   (refs, keys, label ids and descriptions are `Text`, which derefs to `&str`, so they join
//!   with the plan without copying; sentences the library writes are `String`). The two
//!   other status enums mean other things and convert: see [`Status`].
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

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use lean::date;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod export;
mod figures;
pub mod fmt;
pub mod groups;
pub mod history;
pub mod import;
pub mod json;
mod lean;
pub mod matching;
pub mod measures;
pub mod model;
pub mod office;
pub mod owners;
pub mod pdf;
pub mod rating;
pub mod report;
mod rows;
mod shares;
pub mod stats;
pub mod text;
pub mod timeframe;
pub mod validate;
mod wrapped;

pub use diagnostic::{Diagnostic, Place, Severity};
pub use error::{Error, ErrorKind, PdfProblem, Result};
pub use model::{Action, Plan, PlanMeta, ProgressUpdate, Recommendation, Status};

/// The date library in every signature, re-exported so that callers use the same version
/// (`actionplan::chrono::NaiveDate`). chrono and serde_json types appear in the public API:
/// they are public dependencies, and a major version of either is a major version here.
pub use chrono;
/// Calendar dates, as every function here takes and gives them.
pub use chrono::NaiveDate;
/// The JSON library of the public API (records, options and values), re-exported for the same
/// reason as [`chrono`].
pub use serde_json;
pub use text::Text;
pub use timeframe::Timeframe;

/// The README's Rust examples, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
