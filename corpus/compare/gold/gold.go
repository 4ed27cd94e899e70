// Package gold reads the development gold (../shared/corpora/stories/
// events.tsv: passages of several outlets' articles marked as reporting one
// event) and scores comparisons against it as ../shared/tools/goldscore.py
// does, so that the model's fitting script and the floor test measure the
// same thing. It knows nothing of how comparisons are made.
package gold

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Span is a marked passage's byte range in its article.
type Span struct{ Start, End int }

// Article is a gold article with its marked passages by event.
type Article struct {
	A      *corpus.Article
	Events map[string]Span
}

// Story is a gold story: its event prefix and its annotated articles, in
// file order.
type Story struct {
	Name     string
	Articles []*Article
}

// Load reads the events file and the articles it names (paths relative to
// base), story by story, and each event's kind (its first word:
// paraphrase, quote or verbatim).
func Load(eventsPath, base string) ([]*Story, map[string]string, error) {
	f, err := os.Open(eventsPath)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	byPath := map[string]*Article{}
	byStory := map[string]*Story{}
	var order []*Story
	kinds := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			return nil, nil, fmt.Errorf("%s: bad line %q", eventsPath, line)
		}
		event, kind, path, sub := fields[0], fields[1], fields[2], fields[3]
		kinds[event] = strings.Fields(kind)[0]
		art := byPath[path]
		if art == nil {
			a, _, err := corpus.LoadFile(filepath.Join(base, path))
			if err != nil {
				return nil, nil, err
			}
			art = &Article{A: a, Events: map[string]Span{}}
			byPath[path] = art
			name := filepath.Dir(path)
			s := byStory[name]
			if s == nil {
				s = &Story{Name: strings.SplitN(event, "-", 2)[0]}
				byStory[name] = s
				order = append(order, s)
			}
			s.Articles = append(s.Articles, art)
		}
		i := strings.Index(string(art.A.Raw), sub)
		if i < 0 {
			return nil, nil, fmt.Errorf("%s: %s: substring not found", path, event)
		}
		art.Events[event] = Span{i, i + len(sub)}
	}
	for _, s := range order {
		slices.SortFunc(s.Articles, func(x, y *Article) int { return strings.Compare(x.A.Source, y.A.Source) })
	}
	return order, kinds, sc.Err()
}

// Touched returns the events whose passages overlap s.
func (art *Article) Touched(s corpus.Span) map[string]bool {
	out := map[string]bool{}
	if s.Empty() {
		return out
	}
	for e, sp := range art.Events {
		if s.Start < sp.End && sp.Start < s.End {
			out[e] = true
		}
	}
	return out
}

// Score counts event pairs paired, by kind, and wrong pairings, as
// goldscore.py does.
type Score struct {
	Hits, Total    map[string]int // event pairs paired, and in all, by kind
	Wrong, Checked int            // wrong pairings among the blocks on gold spans, and those blocks
}

// Add adds o's counts to s.
func (s *Score) Add(o Score) {
	if s.Hits == nil {
		s.Hits, s.Total = map[string]int{}, map[string]int{}
	}
	for k, v := range o.Hits {
		s.Hits[k] += v
	}
	for k, v := range o.Total {
		s.Total[k] += v
	}
	s.Wrong += o.Wrong
	s.Checked += o.Checked
}

// Ratio is "hits/total" for kind.
func (s *Score) Ratio(kind string) string { return fmt.Sprintf("%d/%d", s.Hits[kind], s.Total[kind]) }

// Pct is the share of kind's event pairs paired, in percent.
func (s *Score) Pct(kind string) float64 {
	return 100 * float64(s.Hits[kind]) / math.Max(1, float64(s.Total[kind]))
}

// WrongRatio is "wrong/checked".
func (s *Score) WrongRatio() string { return fmt.Sprintf("%d/%d", s.Wrong, s.Checked) }

// Evaluate compares every pair of articles of ss that share an event with
// cmp and scores the result.
func Evaluate(ctx context.Context, cmp func(ctx context.Context, a, b *corpus.Article) (*compare.Comparison, error), ss []*Story, kinds map[string]string) (Score, error) {
	sc := Score{Hits: map[string]int{}, Total: map[string]int{}}
	for _, s := range ss {
		for i, x := range s.Articles {
			for _, y := range s.Articles[i+1:] {
				common := CommonEvents(x, y)
				if len(common) == 0 {
					continue
				}
				c, err := cmp(ctx, x.A, y.A)
				if err != nil {
					return sc, err
				}
				got := map[string]bool{}
				for _, blk := range c.Blocks {
					if blk.Kind != compare.Aligned && blk.Kind != compare.Moved {
						continue
					}
					l, r, both := PairedEvents(x, y, blk, got)
					if len(l) > 0 && len(r) > 0 {
						sc.Checked++
						if Wrong(l, r, both, common) {
							sc.Wrong++
						}
					}
				}
				for e := range common {
					k := kinds[e]
					sc.Total[k]++
					if got[e] {
						sc.Hits[k]++
					}
				}
			}
		}
	}
	return sc, nil
}

// PairedEvents returns the events a paired block of x's comparison with
// y touches on the left and on the right, and adds to got those it
// touches on both sides: both reports that there is one, that the block
// pairs two passages of one event.
func PairedEvents(x, y *Article, blk compare.Block, got map[string]bool) (left, right map[string]bool, both bool) {
	left, right = x.Touched(blk.Left), y.Touched(blk.Right)
	for e := range left {
		if right[e] {
			got[e] = true
			both = true
		}
	}
	return left, right, both
}

// CommonEvents returns the events both x and y report.
func CommonEvents(x, y *Article) map[string]bool {
	common := map[string]bool{}
	for e := range x.Events {
		if _, ok := y.Events[e]; ok {
			common[e] = true
		}
	}
	return common
}

// Wrong reports whether a paired block is a wrong pairing as Evaluate
// counts one: it touches events on both sides (left and right, from
// PairedEvents), none of them on both (both), and one of them is an event
// both articles report (common, from CommonEvents).
func Wrong(left, right map[string]bool, both bool, common map[string]bool) bool {
	return len(left) > 0 && len(right) > 0 && !both && (SharesAny(left, common) || SharesAny(right, common))
}

// SharesAny reports whether a and b hold an event in common.
func SharesAny(a, b map[string]bool) bool {
	for e := range a {
		if b[e] {
			return true
		}
	}
	return false
}
