//! Fuzz the performance indicator readers: a figure cell (`read_figure`, the tolerance,
//! polarity, frequency and direction words), and a table of indicators after the header
//! "Indicator,Target,Actual,Polarity,Tolerance" whose rows are the input; every measure read
//! is rated and counted. Nothing may panic, abort or hang.
#![no_main]

use actionplan::import::ImportOptions;
use actionplan::measures::{
    rate, read_figure, summarise, Direction, Frequency, MeasureRules, Polarity, Tolerance,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let f = read_figure(text);
    if let Some(v) = f.value {
        assert!(v.is_finite());
    }
    let _ = (
        Tolerance::parse(text),
        Polarity::parse(text),
        Frequency::parse(text),
        Direction::parse(text),
    );
    let mut csv = b"Indicator,Target,Actual,Polarity,Tolerance\n".to_vec();
    csv.extend_from_slice(data);
    let imported = ImportOptions::new().read_bytes(&csv);
    if let Ok(i) = &imported {
        let s = summarise(&rate(&i.plan, &MeasureRules::preset()));
        assert_eq!(s.total, i.plan.measures.len());
    }
    actionplan_fuzz::exercise(imported);
});
