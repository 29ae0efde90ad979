//! A small, dependency-free exporter for the Arrow C Data Interface and the Arrow PyCapsule
//! interface (`__arrow_c_schema__`, `__arrow_c_array__`, `__arrow_c_stream__`).
//!
//! Columns are built in Rust ([`ColumnData`]) and handed to pyarrow, polars or any other
//! Arrow consumer without a Python object per cell. The buffers stay owned by an `Arc` of the
//! table; each exported struct's `release` drops its share.
//!
//! Only the types the action table needs are here: large UTF-8 strings, 32-bit dates, 64-bit
//! integers and floats, booleans, dictionary-encoded strings (categoricals) and lists of
//! strings, inside one struct (a record batch).

use std::ffi::{c_char, c_int, c_void, CString};
use std::ptr;
use std::sync::Arc;

/// `struct ArrowSchema` of the C Data Interface.
#[repr(C)]
pub struct FfiSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut FfiSchema,
    dictionary: *mut FfiSchema,
    release: Option<unsafe extern "C" fn(*mut FfiSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C Data Interface.
#[repr(C)]
pub struct FfiArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut FfiArray,
    dictionary: *mut FfiArray,
    release: Option<unsafe extern "C" fn(*mut FfiArray)>,
    private_data: *mut c_void,
}

/// `struct ArrowArrayStream` of the C Stream Interface.
#[repr(C)]
pub struct FfiStream {
    get_schema: Option<unsafe extern "C" fn(*mut FfiStream, *mut FfiSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut FfiStream, *mut FfiArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut FfiStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut FfiStream)>,
    private_data: *mut c_void,
}

// The structs move between threads only inside PyCapsules, which Python owns; their pointers
// refer to data kept alive by the structs' own private data.
unsafe impl Send for FfiSchema {}
unsafe impl Send for FfiArray {}
unsafe impl Send for FfiStream {}

const FLAG_DICTIONARY_ORDERED: i64 = 1;
const FLAG_NULLABLE: i64 = 2;

/// A validity bitmap with its null count.
#[derive(Debug, Clone, Default)]
pub struct Validity {
    bits: Vec<u8>,
    len: usize,
    nulls: usize,
}

impl Validity {
    /// Room for `rows` values.
    pub fn with_capacity(rows: usize) -> Self {
        Validity {
            bits: Vec::with_capacity(rows.div_ceil(8)),
            len: 0,
            nulls: 0,
        }
    }

    /// Record whether the next value is present.
    pub fn push(&mut self, valid: bool) {
        if self.len.is_multiple_of(8) {
            self.bits.push(0);
        }
        if valid {
            self.bits[self.len / 8] |= 1 << (self.len % 8);
        } else {
            self.nulls += 1;
        }
        self.len += 1;
    }

    /// Number of nulls.
    pub fn nulls(&self) -> usize {
        self.nulls
    }

    /// The bitmap pointer, or null when nothing is null (Arrow allows omitting it).
    fn ptr(&self) -> *const c_void {
        if self.nulls == 0 {
            ptr::null()
        } else {
            self.bits.as_ptr() as *const c_void
        }
    }

    /// Is the value at `i` present?
    pub fn get(&self, i: usize) -> bool {
        self.bits[i / 8] & (1 << (i % 8)) != 0
    }
}

/// Large UTF-8 strings (64-bit offsets).
#[derive(Debug, Clone)]
pub struct Strings {
    offsets: Vec<i64>,
    data: Vec<u8>,
    validity: Validity,
}

impl Default for Strings {
    fn default() -> Self {
        Strings {
            offsets: vec![0],
            data: Vec::new(),
            validity: Validity::default(),
        }
    }
}

impl Strings {
    /// Room for `rows` values of `bytes` bytes in all.
    pub fn with_capacity(rows: usize, bytes: usize) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Strings {
            offsets,
            data: Vec::with_capacity(bytes),
            validity: Validity::with_capacity(rows),
        }
    }

    /// Append a value (or a null).
    pub fn push(&mut self, s: Option<&str>) {
        if let Some(s) = s {
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets.push(self.data.len() as i64);
        self.validity.push(s.is_some());
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// True when there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        if !self.validity.get(i) {
            return None;
        }
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        std::str::from_utf8(&self.data[a..b]).ok()
    }
}

/// The data of one column.
#[derive(Debug, Clone)]
pub enum ColumnData {
    /// Text.
    Str(Strings),
    /// Days since 1970-01-01.
    Date { days: Vec<i32>, validity: Validity },
    /// 64-bit integers.
    Int {
        values: Vec<i64>,
        validity: Validity,
    },
    /// 64-bit floats.
    Float {
        values: Vec<f64>,
        validity: Validity,
    },
    /// Booleans (one byte each here; bit-packed on export).
    Bool { bits: Vec<u8>, len: usize },
    /// Categories: codes into a list of distinct strings.
    Cat {
        codes: Vec<i32>,
        validity: Validity,
        categories: Arc<Strings>,
        ordered: bool,
    },
    /// Lists of strings.
    StrList { offsets: Vec<i32>, values: Strings },
}

impl ColumnData {
    fn len(&self) -> usize {
        match self {
            ColumnData::Str(s) => s.len(),
            ColumnData::Date { days, .. } => days.len(),
            ColumnData::Int { values, .. } => values.len(),
            ColumnData::Float { values, .. } => values.len(),
            ColumnData::Bool { len, .. } => *len,
            ColumnData::Cat { codes, .. } => codes.len(),
            ColumnData::StrList { offsets, .. } => offsets.len() - 1,
        }
    }
}

/// A named column.
#[derive(Debug, Clone)]
pub struct Field {
    /// Column name.
    pub name: String,
    /// Its values.
    pub data: ColumnData,
}

/// A table: named columns of equal length.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Number of rows.
    pub len: usize,
    /// The columns.
    pub fields: Vec<Field>,
}

// ---------------------------------------------------------------------------------------
// Schema export

struct SchemaPrivate {
    format: CString,
    name: CString,
    children: Vec<*mut FfiSchema>,
    dictionary: *mut FfiSchema,
}

unsafe extern "C" fn release_schema(s: *mut FfiSchema) {
    if s.is_null() {
        return;
    }
    let s = &mut *s;
    if s.release.is_none() {
        return;
    }
    let private = Box::from_raw(s.private_data as *mut SchemaPrivate);
    for &child in &private.children {
        if let Some(rel) = (*child).release {
            rel(child);
        }
        drop(Box::from_raw(child));
    }
    if !private.dictionary.is_null() {
        if let Some(rel) = (*private.dictionary).release {
            rel(private.dictionary);
        }
        drop(Box::from_raw(private.dictionary));
    }
    drop(private);
    s.release = None;
}

fn schema_node(
    format: &str,
    name: &str,
    flags: i64,
    children: Vec<FfiSchema>,
    dictionary: Option<FfiSchema>,
) -> FfiSchema {
    let format = CString::new(format).unwrap_or_default();
    let name = CString::new(name.replace('\0', "")).unwrap_or_default();
    let mut children: Vec<*mut FfiSchema> = children
        .into_iter()
        .map(|c| Box::into_raw(Box::new(c)))
        .collect();
    let dictionary = dictionary
        .map(|d| Box::into_raw(Box::new(d)))
        .unwrap_or(ptr::null_mut());
    let n_children = children.len() as i64;
    let children_ptr = if children.is_empty() {
        ptr::null_mut()
    } else {
        children.as_mut_ptr()
    };
    let private = Box::new(SchemaPrivate {
        format,
        name,
        children,
        dictionary,
    });
    FfiSchema {
        format: private.format.as_ptr(),
        name: private.name.as_ptr(),
        metadata: ptr::null(),
        flags,
        n_children,
        children: children_ptr,
        dictionary,
        release: Some(release_schema),
        private_data: Box::into_raw(private) as *mut c_void,
    }
}

fn field_schema(f: &Field) -> FfiSchema {
    match &f.data {
        ColumnData::Str(_) => schema_node("U", &f.name, FLAG_NULLABLE, vec![], None),
        ColumnData::Date { .. } => schema_node("tdD", &f.name, FLAG_NULLABLE, vec![], None),
        ColumnData::Int { .. } => schema_node("l", &f.name, FLAG_NULLABLE, vec![], None),
        ColumnData::Float { .. } => schema_node("g", &f.name, FLAG_NULLABLE, vec![], None),
        ColumnData::Bool { .. } => schema_node("b", &f.name, FLAG_NULLABLE, vec![], None),
        ColumnData::Cat { ordered, .. } => {
            let values = schema_node("U", "", FLAG_NULLABLE, vec![], None);
            let flags = FLAG_NULLABLE | if *ordered { FLAG_DICTIONARY_ORDERED } else { 0 };
            schema_node("i", &f.name, flags, vec![], Some(values))
        }
        ColumnData::StrList { .. } => {
            let item = schema_node("U", "item", FLAG_NULLABLE, vec![], None);
            schema_node("+l", &f.name, FLAG_NULLABLE, vec![item], None)
        }
    }
}

/// The schema of a table: a struct of its columns.
pub fn table_schema(t: &Table) -> FfiSchema {
    let children = t.fields.iter().map(field_schema).collect();
    schema_node("+s", "", 0, children, None)
}

// ---------------------------------------------------------------------------------------
// Array export

struct ArrayPrivate {
    _owner: Arc<Table>,
    _bools: Vec<Vec<u8>>,
    buffers: Vec<*const c_void>,
    children: Vec<*mut FfiArray>,
    dictionary: *mut FfiArray,
}

unsafe extern "C" fn release_array(a: *mut FfiArray) {
    if a.is_null() {
        return;
    }
    let a = &mut *a;
    if a.release.is_none() {
        return;
    }
    let private = Box::from_raw(a.private_data as *mut ArrayPrivate);
    for &child in &private.children {
        if let Some(rel) = (*child).release {
            rel(child);
        }
        drop(Box::from_raw(child));
    }
    if !private.dictionary.is_null() {
        if let Some(rel) = (*private.dictionary).release {
            rel(private.dictionary);
        }
        drop(Box::from_raw(private.dictionary));
    }
    drop(private);
    a.release = None;
}

struct Node {
    length: usize,
    null_count: usize,
    buffers: Vec<*const c_void>,
    bools: Vec<Vec<u8>>,
    children: Vec<FfiArray>,
    dictionary: Option<FfiArray>,
}

fn array_node(owner: &Arc<Table>, n: Node) -> FfiArray {
    let mut children: Vec<*mut FfiArray> = n
        .children
        .into_iter()
        .map(|c| Box::into_raw(Box::new(c)))
        .collect();
    let dictionary = n
        .dictionary
        .map(|d| Box::into_raw(Box::new(d)))
        .unwrap_or(ptr::null_mut());
    let mut private = Box::new(ArrayPrivate {
        _owner: owner.clone(),
        _bools: n.bools,
        buffers: n.buffers,
        children: Vec::new(),
        dictionary,
    });
    let n_children = children.len() as i64;
    let children_ptr = if children.is_empty() {
        ptr::null_mut()
    } else {
        children.as_mut_ptr()
    };
    private.children = std::mem::take(&mut children);
    FfiArray {
        length: n.length as i64,
        null_count: n.null_count as i64,
        offset: 0,
        n_buffers: private.buffers.len() as i64,
        n_children,
        buffers: private.buffers.as_mut_ptr(),
        children: children_ptr,
        dictionary,
        release: Some(release_array),
        private_data: Box::into_raw(private) as *mut c_void,
    }
}

fn pack_bits(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; bytes.len().div_ceil(8)];
    for (i, &b) in bytes.iter().enumerate() {
        if b != 0 {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

fn strings_array(owner: &Arc<Table>, s: &Strings) -> FfiArray {
    array_node(
        owner,
        Node {
            length: s.len(),
            null_count: s.validity.nulls(),
            buffers: vec![
                s.validity.ptr(),
                s.offsets.as_ptr() as *const c_void,
                s.data.as_ptr() as *const c_void,
            ],
            bools: vec![],
            children: vec![],
            dictionary: None,
        },
    )
}

fn field_array(owner: &Arc<Table>, f: &Field) -> FfiArray {
    match &f.data {
        ColumnData::Str(s) => strings_array(owner, s),
        ColumnData::Date { days, validity } => array_node(
            owner,
            Node {
                length: days.len(),
                null_count: validity.nulls(),
                buffers: vec![validity.ptr(), days.as_ptr() as *const c_void],
                bools: vec![],
                children: vec![],
                dictionary: None,
            },
        ),
        ColumnData::Int { values, validity } => array_node(
            owner,
            Node {
                length: values.len(),
                null_count: validity.nulls(),
                buffers: vec![validity.ptr(), values.as_ptr() as *const c_void],
                bools: vec![],
                children: vec![],
                dictionary: None,
            },
        ),
        ColumnData::Float { values, validity } => array_node(
            owner,
            Node {
                length: values.len(),
                null_count: validity.nulls(),
                buffers: vec![validity.ptr(), values.as_ptr() as *const c_void],
                bools: vec![],
                children: vec![],
                dictionary: None,
            },
        ),
        ColumnData::Bool { bits, len } => {
            let packed = pack_bits(bits);
            let p = packed.as_ptr() as *const c_void;
            array_node(
                owner,
                Node {
                    length: *len,
                    null_count: 0,
                    buffers: vec![ptr::null(), p],
                    bools: vec![packed],
                    children: vec![],
                    dictionary: None,
                },
            )
        }
        ColumnData::Cat {
            codes,
            validity,
            categories,
            ..
        } => {
            let dict = strings_array(owner, categories);
            array_node(
                owner,
                Node {
                    length: codes.len(),
                    null_count: validity.nulls(),
                    buffers: vec![validity.ptr(), codes.as_ptr() as *const c_void],
                    bools: vec![],
                    children: vec![],
                    dictionary: Some(dict),
                },
            )
        }
        ColumnData::StrList { offsets, values } => {
            let child = strings_array(owner, values);
            array_node(
                owner,
                Node {
                    length: offsets.len() - 1,
                    null_count: 0,
                    buffers: vec![ptr::null(), offsets.as_ptr() as *const c_void],
                    bools: vec![],
                    children: vec![child],
                    dictionary: None,
                },
            )
        }
    }
}

/// The table as one struct array (a record batch).
pub fn table_array(t: &Arc<Table>) -> FfiArray {
    debug_assert!(t.fields.iter().all(|f| f.data.len() == t.len));
    let children = t.fields.iter().map(|f| field_array(t, f)).collect();
    array_node(
        t,
        Node {
            length: t.len,
            null_count: 0,
            buffers: vec![ptr::null()],
            bools: vec![],
            children,
            dictionary: None,
        },
    )
}

// ---------------------------------------------------------------------------------------
// Stream export: one batch.

struct StreamPrivate {
    table: Arc<Table>,
    done: bool,
}

unsafe extern "C" fn stream_get_schema(s: *mut FfiStream, out: *mut FfiSchema) -> c_int {
    let private = &*((*s).private_data as *const StreamPrivate);
    ptr::write(out, table_schema(&private.table));
    0
}

unsafe extern "C" fn stream_get_next(s: *mut FfiStream, out: *mut FfiArray) -> c_int {
    let private = &mut *((*s).private_data as *mut StreamPrivate);
    if private.done {
        // End of stream: a released array.
        ptr::write(
            out,
            FfiArray {
                length: 0,
                null_count: 0,
                offset: 0,
                n_buffers: 0,
                n_children: 0,
                buffers: ptr::null_mut(),
                children: ptr::null_mut(),
                dictionary: ptr::null_mut(),
                release: None,
                private_data: ptr::null_mut(),
            },
        );
    } else {
        private.done = true;
        ptr::write(out, table_array(&private.table));
    }
    0
}

unsafe extern "C" fn stream_get_last_error(_s: *mut FfiStream) -> *const c_char {
    ptr::null()
}

unsafe extern "C" fn release_stream(s: *mut FfiStream) {
    if s.is_null() || (*s).release.is_none() {
        return;
    }
    drop(Box::from_raw((*s).private_data as *mut StreamPrivate));
    (*s).release = None;
}

/// A stream that yields the table as one batch.
pub fn table_stream(t: &Arc<Table>) -> FfiStream {
    FfiStream {
        get_schema: Some(stream_get_schema),
        get_next: Some(stream_get_next),
        get_last_error: Some(stream_get_last_error),
        release: Some(release_stream),
        private_data: Box::into_raw(Box::new(StreamPrivate {
            table: t.clone(),
            done: false,
        })) as *mut c_void,
    }
}

/// Release an exported struct left unconsumed in a capsule.
pub fn drop_schema(mut s: FfiSchema) {
    if let Some(rel) = s.release {
        unsafe { rel(&mut s) }
    }
}

/// Release an exported array left unconsumed in a capsule.
pub fn drop_array(mut a: FfiArray) {
    if let Some(rel) = a.release {
        unsafe { rel(&mut a) }
    }
}

/// Release an exported stream left unconsumed in a capsule.
pub fn drop_stream(mut s: FfiStream) {
    if let Some(rel) = s.release {
        unsafe { rel(&mut s) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_keep_values_and_nulls() {
        let mut s = Strings::with_capacity(3, 4);
        s.push(Some("ab"));
        s.push(None);
        s.push(Some("ćd"));
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s.get(0), s.get(1), s.get(2)),
            (Some("ab"), None, Some("ćd"))
        );
        assert_eq!(s.validity.nulls(), 1);
    }

    #[test]
    fn validity_without_nulls_is_omitted() {
        let mut v = Validity::default();
        for _ in 0..9 {
            v.push(true);
        }
        assert!(v.ptr().is_null());
        v.push(false);
        assert!(!v.ptr().is_null());
        assert!(v.get(8) && !v.get(9));
    }

    #[test]
    fn exported_structs_release_their_children() {
        let mut s = Strings::default();
        s.push(Some("x"));
        let t = Arc::new(Table {
            len: 1,
            fields: vec![
                Field {
                    name: "a".into(),
                    data: ColumnData::Str(s.clone()),
                },
                Field {
                    name: "c".into(),
                    data: ColumnData::Cat {
                        codes: vec![0],
                        validity: Validity::default(),
                        categories: Arc::new(s),
                        ordered: true,
                    },
                },
            ],
        });
        let schema = table_schema(&t);
        assert_eq!(schema.n_children, 2);
        drop_schema(schema);
        let array = table_array(&t);
        assert_eq!(array.length, 1);
        drop_array(array);
        let stream = table_stream(&t);
        drop_stream(stream);
        assert_eq!(
            Arc::strong_count(&t),
            1,
            "every exported share was released"
        );
    }
}
