//! Renders pages of the site to HTML natively (feature `ssr`), for trying the renderer:
//! `cargo run --no-default-features --features ssr --bin prerender -- public/data/bundle.json /gallery`.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(bundle), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender BUNDLE.json PATH");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&bundle).expect("read the bundle");
    let bundle = bundle::parse(&text).expect("a valid bundle");
    let page = showcase::app::render_page(std::sync::Arc::new(bundle), bundle::Lang::Zh, "", &path);
    println!("<title>{}</title>\n{}", page.title, page.body);
}
