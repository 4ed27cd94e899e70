// Command fitpairs fits the logistic model that pairs two wordings of one
// event (compare.Model) on the development gold, reports its
// cross-validated figures, and writes the coefficients Compare uses.
//
//	go run ./scripts/fitpairs -events ../shared/corpora/stories/events.tsv \
//	    -stories ../shared/corpora/stories -o corpus/compare/model.go
//
// Data: for every pair of articles of a gold story, every sentence pair
// the matcher scores (compare.CandidatePairs) is a row; it is positive when
// both sentences overlap the marked passages of one event, negative
// otherwise. The model is an L2-regularised logistic regression over
// compare.Features, fitted by Newton's method. Its threshold is the lowest
// probability that keeps wrong pairings (as ../shared/tools/goldscore.py
// counts them) within maxWrong on the stories it is fitted on, each story
// counted with a model fitted on the others (see chooseThreshold). The
// least probability of a pair between two pairs (compare.Model.Near) is
// chosen with it, among nears, by the paraphrases it pairs so counted
// (chooseThresholds).
//
// With -curve it prints those held-out figures at every threshold tried,
// all stories at one threshold: the trade between paraphrase pairs and
// wrong pairings that a change of features makes, without the noise of
// each fold choosing its own threshold from a few wrong pairings.
//
// Cross-validation leaves one story out: fit (weights, threshold, Near) on
// the others, compare the held-out story's pairs with that model, and
// score them as goldscore.py does. The sums over the held-out stories are
// the figures to quote; the committed model is then fitted on all stories.
// With -wrong it prints each held-out story's wrong pairings, the blocks
// behind its fold's wrong figure.
//
// The model's form and fitting were varied on these figures (2026-12):
// the penalty (lambda 0.1 to 10), weights on the positive rows, fitting
// only the rows Compare asks the model about or those a first fit gives
// at least 0.01, products of two features and hinges on one, a finer grid
// of thresholds, a threshold judged with its neighbours on the grid. None
// paired more paraphrases within the wrong pairings maxWrong allows;
// BENCHMARKS.md ("the model's form and its fitting") has the table.
package main

import (
	"context"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
)

const (
	// lambda is the L2 penalty on the weights (not the bias).
	lambda = 1.0
	// maxWrong is the largest share of wrong pairings among the blocks on
	// gold spans a threshold may give on the stories it is chosen on.
	maxWrong = 0.02
)

// thresholds are the probabilities tried, from most to least sure.
var thresholds = []float64{0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3}

// nears are the probabilities tried for a pair between two pairs
// (compare.Model.Near), the surest first: a lower one is chosen only when
// it pairs more paraphrases within maxWrong, counted as the threshold is.
// 0.1 was added after 0.15: five of the nine cross-validation folds chose
// it, and the held-out figures rose from 119 to 122 paraphrase event pairs
// of 365, wrong pairings 3 of 167 to 3 of 169; fitted on all stories the
// model still takes 0.2. 0.05, at one threshold (-curve), paired 102 within
// 3 wrong pairings where 0.1 paired 112 and 0.2 118.
var nears = []float64{0.3, 0.25, 0.2, 0.15, 0.1}

type row struct {
	f     compare.Features
	label float64
	event string // the event of a positive row, with its article pair
}

func main() {
	events := flag.String("events", "../shared/corpora/stories/events.tsv", "the gold events file")
	stories := flag.String("stories", "../shared/corpora/stories", "the folder the events file's paths are relative to")
	out := flag.String("o", "", "write the fitted model as Go source here")
	sweep := flag.Bool("sweep", false, "fit on every story and print the in-sample figures at each threshold")
	curve := flag.Bool("curve", false, "print the figures at each threshold of every story scored by a model fitted on the others")
	wrong := flag.Bool("wrong", false, "print each held-out story's wrong pairings under its fold's model")
	flag.Parse()
	ss, kinds, err := gold.Load(*events, *stories)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fitpairs:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	rows := make(map[string][]row)
	for _, s := range ss {
		rows[s.Name] = storyRows(ctx, s)
	}
	if *curve {
		for k, sc := range heldOutCurve(ctx, rows, ss, kinds, nears[0]) {
			fmt.Printf("threshold %.2f: paraphrase %s quote %s verbatim %s wrong %s\n", thresholds[k], sc.Ratio("paraphrase"), sc.Ratio("quote"), sc.Ratio("verbatim"), sc.WrongRatio())
		}
		return
	}
	if *sweep {
		var all []row
		for _, s := range ss {
			all = append(all, rows[s.Name]...)
		}
		md := fit(all)
		pos, posSurface := 0, 0
		hist := make([]int, 10)
		for _, r := range all {
			if r.label == 1 {
				pos++
				if surfacePaired(r.f) {
					posSurface++
				} else {
					hist[min(9, int(md.Prob(r.f)*10))]++
				}
			}
		}
		fmt.Printf("rows %d, positive %d, of which surface-paired %d; others by probability decile %v\n", len(all), pos, posSurface, hist)
		bestP := map[string]float64{}
		for _, r := range all {
			if r.label == 1 {
				bestP[r.event] = max(bestP[r.event], md.Prob(r.f))
			}
		}
		eh := make([]int, 10)
		for _, p := range bestP {
			eh[min(9, int(p*10))]++
		}
		fmt.Printf("event pairs with a positive candidate: %d; best probability by decile %v\n", len(bestP), eh)
		for _, t := range thresholds {
			md.Threshold = t
			sc := evaluate(ctx, md, ss, kinds)
			fmt.Printf("threshold %.2f: paraphrase %s quote %s verbatim %s wrong %s\n", t, sc.Ratio("paraphrase"), sc.Ratio("quote"), sc.Ratio("verbatim"), sc.WrongRatio())
		}
		return
	}

	// Leave one story out.
	var cv gold.Score
	fmt.Printf("%-12s %9s %4s %12s %9s %6s %s\n", "held out", "threshold", "near", "paraphrase", "quote", "wrong", "")
	for i, held := range ss {
		var train []row
		var trainStories []*gold.Story
		for j, s := range ss {
			if j != i {
				train = append(train, rows[s.Name]...)
				trainStories = append(trainStories, s)
			}
		}
		md := fit(train)
		md.Near, md.Threshold = chooseThresholds(ctx, rows, trainStories, kinds)
		sc := evaluate(ctx, md, []*gold.Story{held}, kinds)
		fmt.Printf("%-12s %9.2f %4.2f %12s %9s %6s\n", held.Name, md.Threshold, md.Near, sc.Ratio("paraphrase"), sc.Ratio("quote"), sc.WrongRatio())
		if *wrong {
			printWrong(ctx, md, held)
		}
		cv.Add(sc)
	}
	fmt.Printf("cross-validated: paraphrase %s (%.1f%%), quote %s (%.1f%%), verbatim %s, wrong %s (%.1f%%)\n",
		cv.Ratio("paraphrase"), cv.Pct("paraphrase"), cv.Ratio("quote"), cv.Pct("quote"), cv.Ratio("verbatim"),
		cv.WrongRatio(), 100*float64(cv.Wrong)/math.Max(1, float64(cv.Checked)))

	var all []row
	for _, s := range ss {
		all = append(all, rows[s.Name]...)
	}
	md := fit(all)
	md.Near, md.Threshold = chooseThresholds(ctx, rows, ss, kinds)
	in := evaluate(ctx, md, ss, kinds)
	fmt.Printf("fitted on all %d stories (%d rows): threshold %.2f, near %.2f; in-sample paraphrase %s, quote %s, wrong %s\n",
		len(ss), len(all), md.Threshold, md.Near, in.Ratio("paraphrase"), in.Ratio("quote"), in.WrongRatio())
	for i, n := range compare.FeatureNames {
		fmt.Printf("  %-14s %+.3f\n", n, md.Weights[i])
	}
	fmt.Printf("  %-14s %+.3f\n", "bias", md.Bias)
	if *out != "" {
		if err := writeModel(*out, md, cv, len(ss), len(all)); err != nil {
			fmt.Fprintln(os.Stderr, "fitpairs:", err)
			os.Exit(1)
		}
	}
}

func storyRows(ctx context.Context, s *gold.Story) []row {
	var rows []row
	for i, x := range s.Articles {
		for _, y := range s.Articles[i+1:] {
			err := compare.CandidatePairs(ctx, x.A, y.A, func(ls, rs int, f compare.Features) {
				lt := x.Touched(x.A.Sentences[ls].Span())
				rt := y.Touched(y.A.Sentences[rs].Span())
				label, event := 0.0, ""
				for e := range lt {
					if rt[e] {
						label, event = 1, e+" "+x.A.ID+"~"+y.A.ID
					}
				}
				rows = append(rows, row{f, label, event})
			})
			if err != nil {
				panic(err)
			}
		}
	}
	return rows
}

// surfaceIndex is the surface score's place in compare.Features.
var surfaceIndex = slices.Index(compare.FeatureNames[:], "surface")

// surfacePaired reports whether a row with features f is one the surface
// score alone pairs, as -sweep counts the positives the model is not
// needed for. It read the last feature, which stopped being the surface
// score when features were added after it.
func surfacePaired(f compare.Features) bool { return f[surfaceIndex] >= compare.SurfaceThreshold }

// fit returns the L2-regularised logistic regression of rows, by Newton's
// method on the bias and weights.
func fit(rows []row) compare.Model {
	const n = compare.NumFeatures + 1 // the bias last
	w := make([]float64, n)
	x := func(r row, i int) float64 {
		if i == compare.NumFeatures {
			return 1
		}
		return r.f[i]
	}
	for range 25 {
		grad := make([]float64, n)
		hess := make([][]float64, n)
		for i := range hess {
			hess[i] = make([]float64, n)
		}
		for _, r := range rows {
			z := 0.0
			for i := range n {
				z += w[i] * x(r, i)
			}
			p := 1 / (1 + math.Exp(-z))
			for i := range n {
				xi := x(r, i)
				grad[i] += (p - r.label) * xi
				for j := range n {
					hess[i][j] += p * (1 - p) * xi * x(r, j)
				}
			}
		}
		for i := range compare.NumFeatures {
			grad[i] += lambda * w[i]
			hess[i][i] += lambda
		}
		step := solve(hess, grad)
		for i := range n {
			w[i] -= step[i]
		}
	}
	var md compare.Model
	copy(md.Weights[:], w[:compare.NumFeatures])
	md.Bias = w[compare.NumFeatures]
	return md
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if m[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			k := m[r][c] / m[c][c]
			for j := c; j <= n; j++ {
				m[r][j] -= k * m[c][j]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for j := r + 1; j < n; j++ {
			s -= m[r][j] * x[j]
		}
		if m[r][r] != 0 {
			x[r] = s / m[r][r]
		}
	}
	return x
}

// evaluate scores md on the stories ss.
func evaluate(ctx context.Context, md compare.Model, ss []*gold.Story, kinds map[string]string) gold.Score {
	sc, err := gold.Evaluate(ctx, func(ctx context.Context, a, b *corpus.Article) (*compare.Comparison, error) {
		return compare.CompareWith(ctx, a, b, &md)
	}, ss, kinds)
	if err != nil {
		panic(err)
	}
	return sc
}

// chooseThreshold returns the lowest probability in thresholds at which
// wrong pairings stay within maxWrong of the blocks on gold spans (issue
// 9's target), or the surest threshold when none does. Lower thresholds
// pair more paraphrases and more wrongly: the target ranks a reader's
// trust in a pair first.
//
// Each story's pairings are counted with a model fitted on the other
// stories, as the held-out story of a cross-validation fold will be: a
// model scores the stories it was fitted on more surely than one it has
// not seen, so a threshold chosen in-sample let through three wrong
// pairings in one held-out story when the others had next to none.
func chooseThreshold(ctx context.Context, rows map[string][]row, ss []*gold.Story, kinds map[string]string, near float64) (float64, gold.Score) {
	curve := heldOutCurve(ctx, rows, ss, kinds, near)
	t := lowestWithin(curve)
	return t, curve[slices.Index(thresholds, t)]
}

// chooseThresholds returns the model's Near and Threshold: for each of
// nears its threshold (chooseThreshold), and of those the pair that pairs
// the most paraphrases in the stories ss, each counted with a model fitted
// on the others; the surer Near on a tie.
func chooseThresholds(ctx context.Context, rows map[string][]row, ss []*gold.Story, kinds map[string]string) (near, threshold float64) {
	best := -1
	for _, n := range nears {
		t, sc := chooseThreshold(ctx, rows, ss, kinds, n)
		if sc.Hits["paraphrase"] > best {
			best, near, threshold = sc.Hits["paraphrase"], n, t
		}
	}
	return near, threshold
}

// lowestWithin returns the lowest of thresholds whose figures (one per
// threshold) keep wrong pairings within maxWrong, or the surest threshold
// when none does.
func lowestWithin(scores []gold.Score) float64 {
	best := thresholds[0]
	for k, t := range thresholds {
		if float64(scores[k].Wrong) <= maxWrong*float64(scores[k].Checked) {
			best = t
		}
	}
	return best
}

// heldOutCurve returns, for each of thresholds, the figures of the
// stories ss with each story scored by a model fitted on the others.
func heldOutCurve(ctx context.Context, rows map[string][]row, ss []*gold.Story, kinds map[string]string, near float64) []gold.Score {
	scores := make([]gold.Score, len(thresholds))
	for i, held := range ss {
		var train []row
		for j, s := range ss {
			if j != i {
				train = append(train, rows[s.Name]...)
			}
		}
		md := fit(train)
		md.Near = near
		for k, t := range thresholds {
			md.Threshold = t
			scores[k].Add(evaluate(ctx, md, []*gold.Story{held}, kinds))
		}
	}
	return scores
}

func writeModel(path string, md compare.Model, cv gold.Score, stories, rows int) error {
	var sb strings.Builder
	sb.WriteString("// Code generated by scripts/fitpairs; DO NOT EDIT.\n\npackage compare\n\n")
	fmt.Fprintf(&sb, "// Fitted is the model Compare uses: a logistic regression fitted by\n")
	fmt.Fprintf(&sb, "// scripts/fitpairs on %d sentence pairs of the %d development gold stories.\n", rows, stories)
	fmt.Fprintf(&sb, "// Cross-validated by leaving one story out (fit on the others, score the\n")
	fmt.Fprintf(&sb, "// held-out story as goldscore.py does), it paired paraphrase %s (%.1f%%),\n", cv.Ratio("paraphrase"), cv.Pct("paraphrase"))
	fmt.Fprintf(&sb, "// quote %s (%.1f%%) and verbatim %s event pairs, with %s wrong\n", cv.Ratio("quote"), cv.Pct("quote"), cv.Ratio("verbatim"), cv.WrongRatio())
	fmt.Fprintf(&sb, "// pairings among the blocks on gold spans.\n")
	sb.WriteString("var Fitted = Model{\n")
	fmt.Fprintf(&sb, "\tBias: %.4f,\n", md.Bias)
	sb.WriteString("\tWeights: Features{\n")
	for i, n := range compare.FeatureNames {
		fmt.Fprintf(&sb, "\t\t%.4f, // %s\n", md.Weights[i], n)
	}
	sb.WriteString("\t},\n")
	fmt.Fprintf(&sb, "\tThreshold: %.2f,\n", md.Threshold)
	fmt.Fprintf(&sb, "\tNear:      %.2f,\n", md.Near)
	sb.WriteString("}\n")
	src, err := format.Source([]byte(sb.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}
