//! A printable handout for students: one self-contained HTML file (pictures embedded, no
//! scripts, no network) with a section per stop: a map inset, the local dates with the UTC
//! offset, and each event's summary, meetings, quotes and sources. Print styles keep a stop's
//! section on one page where it fits; the browser's Print ▸ Save as PDF makes the PDF.

use std::fmt::Write as _;

use base64::Engine as _;

use super::inset::{Inset, pixel_of, render_png};
use crate::basemap::style::{MapStyle, css_colour};
use crate::interchange::html::escape;
use crate::model::describe::{describe_dates, describe_offset};
use crate::model::{Chronology, LatLon, Trip};

/// Inset size in pixels (shown at half size, so it stays sharp in print).
const INSET_PX: (u32, u32) = (960, 540);
/// Inset zoom: about 2,000 km across.
const INSET_ZOOM: u8 = 5;

/// The handout's style sheet (screen and print); `ROUTE` stands for the route colour.
const CSS: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:2rem;margin-bottom:.2rem}h2{font-size:1.45rem;margin:0 0 .2rem;border-bottom:2px solid ROUTE}
h3{font-size:1.1rem;margin:1rem 0 .2rem}.when{color:#555;font-size:.95rem;margin:.1rem 0 .6rem}
.stop{margin:2.5rem 0;break-inside:avoid-page}.stop img{display:block;width:100%;height:auto;border:1px solid #bbb;border-radius:4px}
.inset{position:relative}.label{position:absolute;transform:translate(10px,-50%);font:600 .8rem Georgia,serif;color:#333;text-shadow:0 0 3px #fff,0 0 3px #fff}
.label.here{font-size:1rem;color:#000}
figcaption{font-size:.8rem;color:#555}blockquote{margin:.6rem 0;padding:.4rem .9rem;border-left:4px solid ROUTE;background:#f8f3eb;font-style:italic}
blockquote footer{font-style:normal;font-size:.9rem;color:#444;margin-top:.3rem}.sources{font-size:.85rem;color:#444}
.credits{font-size:.75rem;color:#666;border-top:1px solid #ccc;margin-top:3rem;padding-top:.5rem}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.stop{page-break-inside:avoid}}";

/// The handout as HTML text.
pub fn to_handout_html(trip: &Trip, chronology: &Chronology) -> String {
    let basemap = crate::basemap::Basemap::load().ok();
    // Paper takes the light map, and the headings and quotes echo its route colour.
    let style = MapStyle::light();
    let css = CSS.replace("ROUTE", &css_colour(style.route));
    let route: Vec<LatLon> = chronology.stop_locations().collect();
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        title = escape(&trip.title)
    );
    if !trip.summary.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(&trip.summary));
    }
    let stats = crate::model::TripStats::of(trip, chronology);
    let _ = writeln!(html, "<p class=\"when\">{}</p>", escape(&stats.summary()));
    for stop in &chronology.stops {
        let Some(place) = trip.places.get(stop.place) else {
            continue;
        };
        let location = chronology
            .places
            .get(stop.place)
            .copied()
            .flatten()
            .map(|p| p.location);
        let country = crate::countries::countries()
            .name(&place.country)
            .unwrap_or(&place.country);
        let _ = writeln!(
            html,
            "<section class=\"stop\">\n<h2>{}. {}, {}</h2>",
            stop.number,
            escape(&place.name),
            escape(country)
        );
        if let (Some(basemap), Some(centre)) = (&basemap, location) {
            let inset = Inset {
                centre,
                route: &route,
                zoom: INSET_ZOOM,
                width_px: INSET_PX.0,
                height_px: INSET_PX.1,
            };
            if let Some(png) = render_png(basemap, &style, &inset) {
                let _ = write!(
                    html,
                    "<figure><div class=\"inset\"><img src=\"data:image/png;base64,{}\" alt=\"Map of {} and the route\">",
                    base64::engine::general_purpose::STANDARD.encode(&png),
                    escape(&place.name)
                );
                inset_labels(&mut html, trip, chronology, &inset, stop.place);
                let _ = writeln!(
                    html,
                    "</div><figcaption>Stop {} of {}: {}</figcaption></figure>",
                    stop.number,
                    chronology.stops.len(),
                    escape(&place.name)
                );
            }
        }
        for &index in &stop.events {
            event_html(&mut html, trip, chronology, index);
        }
        html += "</section>\n";
    }
    let _ = writeln!(
        html,
        "<p class=\"credits\">Made with Itinera. Maps: {}. {}.</p>\n</body>\n</html>",
        escape(crate::basemap::ATTRIBUTION),
        escape(crate::gazetteer::ATTRIBUTION)
    );
    html
}

/// The stops' names laid over an inset, where they appear in it (the stop it is about in bold),
/// as HTML so they stay sharp in print.
fn inset_labels(html: &mut String, trip: &Trip, chronology: &Chronology, inset: &Inset<'_>, current: usize) {
    let mut shown = Vec::new();
    for stop in &chronology.stops {
        let (Some(place), Some(Some(resolved))) =
            (trip.places.get(stop.place), chronology.places.get(stop.place))
        else {
            continue;
        };
        if shown.contains(&stop.place) {
            continue;
        }
        shown.push(stop.place);
        let (x, y) = pixel_of(inset, resolved.location);
        let (x_pct, y_pct) = (
            x * 100.0 / inset.width_px as f32,
            y * 100.0 / inset.height_px as f32,
        );
        if (0.0..92.0).contains(&x_pct) && (0.0..97.0).contains(&y_pct) {
            let class = if stop.place == current {
                "label here"
            } else {
                "label"
            };
            let _ = write!(
                html,
                "<span class=\"{class}\" style=\"left:{x_pct:.1}%;top:{y_pct:.1}%\">{}</span>",
                escape(&place.name)
            );
        }
    }
}

/// One event: title, local dates and offset, summary, meetings, quotes and sources.
fn event_html(html: &mut String, trip: &Trip, chronology: &Chronology, index: usize) {
    let (Some(event), Some(resolved)) = (trip.events.get(index), chronology.event(index)) else {
        return;
    };
    let person = |id: &String| match trip.person(id) {
        Some(p) if !p.role.is_empty() => format!("{} ({})", escape(&p.name), escape(&p.role)),
        Some(p) => escape(&p.name),
        None => escape(id),
    };
    let _ = writeln!(
        html,
        "<h3>{}</h3>\n<p class=\"when\">{} · {} · {}</p>",
        escape(&event.title),
        escape(event.kind.label()),
        escape(&describe_dates(resolved)),
        escape(&describe_offset(resolved))
    );
    if !event.summary.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(&event.summary));
    }
    for meeting in &event.meetings {
        let with: Vec<String> = meeting.with.iter().map(person).collect();
        let _ = write!(html, "<p><b>Met with</b> {}", with.join(", "));
        if !meeting.topics.is_empty() {
            let _ = write!(html, ". <b>Topics:</b> {}", escape(&meeting.topics.join(", ")));
        }
        if !meeting.summary.is_empty() {
            let _ = write!(html, ". {}", escape(&meeting.summary));
        }
        html.push_str("</p>\n");
    }
    for quote in &event.quotes {
        let _ = writeln!(
            html,
            "<blockquote>“{}”<footer>— {}</footer></blockquote>",
            escape(&quote.text),
            person(&quote.speaker)
        );
    }
    let sources: Vec<String> = event
        .sources
        .iter()
        .filter_map(|id| trip.source(id))
        .map(|s| {
            let title = escape(&s.title);
            let publisher = if s.publisher.is_empty() {
                String::new()
            } else {
                format!(", {}", escape(&s.publisher))
            };
            if crate::model::trip::is_web_link(&s.url) {
                format!("<a href=\"{}\">{title}</a>{publisher}", escape(&s.url))
            } else {
                format!("{title}{publisher}")
            }
        })
        .collect();
    if !sources.is_empty() {
        let _ = writeln!(html, "<p class=\"sources\">Sources: {}</p>", sources.join("; "));
    }
}
