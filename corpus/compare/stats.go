package compare

import "github.com/newsdiff/newsdiff/corpus"

// Stats are the figures of a comparison that a reader sees first.
type Stats struct {
	// Deleted and Inserted count the words the paired passages (titles
	// included) change: in delete ops on the left, insert ops on the right.
	Deleted, Inserted int
	// LeftOnlyWords and RightOnlyWords count the words of the prose
	// passages and the title only one side has: a title's changes count
	// when the titles pair, so its words count when they do not.
	LeftOnlyWords, RightOnlyWords int
	// Moved counts the passages paired out of order; LeftOnly and
	// RightOnly the blocks only one side has, of every role: a diff and
	// the reader show a one-sided heading, caption or line of page
	// furniture as they show prose, so a head that counted prose alone
	// said "0 left only" above a left-only block.
	Moved, LeftOnly, RightOnly int
	// LeftProseOnly and RightProseOnly count, of those, the prose
	// passages: the ones the reader marks - and + and steps to with n, a
	// one-sided heading, caption or line of page furniture being shown
	// dimmed, unmarked.
	LeftProseOnly, RightProseOnly int
	// Paired counts the prose passages the two sides share, in order or
	// moved; a block holding a title does not count (a headline is not a
	// passage of the report, though it pairs by the same scoring). None
	// means the articles share no passage: different stories, most
	// likely.
	Paired int
}

// DeletedWords counts the words of the left that the right does not print:
// those the paired passages change and those of the passages only the left
// has. The reader's status and the printed diff both head a comparison
// with it, so one pair gives one figure wherever it is shown.
func (st Stats) DeletedWords() int { return st.Deleted + st.LeftOnlyWords }

// InsertedWords is DeletedWords for the right.
func (st Stats) InsertedWords() int { return st.Inserted + st.RightOnlyWords }

// Stats returns what c changes. A comparison Compare made counts them at
// the first call, and only reads them afterwards (see Comparison); Stats is
// safe for concurrent use.
func (c *Comparison) Stats() Stats {
	if c.stats == nil {
		return c.countStats()
	}
	c.stats.once.Do(func() { c.stats.st = c.countStats() })
	return c.stats.st
}

// countStats counts what c's blocks change.
func (c *Comparison) countStats() Stats {
	var st Stats
	for _, b := range c.Blocks {
		if (b.Kind == Aligned || b.Kind == Moved) && b.Role == corpus.RoleProse {
			st.Paired++
		}
		switch b.Kind {
		case Moved:
			st.Moved++
		case LeftOnly:
			st.LeftOnly++
			if b.Role == corpus.RoleProse {
				st.LeftProseOnly++
			}
			if b.Role == corpus.RoleProse || b.Role == corpus.RoleTitle {
				st.LeftOnlyWords += c.Left.WordsIn(b.Left)
			}
			continue
		case RightOnly:
			st.RightOnly++
			if b.Role == corpus.RoleProse {
				st.RightProseOnly++
			}
			if b.Role == corpus.RoleProse || b.Role == corpus.RoleTitle {
				st.RightOnlyWords += c.Right.WordsIn(b.Right)
			}
			continue
		}
		for _, op := range b.Ops {
			switch op.Kind {
			case OpDelete:
				st.Deleted += c.Left.WordsIn(op.Left)
			case OpInsert:
				st.Inserted += c.Right.WordsIn(op.Right)
			}
		}
	}
	return st
}
