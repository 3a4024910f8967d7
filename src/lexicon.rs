//! Lexicons (stub).
