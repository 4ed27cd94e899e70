package archive

import (
	"context"
	"database/sql"
	"strings"
)

// bulkInsert runs one INSERT of many rows instead of a statement per row
// (or one UPDATE from many rows of VALUES: head and tail may make any
// statement around them).
// A statement costs the driver about as much as inserting a small row:
// modernc.org/sqlite starts a goroutine per statement to interrupt it if
// its context ends, and database/sql binds each call's arguments anew, so
// the 1.7 million grouping keys of a 100,000-article build spent more on
// statements than on the rows. And FTS5 writes its pending terms out as
// a new segment at every statement inside a transaction, so one row per
// statement made a segment per article; merging them was a fifth of a
// build.
type bulkInsert struct {
	tx         *sql.Tx
	head, tail string // the statement around its VALUES rows
	width      int    // values per row
	batch      int    // rows per statement
	args       []any
	full       *sql.Stmt // the statement of a full batch, prepared once
}

// newBulkInsert inserts rows of width values, batch rows to a statement
// made of head, the rows' VALUES list and tail. width × batch must stay
// under SQLite's 32,766 parameters.
func newBulkInsert(tx *sql.Tx, head, tail string, width, batch int) *bulkInsert {
	return &bulkInsert{tx: tx, head: head, tail: tail, width: width, batch: batch}
}

// add adds one row of b.width values.
func (b *bulkInsert) add(ctx context.Context, values ...any) error {
	b.args = append(b.args, values...)
	if len(b.args) < b.width*b.batch {
		return nil
	}
	if b.full == nil {
		var err error
		if b.full, err = b.tx.PrepareContext(ctx, b.statement(b.batch)); err != nil {
			return err
		}
	}
	_, err := b.full.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush inserts the rows added since the last full batch.
func (b *bulkInsert) flush(ctx context.Context) error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(ctx, b.statement(len(b.args)/b.width), b.args...)
	b.args = b.args[:0]
	return err
}

func (b *bulkInsert) statement(rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.width), ", ") + "),"
	return b.head + " VALUES " + strings.TrimSuffix(strings.Repeat(row, rows), ",") + " " + b.tail
}
