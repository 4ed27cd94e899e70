package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// childServerEnv, when set to a host key path, makes the test binary run
// runChildServer instead of the tests. BenchmarkServeLoad runs the server in
// a process of its own so that the heap it measures is the server's alone,
// not the server's plus its hundred in-process clients'.
const childServerEnv = "NEWSDIFF_SERVE_CHILD"

// runChildServer serves testModel on a loopback port: it prints the address,
// serves until its stdin closes, and offers one command, "heap", that prints
// the live heap after a collection, the goroutine stacks in use and the
// number of goroutines.
func runChildServer() int {
	srv, err := New(Config{
		HostKeyPath:  os.Getenv(childServerEnv),
		MaxSessions:  1024,
		MaxPerIP:     1024,
		NewModel:     testModel,
		Exec:         heapExec,
		ExecCommands: []string{"heap"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(ln.Addr())
	go func() { _ = srv.Serve(ln) }()
	_, _ = io.Copy(io.Discard, os.Stdin)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	return 0
}

func heapExec(_ context.Context, _ []string, stdout, _ io.Writer) int {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	_, _ = fmt.Fprintln(stdout, ms.HeapAlloc, ms.StackInuse, runtime.NumGoroutine())
	return 0
}

// BenchmarkServeLoad opens 100 interactive sessions on a server in another
// process and measures, per keystroke, the time from sending it to receiving
// the frame that shows its effect, all sessions typing at once; one op is one
// keystroke in every session, after a random pause. It reports the median and 99th percentile of
// that round trip and, per idle session, the server's heap, goroutine stacks
// and goroutines. Everything stays
// on loopback and each wait is bounded.
//
//	go test -run '^$' -bench ServeLoad -benchtime 50x ./ui/serve/
func BenchmarkServeLoad(b *testing.B) {
	const sessions = 100
	child := startChild(b)

	before := child.memory(b)
	ttys := make([]*benchTTY, sessions)
	var wg sync.WaitGroup
	errs := make(chan error, sessions)
	for i := range ttys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tt, err := child.open()
			ttys[i] = tt
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	after := child.memory(b)

	latencies := make([][]time.Duration, sessions)
	b.ResetTimer()
	for i, tt := range ttys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range b.N {
				// People do not type in step with the renderer's 60 Hz
				// frame clock; a pause of up to two frames keeps the
				// sessions from doing so.
				time.Sleep(rand.N(33 * time.Millisecond))
				// j and k alternate, so every keystroke changes the screen.
				key, want := "j", "> bravo"
				if n%2 == 1 {
					key, want = "k", "> alpha"
				}
				d, err := tt.roundTrip(key, want)
				if err != nil {
					b.Error(err)
					return
				}
				latencies[i] = append(latencies[i], d)
			}
		}()
	}
	wg.Wait()
	b.StopTimer()

	// Reported after the timed part, because ResetTimer drops metrics.
	b.ReportMetric((after.heap-before.heap)/sessions, "heap-B/session")
	b.ReportMetric((after.stack-before.stack)/sessions, "stack-B/session")
	b.ReportMetric((after.goroutines-before.goroutines)/sessions, "goroutines/session")
	all := slices.Sorted(slices.Values(slices.Concat(latencies...)))
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)/2])/float64(time.Millisecond), "ms-median")
		b.ReportMetric(float64(all[len(all)*99/100])/float64(time.Millisecond), "ms-p99")
	}
	for _, tt := range ttys {
		tt.client.Close()
	}
}

// child is a server running in a child process.
type child struct {
	addr   string
	config *gossh.ClientConfig
}

// startChild runs the test binary as a server and stops it when b ends.
func startChild(b *testing.B) *child {
	b.Helper()
	path := filepath.Join(b.TempDir(), "host_ed25519")
	hostKey, err := createHostKey(path)
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childServerEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			b.Errorf("server process: %v\n%s", err, stderr.String())
		}
	})
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("server process did not start: %v\n%s", err, stderr.String())
	}
	return &child{
		addr: strings.TrimSpace(addr),
		config: &gossh.ClientConfig{
			User:            "bench",
			Auth:            []gossh.AuthMethod{gossh.PublicKeys(newClientKey(b))},
			HostKeyCallback: gossh.FixedHostKey(hostKey.PublicKey()),
			Timeout:         waitLimit,
		},
	}
}

// memory is what the server process holds: live heap and goroutine stacks
// in bytes, and goroutines.
type memory struct{ heap, stack, goroutines float64 }

// memory asks the server what it holds.
func (c *child) memory(b *testing.B) memory {
	b.Helper()
	client, err := gossh.Dial("tcp", c.addr, c.config)
	if err != nil {
		b.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		b.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.Output("heap")
	if err != nil {
		b.Fatal(err)
	}
	var m memory
	if _, err := fmt.Sscan(string(out), &m.heap, &m.stack, &m.goroutines); err != nil {
		b.Fatalf("heap: %q: %v", out, err)
	}
	return m
}

// open starts an 80×24 reader session and waits for its first frame.
func (c *child) open() (*benchTTY, error) {
	client, err := gossh.Dial("tcp", c.addr, c.config)
	if err != nil {
		return nil, err
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	tt := &benchTTY{client: client, frames: make(chan struct{}, 1)}
	sess.Stdout = tt
	if err := sess.RequestPty("xterm-256color", 24, 80, nil); err != nil {
		client.Close()
		return nil, err
	}
	if tt.in, err = sess.StdinPipe(); err != nil {
		client.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		client.Close()
		return nil, err
	}
	return tt, tt.await(0, "> alpha")
}

// benchTTY is a session's client side that notices each write of output,
// so that a frame's arrival is seen at once rather than at the next poll.
type benchTTY struct {
	client *gossh.Client
	in     io.Writer
	mu     sync.Mutex
	out    []byte
	frames chan struct{}
}

// Write implements io.Writer for the session's stdout.
func (tt *benchTTY) Write(p []byte) (int, error) {
	tt.mu.Lock()
	tt.out = append(tt.out, p...)
	tt.mu.Unlock()
	select {
	case tt.frames <- struct{}{}:
	default:
	}
	return len(p), nil
}

// roundTrip sends key and returns how long until the screen shows want.
func (tt *benchTTY) roundTrip(key, want string) (time.Duration, error) {
	tt.mu.Lock()
	mark := len(tt.out)
	tt.mu.Unlock()
	start := time.Now()
	if _, err := io.WriteString(tt.in, key); err != nil {
		return 0, err
	}
	if err := tt.await(mark, want); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// await waits until the output after mark shows want.
func (tt *benchTTY) await(mark int, want string) error {
	timeout := time.After(waitLimit)
	for {
		tt.mu.Lock()
		text := ansi.Strip(string(tt.out[mark:]))
		tt.mu.Unlock()
		if strings.Contains(text, want) {
			return nil
		}
		select {
		case <-tt.frames:
		case <-timeout:
			return fmt.Errorf("screen never showed %q; it shows:\n%s", want, text)
		}
	}
}
