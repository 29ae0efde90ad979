//! The floor under `benches/python/bench.py`: how long a bare CSV parse of the same file takes
//! on one core, with no model, no rating and no data frame (the rust-csv `ByteRecord` loop the
//! core's reader is built on).
//!
//! ```text
//! .venv/bin/python benches/python/bench.py --keep /tmp/plan.csv
//! cargo run --release -p actionplan-python --example csv_floor -- /tmp/plan.csv
//! ```

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv_floor FILE.csv [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let start = Instant::now();
        let mut reader = match csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_path(&path)
        {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let mut record = csv::ByteRecord::new();
        let (mut rows, mut bytes) = (0usize, 0usize);
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            rows += 1;
            bytes += record.as_slice().len();
        }
        let took = start.elapsed().as_secs_f64();
        best = best.min(took);
        println!("{rows} records, {bytes} bytes of fields: {took:.3} s");
    }
    println!("best of {repeat}: {best:.3} s");
}
