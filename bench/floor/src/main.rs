//! The framework's floor: a counter (the reactive system and views); fetching a JSON text (feature
//! `fetch`); the router's two routes and links, nested (feature `router`) or flat as in the app
//! (feature `flat`). See Cargo.toml and scripts/bench-floor.mjs.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <button on:click=move |_| count.update(|n| *n += 1)>"Count: " {move || count.get()}</button>
    }
}

#[cfg(feature = "fetch")]
#[component]
fn Fetched() -> impl IntoView {
    let text = LocalResource::new(|| async {
        let response = gloo_net::http::Request::get("data/bundle.json")
            .send()
            .await
            .ok()?;
        response.text().await.ok()
    });
    view! {
        <Suspense fallback=|| "…">
            <p>{move || text.get().flatten().map(|t| t.len())}</p>
        </Suspense>
    }
}

#[cfg(not(feature = "fetch"))]
#[component]
fn Fetched() -> impl IntoView {}

#[cfg(feature = "router")]
#[component]
fn App() -> impl IntoView {
    use leptos_router::components::{FlatRoutes, Route, Router, Routes, A};
    use leptos_router::path;
    let routes = if cfg!(feature = "flat") {
        view! {
            <FlatRoutes fallback=|| "Not found">
                <Route path=path!("/") view=|| view! { <h1>"Home"</h1> <Counter/> <Fetched/> }/>
                <Route path=path!("/about") view=|| view! { <h1>"About"</h1> }/>
            </FlatRoutes>
        }
        .into_any()
    } else {
        view! {
            <Routes fallback=|| "Not found">
                <Route path=path!("/") view=|| view! { <h1>"Home"</h1> <Counter/> <Fetched/> }/>
                <Route path=path!("/about") view=|| view! { <h1>"About"</h1> }/>
            </Routes>
        }
        .into_any()
    };
    view! {
        <Router>
            <nav><A href="/">"Home"</A> <A href="/about">"About"</A></nav>
            <main>{routes}</main>
        </Router>
    }
}

#[cfg(not(feature = "router"))]
#[component]
fn App() -> impl IntoView {
    view! { <main><h1>"Home"</h1> <Counter/> <Fetched/></main> }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
