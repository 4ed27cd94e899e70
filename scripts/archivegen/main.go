// Command archivegen builds a test archive of N articles from the
// multinews scale corpus (../shared/corpora/multinews: one folder per
// story), and judges how an index grouped one.
//
//	archivegen -n 10000 -out /tmp/archive-10k   # build
//	archivegen -eval /tmp/archive-10k           # index it and score the grouping
//
// The archive is one flat folder, the hardest case for story grouping,
// with files named by a hash so that path order says nothing about
// stories. Every source article is taken once, whole stories at a time,
// until N is reached; past the corpus's 7,483 articles, the rest are
// edited copies of articles of some of the stories, as when outlets
// republish agency copy: a new title, a sentence dropped, two paragraphs
// swapped, reporting verbs and days reworded, a credit line added. Three
// stories in five keep their own articles only, so an archive of any
// size still has small stories.
//
// The true story of every file goes to .truth.tsv in the archive (hidden
// files are not articles). -eval opens the archive's index through
// corpus/archive and prints pairwise precision and recall of its stories
// against that truth.
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/corpus/story"
)

const truthFile = ".truth.tsv"

func main() {
	n := flag.Int("n", 1000, "articles to write")
	out := flag.String("out", "", "directory to create")
	src := flag.String("src", "../shared/corpora/multinews", "the multinews corpus")
	eval := flag.String("eval", "", "score the grouping of this archive")
	flat := flag.Bool("flat", false, "with -eval, score the grouping of the folder loaded as a flat folder (story.LoadDir), not its index")
	show := flag.Int("show", 0, "with -eval, print this many of the stories that mix true stories")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of -eval here")
	add := flag.Int("add", 0, "add this many edited copies to the archive -out")
	story := flag.Int("story", 0, "print the number (as --story takes it), size and two article ids of the story of the archive -out nearest this size")
	medians := flag.String("medians", "", "print the median of each command of this hyperfine JSON export, as a Markdown table")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "archivegen:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	var err error
	switch {
	case *eval != "":
		err = evaluate(*eval, *flat, *show)
	case *medians != "":
		err = printMedians(*medians)
	case *add > 0 && *out != "":
		err = addCopies(*src, *out, *add)
	case *story > 0 && *out != "":
		err = findStory(*out, *story)
	case *out != "":
		err = build(*src, *out, *n)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "archivegen:", err)
		os.Exit(1)
	}
}

type source struct {
	story string
	texts []string
}

func readCorpus(src string) ([]source, error) {
	dirs, err := os.ReadDir(src)
	if err != nil {
		return nil, fmt.Errorf("%w (the multinews corpus is needed)", err)
	}
	var out []source
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, err := filepath.Glob(filepath.Join(src, d.Name(), "*.txt"))
		if err != nil {
			return nil, err
		}
		slices.Sort(files)
		s := source{story: d.Name()}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			s.texts = append(s.texts, string(b))
		}
		if len(s.texts) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

func build(src, out string, n int) error {
	stories, err := readCorpus(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	rng.Shuffle(len(stories), func(i, j int) { stories[i], stories[j] = stories[j], stories[i] })
	truth, err := os.Create(filepath.Join(out, truthFile))
	if err != nil {
		return err
	}
	defer truth.Close()
	tw := bufio.NewWriter(truth)
	written := 0
	write := func(story string, copyNo, k int, text string) error {
		sum := sha256.Sum256(fmt.Appendf(nil, "%s/%d/%d", story, copyNo, k))
		name := hex.EncodeToString(sum[:8]) + ".txt"
		fmt.Fprintf(tw, "%s\t%s\n", name, story)
		written++
		return os.WriteFile(filepath.Join(out, name), []byte(text), 0o644)
	}
	// Every source article once, whole stories at a time.
	var taken []source
	for _, s := range stories {
		if written >= n {
			break
		}
		for k, t := range s.texts {
			if written >= n {
				break
			}
			if err := write(s.story, 0, k, t); err != nil {
				return err
			}
		}
		taken = append(taken, s)
	}
	// Edited copies of the articles of two stories in five.
	var popular []source
	for i, s := range taken {
		if i%5 < 2 {
			popular = append(popular, s)
		}
	}
	for copyNo := 1; written < n && len(popular) > 0; copyNo++ {
		for _, s := range popular {
			if written >= n {
				break
			}
			k := rng.IntN(len(s.texts))
			if err := write(s.story, copyNo, k, edit(rng, s.texts[k], copyNo)); err != nil {
				return err
			}
		}
	}
	fmt.Printf("%d articles from %d stories in %s\n", written, len(taken), out)
	return tw.Flush()
}

// rewordings are the small edits an outlet makes to agency copy.
var rewordings = [][2]string{
	{" said ", " told reporters "}, {" says ", " said "}, {" on Monday", " Monday"},
	{" on Tuesday", " Tuesday"}, {" percent", "%"}, {" Mr. ", " "}, {" however,", " but"},
	{" announced ", " said "}, {" United States", " US"}, {" also ", " "},
}

// edit makes an outlet's version of text: title changed, a paragraph
// swapped, a sentence dropped, some wording changed, a credit line added.
func edit(rng *rand.Rand, text string, copyNo int) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	if len(paras) == 0 {
		return text
	}
	title := paras[0]
	body := paras[1:]
	switch rng.IntN(3) {
	case 0:
		title = "UPDATE: " + title
	case 1:
		title = strings.TrimSuffix(title, ".") + " (report)"
	}
	if len(body) > 3 {
		i := 1 + rng.IntN(len(body)-2)
		body[i], body[i+1] = body[i+1], body[i]
	}
	if len(body) > 0 {
		i := rng.IntN(len(body))
		sents := strings.SplitAfter(body[i], ". ")
		if len(sents) > 2 {
			j := rng.IntN(len(sents))
			body[i] = strings.Join(slices.Delete(sents, j, j+1), "")
		}
	}
	joined := strings.Join(body, "\n\n")
	for _, r := range rewordings {
		if rng.IntN(2) == 0 {
			joined = strings.ReplaceAll(joined, r[0], r[1])
		}
	}
	return fmt.Sprintf("%s\n\n%s\n\nSource: Outlet %d and agencies\n", title, joined, copyNo)
}

func evaluate(dir string, flat bool, show int) error {
	truth, err := readTruth(dir)
	if err != nil {
		return err
	}
	var found []foundStory
	var opened time.Duration
	if flat {
		found, opened, err = groupFlat(dir)
	} else {
		found, opened, err = groupIndexed(dir)
	}
	if err != nil {
		return err
	}
	q := score(found, truth)
	fmt.Printf("articles %d, stories %d (%d not grouped), largest %d\n", q.articles, len(found), q.alone, q.largest)
	fmt.Printf("pairwise precision %.3f, recall %.3f (%d of %d true pairs); opened in %v\n",
		ratio(q.right, q.found), ratio(q.right, q.total), q.right, q.total, opened.Round(time.Millisecond))
	fmt.Printf("purity %.3f (%d of %d stories of two or more mixed), completeness %.3f\n",
		ratio(q.majority, q.grouped), q.mixed, q.multi, ratio(q.completeTrue, q.articles))
	if show > 0 {
		return showMixed(dir, found, truth, show)
	}
	return nil
}

// foundStory is one story grouping made: its articles' file names.
type foundStory []string

func readTruth(dir string) (map[string]string, error) {
	truth := map[string]string{}
	f, err := os.Open(filepath.Join(dir, truthFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, story, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			truth[name] = story
		}
	}
	return truth, sc.Err()
}

// groupIndexed opens (and so indexes) the archive through corpus/archive
// and returns its stories.
func groupIndexed(dir string) ([]foundStory, time.Duration, error) {
	start := time.Now()
	a, err := archive.Open(context.Background(), dir, archive.Options{})
	if err != nil {
		return nil, 0, err
	}
	defer a.Close()
	opened := time.Since(start)
	var out []foundStory
	for _, s := range a.Stories() {
		var names []string
		for _, e := range s.Entries {
			names = append(names, e.Path)
		}
		out = append(out, names)
	}
	return out, opened, nil
}

// groupFlat loads the folder as a flat folder of articles is loaded
// (story.LoadDir) and returns the stories it was split into.
func groupFlat(dir string) ([]foundStory, time.Duration, error) {
	start := time.Now()
	c, _, err := story.LoadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	opened := time.Since(start)
	var out []foundStory
	for _, s := range c.Stories {
		var names []string
		for _, a := range s.Articles {
			names = append(names, filepath.Base(a.Source))
		}
		out = append(out, names)
	}
	return out, opened, nil
}

type quality struct {
	articles, alone, largest int
	found, right, total      int // pairs in one found story, of them in one true story, pairs in one true story
	grouped, majority        int // articles in found stories of two or more; of them in their story's largest true story
	multi, mixed             int // found stories of two or more; of them holding several true stories
	completeTrue             int // by true story, its articles in the found story holding most of them, summed
}

// score judges found stories against the true story of every file. An
// article the truth does not name (one added later) is left out.
func score(found []foundStory, truth map[string]string) quality {
	var q quality
	largestOf := map[string]int{}
	for _, s := range found {
		bySource := map[string]int{}
		k := 0
		for _, name := range s {
			if story, ok := truth[name]; ok {
				bySource[story]++
				k++
			}
		}
		q.articles += k
		q.largest = max(q.largest, k)
		if k == 1 {
			q.alone++
		}
		q.found += k * (k - 1) / 2
		most := 0
		for story, c := range bySource {
			q.right += c * (c - 1) / 2
			most = max(most, c)
			largestOf[story] = max(largestOf[story], c)
		}
		if k >= 2 {
			q.multi++
			q.grouped += k
			q.majority += most
			if len(bySource) > 1 {
				q.mixed++
			}
		}
	}
	sizes := map[string]int{}
	for _, story := range truth {
		sizes[story]++
	}
	for _, c := range sizes {
		q.total += c * (c - 1) / 2
	}
	for _, c := range largestOf {
		q.completeTrue += c
	}
	return q
}

// showMixed prints the n mixed stories with most wrong pairs: each true
// story's titles in it, and the heaviest terms (by IDF over the folder)
// that articles of different true stories share.
func showMixed(dir string, found []foundStory, truth map[string]string, n int) error {
	type mixed struct {
		s     foundStory
		wrong int
	}
	var ms []mixed
	for _, s := range found {
		by := map[string]int{}
		for _, name := range s {
			by[truth[name]]++
		}
		if len(by) < 2 {
			continue
		}
		pairs := len(s) * (len(s) - 1) / 2
		for _, c := range by {
			pairs -= c * (c - 1) / 2
		}
		ms = append(ms, mixed{s, pairs})
	}
	slices.SortStableFunc(ms, func(a, b mixed) int { return b.wrong - a.wrong })
	ms = ms[:min(n, len(ms))]
	// Terms of every article, for document frequencies.
	terms := map[string]map[string]bool{}
	titles := map[string]string{}
	df := map[string]int{}
	names := slices.Collect(maps.Keys(truth))
	for _, name := range names {
		a, _, err := corpus.LoadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		set := map[string]bool{}
		for _, t := range story.GroupTerms(a) {
			set[t] = true
		}
		for t := range set {
			df[t]++
		}
		terms[name], titles[name] = set, a.Title
	}
	for _, m := range ms {
		fmt.Printf("\n%d articles, %d wrong pairs:\n", len(m.s), m.wrong)
		sorted := slices.Clone(m.s)
		slices.SortFunc(sorted, func(a, b string) int { return strings.Compare(truth[a]+a, truth[b]+b) })
		for _, name := range sorted {
			fmt.Printf("  %-28s %s  %.70q\n", truth[name], name, titles[name])
		}
		shared := map[string]int{}
		for i, a := range m.s {
			for _, b := range m.s[i+1:] {
				if truth[a] == truth[b] {
					continue
				}
				for t := range terms[a] {
					if terms[b][t] {
						shared[t]++
					}
				}
			}
		}
		ts := slices.Collect(maps.Keys(shared))
		slices.SortFunc(ts, func(a, b string) int {
			if c := df[a] - df[b]; c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		fmt.Print("  shared across true stories (df):")
		for _, t := range ts[:min(20, len(ts))] {
			fmt.Printf(" %s(%d)", t, df[t])
		}
		fmt.Println()
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// addCopies writes n more edited copies into an archive, as a day's new
// articles.
func addCopies(src, out string, n int) error {
	stories, err := readCorpus(src)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	for i := range n {
		s := stories[rng.IntN(len(stories))]
		k := rng.IntN(len(s.texts))
		name := fmt.Sprintf("added-%d-%d.txt", time.Now().UnixNano(), i)
		if err := os.WriteFile(filepath.Join(out, name), []byte(edit(rng, s.texts[k], 1000+i)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// findStory prints the number (as --story takes it) of the story whose
// size is nearest to size, the first such, its size, and the ids of its
// first two articles.
func findStory(dir string, size int) error {
	a, err := archive.Open(context.Background(), dir, archive.Options{NoRefresh: true})
	if err != nil {
		return err
	}
	defer a.Close()
	best := -1
	for i, s := range a.Stories() {
		if len(s.Entries) >= 2 && (best < 0 || abs(len(s.Entries)-size) < abs(len(a.Stories()[best].Entries)-size)) {
			best = i
		}
	}
	if best < 0 {
		return fmt.Errorf("no story of two articles or more")
	}
	s := a.Stories()[best]
	fmt.Println(best+1, len(s.Entries), s.Entries[0].Article, s.Entries[1].Article)
	return nil
}

func abs(x int) int { return max(x, -x) }

// printMedians prints the median time of each command of a hyperfine JSON
// export.
func printMedians(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc struct {
		Results []struct {
			Command string
			Median  float64
			Mean    float64
			Stddev  float64
			Min     float64
			Max     float64
			User    float64
			System  float64
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return err
	}
	// CPU time beside wall time: on a shared machine a run waits for a
	// core, and the wait is in the wall time only.
	fmt.Println("| command | median | mean ± σ | min | max | CPU (user + system), mean |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range doc.Results {
		ms := func(s float64) string { return fmt.Sprintf("%.1f ms", 1000*s) }
		fmt.Printf("| `%s` | **%s** | %s ± %s | %s | %s | %s (%s + %s) |\n", r.Command, ms(r.Median), ms(r.Mean), ms(r.Stddev), ms(r.Min), ms(r.Max),
			ms(r.User+r.System), ms(r.User), ms(r.System))
	}
	return nil
}
