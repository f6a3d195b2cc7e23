//! The ledger of book donations, with totals computed from the bundle.

use leptos::prelude::*;

use crate::app::use_document_title;
use crate::i18n::{format_date, ui};
use crate::pages::home::unit_label;
use crate::store::use_store;

#[component]
pub fn BooksPage() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let t = move || ui(lang());
    use_document_title(move || Some(t().nav_books.to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let rows = bundle
            .items
            .iter()
            .filter_map(|item| item.books.as_ref().map(|books| (item, books)))
            .map(|(item, books)| {
                let from = books.from.iter().map(|id| unit_label(&bundle, id, lang)).collect::<Vec<_>>().join(" · ");
                let via = books.via.as_deref().and_then(|id| bundle.person(id)).map(|p| p.name.get(lang).to_owned());
                view! {
                    <tr>
                        <th scope="row">{item.title.get(lang).to_owned()}</th>
                        <td>{from}</td>
                        <td>{via.unwrap_or_else(|| "—".into())}</td>
                        <td>{unit_label(&bundle, &books.to, lang)}</td>
                        <td class="num">{books.count.map(|c| c.to_string()).unwrap_or_else(|| "—".into())}</td>
                        <td><time datetime=item.date.clone()>{format_date(lang, &item.date)}</time></td>
                    </tr>
                }
            })
            .collect_view();
        let totals = bundle.book_totals();
        Some(view! {
            <h1>{t().nav_books}</h1>
            <p class="lead total-books">{(t().books_count)(totals.counted)}</p>
            <div class="table-scroll">
                <table class="ledger">
                    <thead><tr>
                        <th scope="col">{t().nav_books}</th><th scope="col">{t().ledger_from}</th>
                        <th scope="col">{t().via}</th><th scope="col">{t().ledger_to}</th>
                        <th scope="col">{t().ledger_count}</th><th scope="col">{t().date}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}
