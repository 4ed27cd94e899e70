package archive

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"
)

// BenchmarkOpenPair opens pairs of articles of one story, as the reader
// does when a pair is chosen: both read and segmented (a cold cache) and
// compared. NEWSDIFF_BENCH_ARCHIVE names an indexed archive (see
// scripts/bench-archive.sh); without it the benchmark is skipped. Besides
// the mean it reports the 99th percentile of one pair.
func BenchmarkOpenPair(b *testing.B) {
	dir := os.Getenv("NEWSDIFF_BENCH_ARCHIVE")
	if dir == "" {
		b.Skip("NEWSDIFF_BENCH_ARCHIVE names no archive")
	}
	ctx := context.Background()
	a, err := Open(ctx, dir, Options{NoRefresh: true})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	var stories []*Story
	for _, s := range a.Stories() {
		if len(s.Entries) >= 2 {
			stories = append(stories, s)
		}
	}
	if len(stories) == 0 {
		b.Skip("no story of two articles")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var times []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		s := stories[rng.IntN(len(stories))]
		i, j := rng.IntN(len(s.Entries)), rng.IntN(len(s.Entries)-1)
		if j >= i {
			j++
		}
		start := time.Now()
		cache := NewCache(DefaultCacheBytes)
		x, err := cache.Article(ctx, a.Path(s.Entries[i]))
		if err != nil {
			b.Fatal(err)
		}
		y, err := cache.Article(ctx, a.Path(s.Entries[j]))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cache.Compare(ctx, x, y); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkScan lists and stats the files of the archive
// NEWSDIFF_BENCH_ARCHIVE names, as every refresh does first: with a
// symbolic link among them, the files a link may reach are stat'ed again.
func BenchmarkScan(b *testing.B) {
	dir := os.Getenv("NEWSDIFF_BENCH_ARCHIVE")
	if dir == "" {
		b.Skip("NEWSDIFF_BENCH_ARCHIVE names no archive")
	}
	for b.Loop() {
		if _, _, err := scan(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
}
