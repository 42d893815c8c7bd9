//! Human-readable dates for events: "Mon 2 Nov 2015 · UTC+6".
//!
//! Shared by the detail panel, tooltips and (later) slides so an event's date reads the same
//! everywhere. Dates are shown in the event's local time, at the precision they were written
//! with, and always with the UTC offset so readers can compare stops across timezones.

use super::chronology::ResolvedEvent;
use chrono::Datelike as _;

use super::time::{Precision, TripTime, day_label, format_utc_offset, utc_offset_secs, year_label};

/// The local date of `time` at its precision, e.g. "Mon 2 Nov 2015", "November 2015",
/// "Mon 2 Nov 2015, 14:30"; approximate dates start with "c.".
pub fn describe_time(time: &TripTime) -> String {
    let local = &time.local;
    let text = match time.precision {
        Precision::Year => year_label(local.year()),
        Precision::Month => format!("{} {}", local.format("%B"), year_label(local.year())),
        Precision::Day => format!("{} {}", local.format("%a"), day_label(local)),
        Precision::Minute => format!(
            "{} {}, {}",
            local.format("%a"),
            day_label(local),
            local.format("%H:%M")
        ),
    };
    if time.approximate {
        format!("c. {text}")
    } else {
        text
    }
}

/// The local dates an event covers, e.g. "Sat 31 Oct 2015 – Sun 1 Nov 2015".
pub fn describe_dates(event: &ResolvedEvent) -> String {
    match &event.end {
        Some(end) if end != &event.start => {
            format!("{} – {}", describe_time(&event.start), describe_time(end))
        }
        _ => describe_time(&event.start),
    }
}

/// The event's UTC offset at its start, e.g. "UTC+6".
pub fn describe_offset(event: &ResolvedEvent) -> String {
    describe_zone(event.tz, event.start_utc)
}

/// The UTC offset of `tz` at `instant`, e.g. "UTC+6".
pub fn describe_zone(tz: chrono_tz::Tz, instant: chrono::DateTime<chrono::Utc>) -> String {
    format_utc_offset(utc_offset_secs(tz, instant))
}

/// Kilometres with a thousands separator: "9,125 km".
pub fn format_km(km: f64) -> String {
    format!("{} km", format_count(km.round() as u64))
}

/// A whole number with thousands separators: "1,024,000".
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_precision_reads_as_weekday_day_month_year() {
        let t = TripTime::parse("2015-11-02").expect("valid");
        assert_eq!(describe_time(&t), "Mon 2 Nov 2015");
    }

    #[test]
    fn approximate_month_reads_with_circa() {
        let t = TripTime::parse("2015-11~").expect("valid");
        assert_eq!(describe_time(&t), "c. November 2015");
    }
}
