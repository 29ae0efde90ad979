//! The owners' update workbooks: one `.xlsx` per owner (see the module page for the layout).

use super::{
    col, due_cell, fingerprint, locked_texts, owner_groups, rag_choices, row_key, status_choices,
    status_text, COLUMNS, SHEET_ABOUT, SHEET_ACTIONS, SHEET_INSTRUCTIONS, SHEET_LISTS,
    TEMPLATE_MARK, TEMPLATE_VERSION,
};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Action, Plan, Recommendation};
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// One owner's workbook.
///
/// ```
/// let w = actionplan::owners::OwnerWorkbook { owner: "Jo".into(), file_name: "Jo.xlsx".into(), actions: 3, bytes: vec![] };
/// assert_eq!(w.actions, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerWorkbook {
    /// The owner as the plan names them, or "Unassigned".
    pub owner: String,
    /// A safe file name, distinct from the other owners' (`Head-of-Legal.xlsx`).
    pub file_name: String,
    /// How many actions the workbook holds.
    pub actions: usize,
    /// The `.xlsx` bytes.
    pub bytes: Vec<u8>,
}

/// One workbook per owner (see [`owner_groups`](super::owner_groups) for how owners are
/// found), each with that owner's actions, in plan order. The same plan gives the same bytes.
///
/// ```
/// use actionplan::import::ImportOptions;
/// let csv = "Ref,Action,Owner,Due,Status\nA1,Review terms of reference,Jo / Sam,31/03/2025,In progress\nA2,Train members,,June 2025,Not started\n";
/// let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
/// let books = actionplan::owners::template(&plan).unwrap();
/// let names: Vec<&str> = books.iter().map(|b| b.file_name.as_str()).collect();
/// assert_eq!(names, ["Jo.xlsx", "Sam.xlsx", "Unassigned.xlsx"]);
/// assert!(books[0].bytes.starts_with(b"PK\x03\x04"));
/// ```
pub fn template(plan: &Plan) -> Result<Vec<OwnerWorkbook>> {
    let all: Vec<(&Recommendation, &Action)> = plan.actions().collect();
    let statuses = status_choices(plan);
    let rags = rag_choices(plan);
    let print = fingerprint(plan);
    owner_groups(plan)
        .into_iter()
        .map(|g| {
            let rows: Vec<(usize, &Recommendation, &Action)> = g
                .actions
                .iter()
                .filter_map(|&i| all.get(i).map(|(r, a)| (i, *r, *a)))
                .collect();
            let book = Book {
                plan,
                owner: &g.owner,
                rows: &rows,
                statuses: &statuses,
                rags: &rags,
                fingerprint: &print,
            };
            let bytes = book.write().map_err(|e| {
                Error::new(ErrorKind::Document {
                    format: "xlsx".into(),
                    message: format!(
                        "the update workbook for {:?} could not be written: {e}",
                        g.owner
                    ),
                })
            })?;
            Ok(OwnerWorkbook {
                owner: g.owner,
                file_name: g.file_name,
                actions: rows.len(),
                bytes,
            })
        })
        .collect()
}

struct Book<'a> {
    plan: &'a Plan,
    owner: &'a str,
    rows: &'a [(usize, &'a Recommendation, &'a Action)],
    statuses: &'a [String],
    rags: &'a [String],
    fingerprint: &'a str,
}

const MAX_CELL: usize = 32_767;

fn fit(text: &str) -> String {
    if text.chars().count() <= MAX_CELL {
        return text.to_string();
    }
    let mut s: String = text.chars().take(MAX_CELL - 1).collect();
    s.push('…');
    s
}

fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let y = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
}

impl Book<'_> {
    fn write(&self) -> std::result::Result<Vec<u8>, XlsxError> {
        if self.rows.len() >= 1_048_575 {
            return Err(XlsxError::RowColumnLimitError);
        }
        let mut wb = Workbook::new();
        let stamp = self
            .plan
            .meta
            .as_of
            .or(self.plan.meta.plan_date)
            .and_then(excel_date)
            .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok());
        let mut props = DocProperties::new()
            .set_title(fit(&format!("Action plan updates: {}", self.owner)))
            .set_comment("Written by actionplan");
        if let Some(stamp) = &stamp {
            props = props.set_creation_datetime(stamp);
        }
        wb.set_properties(&props);

        let ws = wb.add_worksheet();
        ws.set_name(SHEET_INSTRUCTIONS)?;
        self.instructions(ws)?;
        ws.set_active(true);
        let ws = wb.add_worksheet();
        ws.set_name(SHEET_ACTIONS)?;
        self.actions(ws)?;
        let ws = wb.add_worksheet();
        ws.set_name(SHEET_LISTS)?;
        self.lists(ws)?;
        ws.set_hidden(true);
        let ws = wb.add_worksheet();
        ws.set_name(SHEET_ABOUT)?;
        self.about(ws)?;
        ws.set_hidden(true);
        wb.save_to_buffer()
    }

    fn instructions(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        let title = Format::new().set_bold().set_font_size(14);
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        ws.set_column_width(0, 100)?;
        let plan_title = self.plan.meta.title.as_deref().unwrap_or("Action plan");
        ws.write_string_with_format(0, 0, fit(&format!("{plan_title}: your update")), &title)?;
        let n = self.rows.len();
        let lines = [
            format!(
                "This workbook lists the {n} action{} for which {} is named as owner.",
                if n == 1 { "" } else { "s" },
                self.owner
            ),
            format!(
                "Please fill in the sheet \"{SHEET_ACTIONS}\" and send the workbook back. Do not \
                 rename the file's sheets, or add or delete rows."
            ),
            "Status and RAG: choose from the list in the cell.".into(),
            "Due date: if the deadline has changed, type the new date and say why in \"Reason \
             for change\". A new date with no reason will be queried."
                .into(),
            "Your update: what has been done this period, in a sentence or two. The last update \
             is shown beside it for reference."
                .into(),
            "The grey columns come from the plan and are locked. If something in them is wrong, \
             say so in your update rather than changing them: changes there are not taken."
                .into(),
            "The sheet is protected only to stop accidental edits; there is no password.".into(),
        ];
        for (i, l) in lines.iter().enumerate() {
            ws.write_string_with_format(2 + i as u32, 0, fit(l), &wrap)?;
        }
        Ok(())
    }

    fn actions(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        let header = Format::new()
            .set_bold()
            .set_font_color(Color::White)
            .set_background_color(Color::RGB(0x1F4E78))
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let locked = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(0xEDEDED));
        let open = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_unlocked();
        let open_date = open.clone().set_num_format("d mmm yyyy");
        let widths = [
            10.0, 30.0, 50.0, 22.0, 40.0, 16.0, 12.0, 14.0, 30.0, 50.0, 12.0,
        ];
        for (j, ((h, _), w)) in COLUMNS.iter().zip(widths).enumerate() {
            ws.write_string_with_format(0, j as u16, *h, &header)?;
            ws.set_column_width(j as u16, w)?;
        }
        for (i, (index, rec, a)) in self.rows.iter().enumerate() {
            let r = (i + 1) as u32;
            for (j, text) in locked_texts(rec, a).iter().enumerate() {
                ws.write_string_with_format(r, j as u16, fit(text), &locked)?;
            }
            let status = status_text(a);
            ws.write_string_with_format(r, col::STATUS as u16, fit(&status), &open)?;
            let rag = a.rag.as_deref().unwrap_or("");
            ws.write_string_with_format(r, col::RAG as u16, fit(rag), &open)?;
            match due_cell(a) {
                (Some(d), _) => match excel_date(d) {
                    Some(x) => {
                        ws.write_datetime_with_format(r, col::DUE as u16, x, &open_date)?;
                    }
                    None => {
                        ws.write_string_with_format(r, col::DUE as u16, d.to_string(), &open)?;
                    }
                },
                (None, text) => {
                    ws.write_string_with_format(r, col::DUE as u16, fit(&text), &open_date)?;
                }
            }
            ws.write_blank(r, col::REASON as u16, &open)?;
            ws.write_blank(r, col::UPDATE as u16, &open)?;
            let key = row_key(*index, &a.action_ref);
            ws.write_string_with_format(r, col::KEY as u16, fit(&key), &locked)?;
            ws.set_row_height(r, 45)?;
        }
        ws.set_column_hidden(col::KEY as u16)?;
        let last = self.rows.len() as u32;
        if last > 0 {
            let list = |n: usize, c: char| {
                Formula::new(format!("={SHEET_LISTS}!${c}$1:${c}${}", n.max(1)))
            };
            let status = DataValidation::new()
                .allow_list_formula(list(self.statuses.len(), 'A'))
                .set_input_title("Status")?
                .set_input_message("Choose the status from the list.")?
                .set_error_title("Status")?
                .set_error_message("Please choose a status from the list.")?;
            ws.add_data_validation(1, col::STATUS as u16, last, col::STATUS as u16, &status)?;
            let rag = DataValidation::new()
                .allow_list_formula(list(self.rags.len(), 'B'))
                .set_input_title("RAG")?
                .set_input_message("Choose the RAG rating from the list.")?
                .set_error_title("RAG")?
                .set_error_message("Please choose a RAG rating from the list.")?;
            ws.add_data_validation(1, col::RAG as u16, last, col::RAG as u16, &rag)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let options = ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        };
        ws.protect_with_options(&options);
        Ok(())
    }

    fn lists(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        for (i, s) in self.statuses.iter().enumerate() {
            ws.write_string(i as u32, 0, s)?;
        }
        for (i, s) in self.rags.iter().enumerate() {
            ws.write_string(i as u32, 1, s)?;
        }
        ws.protect();
        Ok(())
    }

    fn about(&self, ws: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        let pairs = [
            (TEMPLATE_MARK, TEMPLATE_VERSION.to_string()),
            ("Owner", self.owner.to_string()),
            ("Plan fingerprint", self.fingerprint.to_string()),
            ("Plan", self.plan.meta.title.clone().unwrap_or_default()),
            (
                "As of",
                self.plan
                    .meta
                    .as_of
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            ("Actions", self.rows.len().to_string()),
        ];
        for (i, (k, v)) in pairs.iter().enumerate() {
            ws.write_string(i as u32, 0, *k)?;
            ws.write_string(i as u32, 1, fit(v))?;
        }
        ws.protect();
        Ok(())
    }
}
