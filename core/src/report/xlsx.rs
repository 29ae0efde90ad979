//! Tracker workbooks out: the plan as an `.xlsx` an officer can filter, sort and send on.
//!
//! Sheet "Actions" has one row per action, in plan order: ref, recommendation, theme, action,
//! owner, lead member, due date (a real Excel date, shown `d mmm yyyy`), the timeframe as
//! written, status, the reported RAG, the rating (its label in a cell filled with its colour),
//! the reason for the rating, the latest progress update, then the plan's other columns. The
//! header row is frozen and has filters; columns have widths and long text wraps. Sheet
//! "Summary" has the plan's title and dates and the statistics given. Cells show text as a
//! reader sees it: inline formatting written in a cell (`<u>New action</u>`) is taken out
//! ([`plain_text`](crate::text::plain_text)). The Theme column is there only when some
//! group of the plan has a theme.
//!
//! Every cell is written as a string, a number or a date, never as a formula, so a cell that
//! begins with `=` cannot run. Excel holds at most 32 767 characters in a cell: longer text is
//! cut there, with "…" at the end.
//!
//! [`rated_tracker_xlsx`] writes a plan with its [`Assessment`] and [`Stats`]: each action's
//! label in the scale's colours with the rule's reason, and a summary sheet a person would
//! write: the date once, the headline sentences, then small tables of actions by delivery
//! status and by rating (with what each rating means) and of deadlines. [`tracker_xlsx`] is the same writer over plain inputs ([`TrackerRow`],
//! label-value pairs) for ratings worked out elsewhere.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Plan, Role};
use crate::rating::{Assessment, NOT_RATED_COLOUR, NOT_RATED_NAME};
use crate::stats::{long_date, Stats};
use crate::text::plain_text;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// The rating of one action, as the tracker shows it.
///
/// ```
/// use actionplan::report::TrackerRow;
/// let row = TrackerRow::new("Red", "due 2025-03-31, 42 days overdue, status In progress");
/// assert_eq!(row.colour_hex(), "#C00000");
/// let blue = TrackerRow::new("Complete", "status Complete").colour("#0070C0");
/// assert_eq!(blue.colour_hex(), "#0070C0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackerRow {
    /// The rating's label, as shown ("Red", "Amber/Green", "Complete", "Overdue").
    pub label: String,
    /// Why: the rule and its inputs.
    pub reason: String,
    /// The cell's fill as `#RRGGBB`; `None` picks one from the label (red, amber, green, blue,
    /// grey otherwise).
    pub colour: Option<String>,
    /// The label's text colour as `#RRGGBB`; `None`: black or white, whichever reads better on
    /// the fill.
    pub text_colour: Option<String>,
}

impl TrackerRow {
    /// A rating with its reason; the colour follows the label.
    ///
    /// ```
    /// let row = actionplan::report::TrackerRow::new("Green", "on track");
    /// assert_eq!(row.label, "Green");
    /// ```
    pub fn new(label: impl Into<String>, reason: impl Into<String>) -> Self {
        TrackerRow {
            label: label.into(),
            reason: reason.into(),
            colour: None,
            text_colour: None,
        }
    }

    /// One row per action of an assessment, in plan order: the label's name and colours from
    /// the assessment's scale, and the reason's sentence ("Not rated" in grey for actions no
    /// rule rated).
    ///
    /// ```
    /// use actionplan::{Plan, Recommendation, Action, rating::{assess, RuleSet}};
    /// use actionplan::report::TrackerRow;
    /// let mut plan = Plan::default();
    /// let mut rec = Recommendation::new("1", "Improve scrutiny");
    /// let mut a = Action::new("Review the committee's terms of reference");
    /// a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
    /// a.set_status("In progress");
    /// rec.actions.push(a);
    /// plan.recommendations.push(rec);
    /// plan.assign_refs();
    /// let out = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-05-12".parse().unwrap()).unwrap();
    /// let rows = TrackerRow::from_assessment(&out);
    /// assert_eq!(rows[0].label, "Red");
    /// assert_eq!(rows[0].reason, "due 2025-03-31, 42 days overdue, status In progress");
    /// ```
    pub fn from_assessment(assessment: &Assessment) -> Vec<TrackerRow> {
        assessment
            .actions
            .iter()
            .map(|a| {
                let label = a
                    .rating
                    .as_deref()
                    .and_then(|id| assessment.scale.label(id));
                match label {
                    Some(l) => TrackerRow {
                        label: l.name.clone(),
                        reason: a.reason.text.clone(),
                        colour: Some(l.colour.clone()),
                        text_colour: Some(l.text_colour().to_string()),
                    },
                    None => TrackerRow::new(NOT_RATED_NAME, a.reason.text.clone())
                        .colour(NOT_RATED_COLOUR),
                }
            })
            .collect()
    }

    /// Set the fill colour (`#RRGGBB`).
    ///
    /// ```
    /// let row = actionplan::report::TrackerRow::new("Amber", "due soon").colour("#FFBF00");
    /// assert_eq!(row.colour.as_deref(), Some("#FFBF00"));
    /// ```
    pub fn colour(mut self, hex: impl Into<String>) -> Self {
        self.colour = Some(hex.into());
        self
    }

    /// The fill colour as `#RRGGBB`: the one set, else one from the label.
    ///
    /// ```
    /// let row = actionplan::report::TrackerRow::new("Amber/Red", "");
    /// assert_eq!(row.colour_hex(), "#FFC000");
    /// ```
    pub fn colour_hex(&self) -> String {
        if let Some(c) = self.colour.as_deref().filter(|c| parse_hex(c).is_some()) {
            return c.to_string();
        }
        let l = self.label.to_ascii_lowercase();
        let hex = if l.starts_with("red") || l.contains("overdue") {
            "#C00000"
        } else if l.starts_with("amber") || l.contains("at risk") || l.contains("delayed") {
            "#FFC000"
        } else if l.starts_with("green") || l.contains("on track") || l.contains("within") {
            "#00B050"
        } else if l.starts_with("blue") || l.starts_with("complete") || l.contains("closed") {
            "#0070C0"
        } else {
            "#BFBFBF"
        };
        hex.to_string()
    }
}

pub(super) fn parse_hex(c: &str) -> Option<u32> {
    let h = c.strip_prefix('#').unwrap_or(c);
    (h.len() == 6)
        .then(|| u32::from_str_radix(h, 16).ok())
        .flatten()
}

const MAX_CELL: usize = 32_767;

pub(super) fn fit(text: &str) -> String {
    if text.chars().count() <= MAX_CELL {
        return text.to_string();
    }
    let mut s: String = text.chars().take(MAX_CELL - 1).collect();
    s.push('…');
    s
}

/// Excel's sheet has 1,048,576 rows: say so before writing (rust_xlsxwriter's own error came
/// out as "cannot read the xlsx document: the tracker could not be written").
fn rows_fit(actions: usize) -> Result<()> {
    const EXCEL_ROWS: u64 = 1_048_576;
    let rows = actions as u64 + 1;
    if rows > EXCEL_ROWS {
        return Err(crate::office::limits::too_large(
            "the tracker's Actions sheet (one row per action, plus the header row; Excel's \
             limit for a sheet)",
            rows,
            EXCEL_ROWS,
        ));
    }
    Ok(())
}

fn xerr(e: XlsxError) -> Error {
    Error::new(ErrorKind::Document {
        format: "xlsx".into(),
        message: format!("the tracker could not be written: {e}"),
    })
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let y = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
}

/// Write a tracker workbook: sheet "Actions" (one row per action, with `rows[i]` the rating of
/// the i-th action in plan order; `rows` may be empty for no rating columns) and sheet
/// "Summary" (the plan's title and dates, then `summary` as label-value pairs). Returns the
/// `.xlsx` bytes.
///
/// The workbook's creation date is the plan's as-of date (else its plan date), so the same plan
/// gives the same bytes.
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::report::{tracker_xlsx, TrackerRow};
///
/// let csv = "Recommendation,Action,Owner,Due\nBe better,Try harder,Jo,March 2025\n";
/// let plan = ImportOptions::new().plan_date("2024-12-01".parse().unwrap())
///     .read_bytes(csv.as_bytes()).unwrap().plan;
/// let rows = [TrackerRow::new("Red", "due 2025-03-31, 30 days overdue")];
/// let summary = [("Actions".to_string(), "1".to_string())];
/// let bytes = tracker_xlsx(&plan, &rows, &summary).unwrap();
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// ```
pub fn tracker_xlsx(
    plan: &Plan,
    rows: &[TrackerRow],
    summary: &[(String, String)],
) -> Result<Vec<u8>> {
    let count = plan.action_count();
    if !rows.is_empty() && rows.len() != count {
        return Err(Error::invalid_option(
            "rows",
            format!(
                "{} tracker row(s) given for {count} action(s): give one per action, in plan order, or none",
                rows.len()
            ),
        ));
    }
    workbook(plan, rows, SummarySheet::Pairs(summary))
}

/// The workbook with its summary sheet: the pairs given ([`tracker_xlsx`]), or the rated
/// summary's tables.
enum SummarySheet<'a> {
    Pairs(&'a [(String, String)]),
    Rated(&'a Assessment, &'a Stats),
}

fn workbook(plan: &Plan, rows: &[TrackerRow], summary: SummarySheet) -> Result<Vec<u8>> {
    let count = plan.action_count();
    rows_fit(count)?;
    let mut wb = Workbook::new();
    let stamp = plan
        .meta
        .as_of
        .or(plan.meta.plan_date)
        .and_then(excel_date)
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok());
    let mut props = DocProperties::new()
        .set_title(fit(&plain_text(
            plan.meta.title.as_deref().unwrap_or("Action plan"),
        )))
        .set_comment("Written by actionplan");
    if let Some(stamp) = &stamp {
        props = props.set_creation_datetime(stamp);
    }
    wb.set_properties(&props);
    let actions = wb.add_worksheet();
    actions.set_name("Actions").map_err(xerr)?;
    write_actions(actions, plan, rows).map_err(xerr)?;
    let sheet = wb.add_worksheet();
    sheet.set_name("Summary").map_err(xerr)?;
    match summary {
        SummarySheet::Pairs(pairs) => write_summary(sheet, plan, pairs),
        SummarySheet::Rated(a, s) => write_rated_summary(sheet, plan, a, s),
    }
    .map_err(xerr)?;
    if let Some(m) = crate::measures::preset_stats(&plan.measures) {
        let sheet = wb.add_worksheet();
        sheet.set_name("Measures").map_err(xerr)?;
        super::xlsx_measures::write_measures(sheet, plan, &m).map_err(xerr)?;
    }
    wb.save_to_buffer().map_err(xerr)
}

/// Write the tracker of a rated plan: sheet "Actions" as [`tracker_xlsx`] writes it with
/// [`TrackerRow::from_assessment`], and a summary sheet with the date the plan is rated at
/// (once), the rules, the headline sentences, and small tables: actions by delivery status,
/// actions by rating with what each rating means, and deadlines (past, due in the next 30, 60
/// and 90 days, due by the date and how many of those are complete).
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::rating::{assess, RuleSet};
/// use actionplan::stats::{stats, GroupBy};
///
/// let csv = "Recommendation,Action,Owner,Due,Status\nBe better,Try harder,Jo,March 2025,In progress\n";
/// let plan = ImportOptions::new().plan_date("2024-12-01".parse().unwrap())
///     .read_bytes(csv.as_bytes()).unwrap().plan;
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-05-12".parse().unwrap()).unwrap();
/// let s = stats(&plan, &a, GroupBy::None);
/// let bytes = actionplan::report::rated_tracker_xlsx(&plan, &a, &s).unwrap();
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// ```
pub fn rated_tracker_xlsx(plan: &Plan, assessment: &Assessment, stats: &Stats) -> Result<Vec<u8>> {
    assessment.check_plan(plan)?;
    workbook(
        plan,
        &TrackerRow::from_assessment(assessment),
        SummarySheet::Rated(assessment, stats),
    )
}

/// The statistics as label-value pairs, for a [`tracker_xlsx`] summary sheet that is a plain
/// list (the rated tracker, [`rated_tracker_xlsx`], writes tables instead): the date and rules,
/// the headline sentences, then counts and shares by status and by rating, overdue, due soon
/// and schedule.
/// Values that are numbers, percentages (`55%`) or dates (`2025-03-31`) are written to the sheet
/// as numbers, percentages and dates.
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}};
/// let a = assess(&Plan::default(), &RuleSet::preset("date-rag").unwrap(), "2025-01-15".parse().unwrap()).unwrap();
/// let pairs = actionplan::report::summary_pairs(&stats(&Plan::default(), &a, GroupBy::None));
/// assert_eq!(pairs[0], ("Progress as at".to_string(), "2025-01-15".to_string()));
/// ```
pub fn summary_pairs(stats: &Stats) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![
        ("Progress as at".into(), stats.as_of.to_string()),
        ("Rated by".into(), stats.rules.clone()),
    ];
    for (i, h) in stats.headline.iter().enumerate() {
        let label = if i == 0 { "Headline" } else { "" };
        out.push((label.into(), h.clone()));
    }
    let p = &stats.plan;
    out.push(("Actions".into(), p.actions.to_string()));
    out.push(("Open".into(), p.open.to_string()));
    for (what, shares) in [("Status", &p.by_status), ("Rating", &p.by_rating)] {
        for sh in shares {
            out.push((
                format!("{what} {}: actions", sh.label),
                sh.count.to_string(),
            ));
            out.push((
                format!("{what} {}: share of all actions", sh.label),
                format!("{}%", sh.percent),
            ));
        }
    }
    for sh in &p.in_progress_by_rating {
        out.push((
            format!("In progress, rated {}", sh.label),
            sh.count.to_string(),
        ));
    }
    out.push((
        "Overdue (definitely)".into(),
        p.overdue_definitely.to_string(),
    ));
    out.push(("Overdue (possibly)".into(), p.overdue_possibly.to_string()));
    out.push((
        "Due within 30 days".into(),
        p.due_within.days_30.to_string(),
    ));
    out.push((
        "Due within 60 days".into(),
        p.due_within.days_60.to_string(),
    ));
    out.push((
        "Due within 90 days".into(),
        p.due_within.days_90.to_string(),
    ));
    out.push(("Due by now".into(), p.schedule.due_by_now.to_string()));
    out.push((
        "Due by now and complete".into(),
        p.schedule.done.to_string(),
    ));
    if let Some(pc) = p.schedule.percent_done {
        out.push(("Due by now and complete (share)".into(), format!("{pc}%")));
    }
    if let Some(m) = &stats.measures {
        out.push(("Performance indicators".into(), m.sentence.clone()));
    }
    out
}

struct Col {
    header: String,
    width: f64,
}

fn col(header: &str, width: f64) -> Col {
    Col {
        header: header.to_string(),
        width,
    }
}

fn write_actions(
    ws: &mut Worksheet,
    plan: &Plan,
    rows: &[TrackerRow],
) -> std::result::Result<(), XlsxError> {
    let has_theme = plan.recommendations.iter().any(|r| {
        r.theme
            .as_deref()
            .is_some_and(|t| !crate::text::is_blank(t))
    });
    let has_lead = plan.actions().any(|(_, a)| a.lead_member.is_some());
    let has_rag = plan.actions().any(|(_, a)| a.rag.is_some());
    let extras: Vec<String> = plan
        .columns
        .iter()
        .filter(|c| c.role == Role::Extra)
        .map(|c| c.header.clone())
        .collect();
    let rated = !rows.is_empty();

    let group = crate::groups::names(plan).title_case(false);
    let mut cols = vec![col("Ref", 10.0), col(&group, 40.0)];
    if has_theme {
        cols.push(col("Theme", 22.0));
    }
    cols.push(col("Action", 60.0));
    cols.push(col("Owner", 24.0));
    if has_lead {
        cols.push(col("Lead member", 20.0));
    }
    cols.push(col("Due", 12.0));
    cols.push(col("Timeframe", 22.0));
    cols.push(col("Status", 14.0));
    if has_rag {
        cols.push(col("Reported RAG", 14.0));
    }
    if rated {
        cols.push(col("Rating", 14.0));
        cols.push(col("Reason", 45.0));
    }
    cols.push(col("Latest update", 60.0));
    for e in &extras {
        cols.push(col(e, 24.0));
    }

    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E78))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let plain = Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("d mmm yyyy")
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);

    for (j, c) in cols.iter().enumerate() {
        let j = j as u16;
        ws.write_string_with_format(0, j, fit(&c.header), &header)?;
        ws.set_column_width(j, c.width)?;
    }
    let widths: Vec<f64> = cols.iter().map(|c| c.width).collect();
    for (i, (rec, a)) in plan.actions().enumerate() {
        let mut w = RowWriter {
            r: (i + 1) as u32,
            j: 0,
            wrap: &wrap,
            plain: &plain,
            widths: &widths,
            lines: 1,
        };
        w.text(ws, &plain_text(&a.action_ref), false)?;
        let rec_text = if rec.title.is_empty() {
            &rec.key
        } else {
            &rec.title
        };
        w.text(ws, &plain_text(rec_text), true)?;
        if has_theme {
            w.text(ws, &plain_text(rec.theme.as_deref().unwrap_or("")), true)?;
        }
        w.text(ws, &plain_text(&a.description), true)?;
        w.text(ws, &plain_text(&a.owners.join(" / ")), true)?;
        if has_lead {
            w.text(
                ws,
                &plain_text(a.lead_member.as_deref().unwrap_or("")),
                true,
            )?;
        }
        match a.due().and_then(excel_date) {
            Some(d) => w.date(ws, d, &date)?,
            None => w.text(ws, "", false)?,
        }
        let timeframe = a.timeframe.as_ref().map(|t| t.text.as_str());
        w.text(ws, &plain_text(timeframe.unwrap_or("")), true)?;
        let status = a
            .status_text
            .as_deref()
            .or_else(|| a.status.as_ref().map(|s| s.label()))
            .unwrap_or_default();
        w.text(ws, &plain_text(status), false)?;
        if has_rag {
            w.text(ws, &plain_text(a.rag.as_deref().unwrap_or("")), false)?;
        }
        if let Some(t) = rows.get(i) {
            let rgb = parse_hex(&t.colour_hex()).unwrap_or(0xBFBFBF);
            let (rd, gr, bl) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            let dark = rd * 299 + gr * 587 + bl * 114 < 140_000;
            let text = t
                .text_colour
                .as_deref()
                .and_then(parse_hex)
                .unwrap_or(if dark { 0xFFFFFF } else { 0x000000 });
            let fill = Format::new()
                .set_bold()
                .set_background_color(Color::RGB(rgb))
                .set_font_color(Color::RGB(text))
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin);
            w.cell(ws, &t.label, &fill)?;
            w.text(ws, &t.reason, true)?;
        }
        let update = a.latest_update().map(|u| u.text.as_str());
        w.text(ws, &plain_text(update.unwrap_or("")), true)?;
        for e in &extras {
            w.text(
                ws,
                &plain_text(a.extra.get(e.as_str()).map(|v| v.as_str()).unwrap_or("")),
                true,
            )?;
        }
        w.finish(ws)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed: A4 landscape, one page wide, the header on every page.
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    let last_row = count_u32(plan.action_count());
    ws.autofilter(0, 0, last_row, (cols.len() - 1) as u16)?;
    Ok(())
}

/// Writes one row's cells left to right.
struct RowWriter<'f> {
    r: u32,
    j: u16,
    wrap: &'f Format,
    plain: &'f Format,
    /// Column widths, to estimate how many lines wrapped text takes.
    widths: &'f [f64],
    /// The most lines a cell of this row needs so far.
    lines: usize,
}

impl RowWriter<'_> {
    fn cell(
        &mut self,
        ws: &mut Worksheet,
        text: &str,
        format: &Format,
    ) -> std::result::Result<(), XlsxError> {
        ws.write_string_with_format(self.r, self.j, fit(text), format)?;
        self.j += 1;
        Ok(())
    }

    fn text(
        &mut self,
        ws: &mut Worksheet,
        text: &str,
        wrapped: bool,
    ) -> std::result::Result<(), XlsxError> {
        let f = if wrapped { self.wrap } else { self.plain };
        if wrapped {
            let width = self
                .widths
                .get(usize::from(self.j))
                .copied()
                .unwrap_or(20.0);
            self.lines = self.lines.max(wrapped_lines(text, width));
        }
        self.cell(ws, text, f)
    }

    /// Give the row the height its wrapped text needs (Excel grows rows to fit on its own;
    /// LibreOffice keeps the default height unless told).
    fn finish(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        if self.lines > 1 {
            let points = (15.0 * self.lines as f64).min(409.0);
            ws.set_row_height(self.r, points)?;
        }
        Ok(())
    }

    fn date(
        &mut self,
        ws: &mut Worksheet,
        d: ExcelDateTime,
        format: &Format,
    ) -> std::result::Result<(), XlsxError> {
        ws.write_datetime_with_format(self.r, self.j, d, format)?;
        self.j += 1;
        Ok(())
    }
}

/// Lines a text takes in a column of `width` character units (prose is a little narrower
/// than the "0" the unit is measured in).
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.1).max(1.0) as usize;
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .min(1000)
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn write_summary(
    ws: &mut Worksheet,
    plan: &Plan,
    summary: &[(String, String)],
) -> std::result::Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let label = Format::new().set_bold().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("d mmm yyyy")
        .set_align(FormatAlign::Left);
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 80)?;
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(
        0,
        0,
        fit(plan.meta.title.as_deref().unwrap_or("Action plan")),
        &title,
    )?;
    let mut r = 2u32;
    if let Some(org) = &plan.meta.organisation {
        ws.write_string_with_format(r, 0, "Organisation", &label)?;
        ws.write_string(r, 1, fit(org))?;
        r += 1;
    }
    // The date progress is reported at, once: the summary's own when it gives one.
    let dated = summary.iter().any(|(k, _)| {
        let k = k.to_ascii_lowercase();
        k.contains("as at") || k.contains("as of")
    });
    for (name, d) in [
        ("Plan date", plan.meta.plan_date),
        ("Progress as at", plan.meta.as_of.filter(|_| !dated)),
    ] {
        if let Some(d) = d.and_then(excel_date) {
            ws.write_string_with_format(r, 0, name, &label)?;
            ws.write_datetime_with_format(r, 1, d, &date)?;
            r += 1;
        }
    }
    if let Some(p) = &plan.meta.period {
        ws.write_string_with_format(r, 0, "Period", &label)?;
        ws.write_string(r, 1, fit(p))?;
        r += 1;
    }
    r += 1;
    let percent = Format::new()
        .set_num_format("0%")
        .set_align(FormatAlign::Left);
    let number = Format::new().set_align(FormatAlign::Left);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (k, v) in summary {
        ws.write_string_with_format(r, 0, fit(k), &label)?;
        let t = v.trim();
        let as_number = |s: &str| {
            s.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && !s.starts_with('+') && !s.starts_with('.'))
        };
        if let Some(n) = as_number(t) {
            ws.write_number_with_format(r, 1, n, &number)?;
        } else if let Some(n) = t.strip_suffix('%').and_then(|p| as_number(p.trim())) {
            ws.write_number_with_format(r, 1, n / 100.0, &percent)?;
        } else if let Some(d) = (t.len() == 10)
            .then(|| t.parse::<NaiveDate>().ok())
            .flatten()
            .and_then(excel_date)
        {
            ws.write_datetime_with_format(r, 1, d, &date)?;
        } else {
            ws.write_string_with_format(r, 1, fit(v), &wrap)?;
            let lines = wrapped_lines(v, 80.0);
            if lines > 1 {
                ws.set_row_height(r, (15.0 * lines as f64).min(409.0))?;
            }
        }
        r += 1;
    }
    Ok(())
}

/// The rated summary sheet: title, the facts about the plan (the date once), the headline
/// sentences, and tables by status, by rating and of deadlines.
fn write_rated_summary(
    ws: &mut Worksheet,
    plan: &Plan,
    a: &Assessment,
    s: &Stats,
) -> std::result::Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let label = Format::new().set_bold().set_align(FormatAlign::Top);
    let heading = Format::new().set_bold().set_font_size(12);
    let head = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E78))
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let number = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let percent = Format::new()
        .set_num_format("0%")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("d mmmm yyyy")
        .set_align(FormatAlign::Left);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    const WIDTHS: [f64; 4] = [40.0, 12.0, 12.0, 60.0];
    for (j, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(j as u16, *w)?;
    }
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(
        0,
        0,
        fit(&plain_text(
            plan.meta.title.as_deref().unwrap_or("Action plan"),
        )),
        &title,
    )?;
    let mut r = 2u32;
    let fact = |ws: &mut Worksheet, r: &mut u32, name: &str, value: &str| {
        ws.write_string_with_format(*r, 0, name, &label)?;
        ws.merge_range(*r, 1, *r, 3, &fit(value), &wrap)?;
        *r += 1;
        Ok::<(), XlsxError>(())
    };
    if let Some(org) = &plan.meta.organisation {
        fact(ws, &mut r, "Organisation", &plain_text(org))?;
    }
    if let Some(d) = plan.meta.plan_date.and_then(excel_date) {
        ws.write_string_with_format(r, 0, "Plan date", &label)?;
        ws.write_datetime_with_format(r, 1, d, &date)?;
        r += 1;
    }
    if let Some(d) = excel_date(a.as_of) {
        ws.write_string_with_format(r, 0, "Progress as at", &label)?;
        ws.write_datetime_with_format(r, 1, d, &date)?;
        r += 1;
    }
    if let Some(p) = &plan.meta.period {
        fact(ws, &mut r, "Reporting period", &plain_text(p))?;
    }
    fact(ws, &mut r, "Rated by", &a.rules.name)?;
    fact(ws, &mut r, "The plan", &crate::groups::plan_size(plan))?;
    let text_width: f64 = WIDTHS.iter().sum();

    r += 1;
    ws.write_string_with_format(r, 0, "Summary", &heading)?;
    r += 1;
    for h in &s.headline {
        ws.merge_range(r, 0, r, 3, &fit(h), &wrap)?;
        let lines = wrapped_lines(h, text_width);
        if lines > 1 {
            ws.set_row_height(r, (15.0 * lines as f64).min(409.0))?;
        }
        r += 1;
    }

    let p = &s.plan;
    // Actions by delivery status.
    r += 1;
    for (j, h) in ["Delivery status", "Actions", "Share"].iter().enumerate() {
        ws.write_string_with_format(r, j as u16, *h, &head)?;
    }
    r += 1;
    for sh in &p.by_status {
        ws.write_string_with_format(r, 0, fit(&sh.label), &cell)?;
        ws.write_number_with_format(r, 1, sh.count as f64, &number)?;
        ws.write_number_with_format(r, 2, f64::from(sh.percent) / 100.0, &percent)?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, "All actions", &label)?;
    ws.write_number_with_format(r, 1, p.actions as f64, &number)?;
    r += 1;

    // Actions by rating, with what each rating means.
    r += 1;
    let rating_head = format!("Rating ({})", a.rules.name);
    for (j, h) in [rating_head.as_str(), "Actions", "Share", "What it means"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, j as u16, fit(h), &head)?;
    }
    r += 1;
    for sh in &p.by_rating {
        let meaning = a
            .scale
            .label(&sh.key)
            .and_then(|l| l.description.clone())
            .unwrap_or_else(|| {
                if sh.key == crate::rating::NOT_RATED {
                    super::NOT_RATED_MEANING.into()
                } else {
                    String::new()
                }
            });
        ws.write_string_with_format(r, 0, fit(&sh.label), &cell)?;
        ws.write_number_with_format(r, 1, sh.count as f64, &number)?;
        ws.write_number_with_format(r, 2, f64::from(sh.percent) / 100.0, &percent)?;
        ws.write_string_with_format(r, 3, fit(&meaning), &cell)?;
        let lines = wrapped_lines(&meaning, WIDTHS[3]);
        if lines > 1 {
            ws.set_row_height(r, (15.0 * lines as f64).min(409.0))?;
        }
        r += 1;
    }

    // Deadlines.
    r += 1;
    for (j, h) in ["Deadlines", "Actions", "Share"].iter().enumerate() {
        ws.write_string_with_format(r, j as u16, *h, &head)?;
    }
    r += 1;
    let by = long_date(a.as_of);
    let rows: Vec<(String, usize, Option<u32>)> = vec![
        (
            "Past their deadline and not complete".into(),
            p.overdue_definitely,
            None,
        ),
        (
            "Possibly past their deadline (it could be one of several days)".into(),
            p.overdue_possibly,
            None,
        ),
        ("Due in the next 30 days".into(), p.due_within.days_30, None),
        ("Due in the next 60 days".into(), p.due_within.days_60, None),
        ("Due in the next 90 days".into(), p.due_within.days_90, None),
        (format!("Due by {by}"), p.schedule.due_by_now, None),
        (
            format!("Due by {by} and complete"),
            p.schedule.done,
            p.schedule.percent_done,
        ),
    ];
    for (name, n, share) in rows {
        ws.write_string_with_format(r, 0, fit(&name), &cell)?;
        ws.write_number_with_format(r, 1, n as f64, &number)?;
        match share {
            Some(pc) => ws.write_number_with_format(r, 2, f64::from(pc) / 100.0, &percent)?,
            None => ws.write_blank(r, 2, &number)?,
        };
        r += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn too_many_rows_for_excel_is_too_large_not_cannot_read() {
        assert!(super::rows_fit(1_048_575).is_ok());
        let e = super::rows_fit(1_048_576).unwrap_err();
        assert_eq!(e.code(), "too_large");
        assert!(!e.to_string().contains("cannot read"), "{e}");
        assert!(e.to_string().contains("1048576"), "{e}");
    }
}
