package cli

import (
	"context"
	"strings"
	"testing"
)

// TestUsageErrorsSanitised checks that flag and usage errors, which quote
// the caller's words back (over SSH, anyone's), never carry an escape
// sequence, a C1 control or a bidi override to stderr.
func TestUsageErrorsSanitised(t *testing.T) {
	for _, args := range [][]string{
		{"list", "-x\x1b]0;TITLE\a\x1b[2J"},
		{"list", "--format=\u202ejson"},
		{"diff", "--format", "\x1b[2Jplain", "003", "004"},
		{"matrix", "--\x9b2J"},
		{"quotes", "--story", "x\x1b[31m", "--nope\x07"},
	} {
		env, _, errb := seedEnv(t)
		env.Files = false
		if code := Run(context.Background(), args, env); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
		if i := strings.IndexAny(errb.String(), "\x1b\a\u202e\u009b"); i >= 0 {
			t.Errorf("%q: stderr carries a raw control: %q", args, errb.String())
		}
	}
}
