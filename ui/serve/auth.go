package serve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// loadAuthorizedKeys reads an OpenSSH authorized_keys file into a set keyed
// by the wire form of each key. Comments and lines that do not parse are
// skipped, as sshd does; a file with no key at all is an error, because it is
// almost certainly the wrong file. So is a key whose options narrow who
// may use it, or from where, or to do what (unrestricting, see
// narrowingOptions): the server cannot hold the key to them, and taking
// it without them would let in what the file keeps out.
func loadAuthorizedKeys(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("serve: authorized keys: %w", err)
	}
	keys := make(map[string]bool)
	for rest := data; len(rest) > 0; {
		key, _, options, next, err := gossh.ParseAuthorizedKey(rest)
		if err != nil {
			break // only "no key found": the rest holds no key
		}
		// The key's line is the last that its parse took.
		read := data[:len(data)-len(next)]
		line := bytes.Count(bytes.TrimSuffix(read, []byte("\n")), []byte("\n")) + 1
		for _, o := range options {
			name, _, _ := strings.Cut(o, "=")
			if why, ok := narrowingOptions[strings.ToLower(name)]; ok {
				return nil, &AuthorizedKeyOptionError{Path: path, Line: line, Option: strings.ToLower(name), Why: why}
			}
		}
		keys[string(key.Marshal())] = true
		rest = next
	}
	if len(keys) == 0 {
		return nil, &NoAuthorizedKeysError{Path: path}
	}
	return keys, nil
}

// narrowingOptions are the authorized_keys options (sshd(8)) that keep a
// key from what it would otherwise be let do, and that this server cannot
// hold it to, with what each would have kept out. The others it keeps by
// what it is: it forwards nothing, runs no shell or rc file and takes no
// environment (no-port-forwarding, restrict, permitopen, environment, ...),
// or they only grant what it never offers (pty after restrict, ...).
var narrowingOptions = map[string]string{
	"from":            "the key would be let in from any address",
	"command":         "the key would be let run the reader and every command",
	"expiry-time":     "the key would be let in after it expired",
	"no-pty":          "the key would be let have a terminal, and the reader",
	"principals":      "the key would be let in as any user",
	"cert-authority":  "certificates are not taken",
	"verify-required": "the key would be let in without the user verified",
}

// AuthorizedKeyOptionError is a key in the authorized keys file whose
// option the server cannot hold it to. Path is the file as it was
// configured, for a caller that names files its own way.
type AuthorizedKeyOptionError struct {
	Path   string
	Line   int    // the key's line, from 1
	Option string // the option's name, in lower case: "from"
	Why    string // what taking the key without it would let in
}

func (e *AuthorizedKeyOptionError) Error() string {
	return "serve: authorized keys " + e.Describe(e.Path)
}

// Describe says what is wrong, naming the file name.
func (e *AuthorizedKeyOptionError) Describe(name string) string {
	return fmt.Sprintf("%s: line %d: option %s is not supported here (%s): remove the key or the option",
		name, e.Line, e.Option, e.Why)
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
	ok := s.authorized == nil || s.authorized.allows(key)
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
