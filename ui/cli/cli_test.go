package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

func seedEnv(t *testing.T) (Env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	return Env{
		Default: func() (*corpus.Corpus, []corpus.Problem, error) { return corpus.LoadFS(articles.FS, "seeds") },
		Files:   true,
		Stdout:  &out,
		Stderr:  &errb,
	}, &out, &errb
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update after checking):\n%s", path, got)
	}
}

func TestDiffPlainGolden(t *testing.T) {
	for _, pair := range [][2]string{{"000", "001"}, {"003", "004"}} {
		t.Run(pair[0]+"-"+pair[1], func(t *testing.T) {
			env, out, errb := seedEnv(t)
			if code := Run(context.Background(), []string{"diff", "--format", "plain", pair[0], pair[1]}, env); code != 0 {
				t.Fatalf("exit %d: %s", code, errb)
			}
			golden(t, "diff-"+pair[0]+"-"+pair[1]+".plain", out.Bytes())
		})
	}
}

func TestListGolden(t *testing.T) {
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"list"}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	golden(t, "list.plain", out.Bytes())
}

// TestDiffJSONSchema checks the JSON against the documented schema: the
// exact keys, null for a missing side, and ops whose spans rebuild each
// block's text on both sides.
func TestDiffJSONSchema(t *testing.T) {
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "003", "004", "--format", "json"}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := keys(doc); got != "blocks differs left right schema_version similarity" {
		t.Errorf("top-level keys %q", got)
	}
	var side map[string]string
	if err := json.Unmarshal(doc["left"], &side); err != nil {
		t.Fatal(err)
	}
	if side["id"] != "003_95bcf1536ed6ca96" || side["outlet"] != "Al Jazeera" || side["source"] == "" || side["title"] == "" {
		t.Errorf("left = %v", side)
	}
	var blocks []map[string]json.RawMessage
	if err := json.Unmarshal(doc["blocks"], &blocks); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadFile("../../articles/003_95bcf1536ed6ca96.txt")
	right, _ := os.ReadFile("../../articles/004_b32972e7c9273033.txt")
	kinds := map[string]int{}
	for i, b := range blocks {
		if got := keys(b); got != "kind left match ops right score similarity" {
			t.Fatalf("block %d keys %q", i, got)
		}
		var kind string
		json.Unmarshal(b["kind"], &kind)
		kinds[kind]++
		var match *string
		json.Unmarshal(b["match"], &match)
		switch {
		case (match == nil) != (kind == "left-only" || kind == "right-only"):
			t.Errorf("block %d (%s): match %v", i, kind, match)
		case match != nil && *match != "verbatim" && *match != "quote" && *match != "paraphrase":
			t.Errorf("block %d (%s): match %q", i, kind, *match)
		}
		var ls, rs *[2]int
		json.Unmarshal(b["left"], &ls)
		json.Unmarshal(b["right"], &rs)
		if (ls == nil) != (kind == "right-only") || (rs == nil) != (kind == "left-only") {
			t.Errorf("block %d (%s): left %v right %v", i, kind, ls, rs)
		}
		var ops []struct {
			Op          string
			Left, Right *[2]int
		}
		json.Unmarshal(b["ops"], &ops)
		var lt, rt []byte
		for _, op := range ops {
			switch op.Op {
			case "equal":
				lt = append(lt, left[op.Left[0]:op.Left[1]]...)
				rt = append(rt, right[op.Right[0]:op.Right[1]]...)
			case "delete":
				lt = append(lt, left[op.Left[0]:op.Left[1]]...)
				if op.Right != nil {
					t.Errorf("delete with a right span")
				}
			case "insert":
				rt = append(rt, right[op.Right[0]:op.Right[1]]...)
				if op.Left != nil {
					t.Errorf("insert with a left span")
				}
			default:
				t.Errorf("unknown op %q", op.Op)
			}
		}
		if ls != nil && !bytes.Equal(lt, left[ls[0]:ls[1]]) {
			t.Errorf("block %d: ops rebuild left %q, want %q", i, lt, left[ls[0]:ls[1]])
		}
		if rs != nil && !bytes.Equal(rt, right[rs[0]:rs[1]]) {
			t.Errorf("block %d: ops rebuild right %q, want %q", i, rt, right[rs[0]:rs[1]])
		}
	}
	for _, k := range []string{"aligned", "moved", "left-only", "right-only"} {
		if kinds[k] == 0 {
			t.Errorf("no %s block in 003 vs 004", k)
		}
	}
}

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return strings.Join(ks, " ")
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, []byte("Title\n\nSome words here.\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  string // a fragment stderr must contain
		noUsage bool
	}{
		{"list", []string{"list"}, 0, "", true},
		{"diff by id", []string{"diff", "000_bcfc8e1eaa4c1094", "001_9395587074693dba", "--format", "plain"}, 0, "", true},
		{"diff by outlet prefix", []string{"diff", "al jaz", "TRT", "--format", "plain"}, 0, "", true},
		{"diff files", []string{"diff", good, good, "--format", "plain"}, 0, "", true},
		{"no command args", []string{"diff", "003"}, 2, "want two articles", false},
		// Four: the folder a third may be is said too, which it was not.
		{"too many args", []string{"diff", "003", "004", "dir", "x"}, 2, "want two articles, A and B, and at most their folder, got 4 arguments", false},
		{"bad format", []string{"diff", "003", "004", "--format", "xml"}, 2, `invalid argument "xml" for "--format" flag: want ansi, plain, json or html`, false},
		// The format left out: the format was checked after the
		// arguments were counted, and 003 taken for it left one.
		{"format left out", []string{"diff", "--format", "003", "004"}, 2, `invalid argument "003" for "--format" flag: want ansi, plain, json or html`, false},
		{"format left out, story command", []string{"matrix", "--format", "dir", "x"}, 2, `invalid argument "dir" for "--format" flag: want plain or json`, false},
		{"bad flag", []string{"list", "--colour"}, 2, "unknown flag: --colour", false},
		{"unknown article", []string{"diff", "003", "nosuch"}, 1, `no article with id or outlet "nosuch"`, true},
		{"ambiguous", []string{"diff", "00", "003"}, 1, "ambiguous", true},
		{"missing file", []string{"diff", filepath.Join(dir, "missing", "x.txt"), good}, 1, filepath.Join(dir, "missing", "x.txt"), true},
		{"missing dir", []string{"list", filepath.Join(dir, "nowhere")}, 1, filepath.Join(dir, "nowhere"), true},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, errb := seedEnv(t)
			code := Run(context.Background(), tt.args, env)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errb)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q does not mention %q", errb, tt.stderr)
			}
			if hasUsage := strings.Contains(errb.String(), "usage:"); hasUsage == tt.noUsage {
				t.Errorf("usage on stderr = %v, want %v", hasUsage, !tt.noUsage)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
				t.Errorf("want a one-line error, got %q", errb)
			}
		})
	}
}

// TestNoFilesOverSSH checks that with Files off (as over SSH) no path or
// directory is read.
func TestNoFilesOverSSH(t *testing.T) {
	for _, args := range [][]string{
		{"list", "/etc"},
		{"diff", "--dir", "/etc", "a", "b"},
		{"diff", "/etc/passwd", "/etc/hostname"},
	} {
		env, out, errb := seedEnv(t)
		env.Files = false
		if code := Run(context.Background(), args, env); code == 0 {
			t.Errorf("%q: exit 0, stdout %q", args, out)
		}
		if strings.Contains(out.String(), "root:") {
			t.Errorf("%q leaked a file", args)
		}
		_ = errb
	}
}

// TestTerminalSafety puts escape sequences and bidi overrides in an
// article and checks that no text format lets them through, while JSON
// escapes them.
func TestTerminalSafety(t *testing.T) {
	dir := t.TempDir()
	evil := "Evil \x1b]52;c;cm0gLXJmIH4=\x07title\n\nThe \x1b[31mred\x1b[0m text and \u202eevil\u202c words \x9b2J said Mr Smith today.\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(evil), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Plain title\n\nThe red text and good words said Mr Smith today.\n"), 0o644)
	for _, format := range []string{"plain", "ansi"} {
		env, out, errb := seedEnv(t)
		code := Run(context.Background(), []string{"diff", "--format", format, "--color", "always", "--dir", dir, "a", "b"}, env)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errb)
		}
		s := out.String()
		if format == "ansi" {
			// Our own colours are SGR sequences; nothing else may appear.
			s = stripSGR(s)
		}
		for _, bad := range []string{"\x1b", "\u202e", "\u202c", "\u009b", "\a"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s output contains %q:\n%q", format, bad, s)
			}
		}
		if !strings.Contains(s, "red") || !strings.Contains(s, "evil") {
			t.Errorf("%s output lost the words around the escapes: %q", format, s)
		}
	}
	env, out, _ := seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "json", "--dir", dir, "a", "b"}, env)
	if strings.ContainsAny(out.String(), "\x1b\a") {
		t.Errorf("json output contains raw control characters")
	}
}

// stripSGR removes well-formed SGR sequences (ESC [ digits ; m).
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestStoryCommandsGolden(t *testing.T) {
	for _, cmd := range []string{"quotes", "matrix", "unique", "shared", "facts"} {
		t.Run(cmd, func(t *testing.T) {
			env, out, errb := seedEnv(t)
			if code := Run(context.Background(), []string{cmd}, env); code != 0 {
				t.Fatalf("exit %d: %s", code, errb)
			}
			golden(t, cmd+".plain", out.Bytes())
		})
		t.Run(cmd+"-json", func(t *testing.T) {
			env, out, errb := seedEnv(t)
			if code := Run(context.Background(), []string{cmd, "--format", "json"}, env); code != 0 {
				t.Fatalf("exit %d: %s", code, errb)
			}
			var v struct {
				SchemaVersion int              `json:"schema_version"`
				Stories       []map[string]any `json:"stories"`
			}
			if err := json.Unmarshal(out.Bytes(), &v); err != nil || v.SchemaVersion != SchemaVersion || len(v.Stories) != 1 || v.Stories[0]["story"] == nil {
				t.Errorf("json: %v %v", err, v)
			}
		})
	}
}

func TestStoryFlag(t *testing.T) {
	dir := t.TempDir()
	for _, story := range []string{"alpha-2010", "beta-2010"} {
		os.MkdirAll(filepath.Join(dir, story), 0o755)
		for _, f := range []string{"a", "b"} {
			os.WriteFile(filepath.Join(dir, story, f+".txt"), []byte("Story "+story+" by "+f+"\n\nThe council of "+story+" voted on the bridge today, said the mayor.\n"), 0o644)
		}
	}
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"matrix", "--story", "be", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "# beta") || strings.Contains(out.String(), "# alpha") {
		t.Errorf("--story be picked the wrong stories:\n%s", out)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"matrix", "--story", "gamma", dir}, env); code != 1 || !strings.Contains(errb.String(), "no story") {
		t.Errorf("unknown story: exit %d, %s", code, errb)
	}
	// A part of a name that no name starts picks it too, in an archive
	// and in a served corpus (folders named by date start alike); a
	// number past the last story is taken as a part of a name.
	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, files := range []bool{true, false} {
		for _, tt := range []struct {
			story, want string
			code        int
		}{
			{"ET", "# beta", 0},
			{"A", "# alpha", 0}, // a start before a part: beta holds an a too
			{"3", "no story 3 (there are 2)", 1},
			// Numbers start at 1, and a number is never digits of a
			// longer one: the 0s of 2010 are no story.
			{"0", "no story 0 (there are 2)", 1},
			{"1", "# alpha", 0},
			{"2010", "no story 2010 (there are 2), and ", 1},
		} {
			env, out, errb := seedEnv(t)
			args := []string{"matrix", "--story", tt.story, dir}
			if !files {
				env.Files, env.Corpus = false, c
				args = args[:3]
			}
			code := Run(context.Background(), args, env)
			if got := out.String() + errb.String(); code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("--story %q (files %v): exit %d, %q", tt.story, files, code, got)
			}
		}
	}
}

// TestHTMLEscapes checks that markup in an article stays text in both HTML
// outputs, and that the pages load nothing from elsewhere.
func TestHTMLEscapes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title <b>one</b>\n\nThe mayor said <script>alert('x')</script> the bridge <img src=x onerror=alert(1)> will open.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Title two\n\nThe mayor said the bridge will open on Monday.\n"), 0o644)
	for _, args := range [][]string{
		{"diff", "--format", "html", "--dir", dir, "a", "b"},
		{"report", dir},
	} {
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), args, env); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errb)
		}
		page := out.String()
		for _, bad := range []string{"<script", "<img", "<b>", "<link", "href=", "@import", "url("} {
			if strings.Contains(page, bad) {
				t.Errorf("%q: page contains %q", args[0], bad)
			}
		}
		if !strings.Contains(page, "&lt;script&gt;") && args[0] == "diff" {
			t.Errorf("diff page lost the escaped markup")
		}
		if !strings.HasPrefix(page, "<!doctype html>") && !strings.HasPrefix(strings.TrimSpace(page), "<!doctype html>") {
			t.Errorf("%q: not an HTML page: %.60q", args[0], page)
		}
	}
}

// TestANSIMatchesPlain checks that the ANSI formats say what the plain
// ones say, with colour and attributes where plain has markers.
func TestANSIMatchesPlain(t *testing.T) {
	unmark := strings.NewReplacer("[-", "", "-]", "", "{+", "", "+}", "", "{=", "", "=}", "", "{!", "", "!}", "", "[~", "", "~]", "", "{~", "", "~}", "")
	for _, args := range [][]string{{"diff", "003", "004"}, {"quotes"}} {
		env, plain, _ := seedEnv(t)
		Run(context.Background(), append(args, "--format", "plain"), env)
		env, ansi, _ := seedEnv(t)
		Run(context.Background(), append(args, "--format", "ansi", "--color", "always"), env)
		if !strings.Contains(ansi.String(), "\x1b[38;5;208;9m") || !strings.Contains(ansi.String(), "\x1b[38;5;39;4m") {
			t.Errorf("%s: no deletion or insertion styling in the ANSI output", args[0])
		}
		got := stripSGR(ansi.String())
		want := unmark.Replace(plain.String())
		if args[0] == "quotes" {
			// The legend line names the markers in plain text only.
			got = strings.Join(strings.Split(got, "\n")[3:], "\n")
			want = strings.Join(strings.Split(want, "\n")[3:], "\n")
		}
		if got != want {
			t.Errorf("%s: ANSI output without its styling differs from plain without markers", args[0])
		}
	}
}
