package cli

import (
	"context"
	"strings"
	"testing"
)

// TestServeHostKeyNowhere is a regression test: with no user config
// directory (HOME and XDG_CONFIG_HOME unset) serve failed with "no place
// for the host key (set HostKeyPath)", naming a Go field no user of the
// command can set. It names the flag.
func TestServeHostKeyNowhere(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	le := newLocalEnv(t, false, "")
	c, _, err := le.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &app{env: le.Env}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // were a server started, it would stop at once
	err = a.runServer(ctx, ServeRequest{Corpus: c, Settings: ServeSettings{Listen: "127.0.0.1:0", MaxSessions: 1, MaxPerIP: 1, IdleTimeout: 1, MaxSession: 1}})
	if err == nil || !strings.Contains(err.Error(), "--host-key") || strings.Contains(err.Error(), "HostKeyPath") {
		t.Errorf("error %v, want one naming --host-key", err)
	}
}
