//! Grouping markers that would overlap on screen.
//!
//! Greedy and order-preserving: points are taken in trip order, and each joins the first
//! cluster whose centre is closer than the minimum distance, so clusters are stable while the
//! map pans (they only change with zoom).

use egui::Pos2;

/// Markers drawn as one.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices into the input points, in input order.
    pub members: Vec<usize>,
    /// Mean position of the members.
    pub centre: Pos2,
}

/// Group `points`: each point joins the first cluster whose centre is within `min_distance`
/// of it, or starts a new one.
pub fn cluster(points: &[Pos2], min_distance: f32) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, &point) in points.iter().enumerate() {
        match clusters
            .iter_mut()
            .find(|c| c.centre.distance(point) < min_distance)
        {
            Some(cluster) => {
                cluster.members.push(i);
                let n = cluster.members.len() as f32;
                cluster.centre = cluster.centre + (point - cluster.centre) / n;
            }
            None => clusters.push(Cluster {
                members: vec![i],
                centre: point,
            }),
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn close_points_merge_and_far_points_stay_apart() {
        let points = [pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(5.0, 5.0), pos2(300.0, 0.0)];
        let clusters = cluster(&points, 20.0);
        let members: Vec<Vec<usize>> = clusters.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, [vec![0, 2], vec![1], vec![3]]);
        assert_eq!(clusters[0].centre, pos2(2.5, 2.5));
    }

    #[test]
    fn zero_distance_never_merges() {
        let points = [pos2(0.0, 0.0), pos2(0.0, 0.0)];
        assert_eq!(cluster(&points, 0.0).len(), 2);
    }
}
