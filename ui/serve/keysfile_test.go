package serve

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestAuthorizedKeysModes is a regression test: an authorized keys file
// that group or others could write, or that sat in a folder they could
// write, was taken, and whoever could write it could let themselves in.
// The server now refuses to start with it, as sshd's StrictModes does,
// saying what is wrong and how to fix it.
func TestAuthorizedKeysModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no such modes")
	}
	line := gossh.MarshalAuthorizedKey(newClientKey(t).PublicKey())
	tests := []struct {
		name      string
		fileMode  os.FileMode
		dirMode   os.FileMode
		link      bool   // the file named is a link to one in the folder
		want      string // "" when the server starts; else "FILE" or "DIR" stand for the names
		wantFixed string
	}{
		{name: "0600", fileMode: 0o600, dirMode: 0o700},
		{name: "0644 in 0755", fileMode: 0o644, dirMode: 0o755},
		{name: "0400", fileMode: 0o400, dirMode: 0o700},
		{name: "group writable", fileMode: 0o620, dirMode: 0o700,
			want: "FILE is writable by group or others (mode 0620); fix it with: chmod go-w FILE"},
		{name: "others writable", fileMode: 0o602, dirMode: 0o700,
			want: "FILE is writable by group or others (mode 0602); fix it with: chmod go-w FILE"},
		{name: "0666", fileMode: 0o666, dirMode: 0o755,
			want: "FILE is writable by group or others (mode 0666)"},
		{name: "folder 0777", fileMode: 0o600, dirMode: 0o777,
			want: "folder DIR is writable by group or others (mode 0777); fix it with: chmod go-w DIR"},
		{name: "folder 0770", fileMode: 0o600, dirMode: 0o770,
			want: "folder DIR is writable by group or others (mode 0770)"},
		{name: "folder sticky 1777", fileMode: 0o600, dirMode: 0o1777,
			want: "folder DIR is writable by group or others (mode 0777)"},
		{name: "link into a folder 0777", fileMode: 0o600, dirMode: 0o777, link: true,
			want: "folder DIR is writable by group or others (mode 0777)"},
		{name: "link into a folder 0700", fileMode: 0o600, dirMode: 0o700, link: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "keys")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, "authorized_keys")
			if err := os.WriteFile(file, line, 0o600); err != nil {
				t.Fatal(err)
			}
			named := file
			if tt.link {
				named = filepath.Join(base, "linked_keys")
				if err := os.Symlink(file, named); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(file, tt.fileMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.dirMode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			_, err := New(Config{HostKeyPath: filepath.Join(base, "host_key"), AuthorizedKeysPath: named, Exec: testExec})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("New: %v, want the file taken", err)
				}
				return
			}
			want := strings.NewReplacer("FILE", named, "DIR", dir).Replace(tt.want)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("New: %v, want an error containing %q", err, want)
			}
			if _, ok := errors.AsType[*AuthorizedKeysModeError](err); !ok {
				t.Errorf("New: %T, want an *AuthorizedKeysModeError", err)
			}
			if _, serr := os.Stat(filepath.Join(base, "host_key")); serr == nil {
				t.Error("a server refused to start left a host key behind")
			}
		})
	}
}

// TestAuthorizedKeysOwner checks a file or folder owned by another user
// than the server's, or root, is refused: that user could let anyone in.
func TestAuthorizedKeysOwner(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	const other = 4242
	for _, folder := range []bool{false, true} {
		base := t.TempDir()
		dir := filepath.Join(base, "keys")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "authorized_keys")
		if err := os.WriteFile(file, gossh.MarshalAuthorizedKey(newClientKey(t).PublicKey()), 0o600); err != nil {
			t.Fatal(err)
		}
		at, want := file, file+" is owned by another user (uid 4242), not by the one running the server (uid 0) or root; fix it with: chown 0 "+file
		if folder {
			at, want = dir, "folder "+dir+" is owned by another user (uid 4242)"
		}
		if err := os.Chown(at, other, other); err != nil {
			t.Fatal(err)
		}
		_, err := New(Config{HostKeyPath: filepath.Join(base, "host_key"), AuthorizedKeysPath: file, Exec: testExec})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("owned by uid %d (folder %v): New: %v, want an error containing %q", other, folder, err, want)
		}
	}
}

// TestAuthorizedKeysReloaded is a regression test: the authorized keys
// file was read once, at start, and a key added while the server ran was
// refused, and a key removed let in, until it was restarted. The file is
// now read again when it has changed, as sshd reads it at each
// authentication; while it is bad (open to others, gone, a key with an
// option the server cannot hold it to) no key gets in, the server runs on
// and says why once, its name escaped.
func TestAuthorizedKeysReloaded(t *testing.T) {
	first, second := newClientKey(t), newClientKey(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "keys\x1b[2J")
	write := func(comment string, keys ...gossh.Signer) {
		t.Helper()
		var b strings.Builder
		b.WriteString("# " + comment + "\n")
		for _, k := range keys {
			b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
		}
		// Written to a new file and renamed into place, as editors and
		// configuration tools do; then written in place, below.
		tmp := filepath.Join(dir, "tmp")
		if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	write("first", first)
	ts := startServer(t, Config{AuthorizedKeysPath: path})
	in := func(what string, key gossh.Signer, want bool) {
		t.Helper()
		client, err := ts.tryDial(t, gossh.PublicKeys(key))
		if got := err == nil; got != want {
			t.Fatalf("%s: got in %v, want %v (%v)", what, got, want, err)
		}
		if client != nil {
			client.Close()
		}
	}
	in("listed at start", first, true)
	in("not listed yet", second, false)

	write("both", first, second)
	if _, _, status := runWith(t, ts, "list", gossh.PublicKeys(second)); status != 0 {
		t.Fatalf("key added while serving: exit status %d, want 0", status)
	}
	ts.waitLog(t, `msg="authorized keys reloaded"`)

	write("the second alone", second)
	in("key removed while serving", first, false)
	in("key kept", second, true)

	// In place, one byte more: the same file, written again.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(gossh.MarshalAuthorizedKey(first.PublicKey())); err != nil {
		t.Fatal(err)
	}
	f.Close()
	in("key appended in place", first, true)

	if err := os.Chmod(path, 0o620); err != nil {
		t.Fatal(err)
	}
	in("file writable by group", second, false)
	ts.waitLog(t, "mode 0620")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	in("file fixed", second, true)

	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	in("folder writable by others", second, false)
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	in("folder fixed", second, true)

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	in("file removed", second, false)
	in("file still removed", first, false)
	ts.waitLog(t, "no such file or directory")

	if err := os.WriteFile(path, []byte(`from="10.0.0.1" `+string(gossh.MarshalAuthorizedKey(second.PublicKey()))), 0o600); err != nil {
		t.Fatal(err)
	}
	in("a key with an option not held", second, false)
	ts.waitLog(t, "option from is not supported")

	write("the first again", first)
	in("file good again", first, true)
	in("not listed again", second, false)

	logs := ts.logs.String()
	if strings.Contains(logs, "\x1b") {
		t.Errorf("the file's name reached the log raw:\n%q", logs)
	}
	for _, reason := range []string{"mode 0620", "mode 0777", "no such file or directory", "option from"} {
		if n := strings.Count(logs, reason); n != 1 {
			t.Errorf("%q logged %d times, want once:\n%s", reason, n, logs)
		}
	}
	if strings.Contains(logs, "ssh-ed25519 AAAA") {
		t.Errorf("a key itself was logged:\n%s", logs)
	}
}

// TestAuthorizedKeysReloadedConcurrently checks clients authenticating at
// once while the file is replaced, again and again, by one that lists
// their key too: each gets in, and the file is read safely (go test
// -race).
func TestAuthorizedKeysReloadedConcurrently(t *testing.T) {
	kept, other := newClientKey(t), newClientKey(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "authorized_keys")
	replace := func(i int) {
		content := "# version " + strconv.Itoa(i) + "\n" + string(gossh.MarshalAuthorizedKey(kept.PublicKey()))
		if i%2 == 1 {
			content += string(gossh.MarshalAuthorizedKey(other.PublicKey()))
		}
		tmp := filepath.Join(dir, "tmp")
		if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
			t.Error(err)
			return
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Error(err)
		}
	}
	replace(0)
	ts := startServer(t, Config{AuthorizedKeysPath: path})
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				client, err := gossh.Dial("tcp", ts.addr, ts.clientConfig(t, gossh.PublicKeys(kept)))
				if err != nil {
					errs <- err
					return
				}
				client.Close()
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	for i := 1; ; i++ {
		select {
		case <-done:
			close(errs)
			for err := range errs {
				t.Errorf("a key listed in every version of the file was refused: %v", err)
			}
			return
		default:
			replace(i)
			time.Sleep(time.Millisecond)
		}
	}
}

// TestAuthorizedKeysReloadedOpenSSH is TestAuthorizedKeysReloaded with
// OpenSSH's client: a key added to the file while the server runs lets it
// in, and once removed keeps it out, with no restart.
func TestAuthorizedKeysReloadedOpenSSH(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH client (ssh) not on PATH; install openssh-client to run this test")
	}
	dir := t.TempDir()
	keyFile := writeOpenSSHKey(t, dir)
	pem, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		t.Fatal(err)
	}
	listed := gossh.MarshalAuthorizedKey(signer.PublicKey())
	others := gossh.MarshalAuthorizedKey(newClientKey(t).PublicKey())
	path := filepath.Join(dir, "authorized_keys")
	write := func(content []byte) {
		t.Helper()
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(others)
	ts := startServer(t, Config{AuthorizedKeysPath: path})
	_, port, _ := net.SplitHostPort(ts.addr)
	ssh := func(what string, wantIn bool) {
		t.Helper()
		cmd := exec.Command("ssh", "-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no",
			"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
			"-o", "IdentityAgent=none", "-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
			"localhost", "list")
		out, err := cmd.Output()
		if in := err == nil && strings.Contains(string(out), "003 The Morning Post"); in != wantIn {
			t.Fatalf("%s: ssh got in %v, want %v (%v, stdout %q)", what, in, wantIn, err, out)
		}
	}
	ssh("not listed", false)
	write(append(append([]byte{}, others...), listed...))
	ssh("added while serving", true)
	write(others)
	ssh("removed while serving", false)
}
