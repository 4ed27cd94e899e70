package archive

import (
	"context"
	"database/sql"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// matcher is a Store that can also find the articles matching a query
// without ranking them: a reader's filter shows matches in its own
// order, and ranking every match of a common word (bm25 over tens of
// thousands of rows) costs a hundred times what finding the first few
// thousand does.
type matcher interface {
	Matching(ctx context.Context, query string, limit int) ([]int64, error)
}

// ftsQuery makes words of query an FTS5 query: each word quoted, so that
// no stray quote or operator is taken as syntax, the last a prefix. The
// query is read as the texts indexed were (see corpus.Normalise): typed
// decomposed, or with a zero-width character inside a word, it found
// nothing, though the reader showed the word.
func ftsQuery(query string) string {
	words := strings.Fields(ftsText(corpus.NormaliseString(query)))
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	words[len(words)-1] += "*"
	return strings.Join(words, " ")
}

// ftsText is s as the full-text index is given it, query and text alike:
// valid UTF-8, each invalid byte read as U+FFFD. SQLite's tokenizer reads
// a stray continuation byte after a character of several bytes as part of
// that character, and took "\u2002\xae0" for one word, so that a search
// for "0" missed it; U+FFFD, a symbol, only separates words, as the
// reader shows it.
func ftsText(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// Matching returns the ids of at most limit articles whose title or text
// hold every word of query (the last as a prefix), in no particular
// order.
func (s *SQLite) Matching(ctx context.Context, query string, limit int) ([]int64, error) {
	q := ftsQuery(query)
	if q == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?`, q, limit)
	if err != nil {
		return nil, s.searchFailed(ctx, err)
	}
	ids, err := scanColumn[int64](rows)
	return ids, s.searchFailed(ctx, err)
}

// scanColumn reads a one-column result (article ids, outlets, story
// names) and closes rows.
func scanColumn[T any](rows *sql.Rows) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
