//! Fuzz the merge of owners' returned workbooks: a real update workbook (made once by
//! `owners::template`) with its "Your actions" sheet XML replaced by fuzzed bytes, or raw
//! bytes as a whole file. Nothing may panic, abort or hang; problems are diagnostics.
#![no_main]

use actionplan::owners::{merge, template, MergeOptions, Returned};
use actionplan::{Action, Plan, Recommendation};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read};
use std::sync::OnceLock;

fn plan() -> &'static (Plan, Vec<(String, Vec<u8>)>) {
    static PLAN: OnceLock<(Plan, Vec<(String, Vec<u8>)>)> = OnceLock::new();
    PLAN.get_or_init(|| {
        let mut plan = Plan::default();
        let mut rec = Recommendation::new("1", "Strengthen scrutiny");
        for (d, o) in [("Review terms", "Jo / Sam"), ("Train members", "Sam")] {
            let mut a = Action::new(d);
            a.set_owner(o);
            a.set_status("In progress");
            rec.actions.push(a);
        }
        plan.recommendations.push(rec);
        plan.assign_refs();
        // The parts of the first workbook, to put fuzzed XML in.
        let book = template(&plan).expect("template").remove(0).bytes;
        let mut z = zip::ZipArchive::new(Cursor::new(book)).expect("zip");
        let mut parts = Vec::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).expect("part");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read");
            parts.push((f.name().expect("name").to_string(), data));
        }
        (plan, parts)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (plan, parts) = plan();
    let bytes = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        let files: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(n, d)| {
                let d: &[u8] = if n == "xl/worksheets/sheet2.xml" { rest } else { d };
                (n.as_str(), d)
            })
            .collect();
        actionplan_fuzz::zip(&files)
    };
    let m = merge(
        plan,
        &[Returned {
            name: "fuzz.xlsx".into(),
            bytes,
        }],
        &MergeOptions::default(),
    );
    let _ = actionplan::export::to_csv(&m.plan);
});
