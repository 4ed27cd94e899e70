// Package corpus is the text model: it loads articles (files, folders, an
// fs.FS; saved pages and Markdown through corpus/extract) and segments each
// into paragraphs with a role, sentences and tokens, every unit a byte span
// into the text. It knows nothing of comparing articles (compare), grouping
// them (story), markup (extract) or terminals (ui/termsafe); a loaded
// Corpus is immutable and safe to share.
//
// load_test.go runs past 600 lines: one test per promise of the loader
// (encodings, line ends, size limits, metadata, unreadable files). So does
// load.go: the one loader behind LoadFS, LoadDir and LoadFile, its limits
// and the one-line problem each bad file gets, read as one pass from a
// name to an Article.
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
type Role uint8

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

// Token is one word, punctuation mark, whitespace run or control sequence,
// as Tokens.At returns it (an article stores its tokens packed).
type Token struct {
	Span
	Kind TokenKind
	// Form is the matching form: case-folded, with curly quotes and
	// apostrophes made straight and dashes unified. Whitespace runs have the
	// form " ", "\n" (a line break) or "\n\n" (a paragraph break); control
	// tokens have the empty form.
	Form string
}

// Sentence is a run of tokens ending at a sentence boundary or paragraph
// end: its bytes (Span), the paragraph holding it (Para) and its tokens
// (Tokens).
type Sentence struct {
	// The fields are 32 bits wide (a body is under 2 GiB, see
	// maxTokenized): a 5 MiB article of two-word sentences has 700,000
	// of them, which took 40 bytes each as ints and take 20 now.
	start, end       uint32
	para             uint32
	tokStart, tokEnd uint32
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
	Byline string
	Lang   string // the language tag its source gives, such as "en" or "fr"
	Story  string // the story it belongs to
	Source string // the path it was read from

	// Raw is the file's bytes as read, or for a .md or .html file its text
	// as extracted (see LoadFS); every Span points into it. Reading keeps
	// nearly every file as it is, but decodes windows-1252 bytes and
	// character references and drops control runs (see FileSpan).
	Raw  []byte
	Body Span // Raw without a byte-order mark and front matter
	// fileMap takes a span of Raw to the file's bytes, one map for each
	// step of reading that changed them (see FileSpan).
	fileMap []offsetMap

	Paragraphs []Paragraph
	Sentences  []Sentence
	// Tokens cover the body exactly, in order; Tokens.At(i) is token i.
	Tokens Tokens
	Words  int // word tokens in the body
}

// Text returns the original bytes of s as a string, unsanitised. Use
// termsafe.Display (in ui) for anything that reaches a terminal.
func (a *Article) Text(s Span) string { return string(a.Raw[s.Start:s.End]) }

// Story is a set of articles about one event.
type Story struct {
	Name     string
	Articles []*Article
	// Ungrouped marks a story of one article that story grouping found
	// like no other; listings show such stories under "not grouped".
	Ungrouped bool
	// Unread is how many more articles the story has past Articles, when
	// only its first ones were read (an analysis reads no more than it
	// compares): what it says it left out counts them. An article that
	// could not be read is not among them: it is reported where it was
	// tried, as a problem naming its file, and is no article of the story.
	Unread int
}

// Corpus is every story loaded from one directory or file system.
type Corpus struct {
	Stories []*Story
	// Name is the story of the articles at the root (the directory's name).
	Name string
	// Flat reports that every article was read from the root, with no story
	// folders: such a folder may hold several unrelated events, which the
	// story layer can tell apart by content.
	Flat bool
}

// Articles returns every article of every story, in story order.
func (c *Corpus) Articles() []*Article {
	var all []*Article
	for _, s := range c.Stories {
		all = append(all, s.Articles...)
	}
	return all
}
