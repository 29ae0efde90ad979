//! `actionplan timeframe`: read due-date phrases and show what they mean.
//!
//! ```text
//! actionplan timeframe "Summer 2025" "Q3 2024/25" --reference 2024-12-01
//! printf 'Mar-25\nBefore Annual Council May 2025\t2024-12-01\n' | actionplan timeframe --json
//! ```

use std::io::{BufRead, Write};

use actionplan::timeframe::{parse, Cache, Settings, Timeframe};
use chrono::NaiveDate;

/// Read due-date phrases ("Summer 2025", "Mar-25", "Q3 2024/25") into dates.
#[derive(Debug, Clone, clap::Args)]
pub struct TimeframeArgs {
    /// Phrases to read. With none, reads standard input: one phrase a line, optionally
    /// followed by a tab and a reference date (YYYY-MM-DD; further tab-separated columns are
    /// ignored); there the two characters `\n` in a phrase stand for a line break.
    pub phrases: Vec<String>,
    /// The reference (plan) date, YYYY-MM-DD: a phrase with no year takes the first such date on
    /// or after it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference: Option<NaiveDate>,
    /// Print one JSON object a line instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn date(d: Option<NaiveDate>) -> serde_json::Value {
    match d {
        Some(d) => serde_json::Value::String(d.format("%Y-%m-%d").to_string()),
        None => serde_json::Value::Null,
    }
}

fn json_line(t: &Timeframe, reference: Option<NaiveDate>) -> serde_json::Value {
    serde_json::json!({
        "text": t.text,
        "reference": date(reference),
        "kind": t.kind.as_str(),
        "start": date(t.start),
        "due_earliest": date(t.due_earliest),
        "due_latest": date(t.due_latest),
        "due": date(t.due()),
        "ongoing": t.ongoing,
        "recurrence": t.recurrence,
        "conditional": t.conditional,
        "revised_from": date(t.revised_from),
        "status": t.status.map(|s| s.as_str()),
        "confidence": t.confidence,
        "note": t.note,
    })
}

fn cell(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "-".into())
}

/// The phrase for a table cell: one line, at most 48 characters.
fn short(text: &str) -> String {
    let one: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if one.chars().count() > 48 {
        let mut s: String = one.chars().take(47).collect();
        s.push('…');
        s
    } else {
        one
    }
}

fn table(rows: &[(Timeframe, Option<NaiveDate>)], out: &mut dyn Write) -> std::io::Result<()> {
    let header = [
        "phrase",
        "reference",
        "kind",
        "start",
        "due_earliest",
        "due_latest",
        "ongoing",
        "recurrence",
        "confidence",
        "note",
    ];
    let body: Vec<[String; 10]> = rows
        .iter()
        .map(|(t, r)| {
            [
                short(&t.text),
                cell(*r),
                t.kind.as_str().to_string(),
                cell(t.start),
                cell(t.due_earliest),
                cell(t.due_latest),
                if t.ongoing { "yes" } else { "no" }.to_string(),
                t.recurrence
                    .as_ref()
                    .map(|r| {
                        r.per_year
                            .map_or_else(|| "yes".to_string(), |n| format!("{n}/year"))
                    })
                    .unwrap_or_else(|| "-".into()),
                format!("{:?}", t.confidence).to_lowercase(),
                t.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &body {
        for (w, c) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(&header.map(String::from)))?;
    for row in &body {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// Run the command: exit code 0, or 2 when a reference date on standard input is not a date
/// (that line is reported and skipped), or 1 when output fails.
pub fn run(args: &TimeframeArgs, stdin: &mut dyn BufRead, out: &mut dyn Write) -> i32 {
    let settings = Settings::default();
    let mut cache = Cache::new();
    let mut rows: Vec<(Timeframe, Option<NaiveDate>)> = Vec::new();
    let mut code = 0;
    if args.phrases.is_empty() {
        let mut line = String::new();
        let mut n = 0usize;
        loop {
            line.clear();
            match stdin.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    eprintln!("error: reading standard input: {e}");
                    return 2;
                }
            }
            n += 1;
            let l = line.trim_end_matches(['\n', '\r']);
            if l.trim().is_empty() {
                continue;
            }
            // phrase<TAB>reference; further columns (a fixture file's) are ignored.
            let mut cols = l.split('\t');
            let phrase = cols.next().unwrap_or_default();
            let (phrase, reference) = match (phrase, cols.next()) {
                (p, Some(r)) if !r.trim().is_empty() => match r.trim().parse::<NaiveDate>() {
                    Ok(d) => (p, Some(d)),
                    Err(_) => {
                        eprintln!(
                            "error: line {n}: reference {:?} is not a YYYY-MM-DD date",
                            r.trim()
                        );
                        code = 2;
                        continue;
                    }
                },
                (p, _) => (p, args.reference),
            };
            let phrase = phrase.replace("\\n", "\n");
            rows.push((cache.parse(&phrase, reference, &settings), reference));
            if args.json && write_json(rows.last(), out).is_err() {
                return 1;
            }
        }
    } else {
        for p in &args.phrases {
            rows.push((parse(p, args.reference, &settings), args.reference));
            if args.json && write_json(rows.last(), out).is_err() {
                return 1;
            }
        }
    }
    if !args.json && table(&rows, out).is_err() {
        return 1;
    }
    code
}

fn write_json(
    row: Option<&(Timeframe, Option<NaiveDate>)>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if let Some((t, r)) = row {
        writeln!(out, "{}", json_line(t, *r))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(args: TimeframeArgs, input: &str) -> (i32, String) {
        let mut stdin = std::io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        let code = run(&args, &mut stdin, &mut out);
        (code, String::from_utf8(out).unwrap())
    }

    fn args(phrases: &[&str], reference: Option<&str>, json: bool) -> TimeframeArgs {
        TimeframeArgs {
            phrases: phrases.iter().map(|s| s.to_string()).collect(),
            reference: reference.map(|r| r.parse().unwrap()),
            json,
        }
    }

    #[test]
    fn json_from_stdin_with_references_and_line_breaks() {
        let input = "Mar-25\nReport to 24 th June Cabinet\t2025-03-18\nPay review November 2024\\nImplemented by June 2025\n\n";
        let (code, out) = run_with(args(&[], None, true), input);
        assert_eq!(code, 0);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["kind"], "month");
        assert_eq!(lines[0]["due"], "2025-03-31");
        assert_eq!(lines[0]["due_earliest"], "2025-03-31");
        assert_eq!(lines[0]["start"], "2025-03-01");
        assert_eq!(lines[0]["ongoing"], false);
        assert_eq!(lines[0]["recurrence"], serde_json::Value::Null);
        assert_eq!(lines[0]["confidence"], "high");
        assert_eq!(lines[1]["due"], "2025-06-24");
        assert_eq!(lines[1]["reference"], "2025-03-18");
        assert_eq!(
            lines[2]["text"],
            "Pay review November 2024\nImplemented by June 2025"
        );
        assert_eq!(lines[2]["due"], "2025-06-30");
    }

    #[test]
    fn phrases_as_arguments_make_a_table() {
        let (code, out) = run_with(
            args(
                &["Summer 2025", "4 x per year ongoing", "soon-ish"],
                Some("2024-12-01"),
                false,
            ),
            "",
        );
        assert_eq!(code, 0);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("phrase"));
        assert!(lines[1].contains("season") && lines[1].contains("2025-08-31"));
        assert!(lines[2].contains("recurring") && lines[2].contains("4/year"));
        assert!(lines[3].contains("unreadable"));
        // aligned: the kind column starts at the same place on every line
        let at = lines[0].find("kind").unwrap();
        assert!(lines[1..]
            .iter()
            .all(|l| l.get(at..).is_some_and(|s| !s.starts_with(' '))));
    }

    #[test]
    fn bad_reference_on_stdin_is_reported() {
        let (code, out) = run_with(args(&[], None, true), "May 2025\tnot-a-date\nJune 2025\n");
        assert_eq!(code, 2);
        assert_eq!(out.lines().count(), 1);
        // Extra columns, as in the fixture files, are ignored.
        let (code, out) = run_with(
            args(&[], None, true),
            "Mar-25\t2024-06-01\t2025-03-31\t\t\n",
        );
        assert_eq!(code, 0);
        assert!(out.contains("\"due\":\"2025-03-31\""));
    }

    #[test]
    fn json_arguments_with_reference() {
        let (code, out) = run_with(
            args(
                &["Commence January for Approval May 2025"],
                Some("2024-12-01"),
                true,
            ),
            "",
        );
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["start"], "2025-01-01");
        assert_eq!(v["due"], "2025-05-31");
    }
}
