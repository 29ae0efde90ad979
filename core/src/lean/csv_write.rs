//! Writing CSV records byte for byte as the csv crate's writer does with its defaults and a
//! `\n` terminator, without linking that writer into the WebAssembly module.

use std::borrow::Cow;

/// Append one record. A cell is quoted when it holds a comma, a double quote, `\n` or `\r`
/// (the reader takes a lone `\r` for a line end), with its quotes doubled; a record with no
/// bytes at all (one empty cell) is written as `""`, so that it is still a row. Callers write
/// rows of one length, as the csv writer required.
pub(crate) fn push_record<'a>(out: &mut String, cells: impl Iterator<Item = Cow<'a, str>>) {
    let start = out.len();
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            for (j, part) in cell.split('"').enumerate() {
                if j > 0 {
                    out.push_str("\"\"");
                }
                out.push_str(part);
            }
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    if out.len() == start {
        out.push_str("\"\"");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use crate::export::{neutralise, push_record};

    /// Parity: what the csv crate's writer wrote for these rows (formula-safe cells, `\n` lines),
    /// against ours as the export calls it.
    fn csv_crate(rows: &[Vec<String>]) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        for row in rows {
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))
                .expect("rows of one length");
        }
        String::from_utf8(w.into_inner().expect("a Vec")).expect("UTF-8")
    }

    fn ours(rows: &[Vec<String>]) -> String {
        let mut out = String::new();
        for row in rows {
            push_record(&mut out, row);
        }
        out
    }

    #[test]
    fn records_are_written_as_the_csv_crate_wrote_them() {
        let cells = [
            "",
            " ",
            "  a  ",
            "plain",
            "a,b",
            ",",
            "a\"b",
            "\"",
            "\"\"",
            "\"quoted\"",
            "a\nb",
            "\n",
            "a\rb",
            "\r",
            "\r\n",
            "line\r\nend",
            "é",
            "日本語, ok",
            "😀\"",
            "=1+1",
            "-x",
            "+44",
            "@me",
            "\tindent",
            "\rstart",
            "'=x",
            "''=x",
            "'",
            "a\tb",
            "#hash",
            "a;b",
            "\u{feff}bom",
            "\u{2028}",
            "\u{0}",
            "trailing ",
            " leading",
            "\\",
            "'tis",
        ];
        let s = |c: &str| c.to_string();
        // Every cell alone (a lone empty cell is `""`), and no cells at all.
        for c in cells {
            let rows = vec![vec![s(c)], vec![s(c)], vec![s("")]];
            assert_eq!(ours(&rows), csv_crate(&rows), "{c:?}");
        }
        let rows = vec![Vec::new(), Vec::new()];
        assert_eq!(ours(&rows), csv_crate(&rows));
        // Every ordered triple of cells, as the rows of one table.
        let mut rows = Vec::new();
        for a in cells {
            for b in cells {
                for c in cells {
                    rows.push(vec![s(a), s(b), s(c)]);
                }
            }
        }
        assert_eq!(ours(&rows), csv_crate(&rows));
        // Empty rows of two cells are a bare comma.
        let rows = vec![vec![s(""), s("")]; 3];
        assert_eq!(ours(&rows), ",\n,\n,\n");
        assert_eq!(ours(&rows), csv_crate(&rows));
    }
}
