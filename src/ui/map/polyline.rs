//! Polylines on screen: thinning a route's points (Douglas–Peucker) and cutting it at a share
//! of its length (a route drawing itself). Pure geometry on points; nothing is drawn here.

use egui::Pos2;

use super::draw::distance_to_polyline;

/// Douglas–Peucker: the fewest of `points` (ends kept) that stay within `tolerance` of the
/// polyline through all of them.
pub fn simplify(points: &[Pos2], tolerance: f32) -> Vec<Pos2> {
    let mut keep = vec![false; points.len()];
    let mut stack = vec![(0, points.len().saturating_sub(1))];
    while let Some((first, last)) = stack.pop() {
        if let Some(k) = keep.get_mut(first) {
            *k = true;
        }
        if let Some(k) = keep.get_mut(last) {
            *k = true;
        }
        if last <= first + 1 {
            continue;
        }
        let (a, b) = (points[first], points[last]);
        let farthest = (first + 1..last)
            .map(|i| (i, distance_to_polyline(points[i], &[a, b])))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, distance)) = farthest
            && distance > tolerance
        {
            stack.push((first, i));
            stack.push((i, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// The first `fraction` (0 to 1) of the polyline `points`, by length.
pub fn prefix(points: &[Pos2], fraction: f32) -> Vec<Pos2> {
    let total: f32 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total * fraction.clamp(0.0, 1.0);
    let mut cut = Vec::with_capacity(points.len());
    for pair in points.windows(2) {
        cut.push(pair[0]);
        let length = pair[0].distance(pair[1]);
        if left <= length {
            if length > 0.0 {
                cut.push(pair[0] + (pair[1] - pair[0]) * (left / length));
            }
            return cut;
        }
        left -= length;
    }
    points.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_drawn_halfway_stops_at_half_its_length() {
        let points = [
            egui::pos2(0.0, 0.0),
            egui::pos2(10.0, 0.0),
            egui::pos2(10.0, 10.0),
        ];
        let half = prefix(&points, 0.5);
        assert_eq!(half.last().copied(), Some(egui::pos2(10.0, 0.0)));
        let quarter = prefix(&points, 0.25);
        assert_eq!(quarter, vec![egui::pos2(0.0, 0.0), egui::pos2(5.0, 0.0)]);
        assert_eq!(prefix(&points, 1.0), points.to_vec());
    }

    #[test]
    fn a_straight_run_of_points_simplifies_to_its_ends_and_a_corner_stays() {
        let line: Vec<Pos2> = (0..10).map(|i| egui::pos2(i as f32, 0.0)).collect();
        assert_eq!(simplify(&line, 0.5), [egui::pos2(0.0, 0.0), egui::pos2(9.0, 0.0)]);
        let corner = [egui::pos2(0.0, 0.0), egui::pos2(5.0, 5.0), egui::pos2(10.0, 0.0)];
        assert_eq!(simplify(&corner, 0.5), corner);
    }
}
