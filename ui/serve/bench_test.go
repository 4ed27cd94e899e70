package serve

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// childServerEnv, when set to a host key path, makes the test binary run
// runChildServer instead of the tests. BenchmarkServeLoad runs the server in
// a process of its own so that the heap and CPU time it measures are the
// server's alone, not the server's plus its hundred in-process clients'.
const childServerEnv = "NEWSDIFF_SERVE_CHILD"

// childProfileEnv, when set to a path, makes the child server write a CPU
// profile of its whole run there, for go tool pprof:
//
//	NEWSDIFF_SERVE_CPUPROFILE=$PWD/serve.prof go test -run '^$' -bench ServeLoad -benchtime 50x ./ui/serve
const childProfileEnv = "NEWSDIFF_SERVE_CPUPROFILE"

// childHeapProfileEnv, when set to a path, makes the child server write a
// heap profile there each time it is asked what it holds, the last one with
// every session idle and its comparison open, and another to the path with
// ".exit" added as it exits, whose alloc_space shows what scrolling
// allocates:
//
//	NEWSDIFF_SERVE_HEAPPROFILE=$PWD/heap.prof go test -run '^$' -bench ServeLoad -benchtime 1x ./ui/serve
const childHeapProfileEnv = "NEWSDIFF_SERVE_HEAPPROFILE"

// runChildServer serves what `newsdiff serve` serves, the reader over the
// embedded corpus (readerConfig) with the collector tuned (TuneGC), on a
// loopback port: it prints the address and
// serves until its stdin closes. Instead of the newsdiff commands it offers
// two of its own: "heap" prints the live heap after a collection, the
// goroutine stacks in use, the number of goroutines and the resident set
// size (-1 where it is not known); "cpu" prints the CPU
// time the process has used, in nanoseconds, or -1 where it is not known, and
// "cpu DURATION" the CPU time it uses in the next DURATION and how long that
// really took, so that the exec session itself is not counted.
func runChildServer() int {
	TuneGC()
	c, err := loadSeed()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cfg := readerConfig(Config{
		HostKeyPath:   os.Getenv(childServerEnv),
		MaxSessions:   1024,
		MaxPerIP:      1024,
		MaxHandshakes: 1024,
	}, c)
	cfg.Exec, cfg.ExecCommands = statsExec, []string{"heap", "cpu"}
	srv, err := New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if path := os.Getenv(childProfileEnv); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Println(ln.Addr())
	go func() { _ = srv.Serve(ln) }()
	_, _ = io.Copy(io.Discard, os.Stdin)
	if path := os.Getenv(childHeapProfileEnv); path != "" {
		if err := writeHeapProfile(path + ".exit"); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	return 0
}

func statsExec(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if args[0] == "cpu" {
		cpu, ok := processCPU()
		if !ok {
			_, _ = fmt.Fprintln(stdout, -1, -1)
			return 0
		}
		if len(args) == 1 {
			_, _ = fmt.Fprintln(stdout, int64(cpu))
			return 0
		}
		d, err := time.ParseDuration(args[1])
		if err != nil {
			_, _ = fmt.Fprintln(stderr, err)
			return 2
		}
		start := time.Now()
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return 1
		}
		end, _ := processCPU()
		_, _ = fmt.Fprintln(stdout, int64(end-cpu), int64(time.Since(start)))
		return 0
	}
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rss, ok := processRSS()
	if !ok {
		rss = -1
	}
	if path := os.Getenv(childHeapProfileEnv); path != "" {
		if err := writeHeapProfile(path); err != nil {
			_, _ = fmt.Fprintln(stderr, err)
			return 1
		}
	}
	_, _ = fmt.Fprintln(stdout, ms.HeapAlloc, ms.StackInuse, runtime.NumGoroutine(), rss)
	return 0
}

// writeHeapProfile writes the heap profile of the last collection to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The size of every session in BenchmarkServeLoad: wide enough for both
// panes.
const benchWidth, benchHeight = 120, 40

// loadKeysPerSecond is the load BenchmarkServeLoad offers, all sessions
// together: 100 people each scrolling at 18 keys a second, the load under
// which issue 13 measured key-to-frame latency.
const loadKeysPerSecond = 1800

// BenchmarkServeLoad opens 100 sessions of the reader on a server in another
// process, and in each picks Al Jazeera and TRT World and opens their
// comparison. Then all of them scroll through it at once, with j and pgdn
// (and g at the end, back to the top); one op is one keystroke in every
// session, offered on a schedule at loadKeysPerSecond. It measures, per keystroke, the time from
// sending it to receiving the frame that shows its effect, and reports:
//
//   - ms-median, ms-p95 and ms-p99: that round trip, and keys/s: how many
//     keystrokes the server answered per second, all sessions together;
//   - heap-B/session, stack-B/session, rss-B/session and
//     goroutines/session: what the server holds for each session idle with
//     its comparison open (the shared comparison cache is filled
//     beforehand, so it is not counted; the resident set size also counts
//     what the runtime keeps but no longer uses);
//   - cpu-µs/key: the server's CPU time (user and system) per keystroke
//     while they scroll; cpu-%: that CPU time over the time they scroll, in
//     percent of one core; cpu-µs/idle-session-s the CPU time an idle
//     session costs it per second; and client-cpu-%: the CPU time this
//     process, the hundred clients and their screens, uses meanwhile, since
//     both share the machine's cores and a busy client is late too.
//
// Everything stays on loopback and each wait is bounded.
//
//	go test -run '^$' -bench ServeLoad -benchtime 50x ./ui/serve/
func BenchmarkServeLoad(b *testing.B) {
	const sessions = 100
	const idleFor = time.Second
	child := startChild(b)

	// One session first fills the server's comparison cache, which every
	// later session shares.
	warm, err := child.open()
	if err != nil {
		b.Fatal(err)
	}
	if err := warm.openComparison(); err != nil {
		b.Fatal(err)
	}
	if err := warm.quit(); err != nil {
		b.Fatal(err)
	}

	before := child.memory(b)
	ttys := make([]*benchTTY, sessions)
	var wg sync.WaitGroup
	errs := make(chan error, sessions)
	for i := range ttys {
		wg.Go(func() {
			tt, err := child.open()
			if err == nil {
				ttys[i] = tt
				err = tt.openComparison()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	defer func() {
		for _, tt := range ttys {
			if tt != nil {
				tt.client.Close()
			}
		}
	}()
	for err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	idle := child.memory(b)
	idleCPU, idleWall := child.cpuOver(b, idleFor)

	latencies := make([][]time.Duration, sessions)
	b.ResetTimer()
	cpu0, start := child.cpu(b), time.Now()
	clientCPU0, clientOK := processCPU()
	// Each session offers its keys on a schedule (open loop), so that the
	// sessions together offer loadKeysPerSecond whatever the server's
	// latency: a closed loop would offer more keys the faster the server
	// answers, and judge a faster server under a heavier load. Each starts
	// at a random phase and each key comes with a jitter of up to two
	// frames, since people do not type in step with the renderer's 60 Hz
	// frame clock. A key whose time has passed (the previous frame came
	// late) is sent at once.
	interval := time.Second * sessions / loadKeysPerSecond
	for i, tt := range ttys {
		wg.Go(func() {
			phase := rand.N(interval)
			for n := range b.N {
				due := start.Add(phase + time.Duration(n)*interval + rand.N(33*time.Millisecond))
				time.Sleep(time.Until(due))
				d, err := tt.scroll(n)
				if err != nil {
					b.Error(err)
					return
				}
				latencies[i] = append(latencies[i], d)
			}
		})
	}
	wg.Wait()
	wall := time.Since(start)
	clientCPU, _ := processCPU()
	cpu := child.cpu(b) - cpu0
	b.StopTimer()

	// Reported after the timed part, because ResetTimer drops metrics.
	b.ReportMetric((idle.heap-before.heap)/sessions, "heap-B/session")
	b.ReportMetric((idle.stack-before.stack)/sessions, "stack-B/session")
	b.ReportMetric((idle.goroutines-before.goroutines)/sessions, "goroutines/session")
	if idle.rss >= 0 && before.rss >= 0 {
		b.ReportMetric((idle.rss-before.rss)/sessions, "rss-B/session")
	}
	all := slices.Sorted(slices.Values(slices.Concat(latencies...)))
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)/2])/float64(time.Millisecond), "ms-median")
		b.ReportMetric(float64(all[len(all)*95/100])/float64(time.Millisecond), "ms-p95")
		b.ReportMetric(float64(all[len(all)*99/100])/float64(time.Millisecond), "ms-p99")
		b.ReportMetric(float64(len(all))/wall.Seconds(), "keys/s")
	}
	if cpu0 >= 0 && idleCPU >= 0 && len(all) > 0 {
		b.ReportMetric(float64(cpu)/float64(time.Microsecond)/float64(len(all)), "cpu-µs/key")
		b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "cpu-%")
		b.ReportMetric(float64(idleCPU)/float64(time.Microsecond)/sessions/idleWall.Seconds(), "cpu-µs/idle-session-s")
	}
	if clientOK {
		b.ReportMetric(100*(clientCPU-clientCPU0).Seconds()/wall.Seconds(), "client-cpu-%")
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

// exec runs one of the child's commands and returns its output.
func (c *child) exec(b *testing.B, cmd string) string {
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
	out, err := sess.Output(cmd)
	if err != nil {
		b.Fatalf("%s: %v", cmd, err)
	}
	return string(out)
}

// memory is what the server process holds: live heap, goroutine stacks and
// resident set size in bytes (rss is negative where the server cannot tell),
// and goroutines.
type memory struct{ heap, stack, goroutines, rss float64 }

// memory asks the server what it holds.
func (c *child) memory(b *testing.B) memory {
	b.Helper()
	out := c.exec(b, "heap")
	var m memory
	if _, err := fmt.Sscan(out, &m.heap, &m.stack, &m.goroutines, &m.rss); err != nil {
		b.Fatalf("heap: %q: %v", out, err)
	}
	return m
}

// cpu asks the server how much CPU time it has used; it is negative where
// the server cannot tell.
func (c *child) cpu(b *testing.B) time.Duration {
	b.Helper()
	out := c.exec(b, "cpu")
	var ns int64
	if _, err := fmt.Sscan(out, &ns); err != nil {
		b.Fatalf("cpu: %q: %v", out, err)
	}
	return time.Duration(ns)
}

// cpuOver asks the server how much CPU time it uses in the next d, and
// returns that and how long it measured for; the time is negative where the
// server cannot tell.
func (c *child) cpuOver(b *testing.B, d time.Duration) (cpu, wall time.Duration) {
	b.Helper()
	out := c.exec(b, "cpu "+d.String())
	if _, err := fmt.Sscan(out, &cpu, &wall); err != nil {
		b.Fatalf("cpu %s: %q: %v", d, out, err)
	}
	return cpu, wall
}

// open starts a reader session and waits for the article list.
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
	tt := &benchTTY{client: client, vt: newVT(benchWidth, benchHeight), frames: make(chan struct{}, 1), done: make(chan error, 1)}
	sess.Stdout = tt
	if err := sess.RequestPty("xterm-256color", benchHeight, benchWidth, nil); err != nil {
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
	go func() { tt.done <- sess.Wait() }()
	if err := tt.await("the article list and the first comparison", func(s screen) bool {
		return listsAll(s) && isComparing("Swell Digest", "Hacked.com")(s)
	}); err != nil {
		client.Close()
		return nil, err
	}
	return tt, nil
}

// benchTTY is a session's client side: a screen that notices each write of
// output, so that a frame's arrival is seen at once rather than at the next
// poll.
type benchTTY struct {
	client *gossh.Client
	in     io.Writer
	vt     *vt
	frames chan struct{}
	done   chan error
}

// Write implements io.Writer for the session's stdout.
func (tt *benchTTY) Write(p []byte) (int, error) {
	_, _ = tt.vt.Write(p)
	select {
	case tt.frames <- struct{}{}:
	default:
	}
	return len(p), nil
}

// openComparison picks Al Jazeera for the left side and TRT World for the
// right, and waits for their comparison.
func (tt *benchTTY) openComparison() error {
	if _, err := io.WriteString(tt.in, "\tjjj\r"); err != nil {
		return err
	}
	if err := tt.await("Al Jazeera on the left", func(s screen) bool { return articleList(s).left == "Al Jazeera" }); err != nil {
		return err
	}
	if _, err := io.WriteString(tt.in, "j\r"); err != nil {
		return err
	}
	return tt.await("Al Jazeera vs TRT World", func(s screen) bool {
		bar, _ := status(s)
		return isComparing("Al Jazeera", "TRT World")(s) && strings.Contains(bar, "row 1/")
	})
}

// scrollPosition matches the status bar's scroll position: "row 12/181 · 7%".
var scrollPosition = regexp.MustCompile(`row \d+/\d+ · (\S+)`)

// scroll sends the n-th scrolling key, j or pgdn by turns, or g once the
// end is reached, and returns how long until the screen showed the
// comparison scrolled.
func (tt *benchTTY) scroll(n int) (time.Duration, error) {
	bar := tt.vt.rowText(-2) // the status bar
	pos := scrollPosition.FindStringSubmatch(bar)
	if pos == nil {
		return 0, fmt.Errorf("no scroll position in the status bar %q", bar)
	}
	key := "j"
	switch {
	case pos[1] == "end":
		key = "g"
	case n%2 == 1:
		key = "\x1b[6~" // pgdn
	}
	start := time.Now()
	if _, err := io.WriteString(tt.in, key); err != nil {
		return 0, err
	}
	timeout := time.After(waitLimit)
	for {
		if now := scrollPosition.FindString(tt.vt.rowText(-2)); now != "" && now != pos[0] {
			return time.Since(start), nil
		}
		select {
		case <-tt.frames:
		case <-timeout:
			return 0, fmt.Errorf("the comparison did not scroll from %q by %q; the screen shows:\n%s", pos[0], key, tt.vt.snapshot().text())
		}
	}
}

// quit presses q and waits for the session to end with status 0.
func (tt *benchTTY) quit() error {
	defer tt.client.Close()
	if _, err := io.WriteString(tt.in, "q"); err != nil {
		return err
	}
	select {
	case err := <-tt.done:
		return err
	case <-time.After(waitLimit):
		return errors.New("session did not end after q")
	}
}

// await waits until the screen satisfies ok.
func (tt *benchTTY) await(what string, ok func(screen) bool) error {
	timeout := time.After(waitLimit)
	for {
		s := tt.vt.snapshot()
		if ok(s) {
			return nil
		}
		select {
		case <-tt.frames:
		case <-timeout:
			return fmt.Errorf("screen never showed %s; it shows:\n%s", what, s.text())
		}
	}
}
