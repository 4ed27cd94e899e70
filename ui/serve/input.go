package serve

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// Bubble Tea (v1) holds back input it cannot yet tell the end of, and
// takes it up again with the next read, copying it whole each time: a
// bracketed paste until its end marker comes, and a run of plain
// characters for as long as each read fills its buffer. A client sending
// a paste that never ends, or characters without a pause, made one
// session's held-back input grow without bound, and its parsing take time
// quadratic in it: a core's worth of CPU for as long as the client sent,
// with the idle timer reset by every byte. boundedInput keeps both short.
const (
	// maxPaste bounds the bytes of one bracketed paste the program is
	// given: the rest of a longer one is dropped, and the program sees the
	// paste end there. A paste is text for a query, a few words; Bubble
	// Tea's time on one grows with its square.
	maxPaste = 4 << 10
	// maxFullReads bounds the bytes handed out in reads that fill their
	// buffer, one after another: past it, a read is cut short, at the
	// last escape or the last character start, so that Bubble Tea takes
	// what it holds as complete.
	maxFullReads = 4 << 10
)

// The markers that open and close a bracketed paste.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// boundedInput is a session's input as its program reads it, with every
// bracketed paste cut to maxPaste bytes and runs of full reads to
// maxFullReads (see above). It passes everything else through unchanged,
// in order, and reads from r no more than the program asks for, so that
// a read of its fills the program's buffer exactly when one of r would
// have: Bubble Tea tells by that whether the input may go on.
type boundedInput struct {
	r       io.Reader
	buf     [4 << 10]byte
	out     []byte // what scan let through of the last reads
	pending []byte // what of out the next reads hand out
	err     error  // r's error, returned once pending is empty
	run     int    // bytes handed out by full reads since the last short one
	// topUp is set when a read was cut short of a full buffer: what it
	// left is the start of a sequence or character the next read of r may
	// go on with, and the next read is filled up from r before it is
	// handed out, as Bubble Tea would have held it back for that read.
	topUp bool

	pasting  bool // inside a bracketed paste
	dropping bool // inside one that went over maxPaste: its bytes are dropped until its end marker
	pasted   int  // bytes of the paste handed out
	matched  int  // how many bytes of the marker looked for (start, or end in a paste) end the input so far
}

func newBoundedInput(r io.Reader) *boundedInput { return &boundedInput{r: r} }

// Read implements io.Reader.
func (b *boundedInput) Read(p []byte) (int, error) {
	want := min(len(p), len(b.buf))
	for len(b.pending) == 0 || (b.topUp && len(b.pending) < want && b.err == nil) {
		if len(b.pending) == 0 && b.err != nil {
			return 0, b.err
		}
		n, err := b.r.Read(b.buf[:want-len(b.pending)])
		b.err, b.topUp = err, false
		// pending lies in out, at or after its start: the copy moves it
		// to the front.
		b.out = b.scan(b.buf[:n], append(b.out[:0], b.pending...))
		b.pending = b.out
	}
	n := min(len(p), len(b.pending))
	switch {
	case n < len(p):
		b.run = 0
	case b.run+n > maxFullReads && n > 1:
		n, b.run, b.topUp = shortCut(b.pending[:n]), 0, true
	default:
		b.run += n
	}
	copy(p, b.pending[:n])
	b.pending = b.pending[n:]
	return n, nil
}

// shortCut is where to end a read of chunk short of its whole: before its
// last escape, so that the sequence it begins is not cut, or else before
// its last character, so that none is; never at 0.
func shortCut(chunk []byte) int {
	if i := bytes.LastIndexByte(chunk, '\x1b'); i > 0 {
		return i
	}
	for i := len(chunk) - 1; i > 0; i-- {
		if utf8.RuneStart(chunk[i]) {
			return i
		}
	}
	return len(chunk) - 1
}

// scan appends to out what of in the program is to be given, following
// the paste markers across reads.
func (b *boundedInput) scan(in, out []byte) []byte {
	for _, c := range in {
		marker := pasteStart
		if b.pasting {
			marker = pasteEnd
		}
		switch {
		case c == marker[b.matched]:
			b.matched++
		case c == marker[0]:
			b.matched = 1
		default:
			b.matched = 0
		}
		done := b.matched == len(marker)
		if done {
			b.matched = 0
		}
		switch {
		case b.dropping:
			// The end marker the program was given stands for this one.
			if done {
				b.pasting, b.dropping = false, false
			}
			continue
		case !b.pasting:
			b.pasting = done
			b.pasted = 0
		case done:
			b.pasting = false
		case b.pasted >= maxPaste:
			// Cut here, whatever part of an end marker came before: a
			// marker is only ever whole in what the program is given.
			b.dropping = true
			out = append(out, pasteEnd...)
			continue
		default:
			b.pasted++
		}
		out = append(out, c)
	}
	return out
}
