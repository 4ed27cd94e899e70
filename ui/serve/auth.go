package serve

import (
	"errors"
	"fmt"
	"os"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// loadAuthorizedKeys reads an OpenSSH authorized_keys file into a set keyed
// by the wire form of each key. Comments and lines that do not parse are
// skipped, as sshd does; a file with no key at all is an error, because it is
// almost certainly the wrong file.
func loadAuthorizedKeys(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("serve: authorized keys: %w", err)
	}
	keys := make(map[string]bool)
	for len(data) > 0 {
		key, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			break // only "no key found": the rest holds no key
		}
		keys[string(key.Marshal())] = true
		data = rest
	}
	if len(keys) == 0 {
		return nil, &NoAuthorizedKeysError{Path: path}
	}
	return keys, nil
}

// NoAuthorizedKeysError is an authorized keys file that holds no public
// key. Path is the file as it was configured, for a caller that names
// files its own way.
type NoAuthorizedKeysError struct{ Path string }

func (e *NoAuthorizedKeysError) Error() string {
	return "serve: authorized keys: no public key in " + e.Path
}

// allowPublicKey decides public-key authentication. It also notes the offered
// key on the connection, so that a rejected client's disconnect line says
// which key was turned away.
func (s *Server) allowPublicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	ok := s.authorized == nil || s.authorized[string(key.Marshal())]
	if c := connFrom(ctx); c != nil {
		c.noteUser(ctx.User(), gossh.FingerprintSHA256(key))
	}
	return ok
}

// allowKeyboardInteractive lets anyone in without asking a question. It is
// only installed when there is no authorized keys file, so that clients
// without a key pair can still read the news.
func (s *Server) allowKeyboardInteractive(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
	if c := connFrom(ctx); c != nil {
		c.noteUser(ctx.User(), "")
	}
	return true
}

// serverConfig is the per-connection x/crypto configuration. gliderlabs adds
// the host key and the auth callbacks to it; what it contributes is the
// auth log, which is how a failed handshake gets a reason in the disconnect
// line (x/crypto closes the connection before any other callback sees it).
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		AuthLogCallback: func(_ gossh.ConnMetadata, method string, err error) {
			c := connFrom(ctx)
			if c == nil || method == "none" || errors.Is(err, gossh.ErrNoAuth) {
				return
			}
			c.noteAuth(method, err == nil)
		},
	}
}
