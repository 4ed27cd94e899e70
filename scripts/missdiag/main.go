// Command missdiag classifies the development gold's missed event pairs
// by where the matcher lost them, so that work on recall goes where the
// misses are:
//
//	go run ./scripts/missdiag -events ../shared/corpora/stories/events.tsv \
//	    -stories ../shared/corpora/stories [-kind paraphrase] [-show 30]
//
// For each event pair of one kind that the comparison leaves unpaired, the
// sentences overlapping the event's passage on each side are looked up
// among the sentence pairs the matcher scores (compare.CandidatePairs):
//
//	no candidate   no sentence pair of the two passages is scored at all
//	below          scored, but the model's best probability is under its
//	               threshold (printed by how far)
//	taken          scored at or over the threshold, yet a sentence of the
//	               passages was paired with something else (or the pair was
//	               dropped by the word-diff check)
//
// With -show N it prints the first N misses side by side. With -wrong it
// prints the wrong pairings goldscore.py counts, side by side, and their
// number.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
)

func main() {
	events := flag.String("events", "../shared/corpora/stories/events.tsv", "the gold events file")
	stories := flag.String("stories", "../shared/corpora/stories", "the folder the events file's paths are relative to")
	kind := flag.String("kind", "paraphrase", "the event kind to diagnose")
	show := flag.Int("show", 0, "print this many misses side by side")
	threshold := flag.Float64("threshold", 0, "use this model threshold instead of the fitted one")
	wrong := flag.Bool("wrong", false, "print the wrong pairings (blocks on two different events' passages) side by side")
	flag.Parse()
	ss, kinds, err := gold.Load(*events, *stories)
	if err != nil {
		fmt.Fprintln(os.Stderr, "missdiag:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	md := compare.Fitted
	if *threshold > 0 {
		md.Threshold = *threshold
	}
	counts := map[string]int{}
	// nextToPair counts, by class, the misses one of whose sentence pairs
	// sits right after or right before a pair the comparison made.
	nextToPair := map[string]int{}
	var gaps []float64
	shown := 0
	total, missed := 0, 0
	wrongs, checked := 0, 0 // wrong pairings, and the blocks on gold passages on both sides
	for _, s := range ss {
		for i, x := range s.Articles {
			for _, y := range s.Articles[i+1:] {
				var common []string
				anyCommon := map[string]bool{}
				for e := range x.Events {
					if _, ok := y.Events[e]; ok {
						anyCommon[e] = true
						if kinds[e] == *kind {
							common = append(common, e)
						}
					}
				}
				if len(anyCommon) == 0 {
					continue
				}
				sort.Strings(common)
				c, err := compare.CompareWith(ctx, x.A, y.A, &md)
				if err != nil {
					panic(err)
				}
				got := map[string]bool{}
				pairedL, pairedR := map[int]bool{}, map[int]bool{}
				pairedWith := map[[2]int]bool{}
				for _, blk := range c.Blocks {
					if blk.Kind != compare.Aligned && blk.Kind != compare.Moved {
						continue
					}
					for si := blk.LeftSentences.Start; si < blk.LeftSentences.End; si++ {
						pairedL[si] = true
						for sj := blk.RightSentences.Start; sj < blk.RightSentences.End; sj++ {
							pairedWith[[2]int{si, sj}] = true
						}
					}
					for si := blk.RightSentences.Start; si < blk.RightSentences.End; si++ {
						pairedR[si] = true
					}
					l, r, both := gold.PairedEvents(x, y, blk, got)
					if len(l) > 0 && len(r) > 0 {
						checked++
					}
					if *wrong && printWrong(os.Stdout, x, y, blk, l, r, both, anyCommon) {
						wrongs++
					}
				}
				type best struct {
					p     float64
					f     compare.Features
					found bool
				}
				bests := map[string]*best{}
				ls := map[string]map[int]bool{}
				rs := map[string]map[int]bool{}
				for _, e := range common {
					ls[e] = sentencesIn(x.A, x.Events[e])
					rs[e] = sentencesIn(y.A, y.Events[e])
					bests[e] = &best{}
				}
				err = compare.CandidatePairs(ctx, x.A, y.A, func(l, r int, f compare.Features) {
					for _, e := range common {
						if ls[e][l] && rs[e][r] {
							b := bests[e]
							if p := md.Prob(f); !b.found || p > b.p {
								b.p, b.f, b.found = p, f, true
							}
						}
					}
				})
				if err != nil {
					panic(err)
				}
				for _, e := range common {
					total++
					if got[e] {
						continue
					}
					missed++
					b := bests[e]
					class := "no candidate"
					switch {
					case !b.found:
					case b.p < md.Threshold && b.f[surfaceIndex] < 0.5:
						class = "below"
						gaps = append(gaps, b.p)
					default:
						class = "taken"
						anyL, anyR := false, false
						for si := range ls[e] {
							anyL = anyL || pairedL[si]
						}
						for si := range rs[e] {
							anyR = anyR || pairedR[si]
						}
						switch {
						case anyL && anyR:
							class = "taken: both sides paired elsewhere"
						case anyL || anyR:
							class = "taken: one side paired elsewhere"
						default:
							class = "taken: neither paired (word-diff check)"
						}
					}
					for l := range ls[e] {
						for r := range rs[e] {
							if pairedWith[[2]int{l - 1, r - 1}] || pairedWith[[2]int{l + 1, r + 1}] {
								nextToPair[class]++
								goto counted
							}
						}
					}
				counted:
					counts[class]++
					if shown < *show {
						shown++
						fmt.Printf("== %s %s ~ %s [%s", e, x.A.ID, y.A.ID, class)
						if b.found {
							fmt.Printf(" p=%.3f surface=%.2f name_only=%v", b.p, b.f[surfaceIndex], b.f[nameOnlyIndex] == 1)
						}
						fmt.Printf("]\n  L: %s\n  R: %s\n", passage(x.A, x.Events[e]), passage(y.A, y.Events[e]))
					}
				}
			}
		}
	}
	if *wrong {
		fmt.Printf("wrong pairings: %d/%d\n", wrongs, checked)
	}
	fmt.Printf("%s event pairs: %d, missed %d\n", *kind, total, missed)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-42s %4d  (%d next to a pair)\n", k, counts[k], nextToPair[k])
	}
	hist := make([]int, 10)
	for _, p := range gaps {
		hist[min(9, int(p*10))]++
	}
	fmt.Printf("below: best probability by decile (threshold %.2f): %v\n", md.Threshold, hist)
}

// printWrong prints blk, a paired block of x's comparison with y that
// touches events l on the left and r on the right (both: one of them on
// both sides; common: the events the two report), with its two passages,
// when it is a wrong pairing as goldscore.py and gold.Evaluate count one
// (gold.Wrong), and reports whether it was. A block one side of which
// touches no marked passage is not one: it was printed, so that -wrong
// listed more blocks than the score counts.
func printWrong(w io.Writer, x, y *gold.Article, blk compare.Block, l, r map[string]bool, both bool, common map[string]bool) bool {
	if !gold.Wrong(l, r, both, common) {
		return false
	}
	fmt.Fprintf(w, "!! wrong %s ~ %s [%s score %.3f] %v ~ %v\n  L: %s\n  R: %s\n", x.A.ID, y.A.ID, blk.Match, blk.Score, keys(l), keys(r),
		passage(x.A, gold.Span(blk.Left)), passage(y.A, gold.Span(blk.Right)))
	return true
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The features missdiag reads, by name.
var surfaceIndex, nameOnlyIndex = featureIndex("surface"), featureIndex("name_only")

func featureIndex(name string) int {
	for i, n := range compare.FeatureNames {
		if n == name {
			return i
		}
	}
	panic("no feature " + name)
}

// sentencesIn returns the sentences of a that overlap sp.
func sentencesIn(a *corpus.Article, sp gold.Span) map[int]bool {
	out := map[int]bool{}
	for i, s := range a.Sentences {
		if s.Span().Start < sp.End && sp.Start < s.Span().End {
			out[i] = true
		}
	}
	return out
}

func passage(a *corpus.Article, sp gold.Span) string {
	return strings.Join(strings.Fields(string(a.Raw[sp.Start:sp.End])), " ")
}
