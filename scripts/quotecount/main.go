// Command quotecount counts the quotes `newsdiff quotes` shows (those of
// quote.MinWords words or more, in groups) and how many of them have a
// speaker, over story folders, so that a change to quote extraction or
// attribution can be measured on a corpus:
//
//	go run ./scripts/quotecount ../shared/corpora/stories
//	go run ./scripts/quotecount -list ../shared/corpora/multinews > after.tsv
//
// Each argument is a folder of story folders, each subfolder loaded as one
// story (corpus.LoadDir), or, when it has no subfolders, one story. The
// articles of a story are grouped as the quotes command groups them, up
// to analysis.MaxArticles. The quotes command itself indexes a folder,
// and the index may split a folder of unrelated articles into stories by
// content, so its counts can differ a little from these.
//
// With -list it prints every quote, short ones too, one a line: story,
// article, paragraph (from 1), "short" or "group", speaker, verb, whether
// it is unclosed, and its text, tab-separated, with tabs and line breaks
// in the text made spaces. Two lists diff line by line, so the quotes a
// change affects can be read by hand. The counts go to standard error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
)

func main() {
	list := flag.Bool("list", false, "print every quote, one a line")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: quotecount [-list] FOLDER...")
		os.Exit(2)
	}
	var total counts
	for _, root := range flag.Args() {
		dirs, err := storyDirs(root)
		if err != nil {
			fmt.Fprintln(os.Stderr, "quotecount:", err)
			os.Exit(1)
		}
		for _, dir := range dirs {
			c, _, err := corpus.LoadDir(dir)
			if err != nil {
				fmt.Fprintln(os.Stderr, "quotecount:", err)
				os.Exit(1)
			}
			for _, s := range c.Stories {
				arts := s.Articles
				if len(arts) > analysis.MaxArticles {
					arts = arts[:analysis.MaxArticles]
				}
				total.add(count(os.Stdout, *list, filepath.Base(dir), arts))
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%d quotes, %d with a speaker; %d short, %d with a speaker\n", total.quotes, total.speaker, total.short, total.shortSpeaker)
}

// counts are the quotes of grouped and short quotes, and those with a
// speaker.
type counts struct{ quotes, speaker, short, shortSpeaker int }

func (c *counts) add(d counts) {
	c.quotes += d.quotes
	c.speaker += d.speaker
	c.short += d.short
	c.shortSpeaker += d.shortSpeaker
}

// count groups the quotes of one story's articles, counts them, and with
// list prints each to w.
func count(w io.Writer, list bool, story string, arts []*corpus.Article) counts {
	groups, short := quote.GroupAll(arts)
	var c counts
	var lines []string
	for _, set := range []struct {
		kind   string
		groups []quote.Group
	}{{"group", groups}, {"short", short}} {
		for _, g := range set.groups {
			for _, q := range g.Quotes {
				if set.kind == "group" {
					c.quotes++
					if q.Speaker != "" {
						c.speaker++
					}
				} else {
					c.short++
					if q.Speaker != "" {
						c.shortSpeaker++
					}
				}
				if list {
					lines = append(lines, strings.Join([]string{story, q.Article.ID, fmt.Sprint(q.Para + 1), set.kind, q.Speaker, q.Verb, fmt.Sprint(q.Unclosed), flat(q.Text())}, "\t"))
				}
			}
		}
	}
	slices.Sort(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return c
}

// flat makes tabs and line breaks spaces.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// storyDirs returns the subfolders of root, or root itself when it has
// none, in name order.
func storyDirs(root string) ([]string, error) {
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			dirs = append(dirs, filepath.Join(root, e.Name()))
		}
	}
	if len(dirs) == 0 {
		dirs = []string{root}
	}
	return dirs, nil
}
