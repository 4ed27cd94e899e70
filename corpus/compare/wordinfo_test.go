package compare

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
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
