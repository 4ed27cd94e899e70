package story

import (
	"cmp"
	"slices"

	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
)

// Clustering: verified pairs joined into stories, strongest first, under
// the linkage rule that keeps a story from chaining across events.

// cluster merges the verified candidate pairs with union-find, most similar
// first. A merge that involves a group of several documents must also pass
// on average between the two groups.
func (g *grouper) cluster(pairs []uint64) {
	type edge struct {
		i, j int32
		s    float64
	}
	var edges []edge
	for k, s := range g.verify(pairs) {
		if s >= groupThreshold {
			edges = append(edges, edge{int32(pairs[k] >> 32), int32(pairs[k]), s})
		}
	}
	slices.SortFunc(edges, func(x, y edge) int {
		if c := cmp.Compare(y.s, x.s); c != 0 {
			return c
		}
		if c := cmp.Compare(x.i, y.i); c != 0 {
			return c
		}
		return cmp.Compare(x.j, y.j)
	})

	g.parent = unionfind.New(g.n)
	g.members = make([][]int32, g.n)
	// failed records the sizes of two groups (by root) when the average
	// between them fell short. The check is repeated only once one of them
	// has grown by half, which bounds the repeats for any two groups by
	// the logarithm of their sizes.
	type sizes struct{ a, b int }
	failed := make(map[[2]int32]sizes)
	for _, e := range edges {
		a, b := g.find(e.i), g.find(e.j)
		if a == b {
			continue
		}
		a, b = min(a, b), max(a, b)
		now := sizes{g.size(a), g.size(b)}
		if now.a > 1 || now.b > 1 {
			if f, ok := failed[[2]int32{a, b}]; ok && 2*now.a < 3*f.a && 2*now.b < 3*f.b {
				continue
			}
			if g.linkage(a, b) < groupThreshold {
				failed[[2]int32{a, b}] = now
				continue
			}
		}
		g.union(a, b)
	}
	for i, d := range g.dup {
		if d >= 0 {
			if a, b := g.find(int32(i)), g.find(d); a != b {
				g.union(a, b)
			}
		}
	}
}

// linkage is the mean similarity between the members of the groups with
// roots a and b, over at most groupLinkSample members of each.
func (g *grouper) linkage(a, b int32) float64 {
	var one [2]int32
	ma, mb := g.members[a], g.members[b]
	if ma == nil {
		one[0] = a
		ma = one[:1]
	}
	if mb == nil {
		one[1] = b
		mb = one[1:]
	}
	ma, mb = evenlySpaced(ma, groupLinkSample), evenlySpaced(mb, groupLinkSample)
	var sum float64
	for _, i := range ma {
		for _, j := range mb {
			sum += g.similarity(i, j)
		}
	}
	return sum / float64(len(ma)*len(mb))
}

// evenlySpaced returns at most k of the members m, evenly spaced.
func evenlySpaced(m []int32, k int) []int32 {
	if len(m) <= k {
		return m
	}
	out := make([]int32, k)
	for i := range out {
		out[i] = m[i*len(m)/k]
	}
	return out
}

func (g *grouper) size(root int32) int { return max(1, len(g.members[root])) }

func (g *grouper) find(i int32) int32 { return g.parent.Find(i) }

// union merges the groups with roots a and b, the smaller into the larger.
func (g *grouper) union(a, b int32) {
	if g.size(a) < g.size(b) {
		a, b = b, a
	}
	if g.members[a] == nil {
		g.members[a] = []int32{a}
	}
	if g.members[b] == nil {
		g.members[a] = append(g.members[a], b)
	} else {
		g.members[a] = append(g.members[a], g.members[b]...)
	}
	g.parent.Link(a, b)
	g.members[b] = nil
}

// groups returns the groups in order of their first index.
func (g *grouper) groups() [][]int {
	slot := make([]int32, g.n)
	for i := range slot {
		slot[i] = -1
	}
	var out [][]int
	for i := range g.n {
		r := g.find(int32(i))
		if slot[r] < 0 {
			slot[r] = int32(len(out))
			out = append(out, make([]int, 0, g.size(r)))
		}
		out[slot[r]] = append(out[slot[r]], i)
	}
	return out
}
