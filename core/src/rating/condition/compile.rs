//! Conditions compiled once per rule set: parameters, spans and words resolved, errors
//! with their place.

use super::*;
use crate::{Error, Result};
use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;

/// A calendar span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Span {
    Days(i64),
    Months(i64),
}

impl Span {
    /// `from` moved by the span; `None` when out of the calendar's range.
    fn shift(self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => from.checked_add_signed(chrono::TimeDelta::try_days(n)?),
            Span::Months(n) if n >= 0 => {
                from.checked_add_months(Months::new(u32::try_from(n).ok()?))
            }
            Span::Months(n) => from.checked_sub_months(Months::new(u32::try_from(-n).ok()?)),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DayRange {
    pub(crate) min: Option<Span>,
    pub(crate) max: Option<Span>,
    pub(crate) above: Option<Span>,
    pub(crate) below: Option<Span>,
}

impl DayRange {
    /// Does `to - from` lie in the range? Spans in months are compared on the calendar.
    pub(crate) fn holds(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        let (Some(from), Some(to)) = (from, to) else {
            return false;
        };
        let at = |s: Span| s.shift(from);
        self.min.is_none_or(|s| at(s).is_some_and(|b| to >= b))
            && self.max.is_none_or(|s| at(s).is_some_and(|b| to <= b))
            && self.above.is_none_or(|s| at(s).is_some_and(|b| to > b))
            && self.below.is_none_or(|s| at(s).is_some_and(|b| to < b))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NumRange {
    min: Option<f64>,
    max: Option<f64>,
    above: Option<f64>,
    below: Option<f64>,
}

impl NumRange {
    pub(crate) fn holds(&self, v: Option<f64>) -> bool {
        let Some(v) = v else { return false };
        self.min.is_none_or(|b| v >= b)
            && self.max.is_none_or(|b| v <= b)
            && self.above.is_none_or(|b| v > b)
            && self.below.is_none_or(|b| v < b)
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum DayFact {
    ToDue,
    Overdue,
    PastEarliest,
    PastOriginal,
    Slipped,
    SinceUpdate,
    PastStart,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Flag {
    Closed,
    HasPercent,
    Rescheduled,
    HasDeadline,
    Ongoing,
    Recurring,
    Conditional,
    HasUpdate,
    Unchanged,
    HasEvidence,
    PeriodStarted,
}

/// A compiled test.
#[derive(Debug, Clone)]
pub(crate) enum Test {
    All(Vec<Test>),
    Any(Vec<Test>),
    Not(Box<Test>),
    Status(u16),
    Reported(u16),
    Overdue(u8),
    Percent(NumRange),
    Cycles(NumRange),
    Expected(NumRange),
    Ratio(NumRange),
    Days(DayFact, DayRange),
    Flag(Flag, bool),
    StatusText(Vec<String>),
    Comment(Vec<String>),
    Owner(Vec<String>),
    /// Words one of which the reported RAG cell must hold.
    ReportedText(Vec<String>),
    /// Headers (normalised) with the words one of which each column's cell must hold.
    Column(Vec<(String, Vec<String>)>),
}

/// Where names resolve while compiling: the rule set's params.
pub(crate) struct Ctx<'a> {
    pub params: &'a BTreeMap<String, Bound>,
    pub rule: &'a str,
}

impl Ctx<'_> {
    fn err(&self, m: String) -> Error {
        Error::invalid_option("rules", format!("rule {:?}: {m}", self.rule))
    }

    fn resolve<'b>(&'b self, b: &'b Bound, depth: u8) -> Result<&'b Bound> {
        match b {
            Bound::Text(t) if t.trim_start().starts_with('$') => {
                let name = t.trim().trim_start_matches('$');
                let v = self.params.get(name).ok_or_else(|| {
                    self.err(format!("parameter ${name} is not defined in params"))
                })?;
                if depth > 8 {
                    return Err(self.err(format!("parameter ${name} refers to itself")));
                }
                self.resolve(v, depth + 1)
            }
            other => Ok(other),
        }
    }

    fn span(&self, b: &Bound) -> Result<Span> {
        match self.resolve(b, 0)? {
            Bound::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e7 => {
                Ok(Span::Days(*n as i64))
            }
            Bound::Number(n) => Err(self.err(format!("{n} is not a whole number of days"))),
            Bound::Text(t) => parse_span(t).ok_or_else(|| {
                self.err(format!(
                    "{t:?} is not a span: write a number of days or e.g. \"30 days\", \"2 weeks\", \"3 months\", \"1 year\""
                ))
            }),
        }
    }

    fn number(&self, b: &Bound) -> Result<f64> {
        match self.resolve(b, 0)? {
            Bound::Number(n) if n.is_finite() => Ok(*n),
            other => Err(self.err(format!("{other:?} is not a number"))),
        }
    }

    fn days(&self, r: &Range) -> Result<DayRange> {
        let f = |b: &Option<Bound>| b.as_ref().map(|b| self.span(b)).transpose();
        Ok(DayRange {
            min: f(&r.min)?,
            max: f(&r.max)?,
            above: f(&r.above)?,
            below: f(&r.below)?,
        })
    }

    fn nums(&self, r: &Range) -> Result<NumRange> {
        let f = |b: &Option<Bound>| b.as_ref().map(|b| self.number(b)).transpose();
        Ok(NumRange {
            min: f(&r.min)?,
            max: f(&r.max)?,
            above: f(&r.above)?,
            below: f(&r.below)?,
        })
    }
}

/// Read "3 months", "-2 weeks", "10 days", "1 year", "30".
pub(crate) fn parse_span(t: &str) -> Option<Span> {
    let t = t.trim();
    let split = t
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+'))))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let n: i64 = t[..split].parse().ok()?;
    if n.abs() > 100_000 {
        return None;
    }
    let unit = t[split..].trim().to_ascii_lowercase();
    Some(match unit.as_str() {
        "" | "d" | "day" | "days" => Span::Days(n),
        "w" | "week" | "weeks" => Span::Days(n * 7),
        "m" | "month" | "months" => Span::Months(n),
        "y" | "year" | "years" => Span::Months(n * 12),
        _ => return None,
    })
}

/// Compile a condition into a test, and the set of facts it looks at.
pub(crate) fn compile(c: &Condition, ctx: &Ctx, depth: u32) -> Result<(Test, FactSet)> {
    if depth > 32 {
        return Err(ctx.err("conditions are nested more than 32 deep".into()));
    }
    let mut tests = Vec::new();
    let mut uses = FactSet::default();
    let mut add = |t: Test, f: Fact, uses: &mut FactSet| {
        tests.push(t);
        uses.insert(f);
    };
    if let Some(v) = &c.status {
        add(
            Test::Status(v.iter().fold(0, |m, s| m | s.bit())),
            Fact::Status,
            &mut uses,
        );
    }
    if let Some(b) = c.closed {
        add(Test::Flag(Flag::Closed, b), Fact::Closed, &mut uses);
    }
    if let Some(v) = &c.reported {
        add(
            Test::Reported(v.iter().fold(0, |m, s| m | s.bit())),
            Fact::Reported,
            &mut uses,
        );
    }
    if let Some(r) = &c.percent {
        add(Test::Percent(ctx.nums(r)?), Fact::Percent, &mut uses);
    }
    if let Some(b) = c.has_percent {
        add(Test::Flag(Flag::HasPercent, b), Fact::Percent, &mut uses);
    }
    if let Some(v) = &c.overdue {
        add(
            Test::Overdue(v.iter().fold(0, |m, s| m | (1 << (*s as u8)))),
            Fact::Overdue,
            &mut uses,
        );
    }
    let day_tests = [
        (&c.days_to_due, DayFact::ToDue, Fact::DaysToDue),
        (&c.days_overdue, DayFact::Overdue, Fact::DaysOverdue),
        (
            &c.days_past_earliest,
            DayFact::PastEarliest,
            Fact::DaysPastEarliest,
        ),
        (
            &c.days_past_original,
            DayFact::PastOriginal,
            Fact::DaysPastOriginal,
        ),
        (&c.slipped_days, DayFact::Slipped, Fact::SlippedDays),
        (
            &c.days_since_update,
            DayFact::SinceUpdate,
            Fact::DaysSinceUpdate,
        ),
        (&c.days_past_start, DayFact::PastStart, Fact::DaysPastStart),
    ];
    for (r, d, f) in day_tests {
        if let Some(r) = r {
            add(Test::Days(d, ctx.days(r)?), f, &mut uses);
        }
    }
    let flags = [
        (c.rescheduled, Flag::Rescheduled, Fact::Rescheduled),
        (c.has_deadline, Flag::HasDeadline, Fact::HasDeadline),
        (c.ongoing, Flag::Ongoing, Fact::Ongoing),
        (c.recurring, Flag::Recurring, Fact::Recurring),
        (c.conditional, Flag::Conditional, Fact::Conditional),
        (c.has_update, Flag::HasUpdate, Fact::HasUpdate),
        (
            c.unchanged_since_previous,
            Flag::Unchanged,
            Fact::UnchangedSincePrevious,
        ),
        (c.has_evidence, Flag::HasEvidence, Fact::HasEvidence),
        (c.period_started, Flag::PeriodStarted, Fact::PeriodStarted),
    ];
    for (b, fl, f) in flags {
        if let Some(b) = b {
            add(Test::Flag(fl, b), f, &mut uses);
        }
    }
    if let Some(r) = &c.cycles_without_update {
        add(
            Test::Cycles(ctx.nums(r)?),
            Fact::CyclesWithoutUpdate,
            &mut uses,
        );
    }
    if let Some(r) = &c.expected_percent {
        add(
            Test::Expected(ctx.nums(r)?),
            Fact::ExpectedPercent,
            &mut uses,
        );
    }
    if let Some(r) = &c.progress_ratio {
        add(Test::Ratio(ctx.nums(r)?), Fact::ProgressRatio, &mut uses);
    }
    if let Some(v) = &c.status_text_has {
        add(Test::StatusText(words(v)), Fact::StatusText, &mut uses);
    }
    if let Some(v) = &c.comment_has {
        add(Test::Comment(words(v)), Fact::Comment, &mut uses);
    }
    if let Some(v) = &c.owner_has {
        add(Test::Owner(words(v)), Fact::Owner, &mut uses);
    }
    if let Some(v) = &c.reported_text_has {
        add(Test::ReportedText(words(v)), Fact::Reported, &mut uses);
    }
    if let Some(m) = &c.column_has {
        let cols = m
            .iter()
            .map(|(h, v)| (crate::text::normalise_words(h), words(v)))
            .collect();
        add(Test::Column(cols), Fact::Column, &mut uses);
    }
    let nested = |v: &[Condition], uses: &mut FactSet| -> Result<Vec<Test>> {
        v.iter()
            .map(|c| {
                let (t, u) = compile(c, ctx, depth + 1)?;
                *uses = uses.union(u);
                Ok(t)
            })
            .collect()
    };
    if let Some(v) = &c.all {
        let t = nested(v, &mut uses)?;
        tests.push(Test::All(t));
    }
    if let Some(v) = &c.any {
        let t = nested(v, &mut uses)?;
        tests.push(Test::Any(t));
    }
    if let Some(n) = &c.not {
        let (t, u) = compile(n, ctx, depth + 1)?;
        uses = uses.union(u);
        tests.push(Test::Not(Box::new(t)));
    }
    let test = if tests.len() == 1 {
        tests.pop().unwrap_or(Test::All(Vec::new()))
    } else {
        Test::All(tests)
    };
    Ok((test, uses))
}

fn words(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|w| crate::text::normalise_words(w))
        .filter(|w| !w.is_empty())
        .collect()
}
