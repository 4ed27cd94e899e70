// Command factscount measures the facts that disagree (analysis
// Disagreements) on the development gold and on folders of stories:
//
//	go run ./scripts/factscount -events ../shared/corpora/stories/events.tsv \
//	    -stories ../shared/corpora/stories
//	go run ./scripts/factscount -list ../shared/corpora/stories
//	go run ./scripts/factscount -list -sample 30 -seed 1 ../shared/corpora/multinews
//
// Without -list it counts the gold's "… disagree" events (verbatim
// disagree, paraphrase disagree) that the story's facts report: an event
// is reported when one disagreement has mentions in two of its articles
// whose words lie in those articles' marked passages of the event. Each
// event is printed, reported or missed, and the count last.
//
// With -list it prints every disagreement of each story folder named (a
// folder of articles, or a folder of such folders), one story per folder
// and its articles in file order, as the facts command reads a folder of
// stories: the precision side, to be read by eye. -sample N takes N
// folders of those found, drawn with -seed.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

func main() {
	events := flag.String("events", "../shared/corpora/stories/events.tsv", "the gold events file")
	stories := flag.String("stories", "../shared/corpora/stories", "the folder the events file's paths are relative to")
	list := flag.Bool("list", false, "print the disagreements of the story folders named as arguments")
	sample := flag.Int("sample", 0, "with -list, take this many of the story folders found, at random")
	seed := flag.Uint64("seed", 1, "the seed of -sample")
	flag.Parse()
	var err error
	if *list {
		err = listFolders(os.Stdout, flag.Args(), *sample, *seed)
	} else {
		var found, total int
		found, total, err = countGold(os.Stdout, *events, *stories)
		if err == nil {
			fmt.Printf("gold disagree events reported: %d/%d\n", found, total)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "factscount:", err)
		os.Exit(1)
	}
}

// countGold prints, for each "… disagree" event of the gold, whether the
// facts of its story report it, and returns how many are, of how many.
func countGold(w io.Writer, eventsPath, base string) (found, total int, err error) {
	disagree, err := disagreeEvents(eventsPath)
	if err != nil {
		return 0, 0, err
	}
	ss, _, err := gold.Load(eventsPath, base)
	if err != nil {
		return 0, 0, err
	}
	for _, s := range ss {
		var events []string
		for _, art := range s.Articles {
			for e := range art.Events {
				if disagree[e] && !slices.Contains(events, e) {
					events = append(events, e)
				}
			}
		}
		if len(events) == 0 {
			continue
		}
		slices.Sort(events)
		st := &corpus.Story{Name: s.Name}
		for _, art := range s.Articles {
			st.Articles = append(st.Articles, art.A)
		}
		an, err := analysis.Analyze(context.Background(), st, nil)
		if err != nil {
			return 0, 0, err
		}
		for _, e := range events {
			total++
			d, ok := reportedBy(an.Disagreements(), s.Articles, e)
			if !ok {
				fmt.Fprintf(w, "missed    %s\n", e)
				continue
			}
			found++
			fmt.Fprintf(w, "reported  %s  %s\n", e, line(d))
		}
	}
	return found, total, nil
}

// disagreeEvents returns the events of the events file whose kind ends in
// "disagree".
func disagreeEvents(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 4 && !strings.HasPrefix(fields[0], "#") && strings.HasSuffix(fields[1], "disagree") {
			out[fields[0]] = true
		}
	}
	return out, sc.Err()
}

// reportedBy returns the first disagreement with mentions in two articles
// that lie in those articles' passages of event e.
func reportedBy(ds []analysis.Disagreement, arts []*gold.Article, e string) (analysis.Disagreement, bool) {
	for _, d := range ds {
		var in []*corpus.Article
		for _, m := range d.Mentions {
			for _, art := range arts {
				if art.A == m.Article && art.Touched(m.Span)[e] && !slices.Contains(in, m.Article) {
					in = append(in, m.Article)
				}
			}
		}
		if len(in) >= 2 {
			return d, true
		}
	}
	return analysis.Disagreement{}, false
}

// line is a disagreement on one line: its kind, what it is about, and
// each outlet's value.
func line(d analysis.Disagreement) string {
	var b strings.Builder
	b.WriteString(d.Kind.String())
	if d.About != "" {
		b.WriteString(" · " + d.About)
	}
	if d.Act != "" {
		b.WriteString(" · " + d.Act)
	}
	for _, m := range d.Mentions {
		fmt.Fprintf(&b, "  [%s] %q", m.Article.ID, m.Value)
	}
	return termsafe.OneLine(b.String())
}

// listFolders prints the disagreements of each story folder among dirs,
// with the passages they are given in, and their count last.
func listFolders(w io.Writer, dirs []string, sample int, seed uint64) error {
	var folders []string
	for _, dir := range dirs {
		fs, err := storyFolders(dir)
		if err != nil {
			return err
		}
		folders = append(folders, fs...)
	}
	if sample > 0 && sample < len(folders) {
		r := rand.New(rand.NewPCG(seed, seed))
		r.Shuffle(len(folders), func(i, j int) { folders[i], folders[j] = folders[j], folders[i] })
		folders = folders[:sample]
		slices.Sort(folders)
	}
	n := 0
	for _, f := range folders {
		st, err := loadStory(f)
		if err != nil {
			return err
		}
		an, err := analysis.Analyze(context.Background(), st, nil)
		if err != nil {
			return err
		}
		for _, d := range an.Disagreements() {
			n++
			fmt.Fprintf(w, "%s  %s\n", filepath.Base(f), line(d))
			for _, m := range d.Mentions {
				fmt.Fprintf(w, "    [%s] %s\n", m.Article.ID, termsafe.OneLine(m.ContextText()))
			}
		}
	}
	fmt.Fprintf(w, "%d reports in %d stories\n", n, len(folders))
	return nil
}

// storyFolders returns the subfolders of dir, sorted, or dir itself when
// it has none: a folder of stories keeps notes beside them (EVENTS.md)
// that are no story.
func storyFolders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var subs []string
	for _, e := range entries {
		if e.IsDir() {
			subs = append(subs, filepath.Join(dir, e.Name()))
		}
	}
	if len(subs) == 0 {
		return []string{dir}, nil
	}
	return subs, nil
}

// loadStory reads the articles of folder dir, in file order, as one story.
func loadStory(dir string) (*corpus.Story, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	st := &corpus.Story{Name: filepath.Base(dir)}
	for _, e := range entries {
		if e.IsDir() || !corpus.IsArticleName(e.Name()) {
			continue
		}
		a, _, err := corpus.LoadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		st.Articles = append(st.Articles, a)
	}
	return st, nil
}
