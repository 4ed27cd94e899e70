//go:build unix

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagerQuitEarly is a regression test: a pager that stopped before it
// had taken the whole output (q in less before the end, PAGER=false) left
// newsdiff exiting 0, as if the output had been given; git exits 141, as
// a closed pipe ends it, and a script checking the status could not tell.
// The output here is larger than any pipe holds, so the pager's stopping
// always leaves some of it unwritten; a pager that reads it all still
// gives 0, whatever its own status.
func TestPagerQuitEarly(t *testing.T) {
	dir := t.TempDir()
	var left, right strings.Builder
	left.WriteString("River report\n\n")
	right.WriteString("Fire report\n\n")
	for i := range 3000 {
		fmt.Fprintf(&left, "The river rose past marker %d before dawn on the north bank.\n\n", i)
		fmt.Fprintf(&right, "Crews fought the fire on street %d until the wind turned south.\n\n", i)
	}
	for name, text := range map[string]string{"a.txt": left.String(), "b.txt": right.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		pager string
		flags []string
		want  int
	}{
		{"false", nil, 141}, // 128 + SIGPIPE
		{"head -c 100 > /dev/null", nil, 141},
		// --exit-code's status is the texts', pager or not, as git
		// diff --exit-code's is.
		{"false", []string{"--exit-code"}, 1},
		{"cat > /dev/null", nil, ExitOK},
		{"cat > /dev/null; false", nil, ExitOK},
		{"cat > /dev/null", []string{"--exit-code"}, 1},
	} {
		le := newLocalEnv(t, true, "")
		le.vars["TERM"] = "xterm-256color"
		le.vars["PAGER"] = tt.pager
		code := le.run(append([]string{"diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}, tt.flags...)...)
		if code != tt.want {
			t.Errorf("PAGER=%q %q: exit %d, want %d: %s", tt.pager, tt.flags, code, tt.want, le.errb)
		}
		if le.errb.Len() != 0 {
			t.Errorf("PAGER=%q: stderr %q, want nothing", tt.pager, le.errb)
		}
	}
}
