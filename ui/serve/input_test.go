package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestReaderPasteBounded checks that a bracketed paste that does not end
// reaches the reader cut short, and what comes after the cut is dropped,
// not typed: Bubble Tea held the whole paste back until its end marker,
// copying it again with every read, so a client sending one without end
// grew its session's memory and CPU time without bound.
func TestReaderPasteBounded(t *testing.T) {
	ts := startServer(t, Config{})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	// A megabyte of j, which typed would move the cursor; the paste is
	// left open.
	tt.press(pasteStart + strings.Repeat("j", 1<<20))
	tt.waitFor("keys 1")
	// The rest of the paste is dropped up to its end; the key after it is
	// a key.
	tt.press(strings.Repeat("j", 1<<10) + pasteEnd + "j")
	tt.waitFor("keys 2", "> bravo")
	tt.press("q")
	if got := tt.wait(); got != 0 {
		t.Errorf("exit status %d, want 0", got)
	}
}

// chunks is a reader that returns its chunks one per read, cut to the
// reader's buffer, as a channel returns what has arrived.
type chunks [][]byte

func (c *chunks) Read(p []byte) (int, error) {
	for len(*c) > 0 && len((*c)[0]) == 0 {
		*c = (*c)[1:]
	}
	if len(*c) == 0 {
		return 0, io.EOF
	}
	n := copy(p, (*c)[0])
	(*c)[0] = (*c)[0][n:]
	return n, nil
}

// TestBoundedInput reads inputs through boundedInput as Bubble Tea does,
// 256 bytes at a time, and checks what comes out and how the reads are
// cut.
func TestBoundedInput(t *testing.T) {
	long := strings.Repeat("é", maxPaste) // twice maxPaste in bytes
	tests := []struct {
		name string
		in   []string // the chunks the session's reads return
		want string
	}{
		{"keys", []string{"j", "k", "\x1b[A", "q"}, "jk\x1b[Aq"},
		{"a short paste", []string{pasteStart + "hello" + pasteEnd + "q"}, pasteStart + "hello" + pasteEnd + "q"},
		{"markers cut across reads", []string{"\x1b[2", "00~hi\x1b", "[201", "~q"}, pasteStart + "hi" + pasteEnd + "q"},
		{"a paste of maxPaste", []string{pasteStart + long[:maxPaste] + pasteEnd + "q"}, pasteStart + long[:maxPaste] + pasteEnd + "q"},
		{"a long paste", []string{pasteStart + long + pasteEnd + "q"}, pasteStart + long[:maxPaste] + pasteEnd + "q"},
		{"a long paste cut in its end marker", []string{pasteStart + long, "\x1b[20", "1~q"}, pasteStart + long[:maxPaste] + pasteEnd + "q"},
		{"a long paste that does not end", []string{pasteStart + long, long, long}, pasteStart + long[:maxPaste] + pasteEnd},
		{"an end marker outside a paste", []string{pasteEnd + "q"}, pasteEnd + "q"},
		{"a flood of keys", []string{strings.Repeat("jé\x1b[B", 10000)}, strings.Repeat("jé\x1b[B", 10000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var in chunks
			for _, c := range tc.in {
				in = append(in, []byte(c))
			}
			got, err := drainBounded(t, newBoundedInput(&in), func(read []byte, before int) {
				// A read cut short ends where the input cannot go on:
				// never inside a character or an escape sequence.
				if len(read) > 0 && len(tc.in) == 1 && !strings.Contains(tc.name, "paste") {
					rest := tc.want[before+len(read):]
					if rest != "" && !strings.HasPrefix(rest, "\x1b") && !startsRune(rest) {
						t.Fatalf("a read was cut at %q|%q", read, rest[:min(len(rest), 8)])
					}
				}
			})
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got %d bytes %.60q…, want %d bytes %.60q…", len(got), got, len(tc.want), tc.want)
			}
		})
	}
}

// drainBounded reads b to its first error, in reads of 256 bytes, and
// returns what it read and that error. It fails the test when more than
// maxFullReads bytes come in full reads one after another; short is
// called with each read cut short and how many bytes came before it.
func drainBounded(t *testing.T, b *boundedInput, short func(read []byte, before int)) ([]byte, error) {
	t.Helper()
	var got bytes.Buffer
	full := 0
	buf := make([]byte, 256)
	for {
		n, err := b.Read(buf)
		if full += n; n < len(buf) {
			full = 0
			short(buf[:n], got.Len())
		}
		if full > maxFullReads {
			t.Fatalf("%d bytes in full reads one after another, over %d", full, maxFullReads)
		}
		got.Write(buf[:n])
		if err != nil {
			return got.Bytes(), err
		}
	}
}

// startsRune reports whether s begins with the first byte of a character.
func startsRune(s string) bool {
	return s != "" && (s[0] < 0x80 || s[0] >= 0xc0)
}

// FuzzBoundedInput feeds boundedInput arbitrary client bytes, cut into
// reads at arbitrary places. It must never panic, never hand out more than
// maxFullReads in full reads one after another, never give the program a
// paste of over maxPaste bytes, and pass input with no paste in it through
// unchanged.
func FuzzBoundedInput(f *testing.F) {
	f.Add([]byte(pasteStart+"hello"+pasteEnd+"q"), byte(3))
	f.Add([]byte(pasteStart+strings.Repeat("x", 50)+"\x1b[20"+"1~j"), byte(7))
	f.Add([]byte(strings.Repeat("jé\x1b[B", 20)), byte(255))
	f.Fuzz(func(t *testing.T, data []byte, cut byte) {
		step := int(cut) + 1
		var in chunks
		for i := 0; i < len(data); i += step {
			in = append(in, data[i:min(len(data), i+step)])
		}
		out, _ := drainBounded(t, newBoundedInput(&in), func([]byte, int) {})
		if !bytes.Contains(data, []byte(pasteStart)) && !bytes.Equal(out, data) {
			t.Fatalf("input without a paste came out changed: %q -> %q", data, out)
		}
		for rest := out; ; {
			i := bytes.Index(rest, []byte(pasteStart))
			if i < 0 {
				break
			}
			rest = rest[i+len(pasteStart):]
			end := bytes.Index(rest, []byte(pasteEnd))
			if end < 0 {
				end = len(rest)
			}
			if end > maxPaste {
				t.Fatalf("a paste of %d bytes came out", end)
			}
			rest = rest[end:]
		}
	})
}

// paced is a client's input as it comes: each step's bytes after its
// pause, one step a read, and after the last nothing until the test ends,
// as a client that stopped typing sends nothing and keeps its channel.
type paced struct {
	steps []step
	end   chan struct{} // closed by the test's cleanup: the input ends then
}

// step is one piece of a paced input.
type step struct {
	pause time.Duration
	data  string
}

func newPaced(t *testing.T, steps ...step) *paced {
	p := &paced{steps: steps, end: make(chan struct{})}
	t.Cleanup(func() { close(p.end) })
	return p
}

func (p *paced) Read(b []byte) (int, error) {
	if len(p.steps) == 0 {
		<-p.end
		return 0, io.EOF
	}
	s := &p.steps[0]
	time.Sleep(s.pause)
	s.pause = 0
	n := copy(b, s.data)
	if s.data = s.data[n:]; s.data == "" {
		p.steps = p.steps[1:]
	}
	return n, nil
}

// keyRecorder is a model that keeps the keys and mouse events it is sent,
// as their names, and quits on q.
type keyRecorder struct{ got []string }

func (m *keyRecorder) Init() tea.Cmd { return nil }

func (m *keyRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.got = append(m.got, msg.String())
		if msg.String() == "q" {
			return m, tea.Quit
		}
	case tea.MouseMsg:
		m.got = append(m.got, "mouse "+msg.String())
	}
	return m, nil
}

func (m *keyRecorder) View() string { return "" }

// TestKeysCutAcrossReads gives Bubble Tea keys whose bytes come in two
// reads, as the channel's flow control cuts them, through boundedInput,
// and checks that it reads the keys that were sent: it took each read as
// complete, so an arrow cut after its escape came as escape, '[' and 'A',
// and an escape ending a full read of its joined the next key, however
// much later it came (q read as alt+q). A lone escape still comes as the
// Esc key, once escapeTime has passed with nothing after it; an escape and
// q in one read are what Bubble Tea makes of them, alt+q.
func TestKeysCutAcrossReads(t *testing.T) {
	const later = 10 * escapeTime // a pause well past escapeTime
	ctrlN := strings.Repeat("\x0e", 255)
	tests := []struct {
		name  string
		steps []step
		want  []string
	}{
		{"an arrow cut after its escape", []step{{0, "\x1b"}, {0, "[A"}, {later, "q"}}, []string{"up", "q"}},
		{"an arrow cut inside", []step{{0, "\x1b["}, {0, "A"}, {later, "q"}}, []string{"up", "q"}},
		{"an arrow after a key, cut", []step{{0, "j\x1bO"}, {0, "B"}, {later, "q"}}, []string{"j", "down", "q"}},
		{"alt with an arrow, cut", []step{{0, "\x1b\x1b["}, {0, "A"}, {later, "q"}}, []string{"alt+up", "q"}},
		{"a function key cut", []step{{0, "\x1b[15"}, {0, "~"}, {later, "q"}}, []string{"f5", "q"}},
		{"a character cut", []step{{0, "\xc3"}, {0, "\xa9"}, {later, "q"}}, []string{"é", "q"}},
		{"a mouse report cut", []step{{0, "\x1b[<0;1"}, {0, "2;5M"}, {later, "q"}}, []string{"mouse left press", "q"}},
		{"a paste cut in its start marker", []step{{0, "\x1b[20"}, {0, "0~hi\x1b[201~"}, {later, "q"}}, []string{"[hi]", "q"}},
		{"a full read ending in an arrow's escape", []step{{0, ctrlN + "\x1b"}, {0, "[B"}, {later, "q"}},
			append(slices.Repeat([]string{"ctrl+n"}, 255), "down", "q")},
		{"a lone escape, and q later", []step{{0, "\x1b"}, {later, "q"}}, []string{"esc", "q"}},
		{"a full read ending in a lone escape, and q later", []step{{0, ctrlN + "\x1b"}, {later, "q"}},
			append(slices.Repeat([]string{"ctrl+n"}, 255), "esc", "q")},
		{"an escape and q in one read", []step{{0, "\x1bq"}, {later, "q"}}, []string{"alt+q", "q"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &keyRecorder{}
			p := tea.NewProgram(m, tea.WithInput(newBoundedInput(newPaced(t, tc.steps...))),
				tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler())
			done := make(chan error, 1)
			go func() {
				_, err := p.Run()
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(waitLimit):
				p.Kill()
				<-done
				t.Fatalf("no q within %v; the last keys %q", waitLimit, m.got[max(0, len(m.got)-4):])
			}
			if !slices.Equal(m.got, tc.want) {
				t.Errorf("keys %q, want %q", m.got, tc.want)
			}
		})
	}
}

// TestBoundedInputHoldsNothing checks that every byte the client sent
// reaches the program while the client sends nothing more, a key cut short
// once escapeTime has passed: a read cut short after a run of full reads
// left its last key to wait for the next read of the channel, for as long
// as the client typed nothing.
func TestBoundedInputHoldsNothing(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("\x0e", maxFullReads+256), // a run of full reads cut short, then its last key
		strings.Repeat("\x1b[B", maxFullReads),
		"\x1b",
		"\x1b[1;",
		"j\xe2\x82",
	} {
		t.Run(fmt.Sprintf("%.12q", in), func(t *testing.T) {
			b := newBoundedInput(newPaced(t, step{0, in}))
			got := make(chan []byte, 1)
			go func() {
				var out []byte
				buf := make([]byte, 256)
				for len(out) < len(in) {
					n, err := b.Read(buf)
					out = append(out, buf[:n]...)
					if err != nil {
						break
					}
				}
				got <- out
			}()
			select {
			case out := <-got:
				if string(out) != in {
					t.Errorf("got %d bytes %.40q, want %d bytes %.40q", len(out), out, len(in), in)
				}
			case <-time.After(waitLimit):
				t.Fatalf("not all of the input came out within %v", waitLimit)
			}
		})
	}
}
