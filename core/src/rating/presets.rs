//! The shipped presets, embedded as data (the JSON files in `core/presets/`).

/// Preset ids, in the order they are listed.
pub(crate) const IDS: [&str; 9] = [
    "date-rag",
    "brag",
    "rag",
    "five-point",
    "months-behind",
    "delay-bands",
    "percent-bands",
    "staleness",
    "forecast",
];

/// The JSON source of a preset.
pub(crate) fn source(id: &str) -> Option<&'static str> {
    Some(match id {
        "date-rag" => include_str!("../../presets/date-rag.json"),
        "brag" => include_str!("../../presets/brag.json"),
        "rag" => include_str!("../../presets/rag.json"),
        "five-point" => include_str!("../../presets/five-point.json"),
        "months-behind" => include_str!("../../presets/months-behind.json"),
        "delay-bands" => include_str!("../../presets/delay-bands.json"),
        "percent-bands" => include_str!("../../presets/percent-bands.json"),
        "staleness" => include_str!("../../presets/staleness.json"),
        "forecast" => include_str!("../../presets/forecast.json"),
        _ => return None,
    })
}
