//! A compiled test run on one action's facts.

use super::*;
use crate::model::Action;
use crate::model::Role;
use crate::rating::facts::{Facts, PlanContext};
use chrono::NaiveDate;

impl Test {
    /// Evaluate against an action's facts; `plan` says which columns the plan's fields came
    /// from (for `column_has` on a column read as a field).
    pub(crate) fn holds(
        &self,
        f: &Facts,
        a: &Action,
        as_of: NaiveDate,
        plan: &PlanContext,
    ) -> bool {
        match self {
            Test::All(v) => v.iter().all(|t| t.holds(f, a, as_of, plan)),
            Test::Any(v) => v.iter().any(|t| t.holds(f, a, as_of, plan)),
            Test::Not(t) => !t.holds(f, a, as_of, plan),
            Test::Status(m) => m & f.status.bit() != 0,
            Test::Reported(m) => m & f.reported.bit() != 0,
            Test::Overdue(m) => m & (1 << (f.overdue as u8)) != 0,
            Test::Percent(r) => r.holds(f.percent),
            Test::Cycles(r) => r.holds(f.cycles_without_update.map(f64::from)),
            Test::Expected(r) => r.holds(f.expected_percent),
            Test::Ratio(r) => r.holds(f.progress_ratio),
            Test::Days(d, r) => {
                let (from, to) = match d {
                    DayFact::ToDue => (Some(as_of), f.due),
                    DayFact::Overdue => (f.due, Some(as_of)),
                    DayFact::PastEarliest => (f.due_earliest, Some(as_of)),
                    DayFact::PastOriginal => (f.original_due, Some(as_of)),
                    DayFact::Slipped => (f.original_due, f.due),
                    DayFact::SinceUpdate => (f.last_update, Some(as_of)),
                    DayFact::PastStart => (period_start(a), Some(as_of)),
                };
                r.holds(from, to)
            }
            Test::Flag(fl, want) => {
                let v = match fl {
                    Flag::Closed => Some(f.closed),
                    Flag::HasPercent => Some(f.percent.is_some()),
                    Flag::Rescheduled => Some(f.rescheduled),
                    Flag::HasDeadline => Some(f.has_deadline),
                    Flag::Ongoing => Some(f.ongoing),
                    Flag::Recurring => Some(f.recurring),
                    Flag::Conditional => Some(f.conditional),
                    Flag::HasUpdate => Some(f.has_update),
                    Flag::Unchanged => f.unchanged_since_previous,
                    Flag::HasEvidence => Some(f.has_evidence),
                    Flag::PeriodStarted => period_start(a).map(|s| as_of >= s),
                };
                v == Some(*want)
            }
            Test::StatusText(w) => {
                let t = crate::text::normalise_words(a.status_text.as_deref().unwrap_or(""));
                w.iter().any(|p| has_phrase(&t, p))
            }
            Test::Comment(w) => {
                let t = crate::text::normalise_words(a.latest_update().map_or("", |u| &u.text));
                w.iter().any(|p| has_phrase(&t, p))
            }
            Test::ReportedText(w) => {
                let t = crate::text::normalise_words(a.rag.as_deref().unwrap_or(""));
                w.iter().any(|p| has_phrase(&t, p))
            }
            Test::Owner(w) => a.owners.iter().any(|o| {
                let t = crate::text::normalise_words(o);
                w.iter().any(|p| has_phrase(&t, p))
            }),
            Test::Column(cols) => cols.iter().all(|(header, w)| {
                let matches = |cell: &str| {
                    let t = crate::text::normalise_words(cell);
                    w.iter().any(|p| has_phrase(&t, p))
                };
                match a
                    .extra
                    .iter()
                    .find(|(h, _)| crate::text::normalise_words(h) == *header)
                {
                    Some((_, cell)) => matches(cell),
                    // A column read as one of the action's fields (Owner, Status, RAG, ...).
                    None => plan.role_of(header).is_some_and(|(role, raw)| {
                        field_text(a, role, raw).is_some_and(|c| matches(&c))
                    }),
                }
            }),
        }
    }
}

/// The first day of the action's timeframe period, when it has one (the timeframe's start:
/// "Summer 2025" from 1 June 2025; none for a day or "by March 2025").
fn period_start(a: &Action) -> Option<NaiveDate> {
    a.timeframe.as_ref().and_then(|t| t.start)
}

/// True when `phrase` occurs in normalised `text` on word boundaries.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let padded = format!(" {text} ");
    padded.contains(&format!(" {phrase} "))
}

/// The text of the action's field that a column of the plan (`header`, as written) was read
/// into; `None` for a field the action does not have, or a recommendation's column.
fn field_text(a: &Action, role: Role, header: &str) -> Option<String> {
    let t = |v: &Option<crate::Text>| v.as_deref().map(str::to_string);
    match role {
        Role::Ref => Some(a.action_ref.to_string()),
        Role::Action => Some(a.description.to_string()),
        Role::Owner => t(&a.owner).or_else(|| {
            (!a.owners.is_empty()).then(|| {
                a.owners
                    .iter()
                    .map(|o| o.as_ref())
                    .collect::<Vec<&str>>()
                    .join(", ")
            })
        }),
        Role::LeadMember => t(&a.lead_member),
        Role::Timeframe => a.timeframe.as_ref().map(|x| x.text.clone()),
        Role::OriginalDue => a.original_due.as_ref().map(|x| x.text.clone()),
        Role::Status => {
            t(&a.status_text).or_else(|| a.status.as_ref().map(|s| s.label().to_string()))
        }
        Role::Rag => t(&a.rag),
        Role::Percent => a
            .percent_complete
            .map(|p| format!("{}%", crate::fmt::fmt_num(p))),
        Role::Update => a
            .updates
            .iter()
            .find(|u| u.column.as_deref() == Some(header))
            .map(|u| u.text.to_string()),
        Role::Evidence => t(&a.evidence),
        Role::FurtherOptions => t(&a.further_options),
        _ => None,
    }
}
