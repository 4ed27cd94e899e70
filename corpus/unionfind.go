package corpus

// unionFind is a disjoint-set forest over 0…n-1, with path halving. The
// package groups sentences, mentions, quotes and documents with it; each
// caller decides which root survives a merge, so link takes the root to
// keep.
type unionFind []int32

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

// find returns the root of x's set.
func (u unionFind) find(x int32) int32 {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

// link makes root keep the root of child's set; both must be roots.
func (u unionFind) link(root, child int32) { u[child] = root }

// union joins the sets of a and b under the smaller of their roots, so
// that a set's root is its first member, and returns that root.
func (u unionFind) union(a, b int32) int32 {
	ra, rb := u.find(a), u.find(b)
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
	return ra
}
