//! Helpers of the command-line tests (`tests/cli.rs`, `tests/batch.rs`), included by path: they
//! need the `corroborate` binary, which the wasm tests sharing `common/mod.rs` do not have.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The `corroborate` binary built for this test run.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

/// The seed article files (data/seeds), sorted.
pub fn seeds() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}
