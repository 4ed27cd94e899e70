package corpus

import (
	"sort"
	"strings"
)

// ParagraphAt returns the 1-based number of the paragraph holding byte
// offset off (the last paragraph for an offset past it, 0 for an article
// with none): the ¶ numbers every output shows count every paragraph, the
// title being ¶1.
func (a *Article) ParagraphAt(off int) int {
	i := sort.Search(len(a.Paragraphs), func(i int) bool { return a.Paragraphs[i].End > off })
	return min(i, len(a.Paragraphs)-1) + 1
}

// ParagraphOf returns the 1-based number of the paragraph holding the first
// of sentences r, or 0 for an empty or out-of-range r.
func (a *Article) ParagraphOf(r Range) int {
	if r.Start < 0 || r.Start >= len(a.Sentences) {
		return 0
	}
	return a.Sentences[r.Start].Para + 1
}

// OutletLabels names each article by its outlet, made safe to print and one
// line, with the article's id added where two articles share an outlet, so
// that a table of outlets never has two rows of the same name.
func OutletLabels(arts []*Article) []string {
	oneLine := func(s string) string { return strings.Join(strings.Fields(Display(s)), " ") }
	count := make(map[string]int)
	for _, a := range arts {
		count[oneLine(a.Outlet)]++
	}
	names := make([]string, len(arts))
	for i, a := range arts {
		names[i] = oneLine(a.Outlet)
		if count[names[i]] > 1 {
			names[i] += " (" + oneLine(a.ID) + ")"
		}
	}
	return names
}

// Stats are the figures of a comparison that a reader sees first.
type Stats struct {
	// Deleted and Inserted count the words the paired passages (titles
	// included) change: in delete ops on the left, insert ops on the right.
	Deleted, Inserted int
	// LeftOnlyWords and RightOnlyWords count the words of the prose
	// passages only one side has.
	LeftOnlyWords, RightOnlyWords int
	// Moved counts the passages paired out of order; LeftOnly and
	// RightOnly the prose passages only one side has.
	Moved, LeftOnly, RightOnly int
}

// Stats counts what c changes.
func (c *Comparison) Stats() Stats {
	var st Stats
	for _, b := range c.Blocks {
		switch b.Kind {
		case Moved:
			st.Moved++
		case LeftOnly:
			if b.Role == RoleProse {
				st.LeftOnly++
				st.LeftOnlyWords += CountWords(c.Left, b.Left)
			}
			continue
		case RightOnly:
			if b.Role == RoleProse {
				st.RightOnly++
				st.RightOnlyWords += CountWords(c.Right, b.Right)
			}
			continue
		}
		for _, op := range b.Ops {
			switch op.Kind {
			case OpDelete:
				st.Deleted += CountWords(c.Left, op.Left)
			case OpInsert:
				st.Inserted += CountWords(c.Right, op.Right)
			}
		}
	}
	return st
}
