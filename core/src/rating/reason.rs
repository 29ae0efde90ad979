//! Reasons: the sentence that says why an action got its rating.

use super::condition::{Fact, FactSet};
use super::facts::{Facts, Overdue, ReportedFact, StatusFact};
use crate::model::Action;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Write a date as `YYYY-MM-DD` (faster than chrono's formatter, which matters at a million
/// actions).
pub(crate) fn push_date(out: &mut String, d: NaiveDate) {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        let _ = write!(out, "{d}");
        return;
    }
    let digit = |v: u32| char::from(b'0' + (v % 10) as u8);
    let y = y as u32;
    for v in [y / 1000, y / 100, y / 10, y] {
        out.push(digit(v));
    }
    out.push('-');
    out.push(digit(d.month() / 10));
    out.push(digit(d.month()));
    out.push('-');
    out.push(digit(d.day() / 10));
    out.push(digit(d.day()));
}

/// Write an integer without the formatting machinery.
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut v = n.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|b| char::from(*b)));
}

fn push_days(out: &mut String, n: i32) {
    push_int(out, i64::from(n));
    out.push_str(if n == 1 { " day" } else { " days" });
}

/// The sentence for a rating: the deadline and how far it is, the facts the rule used, and the
/// status, e.g. "due 2025-03-31, 42 days overdue, status In progress".
/// `of_target`: the percent is a percent of target ("105% of target"), not of completion.
pub(crate) fn sentence(f: &Facts, used: FactSet, action: &Action, of_target: bool) -> String {
    let mut s = String::with_capacity(96);
    let sep = |s: &mut String| {
        if !s.is_empty() {
            s.push_str(", ");
        }
    };
    // The deadline, always.
    match (f.due_earliest, f.due) {
        (Some(e), Some(l)) if e < l => {
            s.push_str("due between ");
            push_date(&mut s, e);
            s.push_str(" and ");
            push_date(&mut s, l);
        }
        (_, Some(l)) => {
            s.push_str("due ");
            push_date(&mut s, l);
        }
        _ => s.push_str(if f.recurring {
            "recurring, no deadline"
        } else if f.ongoing {
            "ongoing, no deadline"
        } else if f.conditional {
            "conditional, no deadline"
        } else {
            "no deadline"
        }),
    }
    // A closed action is not late or early: its deadline is context only.
    let overdue = if f.closed && !used.contains(Fact::Overdue) && !used.contains(Fact::DaysOverdue)
    {
        Overdue::NoDeadline
    } else {
        f.overdue
    };
    match overdue {
        Overdue::Definitely => {
            sep(&mut s);
            push_days(&mut s, f.days_overdue.unwrap_or(0));
            s.push_str(" overdue");
        }
        Overdue::Possibly => {
            sep(&mut s);
            s.push_str("possibly overdue (");
            push_days(&mut s, f.days_past_earliest.unwrap_or(0));
            s.push_str(" past the earliest date it could mean)");
        }
        Overdue::No => {
            sep(&mut s);
            match f.days_to_due.unwrap_or(0) {
                0 => s.push_str("due today"),
                n => {
                    push_days(&mut s, n);
                    s.push_str(" to go");
                }
            }
        }
        Overdue::NoDeadline => {}
    }
    if let Some(o) = f.original_due {
        if f.rescheduled
            || used.contains(Fact::DaysPastOriginal)
            || used.contains(Fact::SlippedDays)
        {
            sep(&mut s);
            s.push_str("original deadline ");
            push_date(&mut s, o);
            if let Some(n) = f.slipped_days.filter(|n| *n != 0) {
                s.push_str(" (moved ");
                push_days(&mut s, n.abs());
                s.push_str(if n > 0 { " later)" } else { " earlier)" });
            }
            if used.contains(Fact::DaysPastOriginal) {
                if let Some(n) = f.days_past_original.filter(|n| *n > 0) {
                    s.push_str(", ");
                    push_days(&mut s, n);
                    s.push_str(" past it");
                }
            }
        }
    }
    let forecast = used.contains(Fact::ExpectedPercent) || used.contains(Fact::ProgressRatio);
    if forecast {
        // "42% done, 70% expected by now".
        sep(&mut s);
        match f.percent {
            Some(p) => {
                s.push_str(&crate::fmt::fmt_num(p));
                s.push_str("% done");
            }
            None => s.push_str("no percent complete recorded"),
        }
        match f.expected_percent {
            Some(e) => {
                s.push_str(", ");
                s.push_str(&crate::fmt::fmt_num(e.round()));
                s.push_str("% expected by now");
            }
            // With no deadline the sentence has said so already.
            None if f.due.is_some() => s.push_str(", no start date"),
            None => {}
        }
    } else if used.contains(Fact::Percent) || f.percent.is_some() {
        sep(&mut s);
        match f.percent {
            Some(p) => {
                s.push_str(&crate::fmt::fmt_num(p));
                s.push_str(if of_target {
                    "% of target"
                } else {
                    "% complete"
                });
            }
            None => s.push_str(if of_target {
                "no percent of target recorded"
            } else {
                "no percent complete recorded"
            }),
        }
    }
    if used.contains(Fact::HasUpdate) && !f.has_update {
        sep(&mut s);
        s.push_str("no progress comment");
    }
    if used.contains(Fact::DaysSinceUpdate) {
        if let (Some(d), Some(n)) = (f.last_update, f.days_since_update) {
            sep(&mut s);
            s.push_str("last comment ");
            push_date(&mut s, d);
            s.push_str(" (");
            push_days(&mut s, n);
            s.push_str(" before)");
        } else if f.has_update {
            sep(&mut s);
            s.push_str("date of last comment unknown");
        }
    }
    if used.contains(Fact::CyclesWithoutUpdate) {
        if let Some(n) = f.cycles_without_update.filter(|n| *n > 0) {
            sep(&mut s);
            let _ = write!(
                s,
                "no new comment for {n} reporting cycle{}",
                if n == 1 { "" } else { "s" }
            );
        }
    }
    if used.contains(Fact::UnchangedSincePrevious) {
        match f.unchanged_since_previous {
            Some(true) => {
                sep(&mut s);
                s.push_str("comment unchanged since the previous version");
            }
            Some(false) => {
                sep(&mut s);
                s.push_str("comment updated since the previous version");
            }
            None => {}
        }
    }
    if used.contains(Fact::HasEvidence) {
        sep(&mut s);
        s.push_str(if f.has_evidence {
            "evidence recorded"
        } else {
            "no evidence recorded"
        });
    }
    if used.contains(Fact::Reported) {
        sep(&mut s);
        match (f.reported, f.reported.word()) {
            (_, Some(w)) => {
                s.push_str("reported ");
                s.push_str(w.label());
            }
            (ReportedFact::Other, None) => {
                s.push_str("reported \"");
                s.push_str(action.rag.as_deref().unwrap_or("").trim());
                s.push('"');
            }
            _ => s.push_str("no RAG reported"),
        }
    }
    sep(&mut s);
    match (&action.status, f.status) {
        (Some(st), _) => {
            s.push_str("status ");
            s.push_str(st.label());
        }
        (None, StatusFact::None) | (None, _) => s.push_str("no status"),
    }
    s
}
