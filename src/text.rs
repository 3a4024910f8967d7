//! Text stage (stub, replaced shortly).
