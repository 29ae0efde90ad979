//! [`ImportOptions`] as plain data: the option names, their values and their defaults, decided
//! once here for every door.
//!
//! The command line builds a JSON object from its flags, the Python binding from its keyword
//! arguments and the WebAssembly binding from the JavaScript options object; each hands it to
//! [`ImportOptions::from_json`] (or to serde: `ImportOptions` is `Deserialize`). Names are
//! snake_case (`plan_date`); the camelCase spelling a JavaScript caller writes (`planDate`)
//! is read as the same option, and an error names the option as the caller spelt it.
//!
//! | option | value | default |
//! |---|---|---|
//! | `plan_date`, `as_of` | `"YYYY-MM-DD"` | none |
//! | `organisation`, `title` | text | from the file |
//! | `format` | `auto`, `csv`, `tsv`, `json`, `xlsx`, `docx` | `auto` |
//! | `file_name` | the file's name: `.tsv` says tab-separated when `format` is `auto` | none |
//! | `delimiter` | one ASCII character | detected |
//! | `columns` | `{header: field}` | none |
//! | `map` | `["By When=due", "3=owner"]` ([`ImportOptions::map_column`]) | none |
//! | `aliases` | `{phrase: field}`, or the text of an alias file | none |
//! | `fill_down` | boolean | `true` |
//! | `timeframes` | [`Settings`] fields (`financial_year_start_month`, …) | April, May |
//! | `sheet` | a sheet's name, or its 0-based number | the first sheet holding a plan |
//! | `sheets_as_themes` | boolean | `false` |
//! | `header_row` | 1-based row; `0`: no header row | detected |
//! | `table_from` | 1-based rows | none |
//! | `threads` | boolean | two where there are two cores |
//!
//! `null` means "not given", as if the option were left out.

use super::{Aliases, Format, ImportOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Role;
use crate::office::Sheet;
use crate::timeframe::Settings;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The options as data, before they are checked (every field optional: `None` is the default).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Spec {
    plan_date: Option<String>,
    as_of: Option<String>,
    organisation: Option<String>,
    title: Option<String>,
    format: Option<String>,
    file_name: Option<String>,
    delimiter: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    map: Option<Vec<String>>,
    aliases: Option<Value>,
    fill_down: Option<bool>,
    timeframes: Option<Value>,
    sheet: Option<Value>,
    sheets_as_themes: Option<bool>,
    header_row: Option<usize>,
    table_from: Option<Vec<usize>>,
    threads: Option<bool>,
}

/// The options' names, in the order of the table above (`Spec`'s fields; a test checks).
const OPTION_NAMES: [&str; 17] = [
    "plan_date",
    "as_of",
    "organisation",
    "title",
    "format",
    "file_name",
    "delimiter",
    "columns",
    "map",
    "aliases",
    "fill_down",
    "timeframes",
    "sheet",
    "sheets_as_themes",
    "header_row",
    "table_from",
    "threads",
];

/// `planDate` → `plan_date` (snake_case names are left as they are).
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `plan_date` → `planDate`.
fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut up = false;
    for c in name.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The names of an object's members as serde writes them (a default value's keys).
fn names_of<T: Serialize + Default>() -> Vec<String> {
    match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The keys of an object given by a caller, checked against `names` and put in snake_case;
/// `spelt` keeps each name as the caller wrote it. `null` members are left out.
fn normalise(
    object: &Map<String, Value>,
    what: &str,
    names: &[String],
    spelt: &mut BTreeMap<String, String>,
) -> Result<Map<String, Value>> {
    let camel_case = object
        .keys()
        .any(|k| k.chars().any(|c| c.is_ascii_uppercase()));
    let mut out = Map::new();
    for (key, value) in object {
        let name = snake(key);
        if !names.contains(&name) {
            let listed: Vec<String> = names
                .iter()
                .map(|n| if camel_case { camel(n) } else { n.clone() })
                .collect();
            return Err(Error::invalid_option(
                key.as_str(),
                format!(
                    "{what} has no option {key:?}; the options are {}",
                    listed.join(", ")
                ),
            ));
        }
        if value.is_null() {
            continue;
        }
        spelt.insert(name.clone(), key.clone());
        out.insert(name, value.clone());
    }
    Ok(out)
}

/// A serde error's message without " at line 1 column 17" (a position in JSON the caller
/// never wrote).
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

/// Build the options from a checked spec. Errors name the option by its snake_case name; the
/// caller renames them to the spelling given.
fn build(spec: Spec) -> Result<ImportOptions> {
    let mut o = ImportOptions::new();
    let date = |name: &str, text: &str| {
        crate::date::parse_date(text.trim()).map_err(|_| {
            Error::invalid_option(
                name,
                format!("{text:?} is not a date; write it as YYYY-MM-DD"),
            )
        })
    };
    let role = |name: &str, field: &str| -> Result<Role> {
        field
            .parse::<Role>()
            .map_err(|e| renamed(e, "columns", name))
    };
    if let Some(d) = &spec.plan_date {
        o.plan_date(date("plan_date", d)?);
    }
    if let Some(d) = &spec.as_of {
        o.as_of(date("as_of", d)?);
    }
    if let Some(s) = spec.organisation {
        o.organisation(s);
    }
    if let Some(s) = spec.title {
        o.title(s);
    }
    match (&spec.format, &spec.file_name) {
        (Some(f), _) if !f.trim().eq_ignore_ascii_case("auto") => {
            o.format(f.parse::<Format>()?);
        }
        // The core decides what a file's name says (`.tsv` is tab-separated).
        (_, Some(name)) => {
            o.format(Format::from_path(name));
        }
        _ => {}
    }
    if let Some(d) = &spec.delimiter {
        match d.as_bytes() {
            [b] if b.is_ascii() => {
                o.delimiter(*b);
            }
            _ => {
                return Err(Error::invalid_option(
                    "delimiter",
                    format!("{d:?} is not a single ASCII character"),
                ))
            }
        }
    }
    for (header, field) in spec.columns.iter().flatten() {
        o.column(header.clone(), role("columns", field)?);
    }
    for m in spec.map.iter().flatten() {
        o.map_column(m).map_err(|e| renamed(e, "columns", "map"))?;
    }
    match &spec.aliases {
        None => {}
        Some(Value::String(text)) => {
            o.aliases(Aliases::from_text(text)?);
        }
        Some(Value::Object(m)) => {
            let mut aliases = Aliases::default();
            for (phrase, field) in m {
                let field = field.as_str().ok_or_else(|| {
                    Error::invalid_option(
                        "aliases",
                        format!("the field for {phrase:?} must be text, such as \"owner\""),
                    )
                })?;
                aliases.add(phrase.clone(), role("aliases", field)?);
            }
            o.aliases(aliases);
        }
        Some(_) => {
            return Err(Error::invalid_option(
                "aliases",
                "expected {phrase: field}, or the text of an alias file",
            ))
        }
    }
    if let Some(on) = spec.fill_down {
        o.fill_down(on);
    }
    if let Some(t) = &spec.timeframes {
        o.timeframe_settings(settings(t)?);
    }
    match &spec.sheet {
        None => {}
        Some(Value::String(name)) => {
            o.sheet(name.as_str());
        }
        Some(Value::Number(n)) => match (n.as_u64(), n.as_i64()) {
            (Some(i), _) => {
                o.sheet(Sheet::Index(usize::try_from(i).unwrap_or(usize::MAX)));
            }
            (None, Some(i)) => {
                return Err(Error::invalid_option(
                    "sheet",
                    format!("sheet index {i} is negative: sheets are counted from 0"),
                ))
            }
            _ => {
                return Err(Error::invalid_option(
                    "sheet",
                    format!("{n} is not a sheet: give a sheet name or a 0-based sheet number"),
                ))
            }
        },
        Some(_) => {
            return Err(Error::invalid_option(
                "sheet",
                "expected a sheet name or a 0-based sheet number",
            ))
        }
    }
    if let Some(on) = spec.sheets_as_themes {
        o.sheets_as_themes(on);
    }
    if let Some(n) = spec.header_row {
        o.header_row(n);
    }
    for &n in spec.table_from.iter().flatten() {
        o.table_from(n);
    }
    if let Some(on) = spec.threads {
        o.threads(on);
    }
    Ok(o)
}

/// The `timeframes` option: [`Settings`] with months checked (1 to 12).
fn settings(value: &Value) -> Result<Settings> {
    let Value::Object(m) = value else {
        return Err(Error::invalid_option(
            "timeframes",
            "expected an object such as {\"financial_year_start_month\": 4}",
        ));
    };
    let mut spelt = BTreeMap::new();
    let m = normalise(m, "timeframes", &names_of::<Settings>(), &mut spelt)?;
    let s: Settings = serde_json::from_value(Value::Object(m))
        .map_err(|e| Error::invalid_option("timeframes", without_position(&e)))?;
    for (name, month) in [
        ("financial_year_start_month", s.financial_year_start_month),
        ("civic_year_start_month", s.civic_year_start_month),
    ] {
        if !(1..=12).contains(&month) {
            let key = spelt.get(name).map_or(name, String::as_str);
            return Err(Error::invalid_option(
                key,
                format!("{month} is not a month (1 to 12)"),
            ));
        }
    }
    Ok(s)
}

/// An [`ErrorKind::InvalidOption`] named `from` renamed `to` (other errors as they are).
fn renamed(e: Error, from: &str, to: &str) -> Error {
    match e.kind() {
        ErrorKind::InvalidOption { name, message } if name == from && from != to => {
            Error::invalid_option(to, message.clone())
        }
        _ => e,
    }
}

impl ImportOptions {
    /// Every option's name, snake_case, in the order of the table in `docs/IMPORT.md`
    /// (a JavaScript caller may write them in camelCase: `planDate`).
    ///
    /// ```
    /// let names = actionplan::import::ImportOptions::option_names();
    /// assert!(names.iter().any(|n| n == "header_row"));
    /// ```
    pub fn option_names() -> Vec<String> {
        OPTION_NAMES.iter().map(|n| n.to_string()).collect()
    }

    /// Options from plain data: a JSON object whose members are the options (see the table
    /// in the [module docs](self)); `null` gives the defaults. This is what every door does
    /// with its options: one set of names, values and defaults.
    ///
    /// Errors are [`ErrorKind::InvalidOption`], naming the option as it was spelt (an unknown
    /// name is one too, listing the names there are).
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// let opts = ImportOptions::from_json(&serde_json::json!({
    ///     "plan_date": "2025-03-18",
    ///     "columns": {"Person": "owner"},
    ///     "header_row": 1,
    /// })).unwrap();
    /// let imported = opts.read_bytes(b"Task,Person\nWrite the plan,Jo\n").unwrap();
    /// assert_eq!(imported.plan.recommendations[0].actions[0].owners, ["Jo"]);
    ///
    /// // camelCase as JavaScript writes it; errors name the option as given.
    /// let err = ImportOptions::from_json(&serde_json::json!({"planDate": "31/03/2025"})).unwrap_err();
    /// assert!(err.to_string().contains("planDate"));
    /// let err = ImportOptions::from_json(&serde_json::json!({"plnaDate": "2025-03-31"})).unwrap_err();
    /// assert!(err.to_string().contains("planDate, asOf"));
    /// ```
    pub fn from_json(value: &Value) -> Result<ImportOptions> {
        let object = match value {
            Value::Null => return Ok(ImportOptions::new()),
            Value::Object(m) => m,
            _ => {
                return Err(Error::invalid_option(
                    "options",
                    "the options must be an object of option names and values",
                ))
            }
        };
        let mut spelt = BTreeMap::new();
        let object = normalise(object, "options", &Self::option_names(), &mut spelt)?;
        let name_of = |name: &str| spelt.get(name).cloned().unwrap_or_else(|| name.to_string());
        let spec: Spec = match serde_json::from_value(Value::Object(object.clone())) {
            Ok(spec) => spec,
            Err(e) => {
                // Which option: the first that fails on its own.
                let culprit = object
                    .iter()
                    .find(|(k, v)| {
                        let mut one = Map::new();
                        one.insert((*k).clone(), (*v).clone());
                        serde_json::from_value::<Spec>(Value::Object(one)).is_err()
                    })
                    .map(|(k, _)| name_of(k))
                    .unwrap_or_else(|| "options".to_string());
                return Err(Error::invalid_option(
                    culprit,
                    format!("{}, in the options", without_position(&e)),
                ));
            }
        };
        build(spec).map_err(|e| {
            let name = match e.kind() {
                ErrorKind::InvalidOption { name, .. } => name.clone(),
                _ => return e,
            };
            renamed(e, &name, &name_of(&name))
        })
    }

    /// The options as plain data (what [`from_json`](Self::from_json) reads back): only what
    /// differs from the defaults is written.
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// let mut o = ImportOptions::new();
    /// o.header_row(2).map_column("3=owner").unwrap();
    /// let data = o.to_json();
    /// assert_eq!(data, serde_json::json!({"header_row": 2, "map": ["3=owner"]}));
    /// assert_eq!(ImportOptions::from_json(&data).unwrap().to_json(), data);
    /// ```
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_string(), v);
        };
        if let Some(d) = self.plan_date {
            put("plan_date", Value::from(d.to_string()));
        }
        if let Some(d) = self.as_of {
            put("as_of", Value::from(d.to_string()));
        }
        if let Some(s) = &self.organisation {
            put("organisation", Value::from(s.as_str()));
        }
        if let Some(s) = &self.title {
            put("title", Value::from(s.as_str()));
        }
        if self.format != Format::Auto {
            put("format", Value::from(self.format.to_string()));
        }
        if let Some(d) = self.delimiter {
            put("delimiter", Value::from((d as char).to_string()));
        }
        if !self.columns.is_empty() {
            let cols: Map<String, Value> = self
                .columns
                .iter()
                .map(|(h, r)| (h.clone(), Value::from(r.as_str())))
                .collect();
            put("columns", Value::Object(cols));
        }
        if !self.column_roles.is_empty() {
            let map: Vec<Value> = self
                .column_roles
                .iter()
                .map(|(i, r)| Value::from(format!("{}={}", i + 1, r.as_str())))
                .collect();
            put("map", Value::Array(map));
        }
        if !self.aliases.extra.is_empty() {
            let a: Map<String, Value> = self
                .aliases
                .extra
                .iter()
                .map(|(p, r)| (p.clone(), Value::from(r.as_str())))
                .collect();
            put("aliases", Value::Object(a));
        }
        if self.no_fill_down {
            put("fill_down", Value::from(false));
        }
        if self.settings != Settings::default() {
            put(
                "timeframes",
                serde_json::to_value(&self.settings).unwrap_or(Value::Null),
            );
        }
        match &self.sheet {
            Some(Sheet::Name(n)) => put("sheet", Value::from(n.as_str())),
            Some(Sheet::Index(i)) => put("sheet", Value::from(*i)),
            None => {}
        }
        if self.sheets_as_themes {
            put("sheets_as_themes", Value::from(true));
        }
        if let Some(n) = self.header_row {
            put("header_row", Value::from(n));
        }
        if !self.table_breaks.is_empty() {
            put("table_from", Value::from(self.table_breaks.clone()));
        }
        if let Some(on) = self.two_threads {
            put("threads", Value::from(on));
        }
        Value::Object(m)
    }
}

/// Read from any serde format through [`ImportOptions::from_json`]:
///
/// ```
/// let o: actionplan::import::ImportOptions =
///     serde_json::from_str(r#"{"format": "tsv", "fill_down": false}"#).unwrap();
/// assert_eq!(o.to_json(), serde_json::json!({"format": "tsv", "fill_down": false}));
/// assert!(serde_json::from_str::<actionplan::import::ImportOptions>(r#"{"sheeet": 1}"#).is_err());
/// ```
impl<'de> Deserialize<'de> for ImportOptions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        ImportOptions::from_json(&value).map_err(serde::de::Error::custom)
    }
}

/// Written as [`ImportOptions::to_json`] gives it.
///
/// ```
/// let mut o = actionplan::import::ImportOptions::new();
/// o.title("Peer challenge");
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"title":"Peer challenge"}"#);
/// ```
impl Serialize for ImportOptions {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(v: Value) -> (String, String) {
        let e = ImportOptions::from_json(&v).unwrap_err();
        match e.kind() {
            ErrorKind::InvalidOption { name, message } => (name.clone(), message.clone()),
            other => panic!("not an option error: {other:?}"),
        }
    }

    #[test]
    fn every_option_round_trips() {
        let data = json!({
            "plan_date": "2025-03-18", "as_of": "2025-03-31", "organisation": "Harlow Council",
            "title": "Plan", "format": "tsv", "delimiter": ";", "columns": {"Person": "owner"},
            "map": ["2=timeframe"], "aliases": {"Whodunnit": "owner"}, "fill_down": false,
            "timeframes": {"financial_year_start_month": 1},
            "sheet": "Actions", "sheets_as_themes": true, "header_row": 3, "table_from": [9, 4],
            "threads": false,
        });
        let back = ImportOptions::from_json(&data).unwrap().to_json();
        assert_eq!(back["plan_date"], "2025-03-18");
        assert_eq!(back["columns"], json!({"Person": "owner"}));
        assert_eq!(back["map"], json!(["2=timeframe"]));
        assert_eq!(back["table_from"], json!([4, 9]));
        assert_eq!(back["timeframes"]["financial_year_start_month"], 1);
        assert_eq!(ImportOptions::from_json(&back).unwrap().to_json(), back);
        let names = ImportOptions::option_names();
        for key in data.as_object().unwrap().keys() {
            assert!(names.contains(key), "{key}");
        }
        assert_eq!(names.len(), data.as_object().unwrap().len() + 1); // + file_name
        let mut fields = names_of::<Spec>();
        let mut listed = names.clone();
        fields.sort();
        listed.sort();
        assert_eq!(fields, listed);
    }

    #[test]
    fn camel_case_is_the_same_option() {
        let a = ImportOptions::from_json(&json!({"planDate": "2025-01-02", "headerRow": 2}));
        let b = ImportOptions::from_json(&json!({"plan_date": "2025-01-02", "header_row": 2}));
        assert_eq!(a.unwrap().to_json(), b.unwrap().to_json());
    }

    #[test]
    fn errors_name_the_option_as_spelt() {
        assert_eq!(err(json!({"planDate": "1 March 2025"})).0, "planDate");
        assert_eq!(err(json!({"plan_date": "2025-02-30"})).0, "plan_date");
        assert_eq!(err(json!({"format": "xml"})).0, "format");
        assert_eq!(err(json!({"delimiter": ";;"})).0, "delimiter");
        assert_eq!(err(json!({"columns": {"Owner": "boss"}})).0, "columns");
        assert_eq!(err(json!({"aliases": {"Boss": "boss"}})).0, "aliases");
        assert_eq!(err(json!({"map": ["no equals"]})).0, "map");
        let (name, message) = err(json!({"fillDown": "yes"}));
        assert_eq!(name, "fillDown");
        assert!(message.contains("expected a boolean"), "{message}");
        let (name, message) = err(json!({"plnaDate": "2025-01-01"}));
        assert_eq!(name, "plnaDate");
        assert!(message.contains("planDate, asOf"), "{message}");
        assert!(err(json!({"plna_date": 1})).1.contains("plan_date, as_of"));
        let tf = json!({"timeframes": {"financialYearStartMonth": 13}});
        assert_eq!(err(tf).0, "financialYearStartMonth");
        assert_eq!(err(json!({"timeframes": {"fy": 1}})).0, "fy");
        assert!(err(json!({"sheet": -1})).1.contains("counted from 0"));
        assert_eq!(err(json!({"sheet": 1.5})).0, "sheet");
        assert_eq!(err(json!({"sheet": true})).0, "sheet");
        assert_eq!(err(json!([1])).0, "options");
    }

    #[test]
    fn defaults_and_nulls() {
        assert_eq!(
            ImportOptions::from_json(&Value::Null).unwrap().to_json(),
            json!({})
        );
        let o = ImportOptions::from_json(&json!({"title": null, "format": "auto"})).unwrap();
        assert_eq!(o.to_json(), json!({}));
        // The file's name decides when the format is auto.
        let o = ImportOptions::from_json(&json!({"file_name": "q4.TSV"})).unwrap();
        assert_eq!(o.format, Format::Tsv);
        let o = ImportOptions::from_json(&json!({"file_name": "q4.tsv", "format": "csv"}));
        assert_eq!(o.unwrap().format, Format::Csv);
        // Aliases as an alias file's text.
        let o = ImportOptions::from_json(&json!({"aliases": "Whodunnit = owner\n"})).unwrap();
        assert_eq!(o.aliases.classify("whodunnit"), Some(Role::Owner));
    }

    #[test]
    fn options_as_data_read_a_plan() {
        let o = ImportOptions::from_json(&json!({"map": ["Person=owner"], "header_row": 2}));
        let csv = "Plan\nTask,Person\nWrite the plan,Jo\n";
        let imported = o.unwrap().read_bytes(csv.as_bytes()).unwrap();
        assert_eq!(imported.layout.tables[0].header_row, Some(2));
        assert_eq!(imported.plan.recommendations[0].actions[0].owners, ["Jo"]);
    }
}
