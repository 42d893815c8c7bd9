//! Our CSV layout: the columns `itinera export --to csv` writes and `itinera import` reads
//! back. Shared by both directions, so they cannot drift apart.

/// The columns, in order.
pub const COLUMNS: [&str; 18] = [
    "id",
    "title",
    "kind",
    "start",
    "end",
    "place",
    "place_name",
    "country",
    "lat",
    "lon",
    "timezone",
    "summary",
    "participants",
    "sources",
    "quote",
    "quote_speaker",
    "quote_source",
    "sequence",
];
