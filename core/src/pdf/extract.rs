//! Text with its positions, and ruling lines, out of a PDF's pages (through lopdf).
//!
//! A small content-stream interpreter: the graphics state (`q`/`Q`/`cm`), the text state
//! (`BT`, `Tf`, `Td`, `TD`, `Tm`, `T*`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`), the text-showing
//! operators (`Tj`, `TJ`, `'`, `"`), and the path operators that draw a table's rules (`m`,
//! `l`, `re`, then `S`/`f`/`B`). Each shown string becomes a [`Piece`] with its baseline and its
//! left and right ends, measured with the font's widths.

use super::table::{Page, Piece, Seg};
use super::Limits;
use crate::error::Result;
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::BTreeMap;

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> f32 {
    o.as_float().ok().filter(|f| f.is_finite()).unwrap_or(0.0)
}

/// A font as far as positions need it: how to decode its codes and how wide they are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte codes (a Type0 font).
    wide: bool,
    first_char: i64,
    widths: Vec<f32>,
    cid_widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl Font<'_> {
    fn width(&self, code: u32) -> f32 {
        if self.wide {
            return *self.cid_widths.get(&code).unwrap_or(&self.default_width);
        }
        let i = code as i64 - self.first_char;
        if i >= 0 {
            if let Some(w) = self.widths.get(i as usize) {
                return *w;
            }
        }
        self.default_width
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    dict.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
}

/// The dictionaries of a page's fonts, owned, with a Type0 font's `/Encoding` removed when it
/// has a `/ToUnicode` map (lopdf reads `/Encoding` first and cannot decode `Identity-H`).
fn font_dicts(doc: &Document, page: lopdf::ObjectId) -> Vec<(Vec<u8>, Dictionary)> {
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return Vec::new();
    };
    fonts
        .into_iter()
        .take(256)
        .map(|(name, dict)| {
            let mut d = dict.clone();
            if d.has(b"ToUnicode") {
                d.remove(b"Encoding");
            }
            (name, d)
        })
        .collect()
}

fn font<'a>(doc: &'a Document, d: &'a Dictionary, limits: &Limits) -> Font<'a> {
    let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
    let wide = subtype == b"Type0";
    let max = limits.max_stream_bytes as usize;
    let encoding = if wide && !d.has(b"ToUnicode") {
        None
    } else {
        d.get_font_encoding_with_limit(doc, max).ok()
    };
    let mut f = Font {
        encoding,
        wide,
        first_char: d.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0),
        widths: Vec::new(),
        cid_widths: BTreeMap::new(),
        default_width: 500.0,
    };
    if wide {
        let desc = array(doc, d, b"DescendantFonts")
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        if let Some(desc) = desc {
            f.default_width = desc.get(b"DW").map(num).unwrap_or(1000.0);
            if let Some(w) = array(doc, desc, b"W") {
                let mut i = 0;
                while i + 1 < w.len() && f.cid_widths.len() < 65_536 {
                    let first = num(&w[i]) as u32;
                    match deref(doc, &w[i + 1]) {
                        Object::Array(ws) => {
                            for (k, x) in ws.iter().take(65_536).enumerate() {
                                f.cid_widths.insert(first.saturating_add(k as u32), num(x));
                            }
                            i += 2;
                        }
                        last if i + 2 < w.len() => {
                            let last = num(last) as u32;
                            let width = num(&w[i + 2]);
                            for c in first..=last.min(first.saturating_add(65_535)) {
                                f.cid_widths.insert(c, width);
                            }
                            i += 3;
                        }
                        _ => break,
                    }
                }
            }
        }
    } else if let Some(ws) = array(doc, d, b"Widths") {
        f.widths = ws.iter().take(65_536).map(|o| num(deref(doc, o))).collect();
        if let Some(missing) = d
            .get(b"FontDescriptor")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|fd| fd.get(b"MissingWidth").ok())
        {
            f.default_width = num(missing);
        }
    }
    f
}

/// The text and rules of one page.
pub(crate) fn page(
    doc: &Document,
    page: lopdf::ObjectId,
    limits: &Limits,
    budget: &mut u64,
) -> Result<Page> {
    let content = doc
        .get_page_content_with_limit(page, limits.max_stream_bytes as usize)
        .map_err(|e| match e {
            lopdf::Error::Decompress(_) => super::limits::too_large(
                "a page's content stream, decompressed",
                limits.max_stream_bytes.saturating_add(1),
                limits.max_stream_bytes,
            ),
            _ => super::damaged(format!("a page's content cannot be read ({e})")),
        })?;
    *budget = budget.saturating_add(content.len() as u64);
    if *budget > limits.max_total_bytes {
        return Err(super::limits::too_large(
            "the PDF's page content, decompressed",
            *budget,
            limits.max_total_bytes,
        ));
    }
    let owned = font_dicts(doc, page);
    let fonts: BTreeMap<&[u8], Font> = owned
        .iter()
        .map(|(n, d)| (n.as_slice(), font(doc, d, limits)))
        .collect();
    let images = page_has_images(doc, page);
    let mut out = Page {
        pieces: Vec::new(),
        segs: Vec::new(),
        images,
        undecoded: 0,
    };
    run(&content, &fonts, &mut out, limits);
    Ok(out)
}

fn page_has_images(doc: &Document, page: lopdf::ObjectId) -> bool {
    let Ok((res, more)) = doc.get_page_resources(page) else {
        return false;
    };
    let mut dicts: Vec<&Dictionary> = res.into_iter().collect();
    dicts.extend(more.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    dicts.iter().any(|r| {
        r.get(b"XObject")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .is_some_and(|xs| {
                xs.iter().any(|(_, x)| {
                    deref(doc, x).as_stream().is_ok_and(|s| {
                        s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                    })
                })
            })
    })
}

struct TextState {
    tm: Matrix,
    tlm: Matrix,
    font: Vec<u8>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
}

fn run(content: &[u8], fonts: &BTreeMap<&[u8], Font>, out: &mut Page, limits: &Limits) {
    let mut ctm = IDENTITY;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut ts = TextState {
        tm: IDENTITY,
        tlm: IDENTITY,
        font: Vec::new(),
        size: 0.0,
        tc: 0.0,
        tw: 0.0,
        th: 1.0,
        tl: 0.0,
        rise: 0.0,
    };
    let mut path: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut at = (0.0f32, 0.0f32);
    let mut start = (0.0f32, 0.0f32);
    for op in lopdf::content::Content::decode_iter(content) {
        let Ok(op) = op else { break };
        if out.pieces.len() >= limits.max_pieces || out.segs.len() >= limits.max_pieces {
            break;
        }
        let o = &op.operands;
        let n = |i: usize| o.get(i).map(num).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" if stack.len() < 64 => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            "cm" if o.len() == 6 => ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &ctm),
            "BT" => {
                ts.tm = IDENTITY;
                ts.tlm = IDENTITY;
            }
            "Tf" => {
                ts.font = o
                    .first()
                    .and_then(|x| x.as_name().ok())
                    .unwrap_or(b"")
                    .to_vec();
                ts.size = n(1);
            }
            "Tc" => ts.tc = n(0),
            "Tw" => ts.tw = n(0),
            "Tz" => ts.th = n(0) / 100.0,
            "TL" => ts.tl = n(0),
            "Ts" => ts.rise = n(0),
            "Td" => {
                ts.tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &ts.tlm);
                ts.tm = ts.tlm;
            }
            "TD" => {
                ts.tl = -n(1);
                ts.tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &ts.tlm);
                ts.tm = ts.tlm;
            }
            "Tm" if o.len() == 6 => {
                ts.tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                ts.tm = ts.tlm;
            }
            "T*" => next_line(&mut ts),
            "Tj" => show(&mut ts, &ctm, fonts, o.first(), out),
            "'" => {
                next_line(&mut ts);
                show(&mut ts, &ctm, fonts, o.first(), out);
            }
            "\"" => {
                ts.tw = n(0);
                ts.tc = n(1);
                next_line(&mut ts);
                show(&mut ts, &ctm, fonts, o.get(2), out);
            }
            "TJ" => {
                if let Some(Object::Array(items)) = o.first() {
                    show_array(&mut ts, &ctm, fonts, items, out);
                }
            }
            "m" => {
                at = apply(&ctm, n(0), n(1));
                start = at;
            }
            "l" => {
                let to = apply(&ctm, n(0), n(1));
                path.push((at.0, at.1, to.0, to.1));
                at = to;
            }
            "h" => {
                path.push((at.0, at.1, start.0, start.1));
                at = start;
            }
            "re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let p = [
                    apply(&ctm, x, y),
                    apply(&ctm, x + w, y),
                    apply(&ctm, x + w, y + h),
                    apply(&ctm, x, y + h),
                ];
                let (w, h) = ((p[1].0 - p[0].0).abs(), (p[3].1 - p[0].1).abs());
                if h <= 2.0 && w > 2.0 {
                    // A thin filled rectangle: a horizontal rule.
                    let y = (p[0].1 + p[3].1) / 2.0;
                    path.push((p[0].0, y, p[1].0, y));
                } else if w <= 2.0 && h > 2.0 {
                    let x = (p[0].0 + p[1].0) / 2.0;
                    path.push((x, p[0].1, x, p[3].1));
                } else {
                    for k in 0..4 {
                        let (a, b) = (p[k], p[(k + 1) % 4]);
                        path.push((a.0, a.1, b.0, b.1));
                    }
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                for (x0, y0, x1, y1) in path.drain(..) {
                    if (y0 - y1).abs() < 1.0 && (x0 - x1).abs() > 2.0 {
                        out.segs.push(Seg::h(x0.min(x1), x0.max(x1), y0));
                    } else if (x0 - x1).abs() < 1.0 && (y0 - y1).abs() > 2.0 {
                        out.segs.push(Seg::v(x0, y0.min(y1), y0.max(y1)));
                    }
                }
            }
            "n" => path.clear(),
            _ => {}
        }
        if path.len() > 10_000 {
            path.clear();
        }
    }
}

fn next_line(ts: &mut TextState) {
    ts.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.tl], &ts.tlm);
    ts.tm = ts.tlm;
}

fn show(
    ts: &mut TextState,
    ctm: &Matrix,
    fonts: &BTreeMap<&[u8], Font>,
    s: Option<&Object>,
    out: &mut Page,
) {
    if let Some(Object::String(bytes, _)) = s {
        let mut piece = start_piece(ts, ctm);
        add_string(ts, ctm, fonts, bytes, &mut piece, out);
        finish_piece(piece, out);
    }
}

fn show_array(
    ts: &mut TextState,
    ctm: &Matrix,
    fonts: &BTreeMap<&[u8], Font>,
    items: &[Object],
    out: &mut Page,
) {
    let mut piece = start_piece(ts, ctm);
    for item in items {
        match item {
            Object::String(bytes, _) => add_string(ts, ctm, fonts, bytes, &mut piece, out),
            other => {
                let adj = num(other);
                let dx = -adj / 1000.0 * ts.size * ts.th;
                ts.tm = mul(&[1.0, 0.0, 0.0, 1.0, dx, 0.0], &ts.tm);
                if adj < -1000.0 {
                    // A gap of more than an em: a new piece.
                    finish_piece(std::mem::replace(&mut piece, start_piece(ts, ctm)), out);
                } else if adj < -200.0 && !piece.text.ends_with(' ') && !piece.text.is_empty() {
                    piece.text.push(' ');
                }
            }
        }
    }
    finish_piece(piece, out);
}

fn start_piece(ts: &TextState, ctm: &Matrix) -> Piece {
    let m = mul(&ts.tm, ctm);
    let (x, y) = apply(&m, 0.0, ts.rise);
    let scale = (m[2] * m[2] + m[3] * m[3]).sqrt();
    Piece {
        x0: x,
        x1: x,
        y,
        size: (ts.size * scale).abs().max(0.1),
        text: String::new(),
    }
}

fn finish_piece(mut piece: Piece, out: &mut Page) {
    // Trailing spaces are kept: they separate this piece from the next one.
    if piece.text.trim().is_empty() || !piece.x0.is_finite() || !piece.y.is_finite() {
        return;
    }
    if piece.x1 < piece.x0 {
        std::mem::swap(&mut piece.x0, &mut piece.x1);
    }
    out.pieces.push(piece);
}

fn add_string(
    ts: &mut TextState,
    ctm: &Matrix,
    fonts: &BTreeMap<&[u8], Font>,
    bytes: &[u8],
    piece: &mut Piece,
    out: &mut Page,
) {
    let Some(font) = fonts.get(ts.font.as_slice()) else {
        out.undecoded += 1;
        return;
    };
    match font.encoding.as_ref().map(|e| e.bytes_to_string(bytes)) {
        Some(Ok(text)) => {
            let text: String = text
                .chars()
                .map(|c| {
                    if c.is_control() || c == '\u{a0}' {
                        ' '
                    } else {
                        c
                    }
                })
                .filter(|c| *c != '\u{fffd}' && *c != '\u{feff}')
                .collect();
            piece.text.push_str(&text);
        }
        _ => out.undecoded += 1,
    }
    // Advance by the widths of the codes.
    let step = if font.wide { 2 } else { 1 };
    let mut width = 0.0f32;
    for code in bytes.chunks(step) {
        let c = code.iter().fold(0u32, |a, b| (a << 8) | *b as u32);
        let w0 = font.width(c) / 1000.0 * ts.size;
        let space = if !font.wide && c == 32 { ts.tw } else { 0.0 };
        width += (w0 + ts.tc + space) * ts.th;
    }
    if width.is_finite() {
        ts.tm = mul(&[1.0, 0.0, 0.0, 1.0, width, 0.0], &ts.tm);
    }
    let m = mul(&ts.tm, ctm);
    let (x, _) = apply(&m, 0.0, ts.rise);
    if x.is_finite() {
        piece.x1 = x;
    }
}
