//! Native baseline for `scripts/bench-wasm.mjs`: the same work the wasm package does on the
//! same file (read the plan, assess it with the date-driven rules, count, and validate),
//! timed in native Rust. `work` is parse + assess + stats, the figure the budget is about. Prints one JSON object with the median milliseconds of each step.
//!
//! ```text
//! cargo run --release -p actionplan-wasm --example bench_native -- plan.csv 2025-03-31 2024-06-01 [runs]
//! ```

use actionplan::import::ImportOptions;
use actionplan::rating::{assess, RuleSet};
use actionplan::stats::{stats, GroupBy};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(as_of), Some(plan_date)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: bench_native PLAN.csv AS_OF PLAN_DATE [RUNS]");
        std::process::exit(2);
    };
    let as_of: chrono::NaiveDate = as_of.parse().expect("AS_OF as YYYY-MM-DD");
    let plan_date: chrono::NaiveDate = plan_date.parse().expect("PLAN_DATE as YYYY-MM-DD");
    let runs: usize = args.get(4).and_then(|r| r.parse().ok()).unwrap_or(15);
    let bytes = std::fs::read(path).expect("read the plan");
    let rules = RuleSet::preset("date-rag").expect("a preset");
    let mut steps: [Vec<f64>; 5] = Default::default();
    let mut actions = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let plan = ImportOptions::new()
            .plan_date(plan_date)
            .read_bytes(&bytes)
            .expect("a plan")
            .plan;
        let t1 = Instant::now();
        let a = assess(&plan, &rules, as_of).expect("assesses");
        let t2 = Instant::now();
        let s = stats(&plan, &a, GroupBy::Recommendation);
        let t3 = Instant::now();
        let found = actionplan::validate::validate(&plan, &Default::default());
        let t4 = Instant::now();
        std::hint::black_box((&a, &s, &found));
        actions = plan.action_count();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        for (v, x) in
            steps
                .iter_mut()
                .zip([ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t0, t3), ms(t3, t4)])
        {
            v.push(x);
        }
    }
    let [parse, assess, stats, work, validate] = steps.map(median);
    println!(
        "{{\"actions\": {actions}, \"runs\": {runs}, \"parse\": {parse:.3}, \"assess\": {assess:.3}, \"stats\": {stats:.3}, \"work\": {work:.3}, \"validate\": {validate:.3}}}"
    );
}
