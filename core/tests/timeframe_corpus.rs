//! The scored corpus: 316 real due-date phrases from 126 public bodies, each with a hand-made
//! window (`tests/fixtures/timeframes-corpus.tsv`, copied from the shared corpus; its README
//! explains the columns). Scored as `score_corpus.py` scores the command line: a phrase is read
//! well when the deadline (`due_latest`) lies inside `due_earliest..=due_latest` (or there is none
//! when the row has none), `ongoing` matches where the row says yes or no, and a recurrence is
//! found where the row says `recurring` yes. Rows whose context says `AMBIGUOUS` are scored
//! apart. The test prints the score and fails below the floor reached so far.

use actionplan::timeframe::{parse, Settings};
use chrono::NaiveDate;

/// The score reached so far; a change that reads fewer phrases well fails here.
const FLOOR_PLAIN: usize = 223;
const FLOOR_AMBIGUOUS: usize = 59;

fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.parse().expect("date in corpus"))
}

#[test]
fn corpus_score() {
    let path = format!(
        "{}/../tests/fixtures/timeframes-corpus.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = |row: &[&str], name: &str| -> String {
        let i = header.iter().position(|h| *h == name).expect(name);
        row.get(i).copied().unwrap_or("").to_string()
    };
    let (mut plain, mut amb) = ([0usize; 2], [0usize; 2]);
    let mut misses = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let row: Vec<&str> = line.split('\t').collect();
        let phrase = col(&row, "phrase").replace("\\n", "\n");
        let reference = date(&col(&row, "reference"));
        let t = parse(&phrase, reference, &Settings::default());
        let (lo, hi) = (
            date(&col(&row, "due_earliest")),
            date(&col(&row, "due_latest")),
        );
        let due = t.due();
        let mut good = match (lo, hi) {
            (Some(lo), Some(hi)) => due.is_some_and(|d| lo <= d && d <= hi),
            _ => due.is_none(),
        };
        let ongoing = col(&row, "ongoing");
        if good && (ongoing == "yes" || ongoing == "no") && t.ongoing != (ongoing == "yes") {
            good = false;
        }
        if good && col(&row, "recurring") == "yes" && t.recurrence.is_none() {
            good = false;
        }
        let ambiguous = col(&row, "context").contains("AMBIGUOUS");
        let tally = if ambiguous { &mut amb } else { &mut plain };
        tally[0] += usize::from(good);
        tally[1] += 1;
        if !good {
            misses.push(format!(
                "{}miss {phrase:?} (ref {reference:?}): due {:?}..{:?}, want {lo:?}..{hi:?}, ongoing {} ({ongoing}), recurrence {}",
                if ambiguous { "ambiguous " } else { "" },
                t.due_earliest,
                t.due_latest,
                t.ongoing,
                t.recurrence.is_some()
            ));
        }
    }
    for m in &misses {
        eprintln!("{m}");
    }
    eprintln!(
        "timeframes corpus: {}/{} (plain {}/{}, ambiguous {}/{})",
        plain[0] + amb[0],
        plain[1] + amb[1],
        plain[0],
        plain[1],
        amb[0],
        amb[1]
    );
    assert!(
        plain[0] >= FLOOR_PLAIN && amb[0] >= FLOOR_AMBIGUOUS,
        "score fell below the floor (plain {FLOOR_PLAIN}, ambiguous {FLOOR_AMBIGUOUS})"
    );
}
