package compare

// lemmaPostings is the inverted index from a lemma, by its dense id
// (matcher.lemmaIDs), to the right classes carrying it, in class order:
// the classes of lemma id are all[start[id]:start[id+1]]. Laid out in
// two slices it is read without hashing; as a map from lemma hash to
// classes, its lookups and inserts were a fifth of the candidate search
// at 10,000 words, and grew faster than the article.
type lemmaPostings struct {
	start []int32
	all   []int32
}

// lemmaPostings indexes the lemmas of the right classes (each by its first
// member) that weigh in the candidate search: those carried by at most
// maxDF sentences. A lemma carried by more has no classes.
func (m *matcher) lemmaPostings(right []unit, rmembers [][]int32, maxDF int32) lemmaPostings {
	p := lemmaPostings{start: m.ids.make(len(m.ldf) + 1)}
	// Count each lemma's classes into start[id+1], sum the counts into
	// offsets, then fill each lemma's span in class order.
	for _, ms := range rmembers {
		for _, id := range right[ms[0]].lids {
			if m.ldf[id] <= maxDF {
				p.start[id+1]++
			}
		}
	}
	for id := 1; id < len(p.start); id++ {
		p.start[id] += p.start[id-1]
	}
	p.all = m.ids.make(int(p.start[len(p.start)-1]))
	next := m.ids.make(len(p.start) - 1)
	copy(next, p.start)
	for rc, ms := range rmembers {
		for _, id := range right[ms[0]].lids {
			if m.ldf[id] <= maxDF {
				p.all[next[id]] = int32(rc)
				next[id]++
			}
		}
	}
	return p
}

// classes returns the right classes carrying lemma id, in class order.
func (p lemmaPostings) classes(id int32) []int32 {
	return p.all[p.start[id]:p.start[id+1]]
}
