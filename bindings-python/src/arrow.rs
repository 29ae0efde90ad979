//! Arrow export: tables built with `arrow-array` and handed to pyarrow, polars, pandas or
//! DuckDB through the Arrow PyCapsule interface (`__arrow_c_schema__`, `__arrow_c_array__`,
//! `__arrow_c_stream__`) by `pyo3-arrow`.
//!
//! This crate writes no C Data Interface code: the arrays are `arrow-array`'s, the schema
//! `arrow-schema`'s, and the capsules `pyo3-arrow`'s (which also casts to a schema the consumer
//! requests). Small tables (statistics, diagnostics, a diff) are built here with
//! [`TableBuilder`]; the action table has its own builders in [`crate::frame`].

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, LargeStringBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int32Array, RecordBatch, StructArray};
use arrow_buffer::NullBufferBuilder;
use arrow_schema::{Field, Schema};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use pyo3_arrow::ffi::ArrayIterator;
use pyo3_arrow::ffi::{to_array_pycapsules, to_schema_pycapsule, to_stream_pycapsule};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// 1970-01-01: Arrow's `date32` counts days from it.
pub const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

/// Days since 1970-01-01 (Arrow's `date32`).
pub fn days(d: NaiveDate) -> i32 {
    d.signed_duration_since(EPOCH).num_days() as i32
}

/// A column's field: nullable, and a dictionary's categories `ordered` when asked.
pub fn field(name: &str, array: &ArrayRef, ordered: bool) -> Field {
    let f = Field::new(name, array.data_type().clone(), true);
    if ordered {
        f.with_dict_is_ordered(true)
    } else {
        f
    }
}

/// A record batch of these named columns (each with its field), all `rows` long.
///
/// # Panics
/// When the columns differ in length: a bug of the builder that made them.
pub fn batch(columns: Vec<(Field, ArrayRef)>, rows: usize) -> RecordBatch {
    let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = columns.into_iter().unzip();
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(rows));
    RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), arrays, &options)
        .expect("every column of a table has a value per row")
}

/// A requested schema, if the consumer passed a capsule (anything else is ignored).
fn requested(requested_schema: Option<Bound<'_, PyAny>>) -> Option<Bound<'_, PyCapsule>> {
    requested_schema.and_then(|s| s.cast_into::<PyCapsule>().ok())
}

/// `__arrow_c_schema__`: the table's schema, as a struct.
pub fn schema_capsule<'py>(py: Python<'py>, b: &RecordBatch) -> PyResult<Bound<'py, PyCapsule>> {
    Ok(to_schema_pycapsule(py, b.schema().as_ref())?)
}

/// `__arrow_c_array__`: the table as one struct array (a record batch).
pub fn array_capsules<'py>(
    py: Python<'py>,
    b: &RecordBatch,
    requested_schema: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let array = StructArray::from(b.clone());
    let field = Arc::new(Field::new_struct("", b.schema().fields().clone(), false));
    Ok(to_array_pycapsules(
        py,
        field,
        &array,
        requested(requested_schema),
    )?)
}

/// `__arrow_c_stream__`: the table as a stream of one batch.
pub fn stream_capsule<'py>(
    py: Python<'py>,
    b: &RecordBatch,
    requested_schema: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let field = Arc::new(Field::new_struct("", b.schema().fields().clone(), false));
    let array: ArrayRef = Arc::new(StructArray::from(b.clone()));
    let reader = ArrayIterator::new(std::iter::once(Ok(array)), field);
    Ok(to_stream_pycapsule(
        py,
        Box::new(reader),
        requested(requested_schema),
    )?)
}

/// Builds a categorical column (an Arrow dictionary of `int32` codes into `large_utf8`
/// categories): fixed categories first, in their order, then any other value in order of
/// first appearance.
pub struct Categories<'a> {
    codes: Vec<i32>,
    validity: NullBufferBuilder,
    lookup: FxHashMap<&'a str, i32>,
    categories: LargeStringBuilder,
    ordered: bool,
}

impl<'a> Categories<'a> {
    /// A categorical column with these categories first (`ordered`: their order means
    /// something, as a rating scale's does).
    pub fn new(fixed: &[&'a str], ordered: bool, rows: usize) -> Self {
        let mut c = Categories {
            codes: Vec::with_capacity(rows),
            validity: NullBufferBuilder::new(rows),
            lookup: FxHashMap::default(),
            categories: LargeStringBuilder::new(),
            ordered,
        };
        for f in fixed {
            c.code(f);
        }
        c
    }

    /// The code of a value (added as a category when new).
    pub fn code(&mut self, s: &'a str) -> i32 {
        if let Some(&c) = self.lookup.get(s) {
            return c;
        }
        let c = self.lookup.len() as i32;
        self.lookup.insert(s, c);
        self.categories.append_value(s);
        c
    }

    /// Append a code already found (or none).
    pub fn push_code(&mut self, code: Option<i32>) {
        self.codes.push(code.unwrap_or(0));
        self.validity.append(code.is_some());
    }

    /// Append the same code `count` times.
    pub fn push_code_n(&mut self, code: Option<i32>, count: usize) {
        self.codes
            .extend(std::iter::repeat_n(code.unwrap_or(0), count));
        if code.is_some() {
            self.validity.append_n_non_nulls(count);
        } else {
            self.validity.append_n_nulls(count);
        }
    }

    /// Append a value.
    pub fn push(&mut self, s: Option<&'a str>) {
        let code = s.map(|s| self.code(s));
        self.push_code(code);
    }

    /// Finish as a dictionary array, with whether its categories are ordered.
    pub fn finish(mut self) -> (ArrayRef, bool) {
        let keys = Int32Array::new(self.codes.into(), self.validity.finish());
        let values: ArrayRef = Arc::new(self.categories.finish());
        let array = DictionaryArray::<Int32Type>::try_new(keys, values)
            .expect("every code names a category");
        (Arc::new(array), self.ordered)
    }
}

/// Builds a small table column by column (statistics, diagnostics, a diff).
#[derive(Default)]
pub struct TableBuilder {
    columns: Vec<(Field, ArrayRef)>,
    rows: usize,
}

impl TableBuilder {
    /// A table of `rows` rows.
    pub fn new(rows: usize) -> Self {
        TableBuilder {
            columns: Vec::new(),
            rows,
        }
    }

    fn add(&mut self, name: &str, array: ArrayRef, ordered: bool) {
        debug_assert_eq!(array.len(), self.rows, "column {name}");
        self.columns.push((field(name, &array, ordered), array));
    }

    /// A text column.
    pub fn text<'a>(&mut self, name: &str, values: impl IntoIterator<Item = Option<&'a str>>) {
        let mut b = LargeStringBuilder::new();
        for v in values {
            b.append_option(v);
        }
        self.add(name, Arc::new(b.finish()), false);
    }

    /// A categorical column: `fixed` categories first (ordered when `ordered`), then the
    /// others as they come.
    pub fn category<'a>(
        &mut self,
        name: &str,
        fixed: &[&'a str],
        ordered: bool,
        values: impl IntoIterator<Item = Option<&'a str>>,
    ) {
        let mut c = Categories::new(fixed, ordered, self.rows);
        for v in values {
            c.push(v);
        }
        let (array, ordered) = c.finish();
        self.add(name, array, ordered);
    }

    /// A whole-number column.
    pub fn int(&mut self, name: &str, values: impl IntoIterator<Item = Option<i64>>) {
        let mut b = Int64Builder::with_capacity(self.rows);
        for v in values {
            b.append_option(v);
        }
        self.add(name, Arc::new(b.finish()), false);
    }

    /// A number column.
    pub fn float(&mut self, name: &str, values: impl IntoIterator<Item = Option<f64>>) {
        let mut b = Float64Builder::with_capacity(self.rows);
        for v in values {
            b.append_option(v);
        }
        self.add(name, Arc::new(b.finish()), false);
    }

    /// A yes/no column.
    pub fn boolean(&mut self, name: &str, values: impl IntoIterator<Item = Option<bool>>) {
        let mut b = BooleanBuilder::with_capacity(self.rows);
        for v in values {
            b.append_option(v);
        }
        self.add(name, Arc::new(b.finish()), false);
    }

    /// A date column.
    pub fn date(&mut self, name: &str, values: impl IntoIterator<Item = Option<NaiveDate>>) {
        let mut b = Date32Builder::with_capacity(self.rows);
        for v in values {
            b.append_option(v.map(days));
        }
        self.add(name, Arc::new(b.finish()), false);
    }

    /// The table.
    pub fn finish(self) -> RecordBatch {
        batch(self.columns, self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Date32Type;
    use arrow_schema::DataType;

    #[test]
    fn categories_keep_fixed_order_then_first_seen() {
        let mut c = Categories::new(&["b", "a"], true, 6);
        for v in [Some("a"), Some("z"), None, Some("a"), Some("b"), Some("z")] {
            c.push(v);
        }
        let (array, ordered) = c.finish();
        assert!(ordered);
        let d = array.as_dictionary::<Int32Type>();
        let cats = d.values().as_string::<i64>();
        assert_eq!(cats.iter().flatten().collect::<Vec<_>>(), ["b", "a", "z"]);
        let keys: Vec<Option<i32>> = d.keys().iter().collect();
        assert_eq!(keys, [Some(1), Some(2), None, Some(1), Some(0), Some(2)]);
    }

    #[test]
    fn a_small_table_has_typed_columns_and_an_ordered_dictionary() {
        let mut t = TableBuilder::new(2);
        t.text("message", [Some("a"), None]);
        t.category(
            "severity",
            &["info", "warning", "error"],
            true,
            [Some("error"), None],
        );
        t.int("row", [Some(3), None]);
        t.date("due", [NaiveDate::from_ymd_opt(1970, 1, 2), None]);
        t.boolean("closed", [Some(true), Some(false)]);
        t.float("share", [Some(0.5), None]);
        let b = t.finish();
        assert_eq!(b.num_rows(), 2);
        let schema = b.schema();
        let severity = schema.field_with_name("severity").unwrap();
        assert_eq!(severity.dict_is_ordered(), Some(true));
        assert!(matches!(severity.data_type(), DataType::Dictionary(_, _)));
        let due = b
            .column_by_name("due")
            .unwrap()
            .as_primitive::<Date32Type>();
        assert_eq!(due.value(0), 1);
        assert!(due.is_null(1));
        assert_eq!(
            schema.field_with_name("message").unwrap().data_type(),
            &DataType::LargeUtf8
        );
    }

    #[test]
    fn an_empty_table_keeps_its_columns() {
        let mut t = TableBuilder::new(0);
        t.text("ref", std::iter::empty());
        let b = t.finish();
        assert_eq!(b.num_rows(), 0);
        assert_eq!(b.num_columns(), 1);
    }
}
