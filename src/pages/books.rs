//! The ledger of book donations, with totals computed from the bundle, the route the books took, and
//! the people they travelled through.

use leptos::prelude::*;

use crate::app::{app_href, use_document_title};
use crate::i18n::*;
use crate::pages::home::unit_label;
use crate::store::use_store;

#[component]
pub fn BooksPage() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    use_document_title(move || Some(td_string!(locale(lang()), nav_books).to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let l = locale(lang);
        let donations: Vec<_> = bundle
            .items
            .iter()
            .filter_map(|item| item.books.as_ref().map(|b| (item, b)))
            .collect();
        let rows = donations
            .iter()
            .map(|(item, books)| {
                let from = books.from.iter().map(|id| unit_label(&bundle, id, lang)).collect::<Vec<_>>().join(" · ");
                let via = books.via.as_deref().and_then(|id| bundle.person(id)).map(|p| p.name.get(lang).to_owned());
                let to = app_href(&format!("/units/{}", books.to));
                view! {
                    <tr>
                        <th scope="row"><a href=app_href(&format!("/gallery/{}", item.id))>{item.title.get(lang).to_owned()}</a></th>
                        <td>{from}</td>
                        <td>{via.unwrap_or_else(|| "—".into())}</td>
                        <td><a href=to>{unit_label(&bundle, &books.to, lang)}</a></td>
                        <td class="num">{books.count.map_or_else(|| td_string!(l, unknown_count).to_owned(), |c| c.to_string())}</td>
                        <td><time datetime=item.date.clone()>{format_date(lang, &item.date)}</time></td>
                    </tr>
                }
            })
            .collect_view();
        let totals = bundle.book_totals();
        // The people the books travelled through, with what the bundle says of them.
        let carriers = donations
            .iter()
            .filter_map(|(_, b)| b.via.as_deref())
            .filter_map(|id| bundle.person(id))
            .map(|p| {
                view! {
                    <section class="carrier">
                        <h2>{td_string!(l, via)}" "{p.name.get(lang).to_owned()}</h2>
                        <p class="muted">{p.role.get(lang).to_owned()}</p>
                        {p.description.as_ref().map(|d| view! { <p>{d.get(lang).to_owned()}</p> })}
                    </section>
                }
            })
            .collect_view();
        let routes = bundle
            .map
            .routes
            .iter()
            .filter(|r| r.items.iter().any(|id| bundle.item(id).is_some_and(|i| i.books.is_some())))
            .map(|r| {
                view! {
                    <li>
                        {unit_label(&bundle, &r.from, lang)}" → "{unit_label(&bundle, &r.to, lang)}": "
                        {r.label.get(lang).to_owned()}" · "<a href=app_href("/map#routes")>{td_string!(l, show_on_map)}</a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h1>{td_string!(l, nav_books)}</h1>
            <p class="lead"><span class="total-books">{books_count(l, totals.counted)}</span>
                {(totals.uncounted_donations > 0).then(|| view! { " · "<span class="uncounted">{uncounted(l, totals.uncounted_donations)}</span> })}
            </p>
            <div class="table-scroll">
                <table class="ledger">
                    <thead><tr>
                        <th scope="col">{td_string!(l, nav_books)}</th><th scope="col">{td_string!(l, ledger_from)}</th>
                        <th scope="col">{td_string!(l, via)}</th><th scope="col">{td_string!(l, ledger_to)}</th>
                        <th scope="col">{td_string!(l, ledger_count)}</th><th scope="col">{td_string!(l, date)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="4">{td_string!(l, total_books)}</th>
                        <td class="num total-count">{totals.counted}</td><td></td>
                    </tr></tfoot>
                </table>
            </div>
            <h2>{td_string!(l, route)}</h2>
            <ul class="routes">{routes}</ul>
            {carriers}
        })
    }
}
