//! Alphabetical order as the browser has it (`Intl.Collator`), for the gallery's sort by title.

use bundle::Lang;

/// Title keys in the browser's alphabetical order for `lang` (`Intl.Collator`: pinyin for Chinese,
/// numbers by value, "2" before "10"). Each string crosses into JavaScript and back once; the sort runs
/// there with the collator's own `compare`, never calling back into Rust.
pub fn collate(lang: Lang, keys: Vec<String>) -> Vec<String> {
    use wasm_bindgen::{JsCast, JsValue};
    // A browser without `Intl` (none this site supports): the keys stay by code point.
    if !js_sys::Reflect::has(&js_sys::global(), &"Intl".into()).unwrap_or(false) {
        return keys;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&lang.bcp47().into()), &options);
    let array: js_sys::Array = keys.iter().map(|key| JsValue::from_str(key)).collect();
    // `Array.prototype.sort` with the collator's compare function.
    let sorted = js_sys::Reflect::get(&array, &"sort".into()).and_then(|sort| {
        sort.unchecked_into::<js_sys::Function>()
            .call1(&array, &collator.compare())
    });
    match sorted {
        Ok(_) => array.iter().filter_map(|key| key.as_string()).collect(),
        // Not with a real collator. The keys come back as they came: by code point.
        Err(_) => keys,
    }
}
