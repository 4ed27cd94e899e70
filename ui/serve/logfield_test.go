package serve

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"
)

func TestLogField(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"reader", "reader"},
		{"Zoë Ødegård", "Zoë Ødegård"},
		{"x\x1b]0;pwned\a\x1b[2J", `x\x1b]0;pwned\a\x1b[2J`},
		{"a\u202eb\u2066c\u0085d\x7f", `a\u202eb\u2066c\u0085d\x7f`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"line\nbreak\ttab", `line\nbreak\ttab`},
		{strings.Repeat("a", maxLogField+1), strings.Repeat("a", maxLogField) + "…(201 bytes)"},
		{strings.Repeat("a", maxLogField-1) + "é", strings.Repeat("a", maxLogField-1) + "…(201 bytes)"},
	}
	for _, tc := range tests {
		if got := logField(tc.in); got != tc.want {
			t.Errorf("logField(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLogFieldBounded checks that whatever a client sends, the logged form
// is short, valid UTF-8 and free of control characters.
func TestLogFieldBounded(t *testing.T) {
	huge := strings.Repeat("\x1b[2J\u202e\xff", 250<<10/9)
	got := logField(huge)
	if len(got) > 4*maxLogField+32 {
		t.Errorf("logged %d bytes of a %d-byte field", len(got), len(huge))
	}
	if !utf8.ValidString(got) || strings.ContainsAny(got, "\x1b\u202e") {
		t.Errorf("logged %q", got)
	}
}

// FuzzLogField feeds the two escapers of client-chosen words (logField,
// for the log, and quoteShort, for what the client is told and for log
// reasons) arbitrary bytes: what they give back must be short, valid
// UTF-8, and hold nothing a terminal acts on rather than shows.
func FuzzLogField(f *testing.F) {
	f.Add("reader")
	f.Add("x\x1b]0;pwned\a\x1b[2J\u202e\xff\u0085")
	f.Add(strings.Repeat("é", maxLogField))
	f.Fuzz(func(t *testing.T, s string) {
		for name, got := range map[string]string{"logField": logField(s), "quoteShort": quoteShort(s)} {
			if len(got) > 4*maxLogField+32 {
				t.Fatalf("%s: %d bytes of a %d-byte word", name, len(got), len(s))
			}
			if !utf8.ValidString(got) {
				t.Fatalf("%s(%q) = %q, not UTF-8", name, s, got)
			}
			for _, r := range got {
				if !unicode.IsGraphic(r) {
					t.Fatalf("%s(%q) = %q, with %U raw", name, s, got, r)
				}
			}
		}
	})
}

// TestClientStringsLoggedShort connects with a user name and a command of
// hundreds of kilobytes and a TERM of kilobytes, all holding escape
// sequences, the way a
// hostile client fills a log or draws on the terminal of whoever reads it.
func TestClientStringsLoggedShort(t *testing.T) {
	ts := startServer(t, Config{})
	hostile := "\x1b]0;pwned\a\x1b[2J\u202e" + strings.Repeat("u", 250<<10)
	cfg := ts.clientConfig(t)
	cfg.User = hostile
	for _, sendTTY := range []bool{false, true} {
		client, err := gossh.Dial("tcp", ts.addr, cfg)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := client.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if sendTTY {
			// As long a TERM as the server takes.
			if err := sess.RequestPty(hostile[:maxPtyRequest/2], 24, 80, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
		}
		_ = sess.Run("list" + hostile[:maxCommand-4])
		client.Close()
	}
	ts.waitLog(t, "refused: unknown command")
	ts.shutdown(t)
	logs := ts.logs.String()
	if len(logs) > 16<<10 {
		t.Errorf("the log grew by %d bytes", len(logs))
	}
	if i := strings.IndexAny(logs, "\x1b\a\u202e"); i >= 0 {
		t.Errorf("raw control character in the log: %q", logs[max(i-40, 0):min(i+40, len(logs))])
	}
}

// TestAuthMethodsLoggedShort is a regression test: the name of an
// authentication method is the client's to choose, and each failed one
// went into the disconnect line whole and raw, six of a quarter of a
// megabyte to a connection.
func TestAuthMethodsLoggedShort(t *testing.T) {
	c := &conn{}
	hostile := "\x1b]0;pwned\a\u202e" + strings.Repeat("m", 250<<10)
	for range 6 {
		c.noteAuth(hostile, false)
	}
	c.noteAuth("publickey", false)
	reason := c.defaultReasonLocked()
	if len(reason) > 8*(4*maxLogField+32) || strings.ContainsAny(reason, "\x1b\a\u202e") {
		t.Errorf("disconnect reason of %d bytes: %.300q", len(reason), reason)
	}
	if !strings.HasPrefix(reason, `authentication failed (\x1b]0;pwned\a\u202emmm`) || !strings.HasSuffix(reason, ", publickey)") {
		t.Errorf("disconnect reason %.300q does not name the methods", reason)
	}
}
