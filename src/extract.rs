//! Extraction (stub).
use crate::Article;
pub struct Doc { pub id: String, pub title: String, pub text: String }
pub fn analyze(a: &Article) -> Doc { Doc { id: a.id.clone(), title: a.title.clone().unwrap_or_default(), text: a.text.clone() } }
