//! Statistics for a plan as of a date: the numbers committee reports and dashboards quote.
//!
//! Counts and shares by status and by rating, for the plan and per recommendation, theme,
//! owner or lead member; overdue (definitely and possibly) and due in the next 30, 60 and 90
//! days; schedule adherence (due by now, and how many of those are done); workload per owner;
//! the peer challenge timetable; and headline sentences that say all this with its numbers.
//!
//! **Shares add up to 100.** Every list of shares (by status, by rating) is rounded to whole
//! percentages by the largest-remainder method ([`percentages`]), so a table of shares always
//! totals 100%, unless the [`Format`] says to round each share on its own as a council
//! publishes them. A single ratio (done of due) is rounded half up ([`percent`]).
//!
//! **Figures as published.** A [`Format`] (a rule set's `format` block, or [`stats_with`])
//! says how the headline writes them: "55% (64)", "64 (55%)" or "64 of 114 (55%)", one decimal,
//! "less than 1%", the denominator, the in-progress breakdown, labels as written.
//!
//! An action with several owners counts once for each of them in the per-owner figures, so
//! those groups can add up to more than the plan's total.
//!
//! ```
//! use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}, stats::{stats, GroupBy}};
//! let mut plan = Plan::default();
//! let mut rec = Recommendation::new("1", "Scrutiny");
//! for (status, rag) in [("Complete", ""), ("In progress", "Green"), ("In progress", "Red"), ("Not started", "")] {
//!     let mut a = Action::new("x");
//!     a.set_status(status);
//!     a.rag = Some(rag.into()).filter(|r: &actionplan::Text| !r.is_empty());
//!     rec.actions.push(a);
//! }
//! plan.recommendations.push(rec);
//! plan.assign_refs();
//! let a = assess(&plan, &RuleSet::preset("brag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
//! let s = stats(&plan, &a, GroupBy::Recommendation);
//! assert_eq!(s.headline[0], "At the end of quarter 4 of 2024/25 (31 March 2025) there were 4 actions: 1 complete (25%), 2 in progress (50%), 1 not started (25%).");
//! assert_eq!(s.headline[1], "Of the 2 in progress, 1 is green (50%) and 1 red (50%).");
//! ```

mod headline;
mod peer_challenge;

pub use crate::figures::{Denominator, Format, Labels, Order, Rounding};
pub use crate::shares::{percent, percentages};
pub use peer_challenge::{peer_challenge, Milestone, MilestoneState, PeerChallenge};
use rustc_hash::FxHashMap;

use crate::model::{split_owner_text, Plan};
use crate::rating::{Assessment, Overdue, StatusFact, NOT_RATED, NOT_RATED_NAME};
use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What to group the statistics by (besides the whole plan).
///
/// ```
/// use actionplan::stats::GroupBy;
/// assert_eq!("owner".parse::<GroupBy>().unwrap(), GroupBy::Owner);
/// assert_eq!("lead member".parse::<GroupBy>().unwrap(), GroupBy::Lead);
/// assert!("colour".parse::<GroupBy>().is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroupBy {
    /// Per recommendation.
    #[default]
    Recommendation,
    /// Per theme (the recommendation's section heading).
    Theme,
    /// Per responsible officer (an action counts for each of its owners).
    Owner,
    /// Per lead member / portfolio.
    Lead,
    /// No groups.
    None,
}

impl GroupBy {
    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::stats::GroupBy::Theme.as_str(), "theme");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Recommendation => "recommendation",
            GroupBy::Theme => "theme",
            GroupBy::Owner => "owner",
            GroupBy::Lead => "lead",
            GroupBy::None => "none",
        }
    }
}

impl std::str::FromStr for GroupBy {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match crate::text::normalise_words(s).as_str() {
            "recommendation" | "recommendations" | "rec" => Ok(GroupBy::Recommendation),
            "theme" | "themes" | "section" => Ok(GroupBy::Theme),
            "owner" | "owners" | "officer" => Ok(GroupBy::Owner),
            "lead" | "lead member" | "portfolio" | "lead members" => Ok(GroupBy::Lead),
            "none" | "plan" => Ok(GroupBy::None),
            _ => Err(crate::Error::invalid_option(
                "by",
                format!("{s:?}: use recommendation, theme, owner, lead or none"),
            )),
        }
    }
}

/// Owner names as statistics count them: spellings that differ only in case, punctuation,
/// spacing or "&" for "and" are one owner, shown as first written.
#[derive(Default)]
struct OwnerNames<'a> {
    /// Each spelling seen, and the first spelling with its key.
    seen: FxHashMap<&'a str, &'a str>,
    /// Each key, and the first spelling that had it.
    first: FxHashMap<String, &'a str>,
}

impl<'a> OwnerNames<'a> {
    fn canon(&mut self, name: &'a str) -> &'a str {
        if let Some(&c) = self.seen.get(name) {
            return c;
        }
        let key = crate::text::normalise_words(&name.replace('&', " and "));
        let c = *self.first.entry(key).or_insert(name);
        self.seen.insert(name, c);
        c
    }
}

/// The statistics.
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}};
/// let a = assess(&Plan::default(), &RuleSet::preset("date-rag").unwrap(), "2025-01-15".parse().unwrap()).unwrap();
/// let s = stats(&Plan::default(), &a, GroupBy::None);
/// assert_eq!(s.plan.actions, 0);
/// assert_eq!(s.headline[0], "As at 15 January 2025 there were no actions.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Stats {
    /// The date.
    pub as_of: NaiveDate,
    /// The rule set the ratings come from.
    pub rules: String,
    /// How shares are rounded: `largest_remainder` or `each` (the format's `rounding`).
    pub rounding: String,
    /// The whole plan.
    pub plan: GroupStats,
    /// What the groups are.
    pub by: GroupBy,
    /// The groups, in plan order (recommendations, themes) or by name (owners, leads).
    pub groups: Vec<GroupStats>,
    /// Workload per owner, busiest first.
    pub workload: Vec<Workload>,
    /// Open actions past their deadline (definitely or possibly), most overdue first
    /// ([`OverdueAction::order`]: definitely before possibly, then by days overdue, then in
    /// plan order), the order every door and report shows.
    pub overdue: Vec<OverdueAction>,
    /// The peer challenge timetable, when the plan records the visit date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_challenge: Option<PeerChallenge>,
    /// Headline sentences with their numbers.
    pub headline: Vec<String>,
    /// The performance indicators, rated with the preset `measures` and counted apart from
    /// the actions (absent when the plan has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<crate::measures::MeasureStats>,
}

/// Figures for the plan or one group.
///
/// ```
/// # use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}};
/// # let a = assess(&Plan::default(), &RuleSet::preset("date-rag").unwrap(), "2025-01-15".parse().unwrap()).unwrap();
/// let s = stats(&Plan::default(), &a, GroupBy::None);
/// assert_eq!(s.plan.schedule.percent_done, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupStats {
    /// Group key ("plan", a recommendation key, a theme, an owner).
    pub key: String,
    /// Recommendation title, when the group is a recommendation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Number of actions.
    pub actions: usize,
    /// Open actions (not complete, cancelled or superseded).
    pub open: usize,
    /// Counts and shares by status (statuses present, in lifecycle order).
    pub by_status: Vec<Share>,
    /// Counts and shares by rating (every label of the scale, then `not_rated` if any).
    pub by_rating: Vec<Share>,
    /// Counts and shares by rating among the actions in progress.
    pub in_progress_by_rating: Vec<Share>,
    /// Open actions definitely past their deadline.
    pub overdue_definitely: usize,
    /// Open actions possibly past their deadline.
    pub overdue_possibly: usize,
    /// Open actions due in the next 30, 60 and 90 days (from the as-of date, inclusive;
    /// each count includes the shorter ones).
    pub due_within: DueWithin,
    /// Schedule adherence.
    pub schedule: Schedule,
}

/// A count and its share.
///
/// ```
/// let s = actionplan::stats::Share { key: "complete".into(), label: "Complete".into(), count: 64, percent: 56 };
/// assert_eq!(s.percent, 56);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    /// Status name or label id.
    pub key: String,
    /// For people.
    pub label: String,
    /// How many.
    pub count: usize,
    /// Whole percent of the list's total (by largest remainder, so the list adds up to 100,
    /// unless the format says to round each on its own).
    pub percent: u32,
}

/// Open actions due soon.
///
/// ```
/// let d = actionplan::stats::DueWithin::default();
/// assert_eq!(d.days_90, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DueWithin {
    /// In the next 30 days.
    pub days_30: usize,
    /// In the next 60 days.
    pub days_60: usize,
    /// In the next 90 days.
    pub days_90: usize,
}

/// Schedule adherence: actions whose deadline has passed (or is today), and how many of them
/// are complete. Cancelled and superseded actions are left out.
///
/// ```
/// let s = actionplan::stats::Schedule { due_by_now: 4, done: 3, percent_done: Some(75) };
/// assert_eq!(s.percent_done, Some(75));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Schedule {
    /// Due on or before the as-of date.
    pub due_by_now: usize,
    /// Of those, complete.
    pub done: usize,
    /// `done` as a whole percent of `due_by_now`.
    pub percent_done: Option<u32>,
}

/// One owner's workload.
///
/// ```
/// let w = actionplan::stats::Workload { owner: "Chief Executive".into(), actions: 5, open: 3, complete: 2, overdue: 1, due_within_90: 2 };
/// assert_eq!(w.open, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Workload {
    /// The owner as written (after splitting the owner cell).
    pub owner: String,
    /// Actions.
    pub actions: usize,
    /// Open.
    pub open: usize,
    /// Complete.
    pub complete: usize,
    /// Open and definitely overdue.
    pub overdue: usize,
    /// Open and due in the next 90 days.
    pub due_within_90: usize,
}

/// An open action past its deadline. Its reason is the assessment's action at the same
/// position (`recommendation_index`, `action_index`).
///
/// ```
/// let o = actionplan::stats::OverdueAction::new("A1", actionplan::rating::Overdue::Definitely, Some(3));
/// assert_eq!(o.days_overdue, Some(3));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OverdueAction {
    /// Ref.
    #[serde(rename = "ref")]
    pub action_ref: Text,
    /// Recommendation key.
    pub recommendation: Text,
    /// Position of the recommendation in the plan (0-based).
    pub recommendation_index: usize,
    /// Position of the action in its recommendation (0-based).
    pub action_index: usize,
    /// Description.
    pub description: Text,
    /// Deadline (latest day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Definitely or possibly.
    pub overdue: Overdue,
    /// Days past the deadline (negative when only possibly overdue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i32>,
    /// Rating label id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Text>,
}

impl OverdueAction {
    /// An overdue action with only its ref and how overdue it is (the other fields empty):
    /// for tests and for tools that build their own lists.
    ///
    /// ```
    /// use actionplan::{rating::Overdue, stats::OverdueAction};
    /// let o = OverdueAction::new("A1", Overdue::Possibly, Some(-3));
    /// assert_eq!((&*o.action_ref, o.overdue, o.rating), ("A1", Overdue::Possibly, None));
    /// ```
    pub fn new(action_ref: impl Into<Text>, overdue: Overdue, days_overdue: Option<i32>) -> Self {
        OverdueAction {
            action_ref: action_ref.into(),
            recommendation: Text::default(),
            recommendation_index: 0,
            action_index: 0,
            description: Text::default(),
            due: None,
            overdue,
            days_overdue,
            rating: None,
        }
    }

    /// Sort `list` as reports show it: definitely before possibly, most overdue first, then in
    /// plan order.
    ///
    /// ```
    /// use actionplan::{rating::Overdue, stats::OverdueAction};
    /// let o = |r: &str, ov, d| OverdueAction::new(r, ov, Some(d));
    /// let mut v = vec![o("a", Overdue::Possibly, -3), o("b", Overdue::Definitely, 5), o("c", Overdue::Definitely, 40)];
    /// OverdueAction::order(&mut v);
    /// assert_eq!(v.iter().map(|x| &*x.action_ref).collect::<Vec<_>>(), ["c", "b", "a"]);
    /// ```
    pub fn order(list: &mut [OverdueAction]) {
        // One key per action: the rank in the top bits, then the days overdue, most first
        // (no days last, as `Option` orders them), so ascending keys give that order.
        crate::lean::sort::sort_by_u64_key(list, |o| {
            let rank = u64::from(crate::rating::overdue_rank(o.overdue));
            // 0 for none, else 1 + the days above i32::MIN: at most 2^32.
            let days = o
                .days_overdue
                .map_or(0, |d| (i64::from(d) - i64::from(i32::MIN) + 1) as u64);
            (rank << 40) | ((1u64 << 32) - days)
        });
    }
}

/// Running counts for one group.
#[derive(Debug, Clone)]
struct Acc {
    actions: usize,
    open: usize,
    status: [usize; 8],
    other_status: Vec<(String, usize)>,
    rating: Vec<usize>,
    in_progress_rating: Vec<usize>,
    overdue_definitely: usize,
    overdue_possibly: usize,
    due: DueWithin,
    due_by_now: usize,
    done_of_due: usize,
    complete: usize,
}

impl Acc {
    fn new(labels: usize) -> Acc {
        Acc {
            actions: 0,
            open: 0,
            status: [0; 8],
            other_status: Vec::new(),
            rating: vec![0; labels + 1],
            in_progress_rating: vec![0; labels + 1],
            overdue_definitely: 0,
            overdue_possibly: 0,
            due: DueWithin::default(),
            due_by_now: 0,
            done_of_due: 0,
            complete: 0,
        }
    }
}

/// What one action contributes.
struct Item<'a> {
    status: StatusFact,
    other: Option<&'a str>,
    rating: usize,
    overdue: Overdue,
    days_to_due: Option<i32>,
}

impl Acc {
    fn add(&mut self, it: &Item) {
        self.actions += 1;
        self.status[it.status as usize] += 1;
        if let Some(o) = it.other {
            match self.other_status.iter_mut().find(|(k, _)| k == o) {
                Some((_, n)) => *n += 1,
                None => self.other_status.push((o.to_string(), 1)),
            }
        }
        self.rating[it.rating] += 1;
        if it.status == StatusFact::InProgress {
            self.in_progress_rating[it.rating] += 1;
        }
        let closed = it.status.is_closed();
        if it.status == StatusFact::Complete {
            self.complete += 1;
        }
        if !closed {
            self.open += 1;
            match it.overdue {
                Overdue::Definitely => self.overdue_definitely += 1,
                Overdue::Possibly => self.overdue_possibly += 1,
                _ => {}
            }
            if let Some(d) = it.days_to_due.filter(|d| *d >= 0) {
                self.due.days_30 += (d <= 30) as usize;
                self.due.days_60 += (d <= 60) as usize;
                self.due.days_90 += (d <= 90) as usize;
            }
        }
        if it.days_to_due.is_some_and(|d| d <= 0)
            && !matches!(it.status, StatusFact::Cancelled | StatusFact::Superseded)
        {
            self.due_by_now += 1;
            self.done_of_due += (it.status == StatusFact::Complete) as usize;
        }
    }

    fn finish(self, key: String, title: Option<String>, a: &Assessment, f: &Format) -> GroupStats {
        // Statuses present, in lifecycle order; unknown words by their text.
        let mut keys: Vec<(String, String, usize)> = Vec::new();
        for s in [
            StatusFact::Complete,
            StatusFact::InProgress,
            StatusFact::NotStarted,
            StatusFact::OnHold,
            StatusFact::Cancelled,
            StatusFact::Superseded,
        ] {
            let n = self.status[s as usize];
            if n > 0 {
                keys.push((s.as_str().into(), status_label(s).into(), n));
            }
        }
        for (word, n) in &self.other_status {
            keys.push((word.clone(), word.clone(), *n));
        }
        let none = self.status[StatusFact::None as usize];
        if none > 0 {
            keys.push(("none".into(), "No status".into(), none));
        }
        GroupStats {
            key,
            title,
            actions: self.actions,
            open: self.open,
            by_status: shares(keys, f),
            by_rating: rating_shares(a, &self.rating, true, f),
            in_progress_by_rating: rating_shares(a, &self.in_progress_rating, false, f),
            overdue_definitely: self.overdue_definitely,
            overdue_possibly: self.overdue_possibly,
            due_within: self.due,
            schedule: Schedule {
                due_by_now: self.due_by_now,
                done: self.done_of_due,
                percent_done: percent(self.done_of_due, self.due_by_now),
            },
        }
    }
}

fn status_label(s: StatusFact) -> &'static str {
    match s {
        StatusFact::NotStarted => "Not started",
        StatusFact::InProgress => "In progress",
        StatusFact::Complete => "Complete",
        StatusFact::OnHold => "On hold",
        StatusFact::Cancelled => "Cancelled",
        StatusFact::Superseded => "Superseded",
        StatusFact::Other => "Other",
        StatusFact::None => "No status",
    }
}

fn shares(items: Vec<(String, String, usize)>, f: &Format) -> Vec<Share> {
    let counts: Vec<usize> = items.iter().map(|i| i.2).collect();
    let p = f.whole(&counts);
    items
        .into_iter()
        .zip(p)
        .map(|((key, label, count), percent)| Share {
            key,
            label,
            count,
            percent,
        })
        .collect()
}

/// Shares per label; `all_labels` lists every label even at zero (else only those present).
fn rating_shares(a: &Assessment, counts: &[usize], all_labels: bool, f: &Format) -> Vec<Share> {
    let mut items = Vec::new();
    for (i, l) in a.scale.labels.iter().enumerate() {
        if all_labels || counts[i] > 0 {
            items.push((l.id.clone(), l.name.clone(), counts[i]));
        }
    }
    let nr = counts[a.scale.labels.len()];
    if nr > 0 {
        items.push((NOT_RATED.into(), NOT_RATED_NAME.into(), nr));
    }
    shares(items, f)
}

pub use crate::fmt::long_date;

/// Statistics for a plan, from its assessment (which fixes the as-of date and the ratings).
///
/// ```
/// use actionplan::{Plan, Recommendation, Action, rating::{assess, RuleSet}, stats::{stats, GroupBy}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "t");
/// let mut a = Action::new("x");
/// a.set_owner("Chief Executive / Head of HR");
/// a.set_status("In progress");
/// rec.actions.push(a);
/// plan.recommendations.push(rec);
/// plan.assign_refs();
/// let s = stats(&plan, &assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap(), GroupBy::Owner);
/// assert_eq!(s.groups.len(), 2);
/// assert_eq!(s.workload[0].open, 1);
/// ```
pub fn stats(plan: &Plan, assessment: &Assessment, by: GroupBy) -> Stats {
    let default = Format::default();
    stats_with(
        plan,
        assessment,
        by,
        assessment.format.as_ref().unwrap_or(&default),
    )
}

/// As [`stats`], with the figures written and rounded as `format` says (the statistics
/// options' `format`, which wins over the rule set's).
///
/// ```
/// use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}, stats::{stats_with, Format, GroupBy, Order}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "Scrutiny");
/// for status in ["Complete", "Complete", "In progress"] {
///     let mut a = Action::new("x");
///     a.set_status(status);
///     rec.actions.push(a);
/// }
/// plan.recommendations.push(rec);
/// let a = assess(&plan, &RuleSet::preset("brag").unwrap(), "2025-01-15".parse().unwrap()).unwrap();
/// let format = Format { order: Some(Order::CountOfTotal), ..Format::default() };
/// let s = stats_with(&plan, &a, GroupBy::None, &format);
/// assert_eq!(s.headline[0], "As at 15 January 2025 there were 3 actions: 2 of 3 (67%) complete, 1 of 3 (33%) in progress.");
/// ```
pub fn stats_with(plan: &Plan, assessment: &Assessment, by: GroupBy, format: &Format) -> Stats {
    let n_labels = assessment.scale.labels.len();
    let as_of = assessment.as_of;
    let mut total = Acc::new(n_labels);
    let mut groups: Vec<(String, Option<String>, Acc)> = if by == GroupBy::Recommendation {
        Vec::with_capacity(plan.recommendations.len())
    } else {
        Vec::new()
    };
    let mut group_index: FxHashMap<String, usize> = FxHashMap::default();
    let mut owners: Vec<Workload> = Vec::new();
    let mut owner_index: FxHashMap<&str, usize> = FxHashMap::default();
    // Each owner as written, and its slot in `owners`.
    let mut owner_slot: FxHashMap<&str, usize> = FxHashMap::default();
    // Near-duplicate names ("… & Community Engagement", "… and Community Engagement") are one
    // owner, shown as first written.
    let mut names = OwnerNames::default();
    let mut overdue = Vec::with_capacity(
        assessment
            .actions
            .iter()
            .filter(|r| {
                !r.facts.closed
                    && matches!(r.facts.overdue, Overdue::Definitely | Overdue::Possibly)
            })
            .count(),
    );
    let mut rec_group =
        |key: &str, title: Option<&str>, groups: &mut Vec<(String, Option<String>, Acc)>| {
            if let Some(&i) = group_index.get(key) {
                return i;
            }
            groups.push((
                key.to_string(),
                title.map(str::to_string),
                Acc::new(n_labels),
            ));
            group_index.insert(key.to_string(), groups.len() - 1);
            groups.len() - 1
        };
    let mut rated = assessment.actions.iter().enumerate();
    let no_owner = vec![Text::from("(no owner)")];
    for (ri, rec) in plan.recommendations.iter().enumerate() {
        // Recommendations are grouped by position: keys may repeat.
        let rec_slot = if by == GroupBy::Recommendation {
            groups.push((
                String::from(&*rec.key),
                Some(String::from(&*rec.title)),
                Acc::new(n_labels),
            ));
            Some(groups.len() - 1)
        } else {
            None
        };
        let theme_slot = if by == GroupBy::Theme {
            let t = rec.theme.as_deref().unwrap_or("(no theme)");
            Some(rec_group(t, None, &mut groups))
        } else {
            None
        };
        for action in &rec.actions {
            let r = rated.next();
            let Some((_, r)) = r.filter(|(_, r)| r.recommendation_index == ri) else {
                continue;
            };
            let f = &r.facts;
            let rating = r
                .rating
                .as_deref()
                .and_then(|id| assessment.scale.position(id))
                .unwrap_or(n_labels);
            let item = Item {
                status: f.status,
                other: match &action.status {
                    Some(crate::Status::Other(w)) => Some(w.as_str()),
                    _ => None,
                },
                rating,
                overdue: f.overdue,
                days_to_due: f.days_to_due,
            };
            total.add(&item);
            if let Some(i) = rec_slot.or(theme_slot) {
                groups[i].2.add(&item);
            }
            let open = !f.closed;
            let lead_split;
            let people: &[Text] = match by {
                GroupBy::Lead => {
                    lead_split = action
                        .lead_member
                        .as_ref()
                        .map(split_owner_text)
                        .unwrap_or_default();
                    &lead_split
                }
                _ => &action.owners,
            };
            if by == GroupBy::Owner || by == GroupBy::Lead {
                let none = if by == GroupBy::Owner {
                    "(no owner)"
                } else {
                    "(no lead member)"
                };
                if people.is_empty() {
                    let i = rec_group(none, None, &mut groups);
                    groups[i].2.add(&item);
                }
                if by == GroupBy::Owner {
                    for p in &action.owners {
                        let i = rec_group(names.canon(p), None, &mut groups);
                        groups[i].2.add(&item);
                    }
                } else {
                    for p in people {
                        let i = rec_group(p, None, &mut groups);
                        groups[i].2.add(&item);
                    }
                }
            }
            let owner_list: &[Text] = if action.owners.is_empty() {
                &no_owner
            } else {
                &action.owners
            };
            for o in owner_list {
                // Each spelling is looked up once: then straight to its owner's slot.
                let i = match owner_slot.get(&**o) {
                    Some(&i) => i,
                    None => {
                        let c = names.canon(o);
                        let i = match owner_index.get(c) {
                            Some(&i) => i,
                            None => {
                                owners.push(Workload {
                                    owner: c.to_string(),
                                    actions: 0,
                                    open: 0,
                                    complete: 0,
                                    overdue: 0,
                                    due_within_90: 0,
                                });
                                owner_index.insert(c, owners.len() - 1);
                                owners.len() - 1
                            }
                        };
                        owner_slot.insert(o, i);
                        i
                    }
                };
                let w = &mut owners[i];
                w.actions += 1;
                w.open += open as usize;
                w.complete += (f.status == StatusFact::Complete) as usize;
                w.overdue += (open && f.overdue == Overdue::Definitely) as usize;
                w.due_within_90 +=
                    (open && f.days_to_due.is_some_and(|d| (0..=90).contains(&d))) as usize;
            }
            if open && matches!(f.overdue, Overdue::Definitely | Overdue::Possibly) {
                overdue.push(OverdueAction {
                    action_ref: r.action_ref.clone(),
                    recommendation: r.recommendation.clone(),
                    recommendation_index: r.recommendation_index,
                    action_index: r.action_index,
                    description: action.description.clone(),
                    due: f.due,
                    overdue: f.overdue,
                    days_overdue: f.days_overdue,
                    rating: r.rating.clone(),
                });
            }
        }
    }
    OverdueAction::order(&mut overdue);
    crate::lean::sort::sort_by(&mut owners, |a, b| {
        b.open
            .cmp(&a.open)
            .then(b.actions.cmp(&a.actions))
            .then(a.owner.cmp(&b.owner))
    });
    if matches!(by, GroupBy::Owner | GroupBy::Lead) {
        crate::lean::sort::sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
    }
    let plan_stats = total.finish("plan".into(), plan.meta.title.clone(), assessment, format);
    let groups = groups
        .into_iter()
        .map(|(k, t, acc)| acc.finish(k, t, assessment, format))
        .collect();
    let peer_challenge = plan
        .meta
        .peer_challenge_date
        .map(|v| peer_challenge(v, plan.meta.plan_date, as_of));
    let mut s = Stats {
        as_of,
        rules: assessment.rules.id.clone(),
        rounding: format.rounding.as_str().into(),
        plan: plan_stats,
        by,
        groups,
        workload: owners,
        overdue,
        peer_challenge,
        headline: Vec::new(),
        measures: crate::measures::preset_stats(&plan.measures),
    };
    s.headline = headline::sentences(&s, assessment, format);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order is the comparison the reports describe: definitely before possibly, most
    /// days overdue first (no days last), then plan order; extreme days included.
    #[test]
    fn overdue_actions_order_as_the_comparison_says() {
        let days = [
            None,
            Some(i32::MIN),
            Some(-1),
            Some(0),
            Some(1),
            Some(40),
            Some(i32::MAX),
        ];
        let mut list = Vec::new();
        for (i, d) in days.iter().cycle().take(60).enumerate() {
            let overdue = [Overdue::Definitely, Overdue::Possibly, Overdue::No][i % 3];
            list.push(OverdueAction::new(i.to_string().as_str(), overdue, None));
            list[i].days_overdue = *d;
        }
        let mut want = list.clone();
        want.sort_by(|a, b| {
            crate::rating::overdue_rank(a.overdue)
                .cmp(&crate::rating::overdue_rank(b.overdue))
                .then(b.days_overdue.cmp(&a.days_overdue))
        });
        OverdueAction::order(&mut list);
        assert_eq!(list, want);
        assert_eq!(list[0].days_overdue, Some(i32::MAX));
    }
}
