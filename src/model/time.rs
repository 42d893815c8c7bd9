//! Dates and times as trip files write them: local to a place, with a precision.
//!
//! A [`TripTime`] is what an editor wrote: `2015`, `2015-11`, `2015-11-02` or
//! `2015-11-02T14:30`, optionally followed by `~` (the ISO 8601-2 / EDTF mark for
//! "approximate"). Years before AD 1 are written with a minus sign and mean that many years
//! BC, as TimelineJS writes them and historians count: `-500` is 500 BC, `-44-03-15` the Ides of
//! March; there is no year 0. Inside, years are astronomical (chrono's: 0 is 1 BC, -499 is
//! 500 BC), so arithmetic across the era boundary has no gap; [`historical_year`] and
//! [`year_label`] convert for people. It is a *local* time: it only becomes an instant once it is paired with the
//! IANA timezone of the place where it happened ([`TripTime::utc_span`]).
//!
//! Invariants: a parsed `TripTime` always names a real calendar date (no 31 November), and its
//! fields below its precision are at their minimum (a month-precision time is on day 1, 00:00).
//! A time of lower precision covers a whole span of local time: a day-precision event covers that
//! local day, from local midnight to the next local midnight.

use std::fmt;

use chrono::{DateTime, Datelike as _, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};
use chrono_tz::Tz;

/// How much of a [`TripTime`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year: `2015`.
    Year,
    /// Year and month: `2015-11`.
    Month,
    /// A calendar day: `2015-11-02`.
    Day,
    /// A local wall-clock minute: `2015-11-02T14:30`.
    Minute,
}

impl Precision {
    /// Lower-case name, as shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Minute => "minute",
        }
    }
}

/// A local date or date-time with a precision, as written in a trip file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TripTime {
    /// The first local moment the time can mean (fields below the precision are at minimum).
    pub local: NaiveDateTime,
    /// How much of `local` is meaningful.
    pub precision: Precision,
    /// Marked with a trailing `~`: the date is a best estimate.
    pub approximate: bool,
}

/// Why a time string could not be read. The message says what form is expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeParseError {
    /// Not one of the accepted shapes.
    #[error(
        "`{0}` is not a date; write `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (years BC with a minus: `-500`)"
    )]
    Shape(String),
    /// The shape is right but the calendar says no (e.g. 31 November, 25:00).
    #[error("`{0}` is not a real {1}")]
    Impossible(String, &'static str),
    /// Year 0, which the calendar does not have.
    #[error("`{0}` has the year 0, which does not exist: 1 BC (`-1`) is followed by AD 1 (`0001`)")]
    NoYearZero(String),
}

/// Why a local time has no instant in its timezone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    /// The wall clock skipped this minute (a daylight-saving gap).
    #[error("{local} does not exist in {tz}: the clocks skipped it (daylight-saving change)")]
    Skipped {
        /// The local time that was written.
        local: NaiveDateTime,
        /// The place's timezone.
        tz: Tz,
    },
}

impl TripTime {
    /// Parse the trip-file notation; see the module documentation.
    pub fn parse(text: &str) -> Result<Self, TimeParseError> {
        let trimmed = text.trim();
        let (body, approximate) = match trimmed.strip_suffix('~') {
            Some(body) => (body, true),
            None => (trimmed, false),
        };
        let shape_error = || TimeParseError::Shape(text.to_owned());
        let number = |s: &str, len: usize| -> Result<u32, TimeParseError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| shape_error())
            } else {
                Err(shape_error())
            }
        };
        let (date_part, time_part) = match body.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        // `-500…` is 500 BC: one to six digits after the sign (chrono's range is ±262,143).
        let (bc, date_part) = match date_part.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, date_part),
        };
        let mut fields = date_part.split('-');
        let year_text = fields.next().ok_or_else(shape_error)?;
        let year = if bc {
            if year_text.is_empty() || year_text.len() > 6 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape_error());
            }
            year_text.parse().map_err(|_| shape_error())?
        } else {
            number(year_text, 4)?
        };
        let month = fields.next().map(|m| number(m, 2)).transpose()?;
        let day = fields.next().map(|d| number(d, 2)).transpose()?;
        if fields.next().is_some() || (time_part.is_some() && day.is_none()) {
            return Err(shape_error());
        }
        let year = i32::try_from(year).map_err(|_| shape_error())?;
        if year == 0 {
            return Err(TimeParseError::NoYearZero(text.to_owned()));
        }
        // Historical BC years to astronomical: 1 BC is 0, 500 BC is -499.
        let year = if bc { 1 - year } else { year };
        let date = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
            .ok_or_else(|| TimeParseError::Impossible(text.to_owned(), "date"))?;
        let (time, precision) = match time_part {
            Some(t) => {
                let (h, m) = t.split_once(':').ok_or_else(shape_error)?;
                let time = NaiveTime::from_hms_opt(number(h, 2)?, number(m, 2)?, 0)
                    .ok_or_else(|| TimeParseError::Impossible(text.to_owned(), "time of day"))?;
                (time, Precision::Minute)
            }
            None => {
                let precision = match (month, day) {
                    (None, _) => Precision::Year,
                    (Some(_), None) => Precision::Month,
                    (Some(_), Some(_)) => Precision::Day,
                };
                (NaiveTime::MIN, precision)
            }
        };
        Ok(Self {
            local: date.and_time(time),
            precision,
            approximate,
        })
    }

    /// The local time just after the span this time covers: the next year, month or day, or the
    /// same minute for minute precision (an instant).
    pub fn local_end(&self) -> NaiveDateTime {
        let date = self.local.date();
        let next = match self.precision {
            Precision::Year => NaiveDate::from_ymd_opt(date.year() + 1, 1, 1),
            Precision::Month => date
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.with_day(1)),
            Precision::Day => date.succ_opt(),
            Precision::Minute => return self.local,
        };
        next.map_or(NaiveDateTime::MAX, |d| d.and_time(NaiveTime::MIN))
    }

    /// The UTC instants `[start, end)` this local time covers in `tz`. For minute precision both
    /// are the same instant.
    pub fn utc_span(&self, tz: Tz) -> Result<(DateTime<Utc>, DateTime<Utc>), LocalTimeError> {
        let start = local_to_utc(self.local, tz, self.precision == Precision::Minute)?;
        let end = local_to_utc(self.local_end(), tz, false)?;
        Ok((start, end))
    }
}

/// Convert a local wall-clock time in `tz` to UTC. An ambiguous time (clocks turned back) takes
/// the earlier instant. A skipped time is an error when `strict`; otherwise (span boundaries such
/// as a midnight that some zones skip) it moves forward to the first minute that exists.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz, strict: bool) -> Result<DateTime<Utc>, LocalTimeError> {
    let mut probe = local;
    // Gaps are at most a few hours (the largest in tzdata is 24 h, Samoa 2011).
    for _ in 0..=(25 * 4) {
        if let Some(t) = tz.from_local_datetime(&probe).earliest() {
            return Ok(t.with_timezone(&Utc));
        }
        if strict {
            break;
        }
        probe += Duration::minutes(15);
    }
    Err(LocalTimeError::Skipped { local, tz })
}

impl fmt::Display for TripTime {
    /// The trip-file notation, so that `parse(display(t)) == t`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rest = match self.precision {
            Precision::Year => self.local.format(""),
            Precision::Month => self.local.format("-%m"),
            Precision::Day => self.local.format("-%m-%d"),
            Precision::Minute => self.local.format("-%m-%dT%H:%M"),
        };
        let year = written_year(i64::from(historical_year(self.local.year())));
        write!(f, "{year}{rest}{}", if self.approximate { "~" } else { "" })
    }
}

/// The year as historians number it, from chrono's astronomical year: 2015 stays 2015, 0 is
/// -1 (1 BC), -499 is -500 (500 BC). Never 0.
pub fn historical_year(astronomical: i32) -> i32 {
    if astronomical > 0 {
        astronomical
    } else {
        astronomical - 1
    }
}

/// A historical year in trip-file notation: four digits AD (`0014`), a minus and its number BC
/// (`-500`), as [`TripTime::parse`] reads it. Takes an `i64`, as TimelineJS files give years.
pub fn written_year(historical: i64) -> String {
    if historical < 0 {
        historical.to_string()
    } else {
        format!("{historical:04}")
    }
}

/// A local day as people read it: "2 Nov 2015", "15 Mar 44 BC".
pub fn day_label(local: &NaiveDateTime) -> String {
    format!("{} {}", local.format("%-d %b"), year_label(local.year()))
}

/// chrono's astronomical year from a historical one (-500 is -499); 0 is taken as 1 BC.
pub fn astronomical_year(historical: i32) -> i32 {
    if historical < 0 {
        historical + 1
    } else {
        historical
    }
}

/// A span of years as people read it: "2009–2016", "498–479 BC", "44 BC–AD 14", or one year
/// (from chrono's astronomical years).
pub fn year_span_label(first: i32, last: i32) -> String {
    let (a, b) = (historical_year(first), historical_year(last));
    match (a, b) {
        _ if first == last => year_label(first),
        (a, b) if a < 0 && b < 0 => format!("{}–{} BC", -i64::from(a), -i64::from(b)),
        (a, b) if a < 0 => format!("{} BC–AD {b}", -i64::from(a)),
        (a, b) => format!("{a}–{b}"),
    }
}

/// A year as people read it: "2015", "500 BC" (from chrono's astronomical year).
pub fn year_label(astronomical: i32) -> String {
    match historical_year(astronomical) {
        year if year < 0 => format!("{} BC", -i64::from(year)),
        year => year.to_string(),
    }
}

/// A UTC offset as people read it: `UTC+6`, `UTC−3:30`, `UTC+0`.
pub fn format_utc_offset(offset_secs: i32) -> String {
    let sign = if offset_secs < 0 { '−' } else { '+' };
    let abs_mins = offset_secs.unsigned_abs() / 60;
    let (hours, mins) = (abs_mins / 60, abs_mins % 60);
    if mins == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{mins:02}")
    }
}

/// The UTC offset of `tz` at `instant`, in seconds east of UTC.
pub fn utc_offset_secs(tz: Tz, instant: DateTime<Utc>) -> i32 {
    use chrono::Offset as _;
    instant.with_timezone(&tz).offset().fix().local_minus_utc()
}
