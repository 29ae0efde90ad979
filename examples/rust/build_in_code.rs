//! Build a plan in code, then write it as canonical JSON and as CSV.
//!
//! Run: `cargo run -p actionplan --example build_in_code`

use actionplan::model::{Action, Plan, Recommendation};
use actionplan::timeframe::{parse, Settings};

fn main() {
    let mut plan = Plan::default();
    plan.meta.organisation = Some("Example Borough Council".into());
    plan.meta.title = Some("Corporate Peer Challenge 2025 – Action Plan".into());
    plan.meta.plan_date = "2025-03-18".parse().ok();

    let mut rec = Recommendation::new("1", "Develop a clear place narrative");
    for (what, who, when) in [
        (
            "Run resident workshops",
            "Head of Communications",
            "Summer 2025",
        ),
        (
            "Agree the narrative at Cabinet",
            "Chief Executive / Leader",
            "Q3 2025/26",
        ),
    ] {
        let mut a = Action::new(what);
        a.set_owner(who);
        a.timeframe = Some(parse(when, plan.meta.plan_date, &Settings::default()).into());
        a.set_status("Not started");
        rec.actions.push(a);
    }
    plan.recommendations.push(rec);
    plan.assign_refs();

    println!("{}", plan.to_json());
    println!("{}", actionplan::export::to_csv(&plan));
}
