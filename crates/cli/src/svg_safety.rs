//! Whether an SVG image can run script. In the gallery's `<img>` it never does; but a visitor can open
//! the image by itself (a new tab, a copied address), and then it is a document of the site's own origin,
//! where a `<script>`, an `onload` or an HTML `<iframe>` inside a `foreignObject` would run as the site
//! itself. The server's headers (`Content-Security-Policy: sandbox` on media/, docs/maintainers.md)
//! stop that too; this check keeps such a file from being published at all.
//!
//! The file is parsed as XML (roxmltree: namespaces resolved, entities expanded, attribute values
//! unescaped), as the browser parses it, so that neither a namespace prefix (`<svg:script>`), nor an
//! entity, nor a character reference (`&#106;avascript:`) hides anything. A file that is not
//! well-formed XML is refused too: browsers show nothing for it.

use roxmltree::{Document, Node, NodeType, ParsingOptions};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Elements that run script or hold HTML, in any namespace and any case (XML is case-sensitive and
/// `<SCRIPT>` is not a script in SVG, but nothing legitimate is called that either): SVG's `script`
/// and `foreignObject`, and SVG Tiny's and XML Events' `handler` and `listener`.
const SCRIPTING_ELEMENTS: &[&str] = &["script", "foreignobject", "handler", "listener"];

/// One thing in an SVG that could run script, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: u32,
    /// What it is, e.g. `a <script> element`.
    pub what: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {})", self.what, self.line)
    }
}

/// Everything in the SVG document `text` that could run script when it is opened as a page, in
/// document order; `Err` with the reason when the text is not a well-formed SVG document.
pub fn scripting_in_svg(text: &str) -> Result<Vec<Finding>, String> {
    let options = ParsingOptions {
        // Exporters write a DOCTYPE (Illustrator with entities in it); the browser expands them, and so
        // does the parser, so that what they hold is checked too.
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options)
        .map_err(|err| format!("it is not well-formed XML ({err})"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err(format!(
            "its root element is <{}>, not <svg xmlns=\"{SVG_NS}\">",
            qualified(root)
        ));
    }
    let mut findings = Vec::new();
    for node in doc.root().descendants() {
        let line = doc.text_pos_at(node.range().start).row;
        let mut found = |what: String| findings.push(Finding { line, what });
        match node.node_type() {
            NodeType::Element => {
                let name = node.tag_name().name();
                if SCRIPTING_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
                    found(format!("a <{}> element", qualified(node)));
                } else if node.tag_name().namespace() == Some(XHTML_NS) {
                    found(format!("an HTML element <{}>", qualified(node)));
                }
                for attribute in node.attributes() {
                    let name = attribute.name();
                    let value = attribute.value();
                    if starts_with_on(name) {
                        found(format!("an event handler {name}=\"…\""));
                    } else if name == "attributeName" && starts_with_on(value.trim()) {
                        // <set attributeName="onclick" to="…">: an animation that writes a handler.
                        found(format!(
                            "an animation of the event handler {}",
                            value.trim()
                        ));
                    }
                    if let Some(scheme) = value.split(';').find_map(scripting_url) {
                        let written =
                            match attribute.namespace().and_then(|ns| node.lookup_prefix(ns)) {
                                Some(prefix) if !prefix.is_empty() => format!("{prefix}:{name}"),
                                _ => name.to_owned(),
                            };
                        found(format!("a {scheme} URL in {written}=\"…\""));
                    }
                }
            }
            NodeType::PI => {
                // <?xml-stylesheet type="text/xsl" …?>: XSLT turns the file into any page, scripts
                // included. A CSS stylesheet cannot run script.
                if let Some(pi) = node.pi() {
                    let css = pi.value.is_some_and(|v| {
                        v.contains("type=\"text/css\"") || v.contains("type='text/css'")
                    });
                    if pi.target.eq_ignore_ascii_case("xml-stylesheet") && !css {
                        found("an <?xml-stylesheet?> instruction that is not CSS".into());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(findings)
}

/// `onload`, `ONCLICK`: the name of an event handler attribute (no SVG or HTML attribute that is not
/// one starts with "on").
fn starts_with_on(name: &str) -> bool {
    name.len() > 2 && name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"))
}

/// The scheme of a URL that runs script or opens a page when followed or loaded (`javascript:`,
/// `vbscript:`, a `data:` URL of anything but an image), read as the browser reads a URL: without
/// leading and trailing spaces and control characters, and without tabs and line breaks anywhere.
fn scripting_url(value: &str) -> Option<String> {
    let url: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(40)
        .collect::<String>()
        .to_ascii_lowercase();
    if url.starts_with("javascript:") || url.starts_with("vbscript:") {
        return url.split(':').next().map(|s| format!("{s}:"));
    }
    if let Some(rest) = url.strip_prefix("data:") {
        if !rest.starts_with("image/") {
            let kind = rest.split([';', ',']).next().unwrap_or("");
            return Some(format!("data:{kind}"));
        }
    }
    None
}

/// An element's name as written, with its prefix if it has one (`svg:script`).
fn qualified(node: Node) -> String {
    let name = node.tag_name().name();
    match node
        .tag_name()
        .namespace()
        .and_then(|ns| node.lookup_prefix(ns))
    {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{name}"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">"#;

    fn found(body: &str) -> Vec<String> {
        let svg = format!("{HEAD}\n{body}\n</svg>");
        scripting_in_svg(&svg)
            .unwrap_or_else(|err| panic!("{svg}: {err}"))
            .into_iter()
            .map(|f| f.to_string())
            .collect()
    }

    #[test]
    fn a_plain_drawing_has_nothing() {
        assert_eq!(
            found(
                r##"<rect width="5" height="5" fill="#b3261e"/><a href="https://example.org/"><text>x</text></a><image href="data:image/png;base64,iVBOR" width="1" height="1"/><style>rect { fill: red }</style>"##
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn scripts_are_found_with_any_prefix_or_case() {
        assert_eq!(
            found("<script>alert(1)</script>"),
            ["a <script> element (line 2)"]
        );
        let svg = r#"<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="1" height="1"><svg:script>alert(1)</svg:script></svg:svg>"#;
        assert_eq!(
            scripting_in_svg(svg).unwrap()[0].what,
            "a <svg:script> element"
        );
        assert_eq!(found("<SCRIPT/>"), ["a <SCRIPT> element (line 2)"]);
        let html = found(r#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#);
        assert_eq!(html, ["a <h:script> element (line 2)"]);
    }

    #[test]
    fn event_handlers_and_foreign_objects_are_found() {
        assert_eq!(
            found(
                r#"<rect onload="alert(1)"/><g ONCLICK="x"/><foreignObject width="1" height="1"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#
            ),
            [
                "an event handler onload=\"…\" (line 2)",
                "an event handler ONCLICK=\"…\" (line 2)",
                "a <foreignObject> element (line 2)",
                "an HTML element <div> (line 2)",
            ]
        );
        assert_eq!(
            found(r#"<set attributeName="onmouseover" to="alert(1)"/>"#),
            ["an animation of the event handler onmouseover (line 2)"]
        );
    }

    #[test]
    fn script_urls_are_found_however_they_are_written() {
        for body in [
            r#"<a href="javascript:alert(1)"><text>x</text></a>"#,
            r#"<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href=" JavaScript:alert(1)"/>"#,
            r#"<a href="&#106;avascript:alert(1)"/>"#,
            r#"<a href="java&#9;script:alert(1)"/>"#,
            r#"<a><set attributeName="href" to="javascript:alert(1)"/></a>"#,
            r#"<a><animate attributeName="href" values="https://x.example/;javascript:alert(1)"/></a>"#,
        ] {
            let all = found(body);
            assert_eq!(all.len(), 1, "{body}: {all:?}");
            assert!(
                all[0].starts_with("a javascript: URL in "),
                "{body}: {all:?}"
            );
        }
        assert_eq!(
            found(r#"<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>"#),
            ["a data:text/html URL in href=\"…\" (line 2)"]
        );
        assert_eq!(
            found(r#"<a href="vbscript:x"/>"#),
            ["a vbscript: URL in href=\"…\" (line 2)"]
        );
    }

    #[test]
    fn entities_do_not_hide_anything() {
        let svg = "<!DOCTYPE svg [ <!ENTITY s \"<script>alert(1)</script>\"> ]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">&s;</svg>";
        let all = scripting_in_svg(svg).unwrap();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].what, "a <script> element");
    }

    #[test]
    fn an_xslt_stylesheet_is_found_and_css_is_not() {
        let xsl = format!("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n{HEAD}</svg>");
        assert_eq!(scripting_in_svg(&xsl).unwrap().len(), 1);
        let css = format!("<?xml-stylesheet type=\"text/css\" href=\"x.css\"?>\n{HEAD}</svg>");
        assert_eq!(scripting_in_svg(&css).unwrap(), []);
    }

    #[test]
    fn a_file_that_is_not_a_well_formed_svg_is_refused() {
        for text in [
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"a\" onload=\"b\"/>",
            "<svg:svg><svg:script/></svg:svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">&undefined;</svg>",
            "not xml",
        ] {
            let err = scripting_in_svg(text).unwrap_err();
            assert!(err.contains("not well-formed"), "{text}: {err}");
        }
        let err = scripting_in_svg(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>",
        )
        .unwrap_err();
        assert!(err.contains("root element is <html>"), "{err}");
        let err = scripting_in_svg("<svg width=\"1\" height=\"1\"/>").unwrap_err();
        assert!(err.contains("not <svg xmlns="), "{err}");
    }

    #[test]
    fn the_sites_sample_images_are_plain_drawings() {
        let media = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/media");
        let mut seen = 0;
        for entry in std::fs::read_dir(media).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "svg") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert_eq!(scripting_in_svg(&text), Ok(vec![]), "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen >= 5);
    }
}
