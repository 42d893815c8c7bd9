//! A zoomable, pannable window onto time, and the calendar ticks that label it.
//!
//! [`TimeScale`] maps UTC instants (seconds since the Unix epoch, as `f64` so sub-second zooms
//! stay smooth) to points from the left edge of a view. It never lets the view shrink below
//! [`MIN_SECS_PER_POINT`] or grow beyond [`MAX_SECS_PER_POINT`], and keeps the left edge inside
//! the years chrono can represent, so no zoom or pan can produce an unrepresentable date.
//!
//! [`ticks`] places labelled ticks at calendar boundaries *in a chosen timezone*: midnight in
//! Astana is not midnight in London, and a timeline that claims "Mon 2 Nov" must mean the
//! local day. Ticks are generated only for the visible window, and never more than the width
//! allows, so their cost does not depend on how long the trip is.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::time::{astronomical_year as astronomical, day_label, historical_year, year_label};

/// Closest zoom: two seconds per point (an hour fills about 1,800 points).
pub const MIN_SECS_PER_POINT: f64 = 2.0;
/// Farthest zoom: twenty years per point, so ten millennia of history fit on a wide screen.
pub const MAX_SECS_PER_POINT: f64 = 20.0 * 365.25 * 86_400.0;
/// Earliest left edge: 1 January 10,000 BC (astronomical year -9999).
const MIN_SECS: f64 = -377_705_203_200.0;
/// Latest left edge: 1 January 9000, leaving room for the width of the view.
const MAX_SECS: f64 = 221_845_392_000.0;

/// Which instants a view of `width` points shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    /// UTC seconds at the left edge.
    start_secs: f64,
    /// Seconds per point of width.
    secs_per_point: f64,
}

impl TimeScale {
    /// A view in which `start..end` fills `width_pts`, with a margin of `margin` (a fraction of
    /// the span) on either side. Zero-length spans get a day's view.
    pub fn fit(start: DateTime<Utc>, end: DateTime<Utc>, width_pts: f32, margin: f64) -> Self {
        let (start_secs, end_secs) = (start.timestamp() as f64, end.timestamp() as f64);
        let span = (end_secs - start_secs).max(86_400.0);
        let centre = (start_secs + end_secs) / 2.0;
        let padded = span * (1.0 + 2.0 * margin);
        let secs_per_point =
            (padded / f64::from(width_pts.max(1.0))).clamp(MIN_SECS_PER_POINT, MAX_SECS_PER_POINT);
        let mut scale = Self {
            start_secs: 0.0,
            secs_per_point,
        };
        scale.set_start(centre - secs_per_point * f64::from(width_pts.max(1.0)) / 2.0);
        scale
    }

    /// UTC seconds at the left edge.
    pub fn start_secs(&self) -> f64 {
        self.start_secs
    }

    /// Seconds per point of width.
    pub fn secs_per_point(&self) -> f64 {
        self.secs_per_point
    }

    /// Points from the left edge at which `secs` (UTC seconds) appears.
    pub fn x_of_secs(&self, secs: f64) -> f32 {
        ((secs - self.start_secs) / self.secs_per_point) as f32
    }

    /// UTC seconds at `x` points from the left edge.
    pub fn secs_at(&self, x: f32) -> f64 {
        self.start_secs + f64::from(x) * self.secs_per_point
    }

    /// The instant at `x` points from the left edge, clamped to representable dates.
    pub fn time_at(&self, x: f32) -> DateTime<Utc> {
        utc_from_secs(self.secs_at(x))
    }

    /// Zoom by `factor` (above 1 zooms in) keeping the instant under `anchor_x` in place.
    pub fn zoom_about(&mut self, anchor_x: f32, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.secs_at(anchor_x);
        self.secs_per_point = (self.secs_per_point / factor).clamp(MIN_SECS_PER_POINT, MAX_SECS_PER_POINT);
        self.set_start(anchor - f64::from(anchor_x) * self.secs_per_point);
    }

    /// Move the view so that what was at `x` is now at `x + dx_pts`.
    pub fn pan_by(&mut self, dx_pts: f32) {
        self.set_start(self.start_secs - f64::from(dx_pts) * self.secs_per_point);
    }

    /// Pan (without zooming) so `secs` sits at the centre of a view `width_pts` wide.
    pub fn centre_on(&mut self, secs: f64, width_pts: f32) {
        self.set_start(secs - f64::from(width_pts) / 2.0 * self.secs_per_point);
    }

    fn set_start(&mut self, secs: f64) {
        self.start_secs = if secs.is_finite() {
            secs.clamp(MIN_SECS, MAX_SECS)
        } else {
            0.0
        };
    }
}

/// The instant `secs` seconds after the Unix epoch, clamped to the dates a view can show.
pub fn utc_from_secs(secs: f64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs.clamp(MIN_SECS, MAX_SECS) as i64, 0).unwrap_or_default()
}

/// Calendar step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every n hours.
    Hours(u32),
    /// Every n days (7 aligns to Mondays).
    Days(u32),
    /// Every n months.
    Months(u32),
    /// Every n years.
    Years(u32),
}

/// The ladder of tick steps, finest first.
const LADDER: [TickUnit; 20] = [
    TickUnit::Hours(1),
    TickUnit::Hours(3),
    TickUnit::Hours(6),
    TickUnit::Hours(12),
    TickUnit::Days(1),
    TickUnit::Days(2),
    TickUnit::Days(7),
    TickUnit::Months(1),
    TickUnit::Months(3),
    TickUnit::Months(6),
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
    TickUnit::Years(20),
    TickUnit::Years(50),
    TickUnit::Years(100),
    TickUnit::Years(200),
    TickUnit::Years(500),
    TickUnit::Years(1000),
];

impl TickUnit {
    /// Typical length of one step, in seconds.
    pub fn nominal_secs(self) -> f64 {
        match self {
            Self::Hours(n) => f64::from(n) * 3_600.0,
            Self::Days(n) => f64::from(n) * 86_400.0,
            Self::Months(n) => f64::from(n) * 30.44 * 86_400.0,
            Self::Years(n) => f64::from(n) * 365.25 * 86_400.0,
        }
    }

    /// Points a label of this unit needs, so labels never collide.
    fn label_width_pts(self) -> f32 {
        match self {
            Self::Hours(_) => 90.0,
            Self::Days(1 | 2) => 96.0,
            Self::Days(_) | Self::Months(_) => 70.0,
            Self::Years(_) => 56.0,
        }
    }

    /// The label of a tick at local time `t`.
    fn label(self, t: NaiveDateTime) -> String {
        match self {
            Self::Hours(_) if t.hour() == 0 => t.format("%a %-d %b").to_string(),
            Self::Hours(_) => t.format("%H:%M").to_string(),
            Self::Days(7) => day_label(&t),
            Self::Days(_) => t.format("%a %-d %b").to_string(),
            Self::Months(_) => format!("{} {}", t.format("%b"), year_label(t.year())),
            // "1960s", "1900s"; millennia read as plain years ("1500", not "1500s").
            Self::Years(n) if (10..500).contains(&n) && t.year() > 0 => format!("{}s", t.year()),
            Self::Years(_) => year_label(t.year()),
        }
    }

    /// The last tick boundary at or before `t`.
    fn floor(self, t: NaiveDateTime) -> NaiveDateTime {
        let date = t.date();
        let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or(t);
        let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1).map_or(t, midnight);
        match self {
            Self::Hours(n) => midnight(date) + Duration::hours(i64::from(t.hour() / n * n)),
            Self::Days(7) => {
                midnight(date) - Duration::days(i64::from(date.weekday().num_days_from_monday()))
            }
            Self::Days(_) => midnight(date),
            Self::Months(n) => first_of(date.year(), (date.month0() / n * n) + 1),
            Self::Years(n) => {
                // Round years as historians count them, so ticks fall on 500 BC, not 501 BC;
                // the years before the first AD tick belong to the tick at n BC.
                let n = i32::try_from(n).unwrap_or(1);
                let floored = historical_year(date.year()).div_euclid(n) * n;
                first_of(astronomical(if floored == 0 { -n } else { floored }), 1)
            }
        }
    }

    /// The boundary after `t`, which is itself a boundary.
    fn next(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            Self::Hours(n) => Some(t + Duration::hours(i64::from(n))),
            Self::Days(n) => Some(t + Duration::days(i64::from(n))),
            Self::Months(n) => t.checked_add_months(chrono::Months::new(n)),
            Self::Years(n) => {
                // From n BC the next tick is AD n: there is no year 0.
                let step = i32::try_from(n).unwrap_or(1);
                let next = historical_year(t.year()).saturating_add(step);
                let next = if next == 0 { step } else { next };
                NaiveDate::from_ymd_opt(astronomical(next), 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
            }
        }
    }

    /// Whether `t` also starts the next coarser calendar unit (midnight, a month, a decade),
    /// which the timeline draws as a stronger line.
    fn is_major(self, t: NaiveDateTime) -> bool {
        match self {
            Self::Hours(_) => t.hour() == 0,
            Self::Days(_) => t.day() == 1,
            Self::Months(_) => t.month() == 1,
            Self::Years(n) => historical_year(t.year()).rem_euclid(i32::try_from(n * 5).unwrap_or(10)) == 0,
        }
    }
}

/// One labelled tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The instant, UTC seconds.
    pub secs: f64,
    /// Its label in the chosen timezone.
    pub label: String,
    /// Starts a coarser unit (drawn stronger).
    pub major: bool,
}

/// Ticks for the view `scale` over `width_pts`, at calendar boundaries in `tz`, using the finest
/// unit whose labels do not collide. Returns the unit and the ticks in time order.
pub fn ticks(scale: &TimeScale, width_pts: f32, tz: Tz) -> (TickUnit, Vec<Tick>) {
    let unit = LADDER
        .iter()
        .copied()
        .find(|u| u.nominal_secs() / scale.secs_per_point() >= f64::from(u.label_width_pts()))
        .unwrap_or(TickUnit::Years(1000));
    let (from, to) = (scale.time_at(0.0), scale.time_at(width_pts));
    let first = unit.floor(from.with_timezone(&tz).naive_local());
    // One tick per label width plus the partial ones at both edges; a guard, not a target.
    let limit = (width_pts / unit.label_width_pts() * 1.5) as usize + 4;
    let mut out: Vec<Tick> = Vec::new();
    let mut cursor = Some(first);
    while let Some(local) = cursor
        && out.len() < limit
    {
        cursor = unit.next(local);
        // A tick inside a DST gap moves to the first valid instant after it, unless that
        // instant already has a tick.
        let Some(instant) = tz
            .from_local_datetime(&local)
            .earliest()
            .or_else(|| tz.from_local_datetime(&(local + Duration::hours(1))).earliest())
        else {
            continue;
        };
        let instant = instant.with_timezone(&Utc);
        if instant > to {
            break;
        }
        let secs = instant.timestamp() as f64;
        if out.last().is_some_and(|t| t.secs >= secs) {
            continue;
        }
        out.push(Tick {
            secs,
            label: unit.label(local),
            major: unit.is_major(local),
        });
    }
    (unit, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("valid instant")
    }

    /// 1 January of astronomical `year`, UTC.
    fn new_year(year: i32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("date")
            .and_utc()
    }

    /// A view of `from..to` (RFC 3339) fitted to `width` points with no margin.
    fn view(from: &str, to: &str, width: f32) -> TimeScale {
        TimeScale::fit(utc(from), utc(to), width, 0.0)
    }

    #[test]
    fn zooming_keeps_the_instant_under_the_pointer_in_place() {
        let mut scale = view("2015-10-31T00:00:00Z", "2015-11-04T00:00:00Z", 800.0);
        let before = scale.secs_at(300.0);
        scale.zoom_about(300.0, 3.0);
        assert!((scale.secs_at(300.0) - before).abs() < 1.0);
    }

    #[test]
    fn zoom_stops_at_the_closest_and_farthest_limits() {
        let mut scale = view("2015-10-31T00:00:00Z", "2015-11-04T00:00:00Z", 800.0);
        scale.zoom_about(0.0, 1e12);
        assert_eq!(scale.secs_per_point(), MIN_SECS_PER_POINT);
        scale.zoom_about(0.0, 1e-12);
        assert_eq!(scale.secs_per_point(), MAX_SECS_PER_POINT);
    }

    #[test]
    fn day_ticks_fall_on_local_midnight() {
        let scale = view("2015-10-31T00:00:00Z", "2015-11-04T00:00:00Z", 400.0);
        let (unit, ticks) = ticks(&scale, 400.0, chrono_tz::Asia::Almaty);
        assert_eq!(unit, TickUnit::Days(1));
        // Midnight in Astana (UTC+6) is 18:00 UTC the day before.
        let first = DateTime::from_timestamp(ticks[0].secs as i64, 0).expect("valid");
        assert_eq!(first.format("%H:%M").to_string(), "18:00");
        assert!(ticks.iter().any(|t| t.label == "Mon 2 Nov"));
    }

    #[test]
    fn ticks_before_christ_fall_on_round_historical_years() {
        // 800 BC (astronomical -799) to AD 300.
        let from = new_year(-799);
        let to = new_year(300);
        let scale = TimeScale::fit(from, to, 900.0, 0.0);
        let (unit, ticks) = ticks(&scale, 900.0, Tz::UTC);
        assert_eq!(unit, TickUnit::Years(100));
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"500 BC") && labels.contains(&"100 BC"),
            "{labels:?}"
        );
        assert!(
            labels.contains(&"100s") && !labels.iter().any(|l| l.starts_with('0') || l.contains("-")),
            "{labels:?}"
        );
        assert!(ticks.windows(2).all(|w| w[0].secs < w[1].secs));
        assert!(ticks.iter().any(|t| t.label == "500 BC" && t.major), "{ticks:?}");
    }

    #[test]
    fn ten_thousand_years_fit_and_the_view_stops_at_ten_thousand_bc() {
        let from = new_year(-9999);
        let scale = TimeScale::fit(from, utc("2020-01-01T00:00:00Z"), 1600.0, 0.0);
        let (unit, ticks) = ticks(&scale, 1600.0, Tz::UTC);
        assert!(matches!(unit, TickUnit::Years(500 | 1000)), "{ticks:?}");
        assert!(ticks.iter().any(|t| t.label == "1000"), "{ticks:?}");
        assert!(ticks.iter().any(|t| t.label == "5000 BC"), "{ticks:?}");
        let mut panned = scale;
        panned.pan_by(1e6);
        assert!(panned.start_secs() >= MIN_SECS);
    }

    #[test]
    fn far_zoom_labels_decades() {
        let scale = view("1900-01-01T00:00:00Z", "2020-01-01T00:00:00Z", 600.0);
        let (unit, ticks) = ticks(&scale, 600.0, Tz::UTC);
        assert!(matches!(unit, TickUnit::Years(n) if n >= 10));
        assert!(ticks.iter().any(|t| t.label == "1960s"));
    }

    #[test]
    fn hour_ticks_skip_the_missing_hour_of_a_spring_forward() {
        // London skipped 01:00–02:00 on 29 March 2015.
        let scale = view("2015-03-29T00:00:00Z", "2015-03-29T04:00:00Z", 4000.0);
        let (_, ticks) = ticks(&scale, 4000.0, chrono_tz::Europe::London);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.windows(2).all(|w| w[0] != w[1]), "{labels:?}");
        assert!(ticks.windows(2).all(|w| w[0].secs < w[1].secs));
    }
}
