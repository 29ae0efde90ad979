//! How fast phrases are read, uncached: `cargo bench -p actionplan --bench timeframe`.
//!
//! The corpus is every phrase of the two fixture files plus generated phrases in the styles
//! councils use (months, Mon-YY, numeric days, quarters, seasons, starts and deadlines in one
//! phrase, recurrences, revised dates), all distinct. The figure to read is the throughput in
//! elements (phrases) per second.

use actionplan::timeframe::{parse, Settings};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const SEASONS: [&str; 4] = ["Spring", "Summer", "Autumn", "Winter"];

fn fixture_phrases() -> Vec<String> {
    let mut v = Vec::new();
    for text in [
        include_str!("../../tests/fixtures/timeframes-seeds.tsv"),
        include_str!("../../tests/fixtures/timeframes-wider.tsv"),
    ] {
        for line in text.lines().skip(1) {
            if let Some(p) = line.split('\t').next() {
                v.push(p.replace("\\n", "\n"));
            }
        }
    }
    v
}

/// Distinct phrases in council styles.
fn corpus(n: usize) -> Vec<String> {
    let mut v = fixture_phrases();
    let mut i = 0usize;
    while v.len() < n {
        let y = 2000 + (i / 97 % 40) as i32;
        let m = i % 12;
        let m2 = (i / 12 + 3) % 12;
        let d = 1 + i % 28;
        let p = match i % 16 {
            0 => format!("{} {y}", MONTHS[m]),
            1 => format!("{}-{:02}", SHORT[m], y % 100),
            2 => format!("{d:02}/{:02}/{y}", m + 1),
            3 => format!("Q{} {y}/{:02}", 1 + i % 4, (y + 1) % 100),
            4 => format!("{} {y} (see Recommendation {})", SEASONS[i % 4], i % 9),
            5 => format!("Commence {} for Approval {} {y}", MONTHS[m], MONTHS[m2]),
            6 => format!(
                "Report to {d} th {} Cabinet/ {} th {} O&S",
                MONTHS[m],
                1 + (d + 3) % 28,
                MONTHS[m]
            ),
            7 => format!(
                "Pay review report received {} {y}\nImplemented by {} {}",
                MONTHS[m],
                MONTHS[m2],
                y + 1
            ),
            8 => format!("From {d} {} {y}", MONTHS[m]),
            9 => format!("{} x per year ongoing ({})", 1 + i % 12, y),
            10 => format!("Before Annual Council May {y} - item {}", i % 50),
            11 => format!(
                "{d} {} {} extended from {d} {} {y}",
                MONTHS[m2],
                y + 1,
                MONTHS[m]
            ),
            12 => format!("By end of Qtr {} {y}-{:02}", 1 + i % 4, (y + 1) % 100),
            13 => format!(
                "Films completed {} {y}, wider campaign to run {} {}",
                MONTHS[m],
                MONTHS[m2],
                y + 1
            ),
            14 => format!("mid-{y} ({} review {})", SHORT[m], i % 31),
            _ => format!(
                "Ongoing – quarterly from {} {y}, next step {}",
                SHORT[m],
                i % 23
            ),
        };
        v.push(p);
        i += 1;
    }
    v.sort();
    v.dedup();
    v
}

fn bench(c: &mut Criterion) {
    let phrases = corpus(20_000);
    let reference = Some("2024-12-01".parse().expect("date"));
    let settings = Settings::default();
    let mut g = c.benchmark_group("timeframe");
    g.throughput(Throughput::Elements(phrases.len() as u64));
    g.sample_size(20);
    g.bench_function("parse distinct phrases", |b| {
        b.iter(|| {
            for p in &phrases {
                black_box(parse(black_box(p), reference, &settings));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
