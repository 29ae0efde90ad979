//! Native baseline for `scripts/bench-wasm.mjs`: the same work the wasm package does on the
//! same file (read the plan, validate it, and where the core has them, assess and count),
//! timed in native Rust. Prints one JSON object with the median milliseconds of each step.
//!
//! ```text
//! cargo run --release -p actionplan-wasm --example bench_native -- plan.csv 2025-03-31 2024-06-01 [runs]
//! ```

use actionplan::import::ImportOptions;
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
    let (mut parse, mut validate, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut actions = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let plan = ImportOptions::new()
            .plan_date(plan_date)
            .read_bytes(&bytes)
            .expect("a plan")
            .plan;
        let t1 = Instant::now();
        let found = actionplan::validate::validate(&plan, &Default::default());
        let t2 = Instant::now();
        std::hint::black_box((&plan, &found, as_of));
        actions = plan.action_count();
        parse.push((t1 - t0).as_secs_f64() * 1e3);
        validate.push((t2 - t1).as_secs_f64() * 1e3);
        total.push((t1 - t0).as_secs_f64() * 1e3);
    }
    println!(
        "{{\"actions\": {actions}, \"runs\": {runs}, \"parse\": {:.3}, \"validate\": {:.3}, \"work\": {:.3}}}",
        median(parse),
        median(validate),
        median(total)
    );
}
