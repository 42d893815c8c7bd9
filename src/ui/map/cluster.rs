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

/// Merge clusters whose discs (of `radius`, which may grow with a cluster's size) would overlap
/// or come closer than `gap`, until none do: markers sized by how much they hold must never
/// cover each other. A merged cluster's centre is the mean of its members' `points`.
pub fn merge_overlapping(
    points: &[Pos2],
    mut clusters: Vec<Cluster>,
    radius: impl Fn(&Cluster) -> f32,
    gap: f32,
) -> Vec<Cluster> {
    // Each pass merges at least one pair or stops; a merge can bring a disc near a new
    // neighbour, hence the loop. The cap only guards against a pathological radius function.
    for _ in 0..32 {
        let mut merged = false;
        let mut i = 0;
        while i < clusters.len() {
            let mut j = i + 1;
            while j < clusters.len() {
                let reach = radius(&clusters[i]) + radius(&clusters[j]) + gap;
                if clusters[i].centre.distance(clusters[j].centre) < reach {
                    let other = clusters.swap_remove(j);
                    let into = &mut clusters[i];
                    into.members.extend(other.members);
                    into.members.sort_unstable();
                    into.centre = mean(into.members.iter().filter_map(|&m| points.get(m)));
                    merged = true;
                } else {
                    j += 1;
                }
            }
            i += 1;
        }
        if !merged {
            break;
        }
    }
    clusters
}

fn mean<'a>(points: impl Iterator<Item = &'a Pos2>) -> Pos2 {
    let (sum, n) = points.fold((egui::Vec2::ZERO, 0.0), |(sum, n), p| {
        (sum + p.to_vec2(), n + 1.0)
    });
    if n > 0.0 { (sum / n).to_pos2() } else { Pos2::ZERO }
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
    fn discs_that_grow_with_their_members_are_merged_until_none_overlap() {
        let points = [
            pos2(0.0, 0.0),
            pos2(30.0, 0.0),
            pos2(31.0, 0.0),
            pos2(32.0, 0.0),
            pos2(200.0, 0.0),
        ];
        let clusters = cluster(&points, 5.0);
        assert_eq!(clusters.len(), 3);
        // One member: radius 10; three: radius 30, which reaches the lone point at 0.
        let radius = |c: &Cluster| 10.0 * c.members.len() as f32;
        let merged = merge_overlapping(&points, clusters, radius, 2.0);
        let members: Vec<Vec<usize>> = merged.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, [vec![0, 1, 2, 3], vec![4]]);
        assert_eq!(merged[0].centre, pos2(23.25, 0.0));
        let reach = radius(&merged[0]) + radius(&merged[1]) + 2.0;
        assert!(merged[0].centre.distance(merged[1].centre) >= reach);
    }

    #[test]
    fn zero_distance_never_merges() {
        let points = [pos2(0.0, 0.0), pos2(0.0, 0.0)];
        assert_eq!(cluster(&points, 0.0).len(), 2);
    }
}
