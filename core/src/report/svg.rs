//! Inline SVG charts: a donut and stacked bars. Every segment has a `<title>` and the chart an
//! `aria-label` that says its numbers, and a legend in text sits beside every chart, so colour
//! is never the only signal.

use super::escape::escape_html as esc;
use std::fmt::Write;

/// One segment: label, count, percent, fill colour (already checked as `#rrggbb`).
pub(crate) struct Segment<'a> {
    pub label: &'a str,
    pub count: usize,
    pub percent: u32,
    pub colour: &'a str,
}

fn describe(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| format!("{}: {} ({}%)", s.label, s.count, s.percent))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A donut chart with the total in the middle.
pub(crate) fn donut(title: &str, segments: &[Segment], centre: &str, centre_small: &str) -> String {
    let total: usize = segments.iter().map(|s| s.count).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="donut" viewBox="0 0 42 42" width="180" height="180" role="img" aria-label="{}: {}">"#,
        esc(title),
        esc(&describe(segments))
    );
    out.push_str(
        r##"<circle cx="21" cy="21" r="15.9155" fill="none" stroke="#e6e6e6" stroke-width="6"/>"##,
    );
    if total > 0 {
        // Start at 12 o'clock; circumference is 100.
        let mut offset = 25.0f64;
        for s in segments.iter().filter(|s| s.count > 0) {
            let len = s.count as f64 * 100.0 / total as f64;
            let _ = write!(
                out,
                r##"<circle cx="21" cy="21" r="15.9155" fill="none" stroke="{}" stroke-width="6" stroke-dasharray="{:.3} {:.3}" stroke-dashoffset="{:.3}"><title>{}: {} ({}%)</title></circle>"##,
                s.colour,
                len,
                100.0 - len,
                offset,
                esc(s.label),
                s.count,
                s.percent
            );
            offset -= len;
        }
        // Thin white separators make adjacent segments distinguishable without colour vision.
        let mut angle = 0.0f64;
        if segments.iter().filter(|s| s.count > 0).count() > 1 {
            for s in segments.iter().filter(|s| s.count > 0) {
                let (x1, y1) = polar(12.9, angle);
                let (x2, y2) = polar(18.9, angle);
                let _ = write!(
                    out,
                    r##"<line x1="{x1:.3}" y1="{y1:.3}" x2="{x2:.3}" y2="{y2:.3}" stroke="#ffffff" stroke-width="0.5"/>"##
                );
                angle += s.count as f64 * 360.0 / total as f64;
            }
        }
    }
    let _ = write!(
        out,
        r##"<text x="21" y="21" text-anchor="middle" class="donut-n">{}</text><text x="21" y="26" text-anchor="middle" class="donut-s">{}</text></svg>"##,
        esc(centre),
        esc(centre_small)
    );
    out
}

fn polar(r: f64, degrees: f64) -> (f64, f64) {
    let (cos, sin) = cos_sin_degrees(degrees - 90.0);
    (21.0 + r * cos, 21.0 + r * sin)
}

/// Cosine and sine of an angle in degrees. Reduced to within 45° of a right angle in degrees
/// (exact for the whole-degree quadrants a chart starts from), then Taylor series to the 19th
/// power, within 1e-15 of `f64::cos`/`sin` for the angles a chart has. Written out because the standard library's
/// trigonometry links its large-argument reduction (~10 KB of the WebAssembly module) for
/// angles a chart never has.
fn cos_sin_degrees(degrees: f64) -> (f64, f64) {
    let quadrant = (degrees / 90.0).round();
    let x = (degrees - quadrant * 90.0).to_radians();
    let x2 = x * x;
    let (mut cos, mut sin) = (1.0, x);
    let (mut c_term, mut s_term) = (1.0, x);
    for n in 1..=9 {
        let n = f64::from(n);
        c_term *= -x2 / ((2.0 * n - 1.0) * (2.0 * n));
        s_term *= -x2 / ((2.0 * n) * (2.0 * n + 1.0));
        cos += c_term;
        sin += s_term;
    }
    match (quadrant as i64).rem_euclid(4) {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

/// A horizontal stacked bar, `width` × `height` pixels; segments wide enough carry their count.
pub(crate) fn bar(
    title: &str,
    segments: &[Segment],
    width: u32,
    height: u32,
    numbers: bool,
) -> String {
    let total: usize = segments.iter().map(|s| s.count).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="bar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}: {}" preserveAspectRatio="none">"#,
        esc(title),
        esc(&describe(segments))
    );
    if total == 0 {
        let _ = write!(
            out,
            r##"<rect x="0" y="0" width="{width}" height="{height}" fill="#eeeeee"/>"##
        );
    }
    let mut x = 0.0f64;
    for s in segments.iter().filter(|s| s.count > 0) {
        let w = s.count as f64 * width as f64 / total.max(1) as f64;
        let _ = write!(
            out,
            r##"<rect x="{x:.2}" y="0" width="{w:.2}" height="{height}" fill="{}" stroke="#ffffff" stroke-width="1"><title>{}: {} ({}%)</title></rect>"##,
            s.colour,
            esc(s.label),
            s.count,
            s.percent
        );
        if numbers && w >= 18.0 {
            let ink = super::ink(s.colour);
            let _ = write!(
                out,
                r##"<text x="{:.2}" y="{:.2}" text-anchor="middle" fill="{ink}" class="bar-n">{}</text>"##,
                x + w / 2.0,
                height as f64 / 2.0 + 4.0,
                s.count
            );
        }
        x += w;
    }
    out.push_str("</svg>");
    out
}

/// A stacked bar as wide as its column (HTML boxes rather than SVG, so the numbers are not
/// stretched), each segment with its count when there is room, and an `aria-label` with the
/// numbers.
pub(crate) fn full_width_bar(title: &str, segments: &[Segment]) -> String {
    let total: usize = segments.iter().map(|s| s.count).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<div class="sbar" role="img" aria-label="{}: {}">"#,
        esc(title),
        esc(&describe(segments))
    );
    for s in segments.iter().filter(|s| s.count > 0) {
        let _ = write!(
            out,
            r#"<span style="flex:{} 1 0;background:{};color:{}" title="{}: {} ({}%)">{}</span>"#,
            s.count,
            s.colour,
            super::ink(s.colour),
            esc(s.label),
            s.count,
            s.percent,
            if s.count * 20 >= total {
                s.count.to_string()
            } else {
                String::new()
            }
        );
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::cos_sin_degrees;

    #[test]
    fn cos_sin_match_the_standard_library() {
        // The angles `polar` is given: -90° (the top) to 270°, in hundredths of a degree.
        for hundredth in -9000..=27000 {
            let d = f64::from(hundredth) / 100.0;
            let (c, s) = cos_sin_degrees(d);
            let r = d.to_radians();
            assert!((c - r.cos()).abs() < 1e-15, "cos {d}: {c} vs {}", r.cos());
            assert!((s - r.sin()).abs() < 1e-15, "sin {d}: {s} vs {}", r.sin());
        }
    }
}
