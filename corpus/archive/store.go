package archive

import (
	"context"
	"time"
)

// Store is where an archive's index lives. It is kept small so that a
// second implementation (a server database shared by several hosts, see
// docs/scaling.md) is one file: it stores rows and answers lookups, and
// knows nothing of how articles are read, weighed or grouped.
//
// Every method may be called from one goroutine at a time; an
// implementation need not be safe for concurrent use.
type Store interface {
	// Hashes returns the stored hash of each of paths that has one.
	Hashes(ctx context.Context, paths []string) (map[string][]byte, error)
	// Put adds or replaces the records, keyed by path, in one
	// transaction. A replaced record loses its story group and its
	// grouping keys.
	Put(ctx context.Context, recs []Record) error
	// Touch records a new modification time for files whose bytes are
	// unchanged.
	Touch(ctx context.Context, files []FileState) error
	// Delete removes the files at paths, with their grouping keys, their
	// search entries and their share of the document frequencies.
	Delete(ctx context.Context, paths []string) error

	// Ungrouped returns the signatures of articles that are to be grouped
	// by content and have no group yet, in path order.
	Ungrouped(ctx context.Context) ([]Signature, error)
	// Neighbours returns, for each key, up to perKey grouped articles
	// filed under it, the most recently grouped first.
	Neighbours(ctx context.Context, keys []uint64, perKey int) ([][]int64, error)
	// Signatures returns the signatures of the articles with the given
	// ids; unknown ids are left out.
	Signatures(ctx context.Context, ids []int64) ([]Signature, error)
	// SetGroups files each article under its group and its keys, and adds
	// df, the articles' terms counted, to the document frequencies, in one
	// transaction.
	SetGroups(ctx context.Context, gs []Grouping, df map[uint32]int32) error

	// DocFreq returns, by term, the number of grouped articles that use
	// it, and the number of grouped articles. Delete takes a deleted
	// grouped article's terms back out.
	DocFreq(ctx context.Context) (map[uint32]int32, int, error)
	// DocFreqOf returns the document frequencies of the given terms only,
	// leaving out those no grouped article uses: adding a few articles to
	// a large archive needs no more.
	DocFreqOf(ctx context.Context, terms []uint32) (map[uint32]int32, error)

	// DirTimes returns the directory modification times SetDirTimes
	// recorded, by slash-separated path relative to the archive's root
	// ("." for the root), in Unix nanoseconds; 0 marks a time not to be
	// trusted.
	DirTimes(ctx context.Context) (map[string]int64, error)
	// SetDirTimes replaces the recorded directory times.
	SetDirTimes(ctx context.Context, times map[string]int64) error

	// Entries returns every file, skipped ones included, in path order.
	// A refresh compares them with the files on disk, so they carry each
	// file's size and time.
	Entries(ctx context.Context) ([]Entry, error)
	// Search returns the ids of the articles whose title or text match
	// every word of query (the last as a prefix), best first, at most
	// limit.
	Search(ctx context.Context, query string, limit int) ([]int64, error)

	Close() error
}

// FileState is what tells a changed file from an unchanged one without
// reading it: its size and modification time, and the hash of its bytes
// for when only the time changed.
type FileState struct {
	Path    string // slash-separated, relative to the archive's root
	Size    int64
	ModTime time.Time
	Hash    []byte // SHA-256 of the bytes; nil for a skipped file
}

// Record is one file as the index keeps it.
type Record struct {
	FileState
	// Problem says why the file was skipped, or what loading worked
	// around; Skipped files have no article fields.
	Problem string
	Skipped bool

	ID, Outlet, Title, URL, Date string
	Words                        int
	// Story is the story the article names (front matter, meta.json) or
	// its directory's path; empty when it is to be grouped by content.
	Story string
	// Text is the article's body, for full-text search only: the store
	// indexes it and need not keep it.
	Text string
	Sig  Signature
}

// Signature is what story grouping keeps of an article: its distinct
// content terms with their counts and its distinct shingles, each hashed.
type Signature struct {
	ID       int64 // the store's id for the article; 0 before it is stored
	Group    int64 // its story group; 0 when not grouped yet
	Terms    []uint32
	Counts   []uint16 // parallel to Terms
	Shingles []uint32
}

// Grouping files one article under its story group and its grouping keys.
type Grouping struct {
	ID, Group int64
	Keys      []uint64
}

// Entry is one article as a listing shows it, without its text.
type Entry struct {
	ID      int64
	Path    string // slash-separated, relative to the archive's root
	Article string // the article's id: its file name without extension
	Outlet  string
	Title   string
	URL     string
	Date    string
	Words   int
	Story   string // the story it names; empty when grouped by content
	Group   int64  // its story group when grouped by content
	Problem string // why the file was skipped, or a warning about it
	Skipped bool   // the file holds no article
	Size    int64
	ModTime time.Time
}
