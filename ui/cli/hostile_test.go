package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// terminalUnsafe lists what must never reach a terminal raw: escape, BEL,
// the 8-bit CSI and OSC, DEL, and bidi overrides and isolates.
var terminalUnsafe = []string{"\x1b", "\a", "\u009b", "\u009d", "\u0085", "\x7f", "\u202e", "\u2066", "\u2069"}

func assertSafe(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range terminalUnsafe {
		if strings.Contains(s, bad) {
			t.Errorf("%s carries %q raw: %q", what, bad, s)
		}
	}
}

// TestArgumentsEchoedSafely checks that arguments, unknown commands and
// unknown flags reach stderr made safe, locally and over SSH (issue 13,
// items 8 and 18).
func TestArgumentsEchoedSafely(t *testing.T) {
	const evil = "x\x1b]0;pwned\a\x1b[2J\u202eevil\u009b31m"
	tests := [][]string{
		{"list", evil},
		{evil},
		{"list", "-x" + evil},
		{"list", "--" + evil},
		{"diff", "--format", evil, "003", "004"},
		{"diff", "--context", evil, "003", "004"},
		{"diff", "003", evil},
		{"diff", "003", "./" + evil},
		{"matrix", "--story", evil},
		{"list", "--color", evil},
		{"help", evil},
	}
	for _, files := range []bool{true, false} {
		for _, args := range tests {
			le := newLocalEnv(t, false, "")
			le.Files = files
			code := le.run(args...)
			if code == 0 {
				t.Errorf("%q: exit 0", args)
			}
			assertSafe(t, "stderr", le.errb.String())
			assertSafe(t, "stdout", le.out.String())
			if le.errb.Len() == 0 && le.out.Len() == 0 {
				t.Errorf("%q: no message", args)
			}
		}
	}
}

// hostileStory writes a story of three articles whose titles, outlets,
// unique passages, shared passages and quotes carry C1 controls, bidi
// overrides and DEL.
func hostileStory(t *testing.T) string {
	t.Helper()
	shared := "The council voted on Monday to open the new bridge over the river \u202eto\u202c all traffic from next spring, officials said."
	quote := "“We will open the bridge\u009b2J to everyone in the spring\u0085 and the town can cross again,” said Mayor Sm\u2066ith."
	return writeFiles(t, map[string]string{
		"a.txt": "---\noutlet: Evil\u009d0;x\u0007 News\n---\nBridge \u202eopens\u202c soon\x7f\n\n" + shared + "\n\n" + quote + "\n\nOnly this outlet says the bridge cost \u009b31m nine million pounds.\n",
		"b.txt": "Bridge opens in spring\n\n" + shared + "\n\n" + quote + "\n\nThe bridge has been closed for three years after the floods.\n",
		"c.txt": "Council votes on bridge\n\n" + shared + "\n\nResidents welcomed the news at a meeting on Tuesday evening.\n",
	})
}

// jsonUnsafeRunes finds the runes writeJSON must escape in raw output.
func jsonUnsafeRunes(b []byte) []rune {
	var found []rune
	for _, r := range string(b) {
		if jsonUnsafe(r) {
			found = append(found, r)
		}
	}
	return found
}

// TestJSONEscapesControls runs every JSON command on a hostile story and
// checks that no C1 control, bidi control or DEL appears raw (issue 13,
// item 9), nor, since the file's controls are dropped as it loads, once
// decoded.
func TestJSONEscapesControls(t *testing.T) {
	dir := hostileStory(t)
	a := filepath.Join(dir, "a.txt")
	for _, args := range [][]string{
		{"list", dir},
		{"diff", a, filepath.Join(dir, "b.txt"), "--with-text"},
		{"unique", dir},
		{"shared", dir},
		{"quotes", dir},
		{"facts", dir},
		{"matrix", dir},
	} {
		t.Run(args[0], func(t *testing.T) {
			le := newLocalEnv(t, false, "")
			if code := le.run(append(args, "--format", "json")...); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			out := le.out.Bytes()
			if bad := jsonUnsafeRunes(out); len(bad) > 0 {
				t.Errorf("raw %q in the output", bad)
			}
			var doc any
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			// An article's controls are dropped as its file loads (no
			// view shows them, and a passage that reads the same as
			// another compares as equal), so no decoded string holds
			// one; its text is a.txt's, the controls left out.
			// Escaping a text that holds them is FuzzWriteJSON's.
			walkStrings(doc, func(s string) {
				if bad := jsonUnsafeRunes([]byte(s)); len(bad) > 0 {
					t.Errorf("decoded %q holds %q", s, bad)
				}
			})
			if args[0] == "diff" {
				text := "The council voted on Monday to open the new bridge over the river to all traffic from next spring, officials said."
				found := false
				walkStrings(doc, func(s string) { found = found || strings.Contains(s, text) })
				if !found {
					t.Errorf("no decoded string holds the shared passage without its controls, %q", text)
				}
			}
		})
	}
}

func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, e := range v {
			walkStrings(e, f)
		}
	case map[string]any:
		for _, e := range v {
			walkStrings(e, f)
		}
	}
}

// TestTextCommandsAreSafe runs every printing command on the hostile
// story, on a terminal with colour and without, and checks that nothing
// but our own SGR sequences reaches stdout or stderr.
func TestTextCommandsAreSafe(t *testing.T) {
	dir := hostileStory(t)
	for _, args := range [][]string{
		{"list", dir},
		{"diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")},
		{"unique", dir}, {"shared", dir}, {"quotes", dir}, {"facts", dir}, {"matrix", dir},
	} {
		for _, color := range []string{"never", "always"} {
			le := newLocalEnv(t, true, "")
			le.Local = nil
			if code := le.run(append(args, "--color", color)...); code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, le.errb)
			}
			out := le.out.String()
			if color == "never" && strings.Contains(out, "\x1b") {
				t.Errorf("%s --color never writes escape sequences", args[0])
			}
			assertSafe(t, args[0]+" stdout", stripSGR(out))
			assertSafe(t, args[0]+" stderr", le.errb.String())
		}
	}
}

// TestNamesWithLineBreaks checks that a file name holding a line break can
// neither split a list row nor forge a warning line (issue 13, item 10).
func TestNamesWithLineBreaks(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"evil\nnewsdiff: warning: 3 files OK.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"plain.txt":                          "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
		"bad\nnewsdiff: all good\x1b[2J.txt": "\x00\x01\x02binary",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("list", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	rows := strings.Split(strings.TrimSuffix(le.out.String(), "\n"), "\n")
	if len(rows) != 3 || !strings.Contains(rows[1]+rows[2], `"evil\nnewsdiff: warning: 3 files OK"`) {
		t.Errorf("list rows:\n%s", le.out)
	}
	warnings := strings.Split(strings.TrimSuffix(le.errb.String(), "\n"), "\n")
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "newsdiff: warning: \"") || !strings.Contains(warnings[0], `bad\nnewsdiff: all good\x1b[2J.txt"`) {
		t.Errorf("warnings:\n%s", le.errb)
	}
	assertSafe(t, "stderr", le.errb.String())
	le = newLocalEnv(t, false, "")
	le.run("diff", filepath.Join(dir, "evil\nnewsdiff: warning: 3 files OK.txt"), filepath.Join(dir, "plain.txt"), "--format", "plain")
	if first, _, _ := strings.Cut(le.out.String(), "\n"); !strings.HasPrefix(first, `--- "evil\nnewsdiff: warning: 3 files OK" · `) {
		t.Errorf("diff header %q", first)
	}
}

// TestPathMessages checks what is said about paths that cannot be read
// (issue 13, item 12).
func TestPathMessages(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":   "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"bin.txt": "\x00\x01\x02binary",
	})
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "dangling.txt"))
	os.Symlink(filepath.Join(dir, "nowhere.html"), filepath.Join(dir, "dangling.html"))
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "danglingdir"))
	emptyDir := filepath.Join(dir, "empty")
	os.Mkdir(emptyDir, 0o755)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"diff", loop, filepath.Join(dir, "b.txt")}, "loop.txt: a symbolic link that loops"},
		{[]string{"list", loop}, "loop.txt: a symbolic link that loops"},
		{[]string{"diff", filepath.Join(dir, "dangling.txt"), filepath.Join(dir, "b.txt")}, "dangling.txt: a symbolic link to nothing"},
		// Every command names a link to nothing so, with the loader's one
		// check: extract and add said "no such file or directory".
		{[]string{"list", filepath.Join(dir, "dangling.txt")}, "dangling.txt: a symbolic link to nothing"},
		{[]string{"list", filepath.Join(dir, "danglingdir")}, "danglingdir: a symbolic link to nothing"},
		{[]string{"index", filepath.Join(dir, "danglingdir")}, "danglingdir: a symbolic link to nothing"},
		{[]string{"extract", filepath.Join(dir, "dangling.html")}, "dangling.html: a symbolic link to nothing"},
		{[]string{"add", filepath.Join(dir, "out"), filepath.Join(dir, "dangling.html")}, "dangling.html: a symbolic link to nothing"},
		{[]string{"list", filepath.Join(dir, "bin.txt")}, "no article could be read: " + filepath.Join(dir, "bin.txt") + ": binary file"},
		{[]string{"list", emptyDir}, "empty: no articles (.txt, .md, .html or .htm files)"},
		{[]string{"matrix", filepath.Join(dir, "bin.txt")}, "bin.txt: binary file"},
		{[]string{"diff", filepath.Join(dir, "none", "x.txt"), filepath.Join(dir, "b.txt")}, "x.txt: no such file or directory"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		if code != ExitError || !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want 1 and %q", tt.args, code, le.errb, tt.want)
		}
		if strings.Count(le.errb.String(), "\n") != 1 {
			t.Errorf("%q: want one line on stderr, got %q", tt.args, le.errb)
		}
		if le.out.Len() != 0 {
			t.Errorf("%q: stdout %q", tt.args, le.out)
		}
	}
}

// TestName checks how names are put in messages.
func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain.txt", "plain.txt"},
		{"with space.txt", "with space.txt"},
		{"Ünïcödé 漢字.txt", "Ünïcödé 漢字.txt"},
		{"a\nb", `"a\nb"`},
		{"a\tb", `"a\tb"`},
		{"\x1b[2J", `"\x1b[2J"`},
		{"\u202eevil", `"\u202eevil"`},
		{"\u009b", `"\u009b"`},
		{"say \"hi\"", `"say \"hi\""`},
		{"bad\xffbyte", `"bad\xffbyte"`},
	}
	for _, tt := range tests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if !utf8.ValidString(Name(tt.in)) {
			t.Errorf("Name(%q) is not UTF-8", tt.in)
		}
	}
}

// TestQuoteSpeakerReadAsShown checks that a bidi control inside the
// speaker's name in the hostile story ("said Mayor Sm\u2066ith") neither
// cuts the name nor reaches the screen: quotes names the speaker as a
// reader sees the name, in plain and JSON output alike.
func TestQuoteSpeakerReadAsShown(t *testing.T) {
	dir := hostileStory(t)
	for _, format := range []string{"plain", "json"} {
		le := newLocalEnv(t, false, "")
		if code := le.run("quotes", dir, "--format", format); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, le.errb)
		}
		out := le.out.String()
		want := "(Smith, said)"
		if format == "json" {
			want = `"speaker":"Smith"`
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s: no %s in %q", format, want, out)
		}
		assertSafe(t, format, out)
	}
}
