//! Peak memory of importing a generated plan, against the file's size.
//!
//! `cargo run --release -p actionplan --example import_memory [ROWS] [threads]` (Linux: reads
//! VmHWM). Without `threads` it reads on the calling thread only (`ImportOptions::threads(false)`);
//! with it, it parses and builds on two threads (the library's default where the machine has
//! two or more cores).

#[path = "../../core/benches/plan_gen.rs"]
mod plan_gen;

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let path = std::env::temp_dir().join(format!("actionplan-mem-{n}.csv"));
    if !path.exists() {
        std::fs::write(&path, plan_gen::generate_csv(n)).unwrap();
    }
    let single = std::env::args().nth(2).as_deref() != Some("threads");
    let size = std::fs::metadata(&path).unwrap().len();
    let before = peak_kib();
    let file = std::fs::File::open(&path).unwrap();
    let t = std::time::Instant::now();
    let imported = actionplan::import::ImportOptions::new()
        .threads(!single)
        .read(file)
        .unwrap();
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_kib();
    let actions = imported.plan.action_count();
    let t = std::time::Instant::now();
    drop(imported);
    let free = t.elapsed().as_secs_f64();
    println!(
        "{} actions ({}), file {:.1} MB, import {:.2} s ({:.0} MB/s), peak RSS {:.1} MB ({:.2}x the file; {:.1} MB before), freed in {:.2} s",
        actions,
        if single { "one thread" } else { "two threads" },
        size as f64 / 1e6,
        secs,
        size as f64 / 1e6 / secs,
        peak as f64 * 1024.0 / 1e6,
        peak as f64 * 1024.0 / size as f64,
        before as f64 * 1024.0 / 1e6,
        free
    );
}
