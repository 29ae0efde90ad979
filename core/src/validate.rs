//! Validation (placeholder while the checks land).
