//! Import throughput on a generated plan (default 1,000,000 actions, ~300 MB), next to a bare
//! `csv::ByteRecord` loop over the same bytes.
//!
//! `cargo bench -p actionplan --bench import` (set `ACTIONPLAN_BENCH_ROWS` for another size).
//! The import is timed up to the plan it returns; freeing that plan (about 0.1 s for a million
//! actions) is done outside the timing, as the bare loop has nothing to free:
//! `examples/rust/import_memory.rs` reports the two apart, and
//! `actionplan_import_one_thread_and_free` times them together. `actionplan_import_two_threads`
//! is what `ImportOptions` does by default on a machine with two or more cores.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};

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
    let import = |two_threads: bool| {
        actionplan::import::ImportOptions::new()
            .plan_date(chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())
            .threads(two_threads)
            .read_bytes(black_box(&data))
            .unwrap()
    };
    // Time each import up to its result, and free the plan after the clock stops.
    let timed = |two_threads: bool| {
        move |iters: u64| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let imported = import(two_threads);
                total += t.elapsed();
                black_box(imported.plan.action_count());
                drop(imported);
            }
            total
        }
    };
    g.bench_function("actionplan_import_one_thread", |b| {
        b.iter_custom(timed(false))
    });
    g.bench_function("actionplan_import_two_threads", |b| {
        b.iter_custom(timed(true))
    });
    g.bench_function("actionplan_import_one_thread_and_free", |b| {
        b.iter(|| import(false).plan.action_count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
