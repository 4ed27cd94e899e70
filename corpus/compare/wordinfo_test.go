package compare

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// TestWordInfosBoundedInBytes looks up 40 MB of distinct long words and
// checks what the process-wide lexicon cache keeps of them afterwards:
// bounded by count (128k forms), it kept them all.
func TestWordInfosBoundedInBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("fills the process-wide lexicon cache")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	pad := strings.Repeat("x", 2000)
	for i := range 20_000 {
		infoOf(fmt.Sprintf("%s%d", pad, i))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	const slack = 4 << 20
	if kept := int64(after.HeapAlloc) - int64(before.HeapAlloc); kept > maxWordInfoBytes+slack {
		t.Errorf("the cache kept %d MB after 40 MB of distinct words, want at most %d MB", kept>>20, (maxWordInfoBytes+slack)>>20)
	}
	if got := wordInfoBytes.Load(); got > maxWordInfoBytes {
		t.Errorf("the cache counts %d bytes, over its bound of %d", got, maxWordInfoBytes)
	}
}

// TestInfoOfConcurrent looks the same forms up from several goroutines at
// once, as comparisons on a server do, each form new to the cache: every
// answer is the lexicon's, and one entry is kept a form.
func TestInfoOfConcurrent(t *testing.T) {
	forms := make([]string, 200)
	for i := range forms {
		forms[i] = fmt.Sprintf("concurrentform%dx", i)
	}
	before := wordInfoBytes.Load()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range forms {
				f := forms[(i+50*g)%len(forms)]
				key, class, _ := lexicon.KeyGroups(f)
				if wi := infoOf(f); wi.key != corpus.HashForm(key) || wi.class != class {
					t.Errorf("infoOf(%q) = %+v, want key %x class %v", f, wi, corpus.HashForm(key), class)
				}
			}
		})
	}
	wg.Wait()
	want := int64(0)
	for _, f := range forms {
		want += int64(len(f) + wordInfoCost)
	}
	if got := wordInfoBytes.Load() - before; before+want <= maxWordInfoBytes && got != want {
		t.Errorf("the cache grew by %d bytes for %d forms, want %d: a form stored twice", got, len(forms), want)
	}
}
