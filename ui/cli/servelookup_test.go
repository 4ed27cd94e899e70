package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestServeUnresolvableHost is a regression test: a --listen host that
// does not resolve was reported in Go's resolver's words, "listen tcp:
// lookup nosuchhost.invalid on 192.0.2.53:53: no such host", naming the
// machine's name server. It is said in the user's words, the host quoted,
// with the status of an error (the name may resolve once the network is
// back), and no host key is made for a server that never ran.
func TestServeUnresolvableHost(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "host_ed25519")
	le := newLocalEnv(t, false, "")
	le.Local.Serve = nil // the real server
	// .invalid never resolves (RFC 6761).
	if code := le.run("serve", "--host-key", key, "--listen", "nosuchhost.invalid:0"); code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	got := le.errb.String()
	if !strings.HasPrefix(got, `newsdiff serve: cannot resolve "nosuchhost.invalid"`) || strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, "\n") {
		t.Errorf("stderr %q, want one line saying it cannot resolve \"nosuchhost.invalid\"", got)
	}
	if regexp.MustCompile(`:53\b| on [0-9\[]|lookup|listen tcp`).MatchString(got) {
		t.Errorf("stderr %q names the name server or is in Go's words", got)
	}
	if _, err := os.Stat(key); err == nil {
		t.Errorf("a host key was made for a server that never listened")
	}
}
