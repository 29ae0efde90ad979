//! The `actionplan` command line: a thin door over the core.
fn main() {}
