//! The ledger of book donations, with totals computed from the bundle, the route the books took, and
//! the people they travelled through.

use leptos::prelude::*;

use crate::i18n::*;
use crate::router::{href, href_with, Page, Route};
use crate::site::use_document_title;
use crate::state::use_store;

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
        // Each donation's cells, as text, once: for the table and for the cards.
        let cells: Vec<Donation> = donations
            .iter()
            .map(|(item, books)| Donation {
                item: href(&Route::item(&item.id)),
                title: item.title.get(lang).to_owned(),
                from: books
                    .from
                    .iter()
                    .map(|id| bundle.unit_label(id, lang))
                    .collect::<Vec<_>>()
                    .join(" · "),
                via: (books.via.as_deref().and_then(|id| bundle.person(id)))
                    .map_or_else(|| "—".into(), |p| p.name.get(lang).to_owned()),
                to: href(&Route::unit(&books.to)),
                to_name: bundle.unit_label(&books.to, lang),
                count: books.count.map_or_else(
                    || td_string!(l, unknown_count).to_owned(),
                    |c| group_thousands(c.into()),
                ),
                date: item.date.clone(),
                shown_date: format_date(lang, &item.date),
            })
            .collect();
        let rows = cells
            .iter()
            .cloned()
            .map(|d| {
                view! {
                    <tr>
                        <th scope="row"><a href=d.item>{d.title}</a></th>
                        <td>{d.from}</td>
                        <td>{d.via}</td>
                        <td><a href=d.to>{d.to_name}</a></td>
                        <td class="num">{d.count}</td>
                        <td><time datetime=d.date>{d.shown_date}</time></td>
                    </tr>
                }
            })
            .collect_view();
        // The same donations as cards, for phones (the stylesheet shows one or the other): six columns
        // do not fit a phone's width.
        let cards = cells
            .into_iter()
            .map(|d| {
                view! {
                    <li>
                        <h2><a href=d.item>{d.title}</a></h2>
                        <dl>
                            <dt>{td_string!(l, ledger_from)}</dt><dd>{d.from}</dd>
                            <dt>{td_string!(l, via)}</dt><dd>{d.via}</dd>
                            <dt>{td_string!(l, ledger_to)}</dt><dd><a href=d.to>{d.to_name}</a></dd>
                            <dt>{td_string!(l, ledger_count)}</dt><dd>{d.count}</dd>
                            <dt>{td_string!(l, date)}</dt><dd><time datetime=d.date>{d.shown_date}</time></dd>
                        </dl>
                    </li>
                }
            })
            .collect_view();
        let totals = bundle.book_totals();
        // The people the books travelled through, each once, with what the bundle says of them and
        // what they carried.
        let carriers = bundle
            .book_carriers()
            .into_iter()
            .map(|carried| {
                let p = carried.person;
                let donations = carried
                    .items
                    .iter()
                    .map(|item| {
                        let count = item.books.as_ref().and_then(|b| b.count);
                        view! {
                            <li>
                                <a href=href(&Route::item(&item.id))>{item.title.get(lang).to_owned()}</a>
                                " · "{count.map_or_else(|| td_string!(l, unknown_count).to_owned(), |c| books_count(l, c.into()))}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="carrier">
                        <h2>{td_string!(l, via)}" "{p.name.get(lang).to_owned()}</h2>
                        <p class="muted">{p.role.get(lang).to_owned()}</p>
                        {p.description.as_ref().map(|d| view! { <p>{d.get(lang).to_owned()}</p> })}
                        <p class="carried-total">{books_count(l, carried.totals.counted)}
                            {(carried.totals.uncounted_donations > 0).then(|| view! { " · "{uncounted(l, carried.totals.uncounted_donations)} })}
                        </p>
                        <ul class="carried">{donations}</ul>
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
                        {bundle.unit_label(&r.from, lang)}" → "{bundle.unit_label(&r.to, lang)}": "
                        {r.label.get(lang).to_owned()}" · "<a href=href_with(&Page::Map.into(), "#routes")>{td_string!(l, show_on_map)}</a>
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
                        <td class="num total-count">{group_thousands(totals.counted)}</td><td></td>
                    </tr></tfoot>
                </table>
            </div>
            <ul class="ledger-cards">{cards}</ul>
            <h2>{td_string!(l, route)}</h2>
            <ul class="routes">{routes}</ul>
            {carriers}
        })
    }
}

/// One book donation's cells, in the visitor's language.
#[derive(Clone)]
struct Donation {
    item: String,
    title: String,
    from: String,
    via: String,
    to: String,
    to_name: String,
    count: String,
    date: String,
    shown_date: String,
}
