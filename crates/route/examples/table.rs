//! Prints the route table as JSON for the build (scripts/wasm-split.mjs writes it into index.html's
//! preloader): `[{"path": "/gallery/:id", "chunk": "item"}, …]`, the pages whose code is a chunk.

use route::Page;

fn main() {
    let rows: Vec<String> = Page::ALL
        .iter()
        .filter(|page| page.chunk() != "main")
        .map(|page| {
            // index.html's preloader matches paths segment by segment: "every other path" is not one.
            assert!(
                !page.pattern().is_empty(),
                "{page:?}: the page of every other path stays in main"
            );
            format!(
                r#"{{"path":"{}","chunk":"{}"}}"#,
                page.pattern(),
                page.chunk()
            )
        })
        .collect();
    println!("[{}]", rows.join(","));
}
