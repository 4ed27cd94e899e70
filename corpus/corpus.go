// Package corpus loads news articles, segments them into paragraphs,
// sentences and tokens, aligns the passages of two articles that report the
// same thing, and diffs each aligned pair word by word.
//
// Everything here is plain data with byte offsets into each article's
// original bytes: nothing in this package knows about terminals. A loaded
// Corpus is immutable and safe to share between goroutines; comparisons are
// computed on demand and cached (see Cache).
//
// The alignment method: prose sentences are the units. Two sentences are
// scored by an IDF-weighted containment of their content words plus a bonus
// for shared word bigrams; candidate pairs come from an inverted index so the
// cost stays near-linear in article length. A greedy one-to-one assignment by
// score is followed by merges (an unmatched sentence joins its neighbour's
// block when it covers what the partner still lacks), and the longest
// increasing subsequence of right positions decides which blocks are in order
// and which are moved. Inside a block, tokens are mapped to runes and diffed
// with go-diff, then a token-aware cleanup folds short equal islands into the
// surrounding change so that changes read as phrases.
package corpus

import "fmt"

// Span is a half-open range [Start, End) of byte offsets into an article's
// original bytes.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Role says what a paragraph is, and so whether it takes part in alignment.
type Role int

// Paragraph roles. Only RoleProse (and the title) are aligned; the others are
// shown on their own side, dimmed, and never counted in similarity.
const (
	RoleProse Role = iota
	RoleTitle
	RoleHeading
	RoleBoilerplate
	RoleCaption
)

var roleNames = [...]string{"prose", "title", "heading", "boilerplate", "caption"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	TokWord    TokenKind = iota // letters and digits, with inner apostrophes, hyphens and number separators
	TokPunct                    // one punctuation or symbol character (an ellipsis "..." is one token)
	TokSpace                    // a run of whitespace, Unicode spaces included
	TokControl                  // control characters, escape sequences, bidi controls, invalid bytes: never shown raw
)

var tokenKindNames = [...]string{"word", "punct", "space", "control"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return fmt.Sprintf("TokenKind(%d)", int(k))
}

// Token is one word, punctuation mark, whitespace run or control sequence.
type Token struct {
	Span
	Kind TokenKind
	// Form is the matching form: case-folded, with curly quotes and
	// apostrophes made straight and dashes unified. Whitespace runs have the
	// form " ", "\n" (a line break) or "\n\n" (a paragraph break); control
	// tokens have the empty form.
	Form string
}

// Sentence is a run of tokens ending at a sentence boundary or paragraph end.
type Sentence struct {
	Span
	Para   int // index into Article.Paragraphs
	Tokens Range
}

// Paragraph is a run of non-blank lines (or one line, where the lines of a
// run play different roles).
type Paragraph struct {
	Span
	Role      Role
	Sentences Range // indexes into Article.Sentences
}

// Range is a half-open range [Start, End) of indexes into a slice.
type Range struct {
	Start, End int
}

// Len returns the number of indexes in the range.
func (r Range) Len() int { return r.End - r.Start }

// Article is one outlet's text about a story.
type Article struct {
	ID     string // the file name without its extension
	Outlet string
	Title  string
	URL    string
	Date   string
	Story  string // the story it belongs to
	Source string // the path it was read from

	Raw  []byte // the file's original bytes; every Span points into them
	Body Span   // Raw without a byte-order mark and front matter

	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Words      int // word tokens in the body

	feats []features // per sentence, for the matcher
}

// Text returns the original bytes of s as a string, unsanitised. Use
// Display for anything that reaches a terminal.
func (a *Article) Text(s Span) string { return string(a.Raw[s.Start:s.End]) }

// Story is a set of articles about one event.
type Story struct {
	Name     string
	Articles []*Article
}

// Corpus is every story loaded from one directory or file system.
type Corpus struct {
	Stories []*Story
}

// Articles returns every article of every story, in story order.
func (c *Corpus) Articles() []*Article {
	var all []*Article
	for _, s := range c.Stories {
		all = append(all, s.Articles...)
	}
	return all
}

// BlockKind says how a block of a comparison relates its two sides.
type BlockKind int

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

// OpKind is the kind of a diff operation.
type OpKind int

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
	Kind  OpKind
	Left  Span
	Right Span
	// Minor marks a delete or insert made only of punctuation and
	// whitespace, so that it can be shown quietly rather than as a changed
	// word.
	Minor bool
}

// Block is one row of a comparison: a passage of the left article, of the
// right, or of both.
type Block struct {
	Kind  BlockKind
	Left  Span // empty for RightOnly
	Right Span // empty for LeftOnly
	// Role is the role of a one-sided block's paragraph (prose for aligned
	// and moved blocks).
	Role       Role
	Similarity float64
	Ops        []Op
	// LeftSentences and RightSentences are the sentence indexes the block
	// covers on each side (empty ranges for the missing side).
	LeftSentences, RightSentences Range
	// Repeats is, for a one-sided block whose wording the same article
	// also carries in a paired passage, the index of that paired block (the
	// matching is one to one, so a repeated passage has no partner of its
	// own); otherwise -1.
	Repeats int
}

// Comparison is the alignment and word diff of two articles.
type Comparison struct {
	Left, Right *Article
	Similarity  float64
	Blocks      []Block
}
