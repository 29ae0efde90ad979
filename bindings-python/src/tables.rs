//! The small tables of the data-frame doors: the statistics (by group, workload, overdue
//! actions), the diagnostics, and a diff, as Arrow record batches.
//!
//! Every figure is the core's; this module only lays them out as columns, one row per group,
//! owner, action, problem or change.

use crate::arrow::TableBuilder;
use actionplan::diff::PlanDiff;
use actionplan::rating::Scale;
use actionplan::stats::{GroupStats, Share, Stats};
use actionplan::timeframe::Overdue;
use arrow_array::RecordBatch;

/// The statistics' tables, by name (`Stats.table(name)`).
pub const STATS_TABLES: [&str; 3] = ["groups", "workload", "overdue"];

/// One of the statistics' tables: `"groups"` (one row per group, with its counts by status
/// and by rating as `status_<key>` and `rating_<key>` columns), `"workload"` (one row per
/// owner) or `"overdue"` (one row per overdue action). `None` for another name.
pub fn stats_table(s: &Stats, scale: &Scale, name: &str) -> Option<RecordBatch> {
    match name {
        "groups" => Some(groups(s)),
        "workload" => Some(workload(s)),
        "overdue" => Some(overdue(s, scale)),
        _ => None,
    }
}

/// The keys of the shares, in order of first appearance (the plan's first).
fn share_keys<'a>(s: &'a Stats, of: impl Fn(&'a GroupStats) -> &'a [Share]) -> Vec<&'a str> {
    let mut keys: Vec<&str> = Vec::new();
    for g in std::iter::once(&s.plan).chain(&s.groups) {
        for share in of(g) {
            if !keys.contains(&share.key.as_str()) {
                keys.push(&share.key);
            }
        }
    }
    keys
}

fn count(shares: &[Share], key: &str) -> Option<i64> {
    Some(
        shares
            .iter()
            .find(|s| s.key == key)
            .map_or(0, |s| s.count as i64),
    )
}

fn groups(s: &Stats) -> RecordBatch {
    let g = &s.groups;
    let mut t = TableBuilder::new(g.len());
    let n = |f: fn(&GroupStats) -> usize| g.iter().map(move |x| Some(f(x) as i64));
    t.text("group", g.iter().map(|x| Some(x.key.as_str())));
    t.text("title", g.iter().map(|x| x.title.as_deref()));
    t.int("actions", n(|x| x.actions));
    t.int("open", n(|x| x.open));
    t.int("overdue_definitely", n(|x| x.overdue_definitely));
    t.int("overdue_possibly", n(|x| x.overdue_possibly));
    t.int("due_within_30", n(|x| x.due_within.days_30));
    t.int("due_within_60", n(|x| x.due_within.days_60));
    t.int("due_within_90", n(|x| x.due_within.days_90));
    t.int("due_by_now", n(|x| x.schedule.due_by_now));
    t.int("done", n(|x| x.schedule.done));
    t.int(
        "percent_done",
        g.iter().map(|x| x.schedule.percent_done.map(i64::from)),
    );
    for key in share_keys(s, |x| &x.by_status) {
        t.int(
            &format!("status_{key}"),
            g.iter().map(|x| count(&x.by_status, key)),
        );
    }
    for key in share_keys(s, |x| &x.by_rating) {
        t.int(
            &format!("rating_{key}"),
            g.iter().map(|x| count(&x.by_rating, key)),
        );
    }
    t.finish()
}

fn workload(s: &Stats) -> RecordBatch {
    let w = &s.workload;
    let mut t = TableBuilder::new(w.len());
    t.text("owner", w.iter().map(|x| Some(x.owner.as_str())));
    t.int("actions", w.iter().map(|x| Some(x.actions as i64)));
    t.int("open", w.iter().map(|x| Some(x.open as i64)));
    t.int("complete", w.iter().map(|x| Some(x.complete as i64)));
    t.int("overdue", w.iter().map(|x| Some(x.overdue as i64)));
    t.int(
        "due_within_90",
        w.iter().map(|x| Some(x.due_within_90 as i64)),
    );
    t.finish()
}

fn overdue(s: &Stats, scale: &Scale) -> RecordBatch {
    let o = &s.overdue;
    let mut t = TableBuilder::new(o.len());
    t.text("ref", o.iter().map(|x| Some(&*x.action_ref)));
    t.text("recommendation", o.iter().map(|x| Some(&*x.recommendation)));
    t.text(
        "description",
        o.iter().map(|x| Some(x.description.as_str())),
    );
    t.date("due", o.iter().map(|x| x.due));
    t.category(
        "overdue",
        &Overdue::NAMES,
        false,
        o.iter().map(|x| Some(x.overdue.as_str())),
    );
    t.int(
        "days_overdue",
        o.iter().map(|x| x.days_overdue.map(i64::from)),
    );
    let labels: Vec<&str> = scale.labels.iter().map(|l| &*l.name).collect();
    t.category(
        "rating",
        &labels,
        true,
        o.iter()
            .map(|x| x.rating.as_deref().map(|id| scale.name_of(Some(id)))),
    );
    t.finish()
}

/// Severities, least serious first (an ordered category).
const SEVERITIES: [&str; 3] = actionplan::Severity::NAMES;

/// One row per diagnostic: code, severity (ordered: info < warning < error), message, row,
/// column, text, ref and hint.
pub fn diagnostics_table(list: &[&actionplan::Diagnostic]) -> RecordBatch {
    let mut t = TableBuilder::new(list.len());
    t.category(
        "code",
        &[],
        false,
        list.iter().map(|d| Some(d.code.as_str())),
    );
    t.category(
        "severity",
        &SEVERITIES,
        true,
        list.iter().map(|d| Some(d.severity.as_str())),
    );
    t.text("message", list.iter().map(|d| Some(d.message.as_str())));
    t.int("row", list.iter().map(|d| d.place.row.map(|r| r as i64)));
    t.text("column", list.iter().map(|d| d.place.column.as_deref()));
    t.text("text", list.iter().map(|d| d.place.text.as_deref()));
    t.text("ref", list.iter().map(|d| d.place.action_ref.as_deref()));
    t.text("file", list.iter().map(|d| d.place.file.as_deref()));
    t.text("hint", list.iter().map(|d| d.hint.as_deref()));
    t.finish()
}

/// The kinds of change, in the order of a diff's lists (the names of `PlanDiff`'s
/// attributes).
pub const CHANGES: [&str; 9] = [
    "added",
    "removed",
    "renumbered",
    "completed",
    "status_changed",
    "rerated",
    "rerated_derived",
    "deadlines_moved",
    "comments_not_updated",
];

/// One row of the diff table.
#[derive(Default)]
struct Row<'a> {
    change: &'static str,
    action_ref: &'a str,
    recommendation: Option<&'a str>,
    description: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    from_due: Option<chrono::NaiveDate>,
    to_due: Option<chrono::NaiveDate>,
    days_moved: Option<i64>,
    comment: Option<&'a str>,
}

/// One row per change: `change` (which list: `added`, `removed`, `renumbered`, `completed`,
/// `status_changed`, `rerated`, `rerated_derived`, `deadlines_moved`,
/// `comments_not_updated`), the action's `ref` and `recommendation`, its `description` (added,
/// removed, completed), `from` and `to` (statuses, RAGs, ratings, refs, timeframes as
/// written), `from_due`, `to_due` and `days_moved` (deadlines), and the unchanged `comment`.
pub fn diff_table(d: &PlanDiff) -> RecordBatch {
    let mut rows: Vec<Row> = Vec::new();
    fn brief<'a>(change: &'static str, b: &'a actionplan::diff::ActionBrief) -> Row<'a> {
        Row {
            change,
            action_ref: &b.action_ref,
            recommendation: Some(&b.recommendation),
            description: Some(&b.description),
            ..Row::default()
        }
    }
    rows.extend(d.added.iter().map(|b| brief("added", b)));
    rows.extend(d.removed.iter().map(|b| brief("removed", b)));
    rows.extend(d.renumbered.iter().map(|m| Row {
        change: "renumbered",
        action_ref: &m.new_ref,
        from: Some(&m.old_ref),
        to: Some(&m.new_ref),
        ..Row::default()
    }));
    rows.extend(d.completed.iter().map(|b| brief("completed", b)));
    for (change, list) in [
        ("status_changed", &d.status_changed),
        ("rerated", &d.rerated),
        ("rerated_derived", &d.rerated_derived),
    ] {
        rows.extend(list.iter().map(|c| Row {
            change,
            action_ref: &c.action_ref,
            recommendation: Some(&c.recommendation),
            from: c.from.as_deref(),
            to: c.to.as_deref(),
            ..Row::default()
        }));
    }
    rows.extend(d.deadlines_moved.iter().map(|m| Row {
        change: "deadlines_moved",
        action_ref: &m.action_ref,
        recommendation: Some(&m.recommendation),
        from: Some(&m.from_text),
        to: Some(&m.to_text),
        from_due: m.from,
        to_due: m.to,
        days_moved: m.days,
        ..Row::default()
    }));
    rows.extend(d.comments_not_updated.iter().map(|c| Row {
        change: "comments_not_updated",
        action_ref: &c.action_ref,
        recommendation: Some(&c.recommendation),
        comment: c.comment.as_deref(),
        ..Row::default()
    }));
    let mut t = TableBuilder::new(rows.len());
    t.category(
        "change",
        &CHANGES,
        false,
        rows.iter().map(|r| Some(r.change)),
    );
    t.text("ref", rows.iter().map(|r| Some(r.action_ref)));
    t.text("recommendation", rows.iter().map(|r| r.recommendation));
    t.text("description", rows.iter().map(|r| r.description));
    t.text("from", rows.iter().map(|r| r.from));
    t.text("to", rows.iter().map(|r| r.to));
    t.date("from_due", rows.iter().map(|r| r.from_due));
    t.date("to_due", rows.iter().map(|r| r.to_due));
    t.int("days_moved", rows.iter().map(|r| r.days_moved));
    t.text("comment", rows.iter().map(|r| r.comment));
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;

    fn plan(csv: &str) -> actionplan::Plan {
        actionplan::import::ImportOptions::new()
            .read_bytes(csv.as_bytes())
            .unwrap()
            .plan
    }

    #[test]
    fn the_groups_table_has_a_row_per_group_and_counts_by_status() {
        let p = plan(
            "Recommendation,Action,Owner,Due,Status\n1,A,Jo,March 2025,Complete\n1,B,Al,March 2025,\n2,C,Jo,May 2030,In progress\n",
        );
        let rules = actionplan::rating::RuleSet::preset("date-rag").unwrap();
        let a = actionplan::rating::assess(&p, &rules, "2025-06-30".parse().unwrap()).unwrap();
        let s = actionplan::stats::stats(&p, &a, Default::default());
        let g = stats_table(&s, &a.scale, "groups").unwrap();
        assert!(!s.groups.is_empty());
        assert_eq!(g.num_rows(), s.groups.len());
        let actions = g
            .column_by_name("actions")
            .unwrap()
            .as_primitive::<Int64Type>();
        let expected: Vec<i64> = s.groups.iter().map(|x| x.actions as i64).collect();
        assert_eq!(actions.values().to_vec(), expected);
        let complete = g
            .column_by_name("status_complete")
            .unwrap()
            .as_primitive::<Int64Type>();
        assert_eq!(complete.values().iter().sum::<i64>(), 1);
        let w = stats_table(&s, &a.scale, "workload").unwrap();
        assert_eq!(w.num_rows(), s.workload.len());
        assert!(w.num_rows() >= 2, "Jo and Al");
        let o = stats_table(&s, &a.scale, "overdue").unwrap();
        assert_eq!(o.num_rows(), s.overdue.len());
        assert!(stats_table(&s, &a.scale, "owners").is_none());
    }

    #[test]
    fn the_diff_table_has_a_row_per_change() {
        let old =
            plan("Recommendation,Action,Due,Status\n1,A,March 2025,In progress\n1,B,May 2025,\n");
        let new =
            plan("Recommendation,Action,Due,Status\n1,A,March 2025,Complete\n1,C,June 2025,\n");
        let d = actionplan::diff::diff(&old, &new);
        let t = diff_table(&d);
        let expected = d.added.len()
            + d.removed.len()
            + d.renumbered.len()
            + d.completed.len()
            + d.status_changed.len()
            + d.rerated.len()
            + d.rerated_derived.len()
            + d.deadlines_moved.len()
            + d.comments_not_updated.len();
        assert_eq!(t.num_rows(), expected);
        assert!(
            t.num_rows() >= 2,
            "a completion and a status change at least"
        );
        let refs = t.column_by_name("ref").unwrap().as_string::<i64>();
        assert!(refs.iter().all(|r| r.is_some()));
    }

    #[test]
    fn the_diagnostics_table_orders_severities() {
        let mut d =
            actionplan::Diagnostic::new("missing_owner", actionplan::Severity::Warning, "No owner");
        d.place.row = Some(4);
        let t = diagnostics_table(&[&d]);
        assert_eq!(t.num_rows(), 1);
        let schema = t.schema();
        assert_eq!(
            schema
                .field_with_name("severity")
                .unwrap()
                .dict_is_ordered(),
            Some(true)
        );
        let row = t.column_by_name("row").unwrap().as_primitive::<Int64Type>();
        assert_eq!(row.value(0), 4);
        assert!(t.column_by_name("hint").unwrap().is_null(0));
    }
}
