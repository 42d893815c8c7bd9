//! Dates as people write them ("Mon 2 Nov 2015", "November 2015", "c. 1866"), read into trip-time
//! notation. A leaf shared by the readers whose formats carry only display dates (StoryMapJS,
//! GeoJSON properties).

use chrono::NaiveDate;

/// A date as people write it, in trip-time notation: "2015-11-02", "Mon 2 Nov 2015",
/// "2 November 2015", "November 2, 2015", "November 2015", "2015"; "c." marks it approximate.
pub fn read_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (text, approximate) = match text.strip_prefix("c.") {
        Some(rest) => (rest.trim(), "~"),
        None => (text, ""),
    };
    if text.is_empty() {
        return None;
    }
    if crate::model::TripTime::parse(text).is_ok() {
        return Some(format!("{text}{approximate}"));
    }
    let cleaned = text.replace(',', " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // "November 2015" must not read as day 20 of year 15: a day needs three or more words.
    let words = cleaned.split(' ').count();
    let day_formats: &[&str] = if words >= 3 {
        &[
            "%a %d %b %Y",
            "%d %B %Y",
            "%d %b %Y",
            "%B %d %Y",
            "%b %d %Y",
            "%A %d %B %Y",
            "%A %B %d %Y",
        ]
    } else {
        &[]
    };
    let day = day_formats
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&cleaned, f).ok());
    if let Some(day) = day {
        return Some(format!("{}{approximate}", day.format("%Y-%m-%d")));
    }
    let month = ["%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&format!("1 {cleaned}"), f).ok());
    month.map(|m| format!("{}{approximate}", m.format("%Y-%m")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_are_read_at_their_precision() {
        assert_eq!(read_date("Mon 2 Nov 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("November 2, 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("2 November 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("November 2015").as_deref(), Some("2015-11"));
        assert_eq!(read_date("c. 1866").as_deref(), Some("1866~"));
        assert_eq!(read_date("sometime"), None);
    }
}
