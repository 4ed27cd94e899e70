package cli_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// startServeBinary starts newsdiff serve, the real binary, on a free
// port of the loopback with a new host key and args after them, its log
// (stderr) on a pipe. It returns the command, the log's reading end and
// the channel its exit comes on; the server is killed as the test ends.
func startServeBinary(t *testing.T, args ...string) (*exec.Cmd, *os.File, chan error) {
	t.Helper()
	logR, logW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(newsdiffBinary(t), append([]string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "host_key")}, args...)...)
	cmd.Stderr = logW
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	logW.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	return cmd, logR, exited
}

// anyKeyConfig is a client's configuration for a server that lets any
// key in: a new key, as a reader's ssh offers one, and the server's key
// taken unchecked.
func anyKeyConfig(t *testing.T, timeout time.Duration) *gossh.ClientConfig {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return &gossh.ClientConfig{User: "reader", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: timeout}
}
