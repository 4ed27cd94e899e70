package compare

import "slices"

// The word diff's minimal diff is go-diff's (DiffMainRunes with no
// timeout and no line mode: common prefix and suffix, the containment and
// one-rune shortcuts, Myers' bisection, then DiffCleanupMerge), done over
// the form numbers themselves. go-diff turns every piece of a diff into a
// string and back, and allocates its bisection's tables at each level:
// its allocations were two thirds of a seed pair's, and its work an
// eighth of the pair's time. Every step below is go-diff's, in its order,
// so that the runs are the same; TestMyersMatchesGoDiff checks them
// against go-diff itself.

// edit is one piece of a diff: at and n are its place in the left
// forms for an equal or a delete, in the right forms for an insert. A
// piece of go-diff's carries its text; every text it makes is one
// stretch of a side (its steps keep the diff a diff of the two sides), so
// a place says the same and its content is read from the side.
type edit struct {
	op    editOp
	at, n int
}

type editOp uint8

const (
	editEqual editOp = iota
	editDelete
	editInsert
)

// myersDiff diffs two sequences of form numbers, a and b, into edits. Its
// buffers are kept by the Differ between diffs.
type myersDiff struct {
	a, b  []rune
	edits []edit
	v     []int // the bisection's two tables, side by side
}

// text returns e's forms.
func (md *myersDiff) text(e edit) []rune {
	if e.op == editInsert {
		return md.b[e.at : e.at+e.n]
	}
	return md.a[e.at : e.at+e.n]
}

// diff returns the minimal diff of a and b, valid until the next diff.
func (md *myersDiff) diff(a, b []rune) []edit {
	md.a, md.b = a, b
	md.edits = md.edits[:0]
	md.main(0, len(a), 0, len(b))
	md.a, md.b = nil, nil
	return md.edits
}

// main appends the diff of a[a0:a1] and b[b0:b1], merged (go-diff's
// diffMainRunes).
func (md *myersDiff) main(a0, a1, b0, b1 int) {
	if slices.Equal(md.a[a0:a1], md.b[b0:b1]) {
		if a1 > a0 {
			md.edits = append(md.edits, edit{editEqual, a0, a1 - a0})
		}
		return
	}
	base := len(md.edits)
	p := commonPrefix(md.a[a0:a1], md.b[b0:b1])
	if p > 0 {
		md.edits = append(md.edits, edit{editEqual, a0, p})
	}
	a0, b0 = a0+p, b0+p
	s := commonSuffix(md.a[a0:a1], md.b[b0:b1])
	a1, b1 = a1-s, b1-s
	md.compute(a0, a1, b0, b1)
	if s > 0 {
		md.edits = append(md.edits, edit{editEqual, a1, s})
	}
	md.merge(base)
}

// compute appends the diff of a[a0:a1] and b[b0:b1], which share no
// prefix or suffix (go-diff's diffCompute; its half match is only tried
// with a timeout).
func (md *myersDiff) compute(a0, a1, b0, b1 int) {
	la, lb := a1-a0, b1-b0
	switch {
	case la == 0:
		md.edits = append(md.edits, edit{editInsert, b0, lb})
		return
	case lb == 0:
		md.edits = append(md.edits, edit{editDelete, a0, la})
		return
	}
	if la > lb {
		if i := runesIndex(md.a[a0:a1], md.b[b0:b1]); i >= 0 {
			md.edits = append(md.edits, edit{editDelete, a0, i}, edit{editEqual, a0 + i, lb},
				edit{editDelete, a0 + i + lb, la - i - lb})
			return
		}
	} else if i := runesIndex(md.b[b0:b1], md.a[a0:a1]); i >= 0 {
		md.edits = append(md.edits, edit{editInsert, b0, i}, edit{editEqual, a0, la},
			edit{editInsert, b0 + i + la, lb - i - la})
		return
	}
	if min(la, lb) == 1 {
		md.edits = append(md.edits, edit{editDelete, a0, la}, edit{editInsert, b0, lb})
		return
	}
	md.bisect(a0, a1, b0, b1)
}

// bisect finds the middle snake of a[a0:a1] and b[b0:b1] and appends the
// diffs of the two halves it splits them into (go-diff's diffBisect, Myers
// 1986).
func (md *myersDiff) bisect(a0, a1, b0, b1 int) {
	a, b := md.a[a0:a1], md.b[b0:b1]
	la, lb := len(a), len(b)
	maxD := (la + lb + 1) / 2
	vOffset, vLength := maxD, 2*maxD
	md.v = slices.Grow(md.v[:0], 2*vLength)[:2*vLength]
	// The tables are not read once a level splits, so every level of
	// the recursion uses the same memory.
	v1, v2 := md.v[:vLength], md.v[vLength:]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[vOffset+1], v2[vOffset+1] = 0, 0
	delta := la - lb
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := range maxD {
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1Offset := vOffset + k1
			var x1 int
			if k1 == -d || (k1 != d && v1[k1Offset-1] < v1[k1Offset+1]) {
				x1 = v1[k1Offset+1]
			} else {
				x1 = v1[k1Offset-1] + 1
			}
			y1 := x1 - k1
			for x1 < la && y1 < lb && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[k1Offset] = x1
			if x1 > la {
				k1end += 2
			} else if y1 > lb {
				k1start += 2
			} else if front {
				k2Offset := vOffset + delta - k1
				if k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 {
					if x2 := la - v2[k2Offset]; x1 >= x2 {
						md.main(a0, a0+x1, b0, b0+y1)
						md.main(a0+x1, a1, b0+y1, b1)
						return
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2Offset := vOffset + k2
			var x2 int
			if k2 == -d || (k2 != d && v2[k2Offset-1] < v2[k2Offset+1]) {
				x2 = v2[k2Offset+1]
			} else {
				x2 = v2[k2Offset-1] + 1
			}
			y2 := x2 - k2
			for x2 < la && y2 < lb && a[la-x2-1] == b[lb-y2-1] {
				x2++
				y2++
			}
			v2[k2Offset] = x2
			if x2 > la {
				k2end += 2
			} else if y2 > lb {
				k2start += 2
			} else if !front {
				k1Offset := vOffset + delta - k2
				if k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1 {
					x1 := v1[k1Offset]
					y1 := vOffset + x1 - k1Offset
					if x1 >= la-x2 {
						md.main(a0, a0+x1, b0, b0+y1)
						md.main(a0+x1, a1, b0+y1, b1)
						return
					}
				}
			}
		}
	}
	md.edits = append(md.edits, edit{editDelete, a0, la}, edit{editInsert, b0, lb})
}

// merge merges the edits from base on as go-diff's DiffCleanupMerge does:
// the deletes and inserts between two equalities become one delete and
// one insert, with what they start or end with alike moved into the
// equalities, and a lone edit between two equalities that it can slide
// over is slid, until none can.
func (md *myersDiff) merge(base int) {
	for {
		md.edits = append(md.edits, edit{op: editEqual}) // the end, taken off below when empty
		diffs := md.edits[base:]
		pointer := 0
		countDelete, countInsert := 0, 0
		var del, ins edit // the deletes and inserts since the last equality, end to end
		for pointer < len(diffs) {
			switch e := diffs[pointer]; e.op {
			case editInsert:
				if countInsert == 0 {
					ins = edit{editInsert, e.at, 0}
				}
				countInsert++
				ins.n += e.n
				pointer++
			case editDelete:
				if countDelete == 0 {
					del = edit{editDelete, e.at, 0}
				}
				countDelete++
				del.n += e.n
				pointer++
			case editEqual:
				if countDelete+countInsert > 1 {
					if countDelete != 0 && countInsert != 0 {
						if c := commonPrefix(md.text(ins), md.text(del)); c != 0 {
							if x := pointer - countDelete - countInsert; x > 0 && diffs[x-1].op == editEqual {
								diffs[x-1].n += c
							} else {
								diffs = slices.Insert(diffs, 0, edit{editEqual, del.at, c})
								pointer++
							}
							ins.at, ins.n = ins.at+c, ins.n-c
							del.at, del.n = del.at+c, del.n-c
						}
						if c := commonSuffix(md.text(ins), md.text(del)); c != 0 {
							ins.n -= c
							del.n -= c
							diffs[pointer].at = del.at + del.n
							diffs[pointer].n += c
						}
					}
					x := pointer - countDelete - countInsert
					switch {
					case countDelete == 0:
						diffs = slices.Replace(diffs, x, pointer, ins)
					case countInsert == 0:
						diffs = slices.Replace(diffs, x, pointer, del)
					default:
						diffs = slices.Replace(diffs, x, pointer, del, ins)
					}
					pointer = x + 1
					if countDelete != 0 {
						pointer++
					}
					if countInsert != 0 {
						pointer++
					}
				} else if pointer != 0 && diffs[pointer-1].op == editEqual {
					diffs[pointer-1].n += e.n
					diffs = slices.Delete(diffs, pointer, pointer+1)
				} else {
					pointer++
				}
				countDelete, countInsert = 0, 0
			}
		}
		if diffs[len(diffs)-1].n == 0 {
			diffs = diffs[:len(diffs)-1]
		}

		// A lone edit between equalities that it ends or starts with
		// slides over that equality: A<ins>BA</ins>C becomes <ins>AB</ins>AC.
		changes := false
		for pointer = 1; pointer < len(diffs)-1; pointer++ {
			prev, cur, next := diffs[pointer-1], diffs[pointer], diffs[pointer+1]
			if prev.op != editEqual || next.op != editEqual {
				continue
			}
			text := md.text(cur)
			switch {
			case hasSuffix(text, md.text(prev)):
				diffs[pointer].at -= prev.n
				diffs[pointer+1].at -= prev.n
				diffs[pointer+1].n += prev.n
				diffs = slices.Delete(diffs, pointer-1, pointer)
				changes = true
			case hasPrefix(text, md.text(next)):
				diffs[pointer-1].n += next.n
				diffs[pointer].at += next.n
				diffs = slices.Delete(diffs, pointer+1, pointer+2)
				changes = true
			}
		}
		md.edits = append(md.edits[:base], diffs...)
		if !changes {
			return
		}
	}
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func hasPrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

func hasSuffix(s, suffix []rune) bool {
	return len(s) >= len(suffix) && slices.Equal(s[len(s)-len(suffix):], suffix)
}

// runesIndex is the index of the first instance of sub in s, or -1.
func runesIndex(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
