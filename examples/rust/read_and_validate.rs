//! Read an example plan, validate it and print a one-line summary per recommendation.
//!
//! Run: `cargo run -p actionplan --example read_and_validate [FILE] [PLAN-DATE]`

use actionplan::import::ImportOptions;
use actionplan::validate::{validate, ValidateOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/data/huntingdonshire-2024.tsv"
        )
        .into()
    });
    let plan_date = args.next().unwrap_or_else(|| "2024-06-01".into()).parse()?;

    let bytes = std::fs::read(&path)?;
    let plan = ImportOptions::new()
        .plan_date(plan_date)
        .read_bytes(&bytes)?
        .plan;
    println!(
        "{}: {} recommendations, {} actions",
        plan.meta.title.as_deref().unwrap_or(&path),
        plan.recommendations.len(),
        plan.action_count()
    );
    for rec in &plan.recommendations {
        let done = rec
            .actions
            .iter()
            .filter(|a| a.status == Some(actionplan::Status::Complete))
            .count();
        println!("  {:<24} {done}/{} complete", rec.key, rec.actions.len());
    }
    for d in validate(&plan, &{
        let mut v = ValidateOptions::default();
        v.skip_import_info = true;
        v
    }) {
        println!("{d}");
    }
    Ok(())
}
