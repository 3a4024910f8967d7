//! The committed JSON Schema (schema/report.schema.json) describes the report the engine makes:
//! the seed report and odd-input reports validate against it. The validator covers the subset of
//! JSON Schema the file uses (type, const, enum, required, properties, additionalProperties,
//! items, minItems, maxItems, minimum, $ref to $defs); written here to avoid a heavy dependency.

mod common;

use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(include_str!("../schema/report.schema.json")).unwrap()
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn validate(root: &Value, s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(root, &root["$defs"][name], v, path, errors);
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => errors.push(format!("{path}: not {t}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap_or(""), v)) => errors.push(format!("{path}: wrong type")),
        _ => {}
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{path}: not {c}"));
        }
    }
    if let Some(Value::Array(e)) = s.get("enum") {
        if !e.contains(v) {
            errors.push(format!("{path}: {v} not in enum"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < min {
            errors.push(format!("{path}: below minimum"));
        }
    }
    if let Value::Object(o) = v {
        let props = s.get("properties").and_then(Value::as_object);
        for req in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !o.contains_key(req.as_str().unwrap()) {
                errors.push(format!("{path}: missing {req}"));
            }
        }
        for (k, val) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, val, &format!("{path}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => errors.push(format!("{path}: unexpected key {k}")),
                None => {}
            }
        }
    }
    if let Value::Array(a) = v {
        if let Some(n) = s.get("minItems").and_then(Value::as_u64) {
            if (a.len() as u64) < n {
                errors.push(format!("{path}: fewer than {n} items"));
            }
        }
        if let Some(n) = s.get("maxItems").and_then(Value::as_u64) {
            if (a.len() as u64) > n {
                errors.push(format!("{path}: more than {n} items"));
            }
        }
        if let Some(items) = s.get("items") {
            for (i, item) in a.iter().enumerate() {
                validate(root, items, item, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

fn check(json: &str) {
    let root = schema();
    let v: Value = serde_json::from_str(json).unwrap();
    let mut errors = Vec::new();
    validate(&root, &root, &v, "$", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn golden_seed_report_validates() {
    check(common::GOLDEN_REPORT);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let root = schema();
    let mut bad: Value = serde_json::from_str(common::GOLDEN_REPORT).unwrap();
    bad["facts"][0]["corroboration"] = Value::from(0);
    bad["conflicts"][0]["kind"] = Value::from("opinion");
    bad["sources"][0].as_object_mut().unwrap().remove("title");
    bad["extra"] = Value::from(1);
    let mut errors = Vec::new();
    validate(&root, &root, &bad, "$", &mut errors);
    assert_eq!(errors.len(), 4, "{errors:?}");
}

#[test]
fn odd_input_reports_validate() {
    use corroborate::{compare, to_json, Article};
    for texts in [["1 2 3", "!!!"], ["Путин встретился.", "Zelenskyâ€™s talks"], ["a", "b"]] {
        let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), *t)).collect();
        check(&to_json(&compare(&arts).unwrap()));
    }
}
