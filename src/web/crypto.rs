//! Hashes through the browser's Web Crypto.

/// SHA-256 in hex through Web Crypto (`crypto.subtle`, only in secure contexts).
pub async fn sha256_hex(bytes: &[u8]) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if subtle.is_undefined() {
        return None;
    }
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
