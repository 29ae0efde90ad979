//! Where the time of `benches/python/bench.py` goes on the Rust side: the same stages (read a
//! CSV, assess with the date-rag preset, statistics, the rated action table) timed one by
//! one, without Python, so that a profiler sees the names of the functions.
//!
//! ```text
//! .venv/bin/python benches/python/bench.py --keep /tmp/plan.csv
//! cargo run --release -p actionplan-python --example stage_times -- /tmp/plan.csv
//! ```

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_times FILE.csv [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date");
    let plan_date = chrono::NaiveDate::from_ymd_opt(2024, 4, 1).expect("a date");
    let rules = actionplan::rating::RuleSet::preset("date-rag").expect("the preset");
    for _ in 0..repeat {
        let clock = Instant::now();
        let mut lap = {
            let mut last = Instant::now();
            move |name: &str| {
                let now = Instant::now();
                print!("{name} {:.3} s, ", (now - last).as_secs_f64());
                last = now;
            }
        };
        let file = std::fs::File::open(&path).expect("the file");
        let mut opts = actionplan::import::ImportOptions::new();
        opts.plan_date(plan_date);
        let imported = opts.read(file).expect("a plan");
        lap("read");
        let data = _native::views::PlanData::new(imported.plan);
        lap("index");
        let a = actionplan::rating::assess(&data.plan, &rules, as_of).expect("assessed");
        lap("assess");
        let mut s = actionplan::stats::stats(&data.plan, &a, actionplan::stats::GroupBy::default());
        lap("stats");
        for _ in 0..std::env::var("STATS_AGAIN")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
        {
            s = actionplan::stats::stats(&data.plan, &a, actionplan::stats::GroupBy::default());
            lap("stats again");
        }
        let t = _native::frame::rated_table(&data, &a);
        lap("table");
        println!(
            "= {:.3} s ({} rows, {} headline lines)",
            clock.elapsed().as_secs_f64(),
            t.num_rows(),
            s.headline.len()
        );
    }
}
