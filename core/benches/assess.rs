//! Speed: assess + stats over a million generated actions (target: under one second on one
//! core). Run with `cargo bench -p actionplan --bench assess`; `ONE_SHOT=1` instead times one
//! run in a fresh process and prints its CPU time.
//!
//! The generated plan is a stress case: its reported RAG is random, so about 59% of actions
//! disagree with the rules (each a finding with a message), and 35% are overdue.
//!
//! Measured 2026-11-23 on the shared 2-core development machine (load average about 3):
//! assess 702 ms, stats by owner 280 ms, assess + stats by recommendation 978 ms
//! (criterion 970-987 ms); one run in a fresh process 0.9-1.1 s of CPU, varying with the load
//! other work put on the machine.

use actionplan::model::{Action, Plan, ProgressUpdate, Recommendation};
use actionplan::rating::{assess, RuleSet};
use actionplan::stats::{stats, GroupBy};
use actionplan::timeframe::{Confidence, Kind, Timeframe};
use chrono::NaiveDate;
use criterion::{criterion_group, Criterion};
use std::hint::black_box;
use std::time::Duration;

/// A plan of `recs` × `per` actions with a realistic mix of statuses, RAG words, deadlines
/// (days, months, seasons, ongoing), owners and comments. Deterministic.
fn plan(recs: usize, per: usize) -> Plan {
    let base = NaiveDate::from_ymd_opt(2024, 4, 1).expect("a date");
    let statuses = [
        "Complete",
        "In progress",
        "In progress",
        "Not started",
        "On hold",
        "",
    ];
    let rags = ["Green", "Amber", "Red", "Within target", "", "Complete"];
    let owners = (0..60)
        .map(|i| actionplan::Text::from(format!("Officer {i}")))
        .collect::<Vec<_>>();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut p = Plan::default();
    for r in 0..recs {
        let mut rec = Recommendation::new(format!("{}", r + 1), format!("Recommendation {r}"));
        rec.theme = Some(format!("Theme {}", r % 7).into());
        for _ in 0..per {
            let x = next();
            let mut a = Action::new("Deliver the improvement and report on progress");
            a.set_status(statuses[(x % 6) as usize]);
            let rag = rags[((x >> 8) % 6) as usize];
            if !rag.is_empty() {
                a.rag = Some(rag.into());
            }
            let o1 = &owners[((x >> 16) % 60) as usize];
            a.owners = if (x >> 24) % 4 == 0 {
                vec![o1.clone(), owners[((x >> 30) % 60) as usize].clone()]
            } else {
                vec![o1.clone()]
            };
            let start = base + chrono::Days::new((x >> 36) % 700);
            let (kind, earliest, latest) = match (x >> 46) % 5 {
                0 => (Kind::Day, Some(start), Some(start)),
                1 | 2 => (
                    Kind::Month,
                    Some(start),
                    Some(start + chrono::Days::new(30)),
                ),
                3 => (
                    Kind::Season,
                    Some(start),
                    Some(start + chrono::Days::new(91)),
                ),
                _ => (Kind::Ongoing, None, None),
            };
            let mut t = Timeframe::unreadable("phrase");
            t.kind = kind;
            t.due_earliest = earliest;
            t.due_latest = latest;
            t.ongoing = kind == Kind::Ongoing;
            t.confidence = Confidence::High;
            a.timeframe = Some(t.into());
            if (x >> 50) % 3 != 0 {
                a.updates.push(ProgressUpdate {
                    text: "Progressing as planned".into(),
                    ..ProgressUpdate::default()
                });
            }
            rec.actions.push(a);
        }
        p.recommendations.push(rec);
    }
    p.assign_refs();
    p
}

fn bench(c: &mut Criterion) {
    // `cargo test --all-targets` runs this once as a smoke test, unoptimised: a small plan
    // does there.
    let benching = std::env::args().any(|a| a == "--bench");
    let plan = if benching {
        plan(10_000, 100)
    } else {
        plan(100, 100)
    };
    assert_eq!(
        plan.action_count(),
        if benching { 1_000_000 } else { 10_000 }
    );
    let rules = RuleSet::preset("date-rag").expect("a preset");
    let as_of = NaiveDate::from_ymd_opt(2025, 3, 31).expect("a date");
    let mut g = c.benchmark_group("million_actions");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("assess", |b| {
        b.iter_with_large_drop(|| assess(black_box(&plan), &rules, as_of).expect("assesses"))
    });
    let a = assess(&plan, &rules, as_of).expect("assesses");
    g.bench_function("stats_by_owner", |b| {
        b.iter_with_large_drop(|| stats(black_box(&plan), &a, GroupBy::Owner))
    });
    g.bench_function("assess_and_stats", |b| {
        // The results are dropped outside the timing (their memory is the caller's to free).
        b.iter_with_large_drop(|| {
            let a = assess(black_box(&plan), &rules, as_of).expect("assesses");
            let s = stats(&plan, &a, GroupBy::Recommendation);
            (a, s)
        })
    });
    g.finish();
}

/// One run in a fresh process, as a command-line user sees it: wall-clock and CPU time of
/// assess + stats (`ONE_SHOT=1 cargo bench -p actionplan --bench assess`).
fn one_shot() {
    let plan = plan(10_000, 100);
    let rules = RuleSet::preset("date-rag").expect("a preset");
    let as_of = NaiveDate::from_ymd_opt(2025, 3, 31).expect("a date");
    let cpu0 = cpu_seconds();
    let t0 = std::time::Instant::now();
    let a = assess(&plan, &rules, as_of).expect("assesses");
    let t1 = t0.elapsed();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let t2 = t0.elapsed();
    let cpu = cpu_seconds() - cpu0;
    println!(
        "one shot, {} actions ({} findings, {} overdue): assess {:.3} s, assess + stats {:.3} s wall, {:.3} s CPU",
        a.actions.len(),
        a.findings.len(),
        s.overdue.len(),
        t1.as_secs_f64(),
        t2.as_secs_f64(),
        cpu
    );
    std::mem::forget((a, s, plan));
}

/// User + system CPU time of this process, from /proc (Linux); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses): utime is 14th, stime 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("ONE_SHOT").is_some() {
        one_shot();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
