//! The app's pages, a file each: one module per line of the route table (`route::pages!`).

macro_rules! page_modules {
    ($($page:ident $path:literal $chunk:ident $module:ident :: $component:ident,)*) => {
        $(pub mod $module;)*
    };
}

route::pages!(page_modules);
