#[test]
fn dump() {
    let f = std::env::var("PDF").unwrap();
    let bytes = std::fs::read(&f).unwrap();
    let rows = actionplan::pdf::table_rows(
        &actionplan::import::ImportOptions::new(),
        &bytes,
        &Default::default(),
    )
    .unwrap();
    for r in rows {
        let c: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.chars().take(30).collect::<String>().replace('\n', "⏎"))
            .collect();
        eprintln!("{} {:?}", r.line, c);
    }
}
