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
    // A year is written with three digits or more: "Aug 23" is a day without its year (see
    // `month_and_day`), never the year 23.
    let year_written = cleaned
        .split(' ')
        .any(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()));
    if !year_written {
        return None;
    }
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

/// A day written without its year ("Aug 23", "23 August", "Monday, August 23"): its month and
/// day, for the caller to give a year (and say so).
pub fn month_and_day(text: &str) -> Option<(u32, u32)> {
    let cleaned = text.trim().replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words
        .iter()
        .any(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // The weekday is dropped (it belongs to the unknown year); parsed in a leap year, so
    // 29 February is a day.
    let joined: Vec<&str> = words
        .into_iter()
        .filter(|w| w.parse::<chrono::Weekday>().is_err())
        .collect();
    let joined = joined.join(" ");
    ["%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&format!("{joined} 2000"), f).ok())
        .map(|d| (chrono::Datelike::month(&d), chrono::Datelike::day(&d)))
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

    #[test]
    fn a_day_without_its_year_is_not_read_as_the_year_23() {
        assert_eq!(read_date("Aug 23"), None);
        assert_eq!(read_date("23 August"), None);
        assert_eq!(month_and_day("Aug 23"), Some((8, 23)));
        assert_eq!(month_and_day("Monday, August 23"), Some((8, 23)));
        assert_eq!(month_and_day("Aug 23 2015"), None);
        assert_eq!(month_and_day("soon"), None);
    }
}
