//! The page of every address that is no other page's (the route table's last line): the notice that
//! item and unit pages also show for an id the bundle does not have.

pub use crate::components::not_found::NotFound;
