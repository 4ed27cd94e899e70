// Package unionfind is a disjoint-set forest over 0…n-1 with path halving.
// Story grouping and quote grouping join sentences, mentions, quotes and
// documents with it; each caller decides which root survives a merge, so
// Link takes the root to keep. It knows nothing of articles.
package unionfind

// Sets is a disjoint-set forest over 0…n-1.
type Sets []int32

// New returns n singleton sets.
func New(n int) Sets {
	u := make(Sets, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

// Find returns the root of x's set.
func (u Sets) Find(x int32) int32 {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

// Link makes root keep the root of child's set; both must be roots.
func (u Sets) Link(root, child int32) { u[child] = root }

// Union joins the sets of a and b under the smaller of their roots, so
// that a set's root is its first member, and returns that root.
func (u Sets) Union(a, b int32) int32 {
	ra, rb := u.Find(a), u.Find(b)
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
	return ra
}
