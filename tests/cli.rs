//! The `corroborate` command line: output formats, exit codes and messages on bad input.

use std::path::PathBuf;

#[path = "common/cli.rs"]
mod cli_common;
use cli_common::{bin, seeds};

fn tmp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn json_report_uses_file_stems_as_ids() {
    let out = bin().arg("compare").arg("--format").arg("json").args(seeds()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"][0]["id"], "000_e8bd50c7991fc38f");
    assert_eq!(v["sources"].as_array().unwrap().len(), 5);
    assert_eq!(v["offset_unit"], "utf8");
}

#[test]
fn streamed_json_is_the_library_json_byte_for_byte() {
    // The CLI writes its JSON through its own formatter, to stream it; it must be `to_json`'s.
    let out = bin().args(["compare", "--format", "json"]).args(seeds()).output().unwrap();
    assert!(out.status.success());
    let articles: Vec<corroborate::Article> = seeds()
        .iter()
        .map(|p| corroborate::Article::new(p.file_stem().unwrap().to_string_lossy(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let want = corroborate::to_json(&corroborate::compare(&articles).unwrap());
    assert!(out.stdout == want.as_bytes(), "the CLI's JSON differs from to_json");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let mut child = bin().args(["compare", "--format", "json"]).args(seeds()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe is closed
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(&first[..1], b"{");
}

#[test]
fn markdown_report_cites_sources() {
    let out = bin().args(["compare", "--format", "markdown"]).args(seeds()).output().unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Comparison of 5 sources"));
    assert!(md.contains("## Corroborated facts"));
    assert!(md.contains("[003_3ddae123ad0d3eba §"));
    // The "second meeting" article is flagged; a fact it shares with the others says so.
    let facts = &md[md.find("## Corroborated facts").unwrap()..md.find("## Single-source details").unwrap()];
    assert!(facts.lines().any(|l| l.contains("— 001_f76da1300c43f52b possibly about a different event")), "{facts}");
}

#[test]
fn bad_input_gives_a_message_and_exit_1() {
    let one = bin().arg("compare").arg(&seeds()[0]).output().unwrap();
    assert_eq!(one.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&one.stderr).contains("only 1 article"));

    let missing = bin().args(["compare", "/nonexistent/a.txt", "/nonexistent/b.txt"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/a.txt"));

    let empty = tmp("empty.txt", b"  \n\n ");
    let e = bin().arg("compare").arg(&seeds()[0]).arg(&empty).output().unwrap();
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("\"empty\" is empty"));

    let usage = bin().arg("compare").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_not_a_crash() {
    let bin_file = tmp("binary.txt", &[0xff, 0xfe, b'H', b'i', 0x00, 0xc3, b' ', b'x']);
    let out = bin().arg("compare").arg(&seeds()[0]).arg(&bin_file).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn clean_prints_the_article_text_of_a_page() {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/sciencealert.html");
    let out = bin().arg("clean").arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("NASA Just Confirmed There Are Water Plumes"));
    assert!(text.contains("\n\nA team led by researchers out of NASA's Goddard Space Flight Center"));
    assert!(!text.contains("Privacy Policy") && !text.contains('<'));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a web page"));
    let out = bin().args(["clean", "--format", "json"]).arg(&page).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["title"].as_str().unwrap().starts_with("NASA Just Confirmed"));
    assert!(v["warnings"].is_array() && v["text"].as_str().unwrap().contains("Europa Clipper"));
}

#[test]
fn compare_reads_html_files_as_their_article_text() {
    let page = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/aljazeera.html")).unwrap();
    // The same page twice (as .html, and as .txt whose content looks like HTML), so both are cleaned.
    let a = tmp("aj.html", &page);
    let b = tmp("aj_copy.txt", &page);
    let out = bin().args(["compare", "--format", "json"]).arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("is a web page").count(), 2, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"][0]["title"], "US service members killed in Afghanistan helicopter crash");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(!json.contains("Featured Documentaries") && !json.contains("<div"));
}
