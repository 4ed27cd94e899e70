package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLLinksSources checks that both HTML outputs name each article's
// outlet and date and link to the original, and link only web addresses.
func TestHTMLLinksSources(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("---\noutlet: Courier\ndate: 2024-03-05\nurl: https://courier.example/bridge?a=1&b=2\n---\nBridge reopens\n\nThe mayor said the bridge will open on Monday after repairs.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("---\noutlet: Herald\nurl: javascript:alert(1)\n---\nBridge to open\n\nThe mayor said the bridge would open on Monday after the repairs.\n"), 0o644)
	for _, args := range [][]string{
		{"diff", "--format", "html", "--dir", dir, "a", "b"},
		{"report", dir},
	} {
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), args, env); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errb)
		}
		page := out.String()
		for _, want := range []string{
			`Courier: <a href="https://courier.example/bridge?a=1&amp;b=2">Bridge reopens</a> <span class="meta">· 2024-03-05</span>`,
			`Herald: Bridge to open`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: want %q in the page", args[0], want)
			}
		}
		if strings.Contains(page, "javascript:") {
			t.Errorf("%s: a javascript: address reached the page", args[0])
		}
	}
}
