package serve

import (
	"encoding/binary"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// TestMalformedRequestsRefused sends session requests whose payloads do not
// decode as RFC 4254 says, from a raw x/crypto client. One of them, a pty-req
// whose string length is near 2³², used to panic inside gliderlabs and end
// the whole process. Each must be refused, and the server must go on serving
// another client afterwards.
func TestMalformedRequestsRefused(t *testing.T) {
	ts := startServer(t, Config{})
	tests := []struct {
		typ     string
		payload []byte
	}{
		{"pty-req", []byte{0xff, 0xff, 0xff, 0xff}},
		{"pty-req", []byte{0xff, 0xff, 0xff, 0xfc, 'x'}},
		{"pty-req", []byte{0, 0, 0, 5, 'x', 't'}},
		{"pty-req", gossh.Marshal(struct{ Term string }{"xterm"})},
		{"window-change", []byte{0, 0, 0, 80}},
		{"window-change", []byte{0xff, 0xff, 0xff, 0xff}},
		{"env", []byte{0xff, 0xff, 0xff, 0xff}},
		{"exec", []byte{0xff, 0xff, 0xff, 0xfe, 'l'}},
		{"signal", []byte{0, 0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.typ+"/"+strings.ReplaceAll(string(tc.payload), "\x00", ""), func(t *testing.T) {
			client := ts.dial(t)
			sess, err := client.NewSession()
			if err != nil {
				t.Fatalf("new session: %v", err)
			}
			defer sess.Close()
			if tc.typ == "window-change" {
				if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
					t.Fatalf("pty: %v", err)
				}
			}
			ok, err := sess.SendRequest(tc.typ, true, tc.payload)
			if err != nil {
				t.Fatalf("%s % x: %v", tc.typ, tc.payload, err)
			}
			if ok {
				t.Errorf("%s % x was accepted, want it refused", tc.typ, tc.payload)
			}
			// The server is still there for the next client.
			if _, _, status := ts.run(t, "list"); status != 0 {
				t.Errorf("after %s: list exited %d", tc.typ, status)
			}
		})
	}
}

// TestWellFormed checks the request screen on the payloads real clients send
// and on broken ones.
func TestWellFormed(t *testing.T) {
	pty := gossh.Marshal(ptyRequest{Term: "xterm-256color", Columns: 80, Rows: 24, Modes: "\x00"})
	win := gossh.Marshal(windowChange{Columns: 120, Rows: 40})
	tests := []struct {
		typ     string
		payload []byte
		want    bool
	}{
		{"pty-req", pty, true},
		{"pty-req", pty[:len(pty)-1], false},
		{"pty-req", append(pty[:len(pty):len(pty)], 0), false},
		{"pty-req", []byte{0xff, 0xff, 0xff, 0xff}, false},
		{"pty-req", nil, false},
		{"window-change", win, true},
		{"window-change", win[:12], false},
		{"window-change", append(win[:len(win):len(win)], 1), false},
		{"env", gossh.Marshal(envRequest{"LANG", "C"}), true},
		{"env", []byte{0, 0, 0, 4, 'L'}, false},
		{"exec", gossh.Marshal(execRequest{"list"}), true},
		{"exec", nil, false},
		{"subsystem", gossh.Marshal(execRequest{"sftp"}), true},
		{"shell", nil, true},
		{"shell", []byte{0}, false},
		{"signal", gossh.Marshal(signalRequest{"INT"}), true},
		{"break", binary.BigEndian.AppendUint32(nil, 500), true},
		{"break", nil, false},
		{"keepalive@openssh.com", []byte{0xff}, true}, // unknown: gliderlabs refuses it
	}
	for _, tc := range tests {
		if _, got := decodeRequest(tc.typ, tc.payload); got != tc.want {
			t.Errorf("decodeRequest(%q, % x) = %v, want %v", tc.typ, tc.payload, got, tc.want)
		}
	}
}

// requestTypes are the session requests gliderlabs reads a payload of.
var requestTypes = []string{"pty-req", "window-change", "env", "exec", "subsystem", "signal", "break", "shell"}

// FuzzWellFormed feeds the request screen arbitrary payloads for each
// request type gliderlabs reads (kind picks one, so that the fuzzer spends
// its time on payloads rather than on type names). It must never panic, and
// what it lets through must be exactly one RFC 4254 struct of its type:
// re-encoding the decoded struct gives back the payload, so gliderlabs' own
// reading of it (by hand, for pty-req and window-change) stays in bounds.
func FuzzWellFormed(f *testing.F) {
	f.Add(byte(0), gossh.Marshal(ptyRequest{Term: "xterm", Columns: 80, Rows: 24}))
	f.Add(byte(0), []byte{0xff, 0xff, 0xff, 0xff})
	f.Add(byte(1), gossh.Marshal(windowChange{Columns: 80, Rows: 24}))
	f.Add(byte(2), gossh.Marshal(envRequest{"TERM", "dumb"}))
	f.Add(byte(3), gossh.Marshal(execRequest{"diff 003 004"}))
	f.Fuzz(func(t *testing.T, kind byte, payload []byte) {
		typ := requestTypes[int(kind)%len(requestTypes)]
		v, ok := decodeRequest(typ, payload)
		if !ok {
			return
		}
		if v == nil {
			// A request with no payload to read (shell) is let through
			// only with none.
			if len(payload) != 0 {
				t.Fatalf("accepted %s with a payload % x", typ, payload)
			}
			return
		}
		if got := gossh.Marshal(v); string(got) != string(payload) {
			t.Fatalf("accepted %s % x re-encodes as % x", typ, payload, got)
		}
	})
}
