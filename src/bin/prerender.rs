//! Renders the pages of a site natively (feature `ssr`), by the app's own components:
//! - `prerender SITE`: writes every page of the built site in the folder SITE from its own bundle
//!   (`showcase::app::write_pages`; the build runs it on dist/);
//! - `prerender BUNDLE.json PATH`: prints one page's title and markup, for trying the renderer.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [site] => match showcase::app::write_pages(std::path::Path::new(site)) {
            Ok(files) => println!("prerender: {} pages written in {site}", files.len()),
            Err(err) => {
                eprintln!("prerender: {err}");
                std::process::exit(1);
            }
        },
        [bundle, path] => {
            let text = std::fs::read_to_string(bundle).expect("read the bundle");
            let bundle = bundle::parse(&text).expect("a valid bundle");
            let page =
                showcase::app::render_page(std::sync::Arc::new(bundle), bundle::Lang::Zh, "", path);
            println!("<title>{}</title>\n{}", page.title, page.body);
        }
        _ => {
            eprintln!("usage: prerender SITE | prerender BUNDLE.json PATH");
            std::process::exit(2);
        }
    }
}
