//! The dates an LGA Corporate Peer Challenge sets, and whether the plan's dates show them met.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The peer challenge timetable for a plan, as far as the plan's dates tell.
///
/// ```
/// use actionplan::stats::{peer_challenge, MilestoneState};
/// let d = |s: &str| s.parse().unwrap();
/// let pc = peer_challenge(d("2024-11-05"), Some(d("2025-03-18")), d("2025-03-31"));
/// assert_eq!(pc.milestones[0].due, d("2025-02-05"));
/// assert_eq!(pc.milestones[0].state, MilestoneState::MetLate);
/// assert_eq!(pc.milestones[1].state, MilestoneState::Upcoming);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PeerChallenge {
    /// The date of the visit.
    pub visit: NaiveDate,
    /// The milestones, in date order.
    pub milestones: Vec<Milestone>,
}

/// One milestone of the peer challenge process.
///
/// ```
/// use actionplan::stats::{Milestone, MilestoneState};
/// let m = Milestone { id: "progress_review".into(), name: "Progress review".into(), due: "2025-09-05".parse().unwrap(), latest: None, date: None, state: MilestoneState::Upcoming, note: String::new() };
/// assert_eq!(m.state.as_str(), "upcoming");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Milestone {
    /// Stable id: `action_plan`, `progress_review`, `progress_review_report`,
    /// `next_peer_challenge`.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// When it is expected.
    pub due: NaiveDate,
    /// The latest acceptable date, where the process sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    /// When the plan shows it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Met, late, missed, upcoming or unknown.
    pub state: MilestoneState,
    /// A sentence saying so.
    pub note: String,
}

/// Whether a milestone was met.
///
/// ```
/// assert_eq!(actionplan::stats::MilestoneState::MetLate.as_str(), "met_late");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MilestoneState {
    /// By the expected date.
    Met,
    /// After the expected date, by the latest acceptable one.
    MetLate,
    /// After the latest acceptable date.
    Missed,
    /// Not yet due as of the date.
    Upcoming,
    /// Due, but the plan does not record whether it happened.
    Unknown,
}

impl MilestoneState {
    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::stats::MilestoneState::Met.as_str(), "met");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneState::Met => "met",
            MilestoneState::MetLate => "met_late",
            MilestoneState::Missed => "missed",
            MilestoneState::Upcoming => "upcoming",
            MilestoneState::Unknown => "unknown",
        }
    }
}

fn plus(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The peer challenge timetable: the action plan published within 3 months of the visit (5 at
/// the latest), a progress review about 10 months after it with its report within 12, and the
/// next peer challenge within 5 years. The plan's date (when it was agreed) is the only one a
/// plan records, so only the first milestone can be shown met or missed; the others are
/// upcoming or unknown.
///
/// ```
/// use actionplan::stats::{peer_challenge, MilestoneState};
/// let d = |s: &str| s.parse().unwrap();
/// let pc = peer_challenge(d("2024-01-10"), None, d("2025-06-30"));
/// assert_eq!(pc.milestones[0].state, MilestoneState::Unknown);
/// assert_eq!(pc.milestones[3].due, d("2029-01-10"));
/// ```
pub fn peer_challenge(
    visit: NaiveDate,
    plan_date: Option<NaiveDate>,
    as_of: NaiveDate,
) -> PeerChallenge {
    let long = |d: NaiveDate| super::long_date(d);
    let plan_due = plus(visit, 3);
    let plan_latest = plus(visit, 5);
    let (state, note) = match plan_date {
        Some(p) if p <= plan_due => (
            MilestoneState::Met,
            format!("The action plan is dated {}, within 3 months of the visit.", long(p)),
        ),
        Some(p) if p <= plan_latest => (
            MilestoneState::MetLate,
            format!(
                "The action plan is dated {}: after the 3 months expected ({}), within the 5-month limit ({}).",
                long(p),
                long(plan_due),
                long(plan_latest)
            ),
        ),
        Some(p) => (
            MilestoneState::Missed,
            format!(
                "The action plan is dated {}: after the 5-month limit ({}).",
                long(p),
                long(plan_latest)
            ),
        ),
        None if as_of <= plan_latest => (
            MilestoneState::Upcoming,
            format!("The action plan is due by {} ({} at the latest).", long(plan_due), long(plan_latest)),
        ),
        None => (
            MilestoneState::Unknown,
            "The plan does not record the date it was agreed.".to_string(),
        ),
    };
    let mut milestones = vec![Milestone {
        id: "action_plan".into(),
        name: "Action plan published".into(),
        due: plan_due,
        latest: Some(plan_latest),
        date: plan_date,
        state,
        note,
    }];
    for (id, name, months, what, by) in [
        (
            "progress_review",
            "Progress review",
            10,
            "the progress review",
            "around",
        ),
        (
            "progress_review_report",
            "Progress review report published",
            12,
            "the progress review report",
            "by",
        ),
        (
            "next_peer_challenge",
            "Next peer challenge",
            60,
            "the next peer challenge",
            "by",
        ),
    ] {
        let due = plus(visit, months);
        let (state, note) = if as_of < due {
            (
                MilestoneState::Upcoming,
                format!("{} is due {by} {}.", capitalise(what), long(due)),
            )
        } else {
            (
                MilestoneState::Unknown,
                format!(
                    "{} was due {by} {}; the plan does not record whether it happened.",
                    capitalise(what),
                    long(due)
                ),
            )
        };
        milestones.push(Milestone {
            id: id.into(),
            name: name.into(),
            due,
            latest: None,
            date: None,
            state,
            note,
        });
    }
    PeerChallenge { visit, milestones }
}

/// The text with its first letter in capitals. Only ever given the fixed ASCII phrases above:
/// ASCII case mapping is exact for them and, unlike `char::to_uppercase`, links no Unicode
/// case tables into the WebAssembly module (~12 KB).
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
