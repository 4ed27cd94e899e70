package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
)

// printWrong prints the wrong pairings md makes in story s, as Evaluate
// counts them, each with its two passages: with -wrong, the blocks behind
// a fold's wrong figure.
func printWrong(ctx context.Context, md compare.Model, s *gold.Story) {
	for i, x := range s.Articles {
		for _, y := range s.Articles[i+1:] {
			common := gold.CommonEvents(x, y)
			if len(common) == 0 {
				continue
			}
			c, err := compare.CompareWith(ctx, x.A, y.A, &md)
			if err != nil {
				panic(err)
			}
			for _, blk := range c.Blocks {
				if blk.Kind != compare.Aligned && blk.Kind != compare.Moved {
					continue
				}
				l, r, both := gold.PairedEvents(x, y, blk, map[string]bool{})
				if !gold.Wrong(l, r, both, common) {
					continue
				}
				fmt.Printf("  !! %s ~ %s [%s %.3f] %s ~ %s\n     L: %s\n     R: %s\n", x.A.Source, y.A.Source, blk.Match, blk.Score,
					keys(l), keys(r), passage(x.A, blk.Left), passage(y.A, blk.Right))
			}
		}
	}
}

func keys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, " ")
}

// passage is the text of span s of a on one line.
func passage(a *corpus.Article, s corpus.Span) string {
	return strings.Join(strings.Fields(string(a.Raw[s.Start:s.End])), " ")
}
