package compare

import (
	"fmt"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
)

// BlockKind says how a block of a comparison relates its two sides.
type BlockKind uint8

// Block kinds, as named in the JSON output.
const (
	Aligned   BlockKind = iota // both sides report the same thing, in order
	Moved                      // both sides report the same thing, but the right is out of order
	LeftOnly                   // only the left article has this passage
	RightOnly                  // only the right article has this passage
)

var blockKindNames = [...]string{"aligned", "moved", "left-only", "right-only"}

func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return fmt.Sprintf("BlockKind(%d)", int(k))
}

// Match says how the two sides of a paired block relate, as a reader
// would put it.
type Match uint8

// Matches, as named in the JSON output.
const (
	NoMatch    Match = iota // a one-sided block
	Verbatim                // the same wording copied, runLen words or more in a row (wire copy)
	Quote                   // the same quotation, runLen words or more in a row inside quotation marks
	Paraphrase              // the same event in other words
)

var matchNames = [...]string{"", "verbatim", "quote", "paraphrase"}

func (m Match) String() string {
	if int(m) < len(matchNames) {
		return matchNames[m]
	}
	return fmt.Sprintf("Match(%d)", int(m))
}

// OpKind is the kind of a diff operation.
type OpKind uint8

// Diff operations.
const (
	OpEqual OpKind = iota
	OpDelete
	OpInsert
)

var opKindNames = [...]string{"equal", "delete", "insert"}

func (k OpKind) String() string {
	if int(k) < len(opKindNames) {
		return opKindNames[k]
	}
	return fmt.Sprintf("OpKind(%d)", int(k))
}

// Op is one diff operation inside a block. Equal ops carry both spans; a
// delete carries only Left, an insert only Right.
type Op struct {
	Left  corpus.Span
	Right corpus.Span
	Kind  OpKind
	// Minor marks a delete or insert made only of punctuation and
	// whitespace, so that it can be shown quietly rather than as a changed
	// word.
	Minor bool
	// Moved marks a delete whose words the pair's other side inserts
	// elsewhere, and that insert: one fragment the outlets put in
	// different places, not two changes (see markMovedRuns).
	Moved bool
}

// Block is one row of a comparison: a passage of the left article, of the
// right, or of both.
//
// Its small fields come first and its indexes are 32 bits wide, so that a
// block takes 120 bytes rather than 144: the bounded comparison of two
// 5 MiB files of two-word sentences has 283,000 blocks.
type Block struct {
	Kind BlockKind
	// Role is the role of a one-sided block's paragraph (prose for aligned
	// and moved blocks).
	Role corpus.Role
	// Match is how a paired block's sides relate (NoMatch for one-sided
	// blocks), and Score how sure the matcher is that they report one
	// event, from 0 to 1 (1 for identical sentences). A title pairs by the
	// same scoring, with the other title or with a lead that restates it;
	// such a block's Role is RoleTitle.
	Match Match
	// Repeats is, for a one-sided block whose wording the same article
	// also carries in a paired passage, the index of that paired block (the
	// matching is one to one, so a repeated passage has no partner of its
	// own); otherwise -1.
	Repeats int32
	// Sibling is, for a paired block one of whose sides is a part of a
	// sentence, the index of the block pairing the sentence's other part
	// (one sentence telling two events, each of which the other article
	// tells in a sentence of its own); otherwise -1.
	Sibling int32
	// SiblingRight is, for a paired block both of whose sides are parts
	// of sentences (two sentences telling two events each, crosswise:
	// see crossSplit), the block pairing the right sentence's other part,
	// Sibling then being the left's; otherwise -1.
	SiblingRight int32
	Left         corpus.Span // empty for RightOnly
	Right        corpus.Span // empty for LeftOnly
	Similarity   float64
	Score        float64
	Ops          []Op
	// LeftSentences and RightSentences are the sentence indexes the block
	// covers on each side (empty ranges for the missing side).
	LeftSentences, RightSentences corpus.Range
}

// Comparison is the alignment and word diff of two articles.
//
// A comparison is read-only once Compare returns it: its fields are
// exported to be read, by any number of goroutines at once, and are not
// to be changed. Its Stats are counted once, at the first call, from its
// blocks, and then only read. A Comparison made otherwise than by Compare
// (a literal) counts its Stats at each call.
type Comparison struct {
	Left, Right *corpus.Article
	Similarity  float64
	Blocks      []Block
	// Bounded says the texts were past the size a full comparison fits
	// in (see exceedsFullLimits): only prose paragraphs word for word
	// the same were paired.
	Bounded bool
	// stats holds the comparison's Stats once counted (see Stats); a
	// pointer, so that a copy of the comparison shares it.
	stats *countedStats
}

// countedStats are a comparison's Stats, counted at most once, by the
// first of any number of goroutines to ask.
type countedStats struct {
	once sync.Once
	st   Stats
}

// newComparison returns the comparison of a with b made of blocks, with
// its similarity. Its stats are counted when first asked for, then read by
// every reader of the comparison (a reader's status bar, its summary line,
// the printed diff's head) without walking its blocks again, 2 ms for two
// 100,000-word articles; a comparison no one shows (a story's matrix
// compares every pair) never counts them.
func newComparison(a, b *corpus.Article, blocks []Block, bounded bool) *Comparison {
	c := &Comparison{Left: a, Right: b, Blocks: blocks, Bounded: bounded, stats: new(countedStats)}
	c.Similarity = overallSimilarity(c)
	return c
}
