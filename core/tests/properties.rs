//! Property tests (run in CI): the reader never panics, and CSV round trips are fixed points.

use actionplan::export::to_csv;
use actionplan::import::ImportOptions;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = ImportOptions::new().read_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_tables_never_panic(
        rows in proptest::collection::vec(proptest::collection::vec("[ -~\n\t\"£–é]{0,12}", 0..7), 0..12),
        delim in prop::sample::select(vec![",", "\t", ";"]),
    ) {
        let mut text = String::from("Recommendation,Action,Owner,Due,Status\n").replace(',', delim);
        for r in &rows {
            text.push_str(&r.join(delim));
            text.push('\n');
        }
        if let Ok(imported) = ImportOptions::new().read_bytes(text.as_bytes()) {
            let _ = actionplan::validate::validate(&imported.plan, &Default::default());
        }
    }

    #[test]
    fn csv_export_is_a_fixed_point(
        rows in proptest::collection::vec(
            (
                "[A-Za-z ]{0,6}",
                "[ -~\n£–]{0,20}",
                "[A-Za-z/&\n ]{0,15}",
                prop::sample::select(vec!["", "May 2025", "Summer 2025", "Q3 2024/25", "Ongoing", "TBC", "31/03/2025"]),
                prop::sample::select(vec!["", "Complete", "In progress", "Red", "Parked"]),
                "[=+@\\-a-z, \"]{0,10}",
            ),
            1..10,
        ),
    ) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["Recommendation", "Action", "Owner", "Due", "Status", "Budget line"]).unwrap();
        for (r, a, o, d, s, x) in &rows {
            w.write_record([r.as_str(), a, o, d, s, x]).unwrap();
        }
        let src = w.into_inner().unwrap();
        if let Ok(first) = ImportOptions::new().read_bytes(&src) {
            let once = to_csv(&first.plan);
            let second = ImportOptions::new().read_bytes(once.as_bytes()).unwrap().plan;
            prop_assert_eq!(second.action_count(), first.plan.action_count());
            prop_assert_eq!(to_csv(&second), once);
        }
    }
}
