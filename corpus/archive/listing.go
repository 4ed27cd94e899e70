package archive

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"time"
)

// The listing (Store.Entries) is what every command reads on opening an
// archive. Read row by row, 100,000 entries of 14 columns take about 0.4 s
// of CPU, most of it in the driver's per-column calls; so the SQLite store
// keeps them also as one blob, written after a refresh, that decodes in a
// few tens of milliseconds. The blob is a cache of the articles table: it
// carries the generation of the index it was made from, every write
// transaction advances the generation, and a blob of another generation is
// not used. Encoded by hand (varints and length-prefixed strings) because
// encoding/gob or JSON would spend on reflection most of what the blob
// saves.

// listingFormat starts an encoded listing; a blob that does not start with
// it is ignored.
const listingFormat = 1

// errBadListing is a listing blob that does not decode.
var errBadListing = errors.New("listing blob does not decode")

func encodeListing(es []Entry) []byte {
	b := make([]byte, 0, 64+len(es)*160)
	b = binary.AppendUvarint(b, listingFormat)
	b = binary.AppendUvarint(b, uint64(len(es)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, e := range es {
		b = binary.AppendVarint(b, e.ID)
		str(e.Path)
		str(e.Article)
		str(e.Outlet)
		str(e.Title)
		str(e.URL)
		str(e.Date)
		b = binary.AppendVarint(b, int64(e.Words))
		str(e.Story)
		b = binary.AppendVarint(b, e.Group)
		str(e.Problem)
		skipped := uint64(0)
		if e.Skipped {
			skipped = 1
		}
		b = binary.AppendUvarint(b, skipped)
		b = binary.AppendVarint(b, e.Size)
		b = binary.AppendVarint(b, e.ModTime.UnixNano())
	}
	return b
}

// decodeListing decodes what encodeListing made. The strings of the
// entries share the blob's memory.
func decodeListing(data string) ([]Entry, error) {
	pos := 0
	bad := false
	uvarint := func() uint64 {
		v, n := uvarintString(data[pos:])
		if n <= 0 {
			bad = true
			return 0
		}
		pos += n
		return v
	}
	varint := func() int64 {
		u := uvarint()
		// Zig-zag, as binary.AppendVarint writes it.
		x := int64(u >> 1)
		if u&1 != 0 {
			x = ^x
		}
		return x
	}
	str := func() string {
		n := uvarint()
		if bad || n > uint64(len(data)-pos) {
			bad = true
			return ""
		}
		s := data[pos : pos+int(n)]
		pos += int(n)
		return s
	}
	if uvarint() != listingFormat || bad {
		return nil, errBadListing
	}
	count := uvarint()
	// Every entry takes at least 14 bytes: a bound on a damaged count.
	if bad || count > uint64(len(data))/14 {
		return nil, errBadListing
	}
	es := make([]Entry, count)
	for i := range es {
		e := &es[i]
		e.ID = varint()
		e.Path = str()
		e.Article = str()
		e.Outlet = str()
		e.Title = str()
		e.URL = str()
		e.Date = str()
		e.Words = int(varint())
		e.Story = str()
		e.Group = varint()
		e.Problem = str()
		e.Skipped = uvarint() == 1
		e.Size = varint()
		e.ModTime = time.Unix(0, varint())
		if bad {
			return nil, errBadListing
		}
	}
	if pos != len(data) {
		return nil, errBadListing
	}
	return es, nil
}

// uvarintString is binary.Uvarint over a string, so that decoding does not
// copy the blob again.
func uvarintString(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -1
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// generation is the index's write generation.
func (s *SQLite) generation(ctx context.Context) (int64, error) {
	var gen int64
	err := s.db.QueryRowContext(ctx, `SELECT gen FROM state`).Scan(&gen)
	return gen, err
}

// savedListing returns the listing blob's entries and generation if the
// blob was made from the index as it is.
func (s *SQLite) savedListing(ctx context.Context) ([]Entry, int64, bool, error) {
	// One statement, so one read transaction: the blob and the generation
	// it is checked against are seen at the same moment. Read as text
	// (SQLite casts a blob to text as it is, byte for byte), since the
	// driver copies text into a string once, which the entries' strings
	// then share, where a blob is copied into a slice that would have to
	// be copied again into a string: 28 MB at 100,000 articles.
	var blob string
	var gen int64
	err := s.db.QueryRowContext(ctx, `SELECT CAST(l.data AS TEXT), s.gen FROM listing l JOIN state s ON l.gen = s.gen`).Scan(&blob, &gen)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, 0, false, nil
	case err != nil:
		return nil, 0, false, err
	}
	es, err := decodeListing(blob)
	if err != nil {
		return nil, 0, false, nil // read the rows instead, and write it again
	}
	return es, gen, true, nil
}

// listed is the listing a store last returned, of generation gen, and what
// the store has written since: commits transactions, changing the rows of
// paths and ids. When the index's generation is gen plus commits, no other
// process has written to it, and reading those rows again brings the
// listing up to date: after a hundred articles are added to 100,000, that
// is a few hundred rows instead of every one.
type listed struct {
	entries []Entry
	gen     int64
	commits int64
	paths   map[string]bool
	ids     map[int64]bool
}

func (l *listed) reset(es []Entry, gen int64) {
	*l = listed{entries: es, gen: gen, paths: map[string]bool{}, ids: map[int64]bool{}}
}

func (l *listed) changedPath(p string) {
	if l.paths != nil {
		l.paths[p] = true
	}
}

func (l *listed) changedID(id int64) {
	if l.ids != nil {
		l.ids[id] = true
	}
}

// saveListing stores es as the listing of generation gen, unless the index
// has moved past gen since es was read. It is a cache: failing to write it
// (another process holds the index) costs the next opening time, nothing
// more, and is not returned, unless the index is damaged (IsCorrupt), to
// be rebuilt.
func (s *SQLite) saveListing(ctx context.Context, gen int64, es []Entry) error {
	blob := encodeListing(es)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return corruptOnly(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM listing`); err != nil {
		return corruptOnly(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO listing(gen, data) SELECT ?, ? FROM state WHERE gen = ?`, gen, blob, gen); err != nil {
		return corruptOnly(err)
	}
	return corruptOnly(tx.Commit())
}

// corruptOnly is err if it says that the index is damaged, else nil: of a
// write to a cache the index keeps, which may fail otherwise at no cost.
func corruptOnly(err error) error {
	if IsCorrupt(err) {
		return err
	}
	return nil
}
