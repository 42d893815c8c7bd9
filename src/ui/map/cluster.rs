//! Grouping markers that would overlap on screen.
//!
//! Greedy and order-preserving: points are taken in trip order, and each joins the first
//! cluster whose centre is closer than the minimum distance, so clusters are stable while the
//! map pans (they only change with zoom). Clusters are found through a grid of cells as wide as
//! the minimum distance, so grouping 100,000 stops costs a look at nine cells each, not a scan
//! of every cluster so far.

use std::collections::HashMap;

use egui::Pos2;

/// Markers drawn as one.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices into the input points, in input order.
    pub members: Vec<usize>,
    /// Mean position of the members.
    pub centre: Pos2,
    /// What the members weigh together (their number, unless the caller sets e.g. visits); a
    /// merge adds weights, so a radius that grows with weight never recounts members.
    pub weight: usize,
}

/// Cluster indices by the grid cell their centre is in.
struct Grid {
    cell_size: f32,
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn new(cell_size: f32) -> Self {
        Self {
            cell_size,
            cells: HashMap::new(),
        }
    }

    fn cell(&self, p: Pos2) -> (i32, i32) {
        (
            (p.x / self.cell_size).floor() as i32,
            (p.y / self.cell_size).floor() as i32,
        )
    }

    fn add(&mut self, p: Pos2, index: usize) {
        self.cells.entry(self.cell(p)).or_default().push(index);
    }

    fn remove(&mut self, p: Pos2, index: usize) {
        if let Some(list) = self.cells.get_mut(&self.cell(p)) {
            list.retain(|&i| i != index);
        }
    }

    /// Indices in the 3×3 cells around `p`: every entry closer than the cell size.
    fn near(&self, p: Pos2) -> impl Iterator<Item = usize> + '_ {
        let (x, y) = self.cell(p);
        (-1..=1)
            .flat_map(move |dx| (-1..=1).map(move |dy| (x + dx, y + dy)))
            .filter_map(|c| self.cells.get(&c))
            .flatten()
            .copied()
    }
}

/// Group `points`: each point joins the first cluster whose centre is within `min_distance`
/// of it, or starts a new one.
pub fn cluster(points: &[Pos2], min_distance: f32) -> Vec<Cluster> {
    // Zero, negative or NaN: nothing is close enough to merge.
    if min_distance.is_nan() || min_distance <= 0.0 {
        return (0..points.len())
            .map(|i| Cluster {
                members: vec![i],
                centre: points[i],
                weight: 1,
            })
            .collect();
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut grid = Grid::new(min_distance);
    for (i, &point) in points.iter().enumerate() {
        let first = grid
            .near(point)
            .filter(|&c| clusters[c].centre.distance(point) < min_distance)
            .min();
        match first {
            Some(c) => {
                let cluster = &mut clusters[c];
                let before = cluster.centre;
                cluster.members.push(i);
                cluster.weight += 1;
                let n = cluster.members.len() as f32;
                cluster.centre = before + (point - before) / n;
                // Keep the grid keyed by the centre, which moves as members join.
                if grid.cell(before) != grid.cell(cluster.centre) {
                    grid.remove(before, c);
                    grid.add(cluster.centre, c);
                }
            }
            None => {
                grid.add(point, clusters.len());
                clusters.push(Cluster {
                    members: vec![i],
                    centre: point,
                    weight: 1,
                });
            }
        }
    }
    clusters
}

/// Merge clusters whose discs (of `radius`, which may grow with a cluster's size) would overlap
/// or come closer than `gap`, until none do: markers sized by how much they hold must never
/// cover each other. A merged cluster's centre is the mean of its members' `points`; the
/// clusters keep their order.
pub fn merge_overlapping(
    points: &[Pos2],
    clusters: Vec<Cluster>,
    radius: impl Fn(&Cluster) -> f32,
    gap: f32,
) -> Vec<Cluster> {
    let mut clusters: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    // Each pass merges at least one pair or stops; a merge can bring a disc near a new
    // neighbour, hence the loop. The cap only guards against a pathological radius function.
    for _ in 0..32 {
        let reach_max = 2.0 * clusters.iter().flatten().map(&radius).fold(0.0, f32::max) + gap;
        if reach_max.is_nan() || reach_max <= 0.0 {
            break;
        }
        let mut grid = Grid::new(reach_max);
        for (i, c) in clusters.iter().enumerate() {
            if let Some(c) = c {
                grid.add(c.centre, i);
            }
        }
        let mut merged = false;
        for i in 0..clusters.len() {
            let Some(mut into) = clusters[i].take() else {
                continue;
            };
            let mut near: Vec<usize> = grid.near(into.centre).filter(|&j| j > i).collect();
            near.sort_unstable();
            for j in near {
                let Some(other) = clusters[j].as_ref() else {
                    continue;
                };
                if into.centre.distance(other.centre) < radius(&into) + radius(other) + gap
                    && let Some(other) = clusters[j].take()
                {
                    into.members.extend(other.members);
                    into.members.sort_unstable();
                    into.weight += other.weight;
                    into.centre = mean(into.members.iter().filter_map(|&m| points.get(m)));
                    merged = true;
                }
            }
            clusters[i] = Some(into);
        }
        if !merged {
            break;
        }
    }
    clusters.into_iter().flatten().collect()
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
    fn the_grid_finds_the_same_clusters_as_a_scan_of_every_cluster() {
        // A deterministic scatter with dense spots and lone points.
        let mut seed = 12345u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) as f32 / (1 << 24) as f32
        };
        let points: Vec<Pos2> = (0..2000)
            .map(|i| {
                let spread = if i % 3 == 0 { 1000.0 } else { 60.0 };
                pos2(next() * spread, next() * spread)
            })
            .collect();
        // The plain greedy rule, for reference.
        let mut expected: Vec<Cluster> = Vec::new();
        for (i, &p) in points.iter().enumerate() {
            match expected.iter_mut().find(|c| c.centre.distance(p) < 22.0) {
                Some(c) => {
                    c.members.push(i);
                    let n = c.members.len() as f32;
                    c.centre = c.centre + (p - c.centre) / n;
                }
                None => expected.push(Cluster {
                    members: vec![i],
                    centre: p,
                    weight: 0,
                }),
            }
        }
        for c in &mut expected {
            c.weight = c.members.len();
        }
        assert_eq!(cluster(&points, 22.0), expected);
    }

    #[test]
    fn zero_distance_never_merges() {
        let points = [pos2(0.0, 0.0), pos2(0.0, 0.0)];
        assert_eq!(cluster(&points, 0.0).len(), 2);
    }
}
