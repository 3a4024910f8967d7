//! `corroborate batch`: JSON Lines of story clusters in, one JSON line per story out, in order,
//! streaming; errors are per story; exit codes 0 / 1 / 2.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

#[path = "common/cli.rs"]
mod cli_common;
use cli_common::{bin, seeds};

/// The seed articles as one story line, ids = file stems (as `compare` names them).
fn seed_story(name: &str) -> String {
    let articles: Vec<serde_json::Value> = seeds()
        .iter()
        .map(|p| serde_json::json!({"id": p.file_stem().unwrap().to_str().unwrap(), "text": std::fs::read_to_string(p).unwrap()}))
        .collect();
    serde_json::json!({"story": name, "articles": articles}).to_string()
}

fn run(stdin: &str, args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let mut child = bin().arg("batch").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect();
    (out.status.code(), lines, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn one_line_per_story_in_order_with_errors_per_story() {
    let input = format!(
        "{}\n{}\n\nnot json\n{}\n",
        seed_story("peace-talks"),
        r#"{"story": "lonely", "articles": [{"id": "a", "text": "Only one article here."}]}"#,
        seed_story("again"),
    );
    let (code, lines, stderr) = run(&input, &[]);
    assert_eq!(code, Some(1), "some story failed: exit 1 ({stderr})");
    assert!(stderr.contains("2 stories could not be compared"), "{stderr}");
    // The blank line 3 gives no output; every other line gives one, in order, with its number.
    let nums: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(nums, [1, 2, 4, 5]);
    assert_eq!(lines[0]["story"], "peace-talks");
    assert_eq!(lines[1]["story"], "lonely");
    assert!(lines[1]["error"].as_str().unwrap().contains("only 1 article"), "{}", lines[1]);
    assert!(lines[1].get("report").is_none());
    assert!(lines[2]["story"].is_null());
    assert!(lines[2]["error"].as_str().unwrap().starts_with("not a story cluster"), "{}", lines[2]);
    assert_eq!(lines[3]["story"], "again");

    // The report is the one `compare` gives on the same articles.
    let cli = bin().args(["compare", "--format", "json"]).args(seeds()).output().unwrap();
    let expected: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(lines[0]["report"], expected);
    assert_eq!(lines[3]["report"], expected);
    assert!(lines[0].get("error").is_none());
}

#[test]
fn all_compared_exits_0_and_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("corroborate-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("clusters.jsonl");
    std::fs::write(&file, format!("{}\n{}", seed_story("a"), seed_story("b"))).unwrap(); // no final newline
    let (code, lines, stderr) = run("", &[file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["report"]["facts"].as_array().is_some_and(|f| !f.is_empty())));

    let (code, lines, stderr) = run("", &["/nonexistent/clusters.jsonl"]);
    assert_eq!(code, Some(2));
    assert!(lines.is_empty());
    assert!(stderr.contains("cannot read /nonexistent/clusters.jsonl"), "{stderr}");
}

#[test]
fn streams_each_story_before_the_input_ends() {
    let mut child = bin().arg("batch").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", seed_story("first")).unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        while let Some(Ok(l)) = lines.next() {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    // The first answer arrives while stdin is still open.
    let first = rx.recv_timeout(Duration::from_secs(60)).expect("the first story's line before the input ends");
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["story"], "first");
    writeln!(stdin, "{}", seed_story("second")).unwrap();
    drop(stdin);
    let second: serde_json::Value = serde_json::from_str(&rx.recv_timeout(Duration::from_secs(60)).unwrap()).unwrap();
    assert_eq!(second["story"], "second");
    assert!(child.wait().unwrap().success());
}
