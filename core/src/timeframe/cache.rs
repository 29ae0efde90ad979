//! A cache of readings, for plans that repeat the same phrases.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{parse, Settings, Timeframe};

/// Readings already made, by phrase and reference date, so that plan import reads each
/// distinct phrase once. A change of settings empties it.
///
/// ```
/// use actionplan::timeframe::{Cache, Settings};
/// let mut cache = Cache::new();
/// let s = Settings::default();
/// let a = cache.parse("Summer 2025", None, &s);
/// let b = cache.parse("Summer 2025", None, &s);
/// assert_eq!(a, b);
/// assert_eq!(cache.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cache {
    by_reference: HashMap<Option<NaiveDate>, HashMap<String, Timeframe>>,
    settings: Option<Settings>,
    len: usize,
}

/// Entries kept before the cache starts again (bounds memory on very large inputs).
const MAX_ENTRIES: usize = 100_000;

impl Cache {
    /// An empty cache.
    ///
    /// ```
    /// assert!(actionplan::timeframe::Cache::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Read `text` as [`parse`] does, from the cache when it was read before with the same
    /// reference date and settings.
    ///
    /// ```
    /// use actionplan::timeframe::{Cache, Settings};
    /// let mut cache = Cache::new();
    /// let t = cache.parse("Q3 2024/25", None, &Settings::default());
    /// assert_eq!(t.due(), Some("2024-12-31".parse().unwrap()));
    /// ```
    pub fn parse(
        &mut self,
        text: &str,
        reference: Option<NaiveDate>,
        settings: &Settings,
    ) -> Timeframe {
        if self.settings.as_ref() != Some(settings) {
            self.clear();
            self.settings = Some(settings.clone());
        }
        if let Some(t) = self.by_reference.get(&reference).and_then(|m| m.get(text)) {
            return t.clone();
        }
        let t = parse(text, reference, settings);
        if self.len >= MAX_ENTRIES {
            self.clear();
            self.settings = Some(settings.clone());
        }
        self.by_reference
            .entry(reference)
            .or_default()
            .insert(text.to_string(), t.clone());
        self.len += 1;
        t
    }

    /// Number of readings held.
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::Cache::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing is held.
    ///
    /// ```
    /// assert!(actionplan::timeframe::Cache::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Forget every reading.
    ///
    /// ```
    /// let mut c = actionplan::timeframe::Cache::new();
    /// c.parse("May 2025", None, &Default::default());
    /// c.clear();
    /// assert!(c.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.by_reference.clear();
        self.len = 0;
    }
}
