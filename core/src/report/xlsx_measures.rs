//! The Measures sheet of the tracker workbook: one row per performance indicator, with its
//! figures as numbers where they were read with confidence (as written otherwise), its
//! rating in its colour, and the reason.

use super::xlsx::{fit, parse_hex};
use crate::measures::{Figure, MeasureStats};
use crate::model::Plan;
use crate::rating::NOT_RATED_NAME;
use rust_xlsxwriter::{Color, Format, FormatAlign, Worksheet, XlsxError};

/// Write the sheet.
pub(super) fn write_measures(
    ws: &mut Worksheet,
    plan: &Plan,
    s: &MeasureStats,
) -> Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E78))
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let headers: [(&str, f64); 14] = [
        ("Ref", 10.0),
        ("Indicator", 40.0),
        ("Theme", 18.0),
        ("Unit", 10.0),
        ("Frequency", 12.0),
        ("Polarity", 16.0),
        ("Target", 11.0),
        ("Actual", 11.0),
        ("Previous", 11.0),
        ("Year-end forecast", 11.0),
        ("Direction of travel", 14.0),
        ("Owner", 22.0),
        ("Rating", 12.0),
        ("Reason", 60.0),
    ];
    for (c, (h, w)) in headers.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    ws.set_freeze_panes(1, 2)?;
    let figure =
        |ws: &mut Worksheet, r: u32, c: u16, f: Option<&Figure>| -> Result<(), XlsxError> {
            let Some(f) = f else { return Ok(()) };
            match (f.value, f.unit.as_deref(), f.comparison) {
                (Some(v), Some("%"), None) => {
                    let fmt = Format::new()
                        .set_num_format("0.0#%")
                        .set_align(FormatAlign::Top);
                    ws.write_number_with_format(r, c, v / 100.0, &fmt)?;
                }
                (Some(v), None, None) => {
                    ws.write_number_with_format(r, c, v, &top)?;
                }
                _ => {
                    ws.write_string_with_format(r, c, fit(f.text.trim()), &top)?;
                }
            }
            Ok(())
        };
    for (i, rating) in s.ratings.iter().enumerate() {
        let r = i as u32 + 1;
        let Some(m) = plan.measures.get(rating.index) else {
            continue;
        };
        let text = |t: Option<&str>| fit(t.unwrap_or("").trim());
        ws.write_string_with_format(r, 0, text(m.measure_ref.as_deref()), &top)?;
        ws.write_string_with_format(r, 1, fit(&m.name), &wrap)?;
        ws.write_string_with_format(r, 2, text(m.theme.as_deref()), &wrap)?;
        ws.write_string_with_format(r, 3, text(m.unit.as_deref()), &top)?;
        ws.write_string_with_format(r, 4, text(m.frequency_text.as_deref()), &top)?;
        let polarity = m
            .polarity_text
            .as_deref()
            .map(str::to_string)
            .or_else(|| rating.polarity.map(|p| p.label().to_string()))
            .unwrap_or_default();
        ws.write_string_with_format(r, 5, fit(&polarity), &top)?;
        figure(ws, r, 6, m.target.as_ref())?;
        figure(ws, r, 7, m.actual.as_ref())?;
        figure(ws, r, 8, m.previous.as_ref())?;
        figure(ws, r, 9, m.forecast.as_ref())?;
        let direction = m
            .direction_text
            .as_deref()
            .map(str::to_string)
            .or_else(|| rating.direction.map(|d| d.label().to_string()))
            .unwrap_or_default();
        ws.write_string_with_format(r, 10, fit(&direction), &top)?;
        ws.write_string_with_format(r, 11, text(m.owner.as_deref()), &wrap)?;
        let count = rating
            .label
            .as_deref()
            .and_then(|l| s.counts.iter().find(|c| c.label == l));
        match count {
            Some(c) => {
                let bg = parse_hex(&c.colour).unwrap_or(0xEEEEEE);
                let ink = if super::ink(&c.colour) == "#ffffff" {
                    0xFFFFFF
                } else {
                    0x000000
                };
                let fmt = Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(bg))
                    .set_font_color(Color::RGB(ink))
                    .set_align(FormatAlign::Top);
                ws.write_string_with_format(r, 12, fit(&c.name), &fmt)?;
            }
            None => {
                ws.write_string_with_format(r, 12, NOT_RATED_NAME, &top)?;
            }
        }
        ws.write_string_with_format(r, 13, fit(&rating.reason), &wrap)?;
    }
    let last = s.ratings.len() as u32 + 2;
    ws.write_string(last, 1, fit(&s.sentence))?;
    Ok(())
}
