package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddSeveralFeeds is a regression test: --feed given twice kept the
// last feed alone and dropped the others unsaid, an argument asked for and
// never read. Each feed's newest items are added, --limit of each.
func TestAddSeveralFeeds(t *testing.T) {
	srv := pageServer(t)
	feeds := t.TempDir()
	write := func(name, path string) string {
		p := filepath.Join(feeds, name)
		if err := os.WriteFile(p, []byte(`<rss version="2.0"><channel><title>f</title><link>`+srv.URL+`/</link>
<item><link>`+path+`</link><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>`), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("a.rss", "a"), write("b.rss", "b")
	dir := t.TempDir()
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--feed", a, "--feed", b, dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 2 || !strings.Contains(out.String(), "Harbour bridge reopens") || !strings.Contains(out.String(), "Second bridge story") {
		t.Errorf("want the items of both feeds, got\n%s%s", out, errb)
	}
}
