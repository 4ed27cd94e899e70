package serve

import (
	"io"
	"sync"

	gossh "golang.org/x/crypto/ssh"
)

// x/crypto gives every session channel an SSH window of 2 MiB and keeps
// whatever the client sends on it, up to that, until someone reads it.
// Nothing read a channel whose session had not started, or ran a command
// (Exec takes no input), or had ended while the client kept it open, nor
// any channel's extended data: a client that opened its ten channels on
// each of the connections it may have without a session and filled them
// held 20 MiB of the server's memory per connection, 600 MiB from one
// address. Each channel's input is now read as it comes, by
// channelInput, and kept only while a reader may take it, and only so
// much of it.

// maxPendingInput bounds the bytes of a channel's input the server keeps
// for its program: typed ahead before the session starts (what comes
// beyond it then is dropped), and waiting for a reader that is slow to
// take it (the client then waits). A connection without a session may
// have ten channels, and the server a thousand such connections: what
// each channel holds, this and the buffer it reads into, is kept small.
const maxPendingInput = 4 << 10

// inputMode is what becomes of a channel's input.
type inputMode int

const (
	inputPending inputMode = iota // kept, up to maxPendingInput, for a session yet to start
	inputReader                   // kept for the reader, which the client waits for once maxPendingInput are
	inputDiscard                  // dropped: nothing will read it
)

// channelInput reads a channel's input as it comes and keeps what its
// mode says.
type channelInput struct {
	mu   sync.Mutex
	cond *sync.Cond // broadcast whenever buf, err or mode changes
	buf  []byte
	err  error // the channel's read error (io.EOF once the client's input ends)
	mode inputMode
	cut  bool // input beyond maxPendingInput came while inputPending: the rest of it is dropped
}

// newChannelInput starts reading ch's input, and discarding its extended
// data, until the channel closes.
func newChannelInput(ch gossh.Channel) *channelInput {
	in := &channelInput{}
	in.cond = sync.NewCond(&in.mu)
	go in.pump(ch)
	go func() { _, _ = io.Copy(io.Discard, ch.Stderr()) }()
	return in
}

// pump reads the channel until it ends.
func (in *channelInput) pump(r io.Reader) {
	tmp := make([]byte, maxPendingInput)
	for {
		n, err := r.Read(tmp)
		in.mu.Lock()
		for data := tmp[:n]; len(data) > 0; {
			switch in.mode {
			case inputDiscard:
				data = nil
			case inputPending:
				if !in.cut {
					keep := min(len(data), maxPendingInput-len(in.buf))
					in.buf = append(in.buf, data[:keep]...)
					// A key cut short by the drop is dropped whole: its
					// start, kept, reached the program as another key (an
					// arrow's escape as Esc, or with the next key as alt
					// with it).
					if keep < len(data) {
						in.buf, in.cut = in.buf[:keyEnd(in.buf)], true
					}
				}
				data = nil
			case inputReader:
				room := maxPendingInput - len(in.buf)
				if room == 0 {
					in.cond.Wait()
					continue
				}
				keep := min(room, len(data))
				in.buf = append(in.buf, data[:keep]...)
				data = data[keep:]
				in.cond.Broadcast()
			}
		}
		if err != nil {
			in.err = err
		}
		in.cond.Broadcast()
		in.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// setMode changes what becomes of the input from now on; what is kept
// already stays, unless the mode is inputDiscard.
func (in *channelInput) setMode(m inputMode) {
	in.mu.Lock()
	in.mode = m
	if m == inputDiscard {
		in.buf = nil
	}
	in.cond.Broadcast()
	in.mu.Unlock()
}

// Read hands out the input kept, as the channel's Read would: as much as
// p holds of what has come, waiting only while nothing has.
func (in *channelInput) Read(p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for len(in.buf) == 0 && in.err == nil {
		in.cond.Wait()
	}
	if len(in.buf) == 0 {
		return 0, in.err
	}
	n := copy(p, in.buf)
	in.buf = in.buf[:copy(in.buf, in.buf[n:])]
	in.cond.Broadcast()
	return n, nil
}

// inputChannel is a session channel whose input is read through its
// channelInput.
type inputChannel struct {
	gossh.Channel
	in *channelInput
}

// Read implements io.Reader.
func (c inputChannel) Read(p []byte) (int, error) { return c.in.Read(p) }
