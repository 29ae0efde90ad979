//! Tables of performance indicators ("measures", "KPIs", "PIs"): their rows are collected
//! while the records are read (the table starts at a header that [`super::regions`] names
//! "indicators": Indicator/Measure/KPI/PI with Target/Actual), and read into
//! [`Measure`]s at the end, kept apart from the actions.
//!
//! Column roles come from the header words ("Target", "Actual", "This period", "Previous",
//! "Direction of travel", "Polarity", "Tolerance", "Frequency", "Year-end forecast") and,
//! for columns whose header names nothing, from their cells (a column of "Monthly" /
//! "Annual" is the frequency, of "Better" / "Worse" the direction of travel). With two
//! actual columns ("Q1 actual", "Q2 actual"), the last is this period's and the one before
//! it the previous. Every figure is read by [`read_figure`]; a cell not read as a number
//! with confidence is reported with its row, column and text.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! let csv = "Ref,Action,Owner,Due\n\
//!            1.1,Review the committee structure,Head of Legal,March 2025\n\
//!            \n\
//!            PI,Measure,Frequency,Target,Q1 actual,Q2 actual,Direction of travel\n\
//!            PI 1,Rent collected,Quarterly,97%,95%,97.5%,Better\n\
//!            PI 2,Residents satisfied,Annual,75%,,,\n";
//! let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
//! assert_eq!(plan.action_count(), 1);
//! let m = &plan.measures[0];
//! assert_eq!(m.measure_ref.as_deref(), Some("PI 1"));
//! assert_eq!(m.actual.as_ref().unwrap().value, Some(97.5));
//! assert_eq!(m.previous.as_ref().unwrap().value, Some(95.0));
//! assert_eq!(plan.measures[1].frequency, Some(actionplan::measures::Frequency::Annual));
//! ```

use super::builder::Cells;
use super::ImportOptions;
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::measures::{
    read_figure, Direction, Figure, FigureNote, Frequency, Measure, Polarity, Tolerance,
};
use crate::text::{is_blank, normalise_words, Text};

/// At most this many rows of indicators are kept (a measures table of a plan has tens).
const MAX_ROWS: usize = 100_000;

/// At most this many figures not read are reported one by one.
const MAX_REPORTED: usize = 50;

/// The rows of the tables of indicators met so far.
#[derive(Default)]
pub(super) struct Collector {
    tables: Vec<Table>,
    open: bool,
    rows: usize,
    dropped: usize,
}

struct Table {
    header_row: usize,
    header: Vec<Text>,
    rows: Vec<(usize, Vec<Text>)>,
}

impl Collector {
    /// A table of indicators starts at `line` with this header.
    pub(super) fn start(&mut self, line: usize, cells: Cells<'_>) {
        self.tables.push(Table {
            header_row: line,
            header: (0..cells.len()).map(|i| cells.text(i)).collect(),
            rows: Vec::new(),
        });
        self.open = true;
    }

    /// The table of indicators (if any) has ended.
    pub(super) fn stop(&mut self) {
        self.open = false;
    }

    /// A row inside a table kept apart: kept when the table is one of indicators.
    pub(super) fn row(&mut self, line: usize, cells: Cells<'_>) {
        if !self.open {
            return;
        }
        if self.rows >= MAX_ROWS {
            self.dropped += 1;
            return;
        }
        if let Some(t) = self.tables.last_mut() {
            self.rows += 1;
            t.rows
                .push((line, (0..cells.len()).map(|i| cells.text(i)).collect()));
        }
    }

    /// Whether any rows of indicators were met.
    pub(super) fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// Read the tables into measures.
    pub(super) fn finish(self, diagnostics: &mut Vec<Diagnostic>) -> Vec<Measure> {
        let mut out = Vec::new();
        let mut reported = 0;
        for t in &self.tables {
            read_table(t, &mut out, diagnostics, &mut reported);
        }
        if reported > MAX_REPORTED {
            diagnostics.push(Diagnostic::new(
                "measure_figure",
                Severity::Warning,
                format!(
                    "{} more figure(s) in the indicators were not read as numbers (only the first {MAX_REPORTED} are listed)",
                    reported - MAX_REPORTED
                ),
            ));
        }
        if self.dropped > 0 {
            diagnostics.push(Diagnostic::new(
                "measures_too_many",
                Severity::Warning,
                format!(
                    "only the first {MAX_ROWS} rows of performance indicators were read; {} more were skipped",
                    self.dropped
                ),
            ));
        }
        out
    }
}

/// What a column of an indicators table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Ref,
    Name,
    Unit,
    Frequency,
    Target,
    Actual,
    Previous,
    Forecast,
    Polarity,
    Tolerance,
    Direction,
    Rag,
    Owner,
    Comments,
    Extra,
}

impl Col {
    fn words(self) -> &'static str {
        match self {
            Col::Ref => "ref",
            Col::Name => "name",
            Col::Unit => "unit",
            Col::Frequency => "frequency",
            Col::Target => "target",
            Col::Actual => "actual (this period)",
            Col::Previous => "previous",
            Col::Forecast => "year-end forecast",
            Col::Polarity => "polarity",
            Col::Tolerance => "tolerance",
            Col::Direction => "direction of travel",
            Col::Rag => "reported RAG",
            Col::Owner => "owner",
            Col::Comments => "comments",
            Col::Extra => "kept as written",
        }
    }
}

/// A column's role from its header words.
fn header_role(header: &str) -> Col {
    let n = normalise_words(header);
    let words: Vec<&str> = n.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let any = |ws: &[&str]| ws.iter().any(|w| has(w));
    let phrase = |p: &str| format!(" {n} ").contains(&format!(" {p} "));
    if n.is_empty() {
        return Col::Extra;
    }
    if has("polarity")
        || phrase("good is")
        || phrase("higher or lower")
        || phrase("is good")
        || phrase("better if")
    {
        return Col::Polarity;
    }
    if any(&["tolerance", "threshold", "thresholds"]) {
        return Col::Tolerance;
    }
    if any(&["direction", "dot", "trend", "travel"]) {
        return Col::Direction;
    }
    if any(&["forecast", "projected", "projection", "predicted"]) {
        return Col::Forecast;
    }
    if any(&["against", "vs", "versus"]) || any(&["rag", "colour", "rating"]) || has("status") {
        return Col::Rag;
    }
    if any(&["frequency", "periodicity", "often"]) || n == "reported" || n == "reporting" {
        return Col::Frequency;
    }
    if any(&["unit", "units"]) || phrase("measured in") {
        return Col::Unit;
    }
    if any(&["target", "targets", "goal", "aim"]) {
        return Col::Target;
    }
    if any(&["previous", "prior", "last"]) || phrase("same period last year") {
        return Col::Previous;
    }
    if any(&[
        "actual", "actuals", "outturn", "result", "achieved", "current", "latest", "value",
        "position",
    ]) || phrase("this period")
        || phrase("this quarter")
        || phrase("this month")
        || (has("performance") && !any(&["indicator", "indicators", "measure", "kpi", "pi"]))
    {
        return Col::Actual;
    }
    if any(&["ref", "reference", "code", "id", "no", "number"]) || n == "pi" || n == "kpi" {
        return Col::Ref;
    }
    if any(&["owner", "responsible", "lead", "officer", "accountable"]) {
        return Col::Owner;
    }
    if any(&[
        "comment",
        "comments",
        "commentary",
        "notes",
        "note",
        "narrative",
        "explanation",
        "update",
        "analysis",
        "remedial",
    ]) {
        return Col::Comments;
    }
    if any(&[
        "indicator",
        "indicators",
        "measure",
        "measures",
        "kpi",
        "pi",
        "metric",
        "metrics",
        "description",
        "name",
        "title",
    ]) {
        return Col::Name;
    }
    Col::Extra
}

/// The share of a column's filled cells that `test` accepts (0 when none is filled).
fn share(t: &Table, col: usize, test: impl Fn(&str) -> bool) -> (usize, usize) {
    let mut n = 0;
    let mut yes = 0;
    for (_, cells) in &t.rows {
        if let Some(c) = cells.get(col).filter(|c| !is_blank(c)) {
            n += 1;
            if test(c) {
                yes += 1;
            }
        }
    }
    (yes, n)
}

fn mostly((yes, n): (usize, usize)) -> bool {
    n > 0 && yes * 5 >= n * 4
}

/// Every column's role: header words first, then content, then the rules for repeated
/// roles (the last actual is this period's, the one before it the previous).
fn roles(t: &Table) -> Vec<Col> {
    let mut cols: Vec<Col> = t.header.iter().map(|h| header_role(h)).collect();
    // "Reporting period" / "Period": a frequency only when its cells read as one.
    for (i, h) in t.header.iter().enumerate() {
        let n = normalise_words(h);
        if cols[i] == Col::Extra
            && (n == "period" || n == "reporting period")
            && mostly(share(t, i, |c| Frequency::parse(c).is_some()))
        {
            cols[i] = Col::Frequency;
        }
    }
    // A header naming "PI" or "KPI" alone: the ref when its cells are short codes, else the
    // name.
    for (i, h) in t.header.iter().enumerate() {
        if cols[i] == Col::Ref
            && matches!(normalise_words(h).as_str(), "pi" | "kpi")
            && !mostly(share(t, i, |c| {
                c.split_whitespace().count() <= 3 && c.chars().count() <= 16
            }))
        {
            cols[i] = Col::Name;
        }
    }
    // Columns whose header names nothing, from their cells.
    for i in 0..cols.len() {
        if cols[i] != Col::Extra {
            continue;
        }
        let guess = [
            (
                Col::Frequency,
                &(|c: &str| Frequency::parse(c).is_some()) as &dyn Fn(&str) -> bool,
            ),
            (Col::Direction, &|c: &str| Direction::parse(c).is_some()),
            (Col::Polarity, &|c: &str| {
                c.chars().count() > 1 && Polarity::parse(c).is_some()
            }),
        ];
        for (role, test) in guess {
            if !cols.contains(&role) && mostly(share(t, i, test)) {
                cols[i] = role;
                break;
            }
        }
    }
    // Unique roles: the first column keeps it, except the actual (the last is this period's;
    // the one before it is the previous, when no column says so) and the target (the one
    // not headed "annual" or "year end", when there are two).
    let actuals: Vec<usize> = (0..cols.len())
        .filter(|&i| cols[i] == Col::Actual)
        .collect();
    if actuals.len() > 1 {
        let last = *actuals.last().unwrap_or(&0);
        let has_previous = cols.contains(&Col::Previous);
        for &i in &actuals[..actuals.len() - 1] {
            cols[i] = Col::Extra;
        }
        if !has_previous {
            cols[actuals[actuals.len() - 2]] = Col::Previous;
        }
        cols[last] = Col::Actual;
    }
    let targets: Vec<usize> = (0..cols.len())
        .filter(|&i| cols[i] == Col::Target)
        .collect();
    if targets.len() > 1 {
        let yearly = |i: usize| {
            let n = normalise_words(&t.header[i]);
            n.contains("annual") || n.contains("year end") || n.contains("yearly")
        };
        let keep = targets
            .iter()
            .copied()
            .find(|&i| !yearly(i))
            .unwrap_or(targets[0]);
        for &i in &targets {
            if i != keep {
                cols[i] = Col::Extra;
            }
        }
    }
    for role in [
        Col::Ref,
        Col::Name,
        Col::Unit,
        Col::Frequency,
        Col::Previous,
        Col::Forecast,
        Col::Polarity,
        Col::Tolerance,
        Col::Direction,
        Col::Rag,
        Col::Owner,
        Col::Comments,
    ] {
        let mut seen = false;
        for c in cols.iter_mut().filter(|c| **c == role) {
            if seen {
                *c = Col::Extra;
            }
            seen = true;
        }
    }
    // No name column: the column of the longest text among those left.
    if !cols.contains(&Col::Name) {
        let avg = |i: usize| {
            let (sum, n) = t
                .rows
                .iter()
                .filter_map(|(_, c)| c.get(i))
                .filter(|c| !is_blank(c))
                .fold((0, 0), |(s, n), c| (s + c.chars().count(), n + 1));
            sum.checked_div(n).unwrap_or(0)
        };
        if let Some(i) = (0..cols.len())
            .filter(|&i| matches!(cols[i], Col::Extra | Col::Ref))
            .max_by_key(|&i| (avg(i), usize::MAX - i))
        {
            if avg(i) > 0
                && (cols[i] == Col::Extra
                    || cols.iter().filter(|c| **c == Col::Ref).count() == 1 && avg(i) > 20)
            {
                cols[i] = Col::Name;
            }
        }
    }
    cols
}

fn read_table(
    t: &Table,
    out: &mut Vec<Measure>,
    diagnostics: &mut Vec<Diagnostic>,
    reported: &mut usize,
) {
    let cols = roles(t);
    let mapping: Vec<String> = t
        .header
        .iter()
        .zip(&cols)
        .filter(|(h, _)| !is_blank(h))
        .map(|(h, c)| format!("{:?} → {}", h.trim(), c.words()))
        .collect();
    diagnostics.push(
        Diagnostic::new(
            "measures_columns",
            Severity::Info,
            format!(
                "the table of performance indicators on row {} was read as: {}",
                t.header_row,
                mapping.join(", ")
            ),
        )
        .at(Place::row(t.header_row)),
    );
    let header_norm: Vec<String> = t.header.iter().map(|h| normalise_words(h)).collect();
    let mut theme: Option<Text> = None;
    let mut skipped: Vec<usize> = Vec::new();
    for (line, cells) in &t.rows {
        let filled: Vec<usize> = (0..cells.len()).filter(|&i| !is_blank(&cells[i])).collect();
        if filled.is_empty() {
            continue;
        }
        // A repeat of the header (page breaks).
        if cells
            .iter()
            .zip(&header_norm)
            .filter(|(c, h)| !h.is_empty() && normalise_words(c) == **h)
            .count()
            * 2
            > header_norm.iter().filter(|h| !h.is_empty()).count()
        {
            continue;
        }
        // One filled cell: a section heading.
        if filled.len() == 1 {
            theme = Some(cells[filled[0]].clone());
            continue;
        }
        let mut m = Measure {
            row: Some(*line),
            theme: theme.clone(),
            ..Measure::default()
        };
        for (i, c) in cells.iter().enumerate() {
            if is_blank(c) {
                continue;
            }
            let role = cols.get(i).copied().unwrap_or(Col::Extra);
            let header = t.header.get(i).map_or("", |h| h.as_str());
            let mut figure = |slot: &mut Option<Figure>| {
                let f = read_figure(c);
                if f.note == Some(FigureNote::Unread) {
                    *reported += 1;
                    if *reported <= MAX_REPORTED {
                        diagnostics.push(
                            Diagnostic::new(
                                "measure_figure",
                                Severity::Warning,
                                format!(
                                    "row {line}, column {:?}: {:?} was not read as a number: the indicator is not rated on it",
                                    header.trim(),
                                    c.trim()
                                ),
                            )
                            .at(Place::cell(*line, header.trim(), c.trim()))
                            .hint("write one number, with % or a unit if needed (\"12.4\", \"85%\", \"£1,250\")"),
                        );
                    }
                }
                *slot = Some(f);
            };
            match role {
                Col::Ref => m.measure_ref = Some(c.clone()),
                Col::Name => m.name = c.clone(),
                Col::Unit => m.unit = Some(c.clone()),
                Col::Frequency => {
                    m.frequency = Frequency::parse(c);
                    m.frequency_text = Some(c.clone());
                }
                Col::Target => figure(&mut m.target),
                Col::Actual => figure(&mut m.actual),
                Col::Previous => figure(&mut m.previous),
                Col::Forecast => figure(&mut m.forecast),
                Col::Polarity => {
                    m.polarity = Polarity::parse(c);
                    m.polarity_text = Some(c.clone());
                }
                Col::Tolerance => {
                    m.tolerance = Tolerance::parse(c);
                    if m.tolerance.is_none() {
                        m.extra.insert(Text::from(header), c.clone());
                        diagnostics.push(
                            Diagnostic::new(
                                "measure_tolerance",
                                Severity::Warning,
                                format!("row {line}, column {:?}: the tolerance {:?} was not read (write \"5%\" or an amount such as \"0.5\"): the rule set's tolerance is used", header.trim(), c.trim()),
                            )
                            .at(Place::cell(*line, header.trim(), c.trim())),
                        );
                    }
                }
                Col::Direction => {
                    m.direction = Direction::parse(c);
                    m.direction_text = Some(c.clone());
                }
                Col::Rag => m.rag = Some(c.clone()),
                Col::Owner => m.owner = Some(c.clone()),
                Col::Comments => m.comments = Some(c.clone()),
                Col::Extra => {
                    let key = if is_blank(header) {
                        Text::from(format!("Column {}", i + 1))
                    } else {
                        Text::from(header.trim())
                    };
                    m.extra.insert(key, c.clone());
                }
            }
        }
        if m.name.trim().is_empty() {
            if let Some(r) = m.measure_ref.clone() {
                m.name = r;
            } else {
                skipped.push(*line);
                continue;
            }
        }
        // Polarity read from the target's comparison ("≥ 90%") when no column gives it.
        out.push(m);
    }
    if !skipped.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                "measure_unnamed",
                Severity::Warning,
                format!(
                    "{} row(s) of the indicators table have figures but no indicator name: skipped (rows {})",
                    skipped.len(),
                    skipped.iter().take(8).map(|r| r.to_string()).collect::<Vec<_>>().join(", ")
                ),
            )
            .at(Place::row(skipped[0])),
        );
    }
}

/// A file that is only a table of indicators (no actions): the index in `head` of its
/// header, when the header finder found no header of actions before it. The table must have
/// at least three headed columns and a row below the header with a figure read as a number,
/// so that prose that happens to name an "indicator" and a "target" is still refused.
pub(super) fn only_measures(
    head: &[super::builder::Row],
    found: Option<super::regions::Found>,
    opts: &ImportOptions,
) -> Option<usize> {
    use super::regions::{is_action_header, other_table_kind, Found};
    if opts.header_row.is_some() || !opts.columns.is_empty() {
        return None;
    }
    let m = head.iter().position(|r| {
        r.cells.iter().filter(|c| !is_blank(c)).count() >= 3
            && r.cells.len() <= 40
            && other_table_kind(r.cells.iter().map(|c| c.as_str())) == Some("indicators")
            && !is_action_header(r.cells.iter().map(|c| c.as_str()), &opts.aliases)
    })?;
    if let Some(Found::Header(i)) = found {
        if i < m {
            return None;
        }
    }
    let figures = head[m + 1..].iter().take(10).any(|r| {
        r.cells.iter().filter(|c| !is_blank(c)).count() >= 2
            && r.cells
                .iter()
                .any(|c| !is_blank(c) && read_figure(c).value.is_some())
    });
    figures.then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words() {
        assert_eq!(header_role("PI ref"), Col::Ref);
        assert_eq!(header_role("Performance indicator"), Col::Name);
        assert_eq!(header_role("Unit of measure"), Col::Unit);
        assert_eq!(header_role("Target 2024/25"), Col::Target);
        assert_eq!(header_role("Q2 actual"), Col::Actual);
        assert_eq!(header_role("This period"), Col::Actual);
        assert_eq!(header_role("Previous year actual"), Col::Previous);
        assert_eq!(header_role("Year-end forecast"), Col::Forecast);
        assert_eq!(header_role("Direction of travel"), Col::Direction);
        assert_eq!(header_role("Good is"), Col::Polarity);
        assert_eq!(header_role("Performance against target"), Col::Rag);
        assert_eq!(header_role("Reporting frequency"), Col::Frequency);
        assert_eq!(header_role("Lead officer"), Col::Owner);
        assert_eq!(header_role("Commentary"), Col::Comments);
        assert_eq!(header_role("Directorate"), Col::Extra);
    }
}
