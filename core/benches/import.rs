//! Import throughput on a generated plan (default 1,000,000 actions, ~300 MB), next to a bare
//! `csv::ByteRecord` loop over the same bytes.
//!
//! `cargo bench -p actionplan --bench import` (set `ACTIONPLAN_BENCH_ROWS` for another size).
//! Each import iteration also frees the plan it made (about 0.2 s of the time for a million
//! actions; `examples/rust/import_memory.rs` times the two apart).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "plan_gen.rs"]
mod plan_gen;

fn rows() -> usize {
    std::env::var("ACTIONPLAN_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn bench(c: &mut Criterion) {
    let data = plan_gen::generate_csv(rows());
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("csv_byte_record_loop", |b| {
        b.iter(|| {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(black_box(&data[..]));
            let mut rec = csv::ByteRecord::new();
            let mut fields = 0usize;
            while r.read_byte_record(&mut rec).unwrap() {
                fields += rec.len();
            }
            fields
        })
    });
    g.bench_function("actionplan_import", |b| {
        b.iter(|| {
            let imported = actionplan::import::ImportOptions::new()
                .plan_date(chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())
                .read_bytes(black_box(&data))
                .unwrap();
            imported.plan.action_count()
        })
    });
    g.bench_function("actionplan_import_two_threads", |b| {
        b.iter(|| {
            let imported = actionplan::import::ImportOptions::new()
                .plan_date(chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())
                .threads(true)
                .read_bytes(black_box(&data))
                .unwrap();
            imported.plan.action_count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
