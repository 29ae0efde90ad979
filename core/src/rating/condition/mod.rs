//! The rule language: conditions over [`Facts`], written as data.
//!
//! A condition is a JSON object; every test it names must hold. `any`, `all` and `not` combine
//! conditions. Day counts take a number of days, a span such as `"3 months"`, `"2 weeks"` or
//! `"1 year"` (compared on the calendar: "more than 3 months overdue" means past the deadline
//! plus three calendar months), or a parameter `"$name"` from the rule set's `params`.
//!
//! The module follows the rule's life: [`schema`] is what a rules file may say (the
//! conditions as data, read with serde), [`fact`] names the facts a condition can test,
//! `compile` turns a condition into a test once per rule set (parameters, spans and words
//! resolved, errors with their place), and `evaluate` runs a compiled test on one action's
//! facts.

mod compile;
mod evaluate;
mod fact;
mod schema;
#[cfg(test)]
mod tests;

pub(crate) use compile::*;
pub use fact::{Fact, FactSet};
pub use schema::{Bound, Condition, Range};
