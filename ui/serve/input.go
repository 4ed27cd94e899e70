package serve

import (
	"bytes"
	"io"
	"time"
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

// escapeTime is how long a read that ends in the middle of a key waits
// for the rest of it: an escape sequence without its final byte, or a
// character without all its bytes. Bubble Tea (v1) takes a read that does
// not fill its buffer as complete, so a key cut in two by the channel's
// flow control came out as other keys (an arrow as escape, '[' and 'A'),
// and a trailing escape it held back at the end of a full read joined
// whatever key came next, however much later (q read as alt+q). The rest
// of a key cut on its way is already at the server, or a packet behind:
// it comes within a few milliseconds. A lone Esc key comes with nothing
// after it, and waits out the whole of escapeTime before the program has
// it. 50 ms, as terminal programs wait for the rest of a sequence
// (Neovim's ttimeoutlen; tmux's escape-time is 10 ms, for a terminal on
// the same host): too short to be felt on a key that has crossed a
// network, long enough for a loaded server to read what has come.
const escapeTime = 50 * time.Millisecond

// boundedInput is a session's input as its program reads it, with every
// bracketed paste cut to maxPaste bytes and runs of full reads to
// maxFullReads (see above). It passes everything else through unchanged,
// in order, and reads from r no more than the program asks for, so that
// a read of its fills the program's buffer exactly when one of r would
// have: Bubble Tea tells by that whether the input may go on. No read of
// its ends in the middle of a key unless escapeTime has passed with
// nothing more from r.
type boundedInput struct {
	r       io.Reader
	buf     [4 << 10]byte
	out     []byte // what scan let through of the last reads
	pending []byte // what of out the next reads hand out
	err     error  // r's error, returned once pending is empty
	run     int    // bytes handed out by full reads since the last short one
	// reading, when not nil, has the outcome of a read of r into buf
	// that a wait for the rest of a key gave up on: the next read of r
	// is that one.
	reading chan readResult

	pasting  bool // inside a bracketed paste
	dropping bool // inside one that went over maxPaste: its bytes are dropped until its end marker
	pasted   int  // bytes of the paste handed out
	matched  int  // how many bytes of the marker looked for (start, or end in a paste) end the input so far
}

// readResult is what a read of r returned.
type readResult struct {
	n   int
	err error
}

func newBoundedInput(r io.Reader) *boundedInput { return &boundedInput{r: r} }

// Read implements io.Reader.
func (b *boundedInput) Read(p []byte) (int, error) {
	want := min(len(p), len(b.buf))
	var n int
	for {
		if len(b.pending) == 0 {
			if b.err != nil {
				return 0, b.err
			}
			b.fill(want, 0)
			continue
		}
		n = min(len(p), len(b.pending))
		// A key cut short at the end of what is handed out: what comes
		// before it goes now, and it waits for its rest in the next read,
		// up to escapeTime, and then goes as it is. Unless its rest is
		// here already (beyond a full read: Bubble Tea holds the key back
		// and joins it to the next read), or cannot come, or it is in a
		// paste, which Bubble Tea holds back up to its end marker anyway.
		cut := keyEnd(b.pending[:n])
		if cut == n || n < len(b.pending) || b.err != nil || b.pasting {
			break
		}
		if cut > 0 {
			n = cut
			break
		}
		if len(b.pending) >= want || !b.fill(want, escapeTime) {
			break
		}
	}
	switch {
	case n < len(p):
		b.run = 0
	case b.run+n > maxFullReads && n > 1:
		n, b.run = shortCut(b.pending[:n]), 0
	default:
		b.run += n
	}
	copy(p, b.pending[:n])
	b.pending = b.pending[n:]
	return n, nil
}

// fill reads r once, to add to pending up to want bytes, waiting for it
// at most wait if wait is not 0, and reports whether the read came. A read
// not waited for goes on, in its goroutine, and is the next fill's.
func (b *boundedInput) fill(want int, wait time.Duration) bool {
	var res readResult
	if b.reading == nil && wait == 0 {
		res.n, res.err = b.r.Read(b.buf[:want-len(b.pending)])
	} else {
		if b.reading == nil {
			b.reading = make(chan readResult, 1)
			go func(buf []byte, done chan<- readResult) {
				n, err := b.r.Read(buf)
				done <- readResult{n, err}
			}(b.buf[:want-len(b.pending)], b.reading)
		}
		var timeout <-chan time.Time // none if wait is 0
		if wait > 0 {
			t := time.NewTimer(wait)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case res = <-b.reading:
			b.reading = nil
		case <-timeout:
			return false
		}
	}
	b.err = res.err
	// pending lies in out, at or after its start: the copy moves it to
	// the front.
	b.out = b.scan(b.buf[:res.n], append(b.out[:0], b.pending...))
	b.pending = b.out
	return true
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

// keyEnd is where the key p ends with begins if it is cut short, or
// len(p) if p ends with a whole key. A key is cut short when its escape
// sequence has not all come, or its character has not.
func keyEnd(p []byte) int {
	from := 0 // where what follows the last escape sequence begins
	if i := bytes.LastIndexByte(p, '\x1b'); i >= 0 {
		n := sequenceLen(p[i+1:])
		if n < 0 {
			if i > 0 && p[i-1] == '\x1b' { // alt with the sequence
				i--
			}
			return i
		}
		from = i + 1 + n
	}
	for j := len(p) - 1; j >= max(from, len(p)-utf8.UTFMax); j-- {
		if utf8.RuneStart(p[j]) {
			if !utf8.FullRune(p[j:]) {
				return j
			}
			break
		}
	}
	return len(p)
}

// sequenceLen is the length of the key an escape followed by seq begins,
// the escape left out, as Bubble Tea reads keys, or -1 if seq ends before
// the key does: a CSI sequence (ESC [) up to its final byte, or an X10
// mouse report (ESC [ M) and its three bytes; ESC O and one byte; alt
// with a character.
func sequenceLen(seq []byte) int {
	switch {
	case len(seq) == 0:
		return -1
	case seq[0] == 'O':
		return seqLen(seq, 2)
	case seq[0] != '[':
		if !utf8.FullRune(seq) {
			return -1
		}
		_, n := utf8.DecodeRune(seq)
		return n
	case len(seq) > 1 && seq[1] == 'M':
		return seqLen(seq, 5)
	case len(seq) > 1 && seq[1] == '[': // the Linux console's F1 to F5
		return seqLen(seq, 3)
	}
	for k := 1; k < len(seq); k++ {
		switch c := seq[k]; {
		case c >= 0x40 && c <= 0x7e:
			return k + 1 // the final byte
		case c < 0x20 || c > 0x3f:
			return k // no parameter's or final byte: the sequence was broken off
		}
	}
	return -1
}

// seqLen is n, or -1 if seq is shorter.
func seqLen(seq []byte, n int) int {
	if len(seq) < n {
		return -1
	}
	return n
}
