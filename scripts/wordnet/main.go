// Command wordnet writes the lexicon table that corpus/lexicon is made
// from, from the WordNet 3.0 database files (Debian's wordnet-base package
// installs them in /usr/share/wordnet). The lexicon embeds a compact copy
// of it, table.bin, which its test makes (go test ./corpus/lexicon -run
// TestTableIndex -update) and checks against the table.
//
//	go run ./scripts/wordnet -dict /usr/share/wordnet -o corpus/lexicon/wordnet.tsv
//
// The table has one line per word, sorted bytewise:
//
//	word TAB parts TAB groups TAB lemmas
//
// parts is the set of parts of speech WordNet lists the word under as a
// lemma ("n", "v", "a", "r"), so that the lexicon's rules can tell a real
// stem from a made-up one. groups are the numbers of the related-word groups
// the word belongs to; two words are related when they share a group:
//
//   - a derivational family: the words WordNet links by a derivation ("+":
//     hack, hacker; deny, denial) or a pertainym ("\": Russian, Russia),
//     joined transitively as long as the family stays small (maxFamily);
//     larger families are chains of unrelated senses and are dropped;
//   - a synset, for each word whose sense is among its first maxSenseRank
//     senses, and only for words with at most maxSenses senses in that part
//     of speech: the commonest meanings of fairly specific words. A verb
//     like "take" (42 senses) would otherwise relate to half the language.
//
// WordNet's other links are not followed, though they relate words two
// outlets use for one event (resort, hotel; kill, die; shoot, injure;
// stoplight, light): tried on the development gold (scripts/fitpairs,
// each story scored by a model fitted on the others, 2026-12), none
// paired more paraphrases at the same wrong pairings. The table as it is
// pairs 119 of 365 paraphrase event pairs with 3 wrong of 167. One
// hypernym step for nouns whose hypernym has at most 20 hyponyms: 117,
// 4 wrong of 166. Cause, entailment, verb group, also-see and hypernym
// links, and the first sense of words with more than maxSenses: 115, 4
// of 165. Those and similar-to and compound heads (stoplight: light), a
// second group tier counted at 0.6: 118, 3 of 166. Fewer or more senses
// (maxSenseRank 1 or 3, maxSenses 6) or smaller or larger families
// (maxFamily 6 or 24) moved the figures at one threshold by at most two
// pairs. The broader relations tripled the related words found in the
// gold's paraphrase passages (185 to 519 links), but were no surer a sign
// of one event: the fitted weight on the related feature fell from +0.45
// to -0.02. And most misses are out of a relation's reach: 136 of the 246
// missed paraphrase pairs score under 0.1, where the threshold is 0.55,
// and turning every event word of such a pair from unshared to related
// adds at most 2.2 to its log-odds (the event and related features, and
// no longer sharing only names), short of the 2.4 it needs.
//
// lemmas are WordNet's morphological exceptions for an inflected form
// (went: go; children: child). Only single words are kept; multi-word
// collocations never match a single token.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const (
	// maxSenseRank is how many of a word's senses, commonest first, put it
	// in their synsets' groups. 2 keeps house~home and hack~chop and drops
	// the rare senses that relate "bank" to "trust".
	maxSenseRank = 2
	// maxSenses is the most senses a word may have in a part of speech and
	// still join synonym groups in it.
	maxSenses = 12
	// maxFamily is the largest derivational family kept as one group.
	maxFamily = 12
)

var parts = []struct{ file, letter string }{
	{"noun", "n"}, {"verb", "v"}, {"adj", "a"}, {"adv", "r"},
}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "the WordNet database directory")
	out := flag.String("o", "", "the table to write (default: standard output)")
	flag.Parse()
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "wordnet:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := Generate(*dict, bw); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

type entry struct {
	parts  string
	groups []int
	lemmas []string
}

// synsetKey names a synset across the four data files.
type synsetKey struct {
	part   string
	offset string
}

// Generate reads the WordNet database in dict and writes the table to w.
func Generate(dict string, w io.Writer) error {
	words := map[string]*entry{}
	get := func(word string) *entry {
		e := words[word]
		if e == nil {
			e = &entry{}
			words[word] = e
		}
		return e
	}
	synsetMembers := map[synsetKey][]string{}
	family := newUnionFind()
	type link struct {
		from synsetKey
		src  int
		to   synsetKey
		dst  int
	}
	var links []link

	for _, p := range parts {
		// The data file: synset members and their lexical links.
		err := eachLine(filepath.Join(dict, "data."+p.file), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil // the licence header
			}
			f := strings.Fields(strings.SplitN(line, " | ", 2)[0])
			if len(f) < 4 {
				return fmt.Errorf("data.%s: short line %q", p.file, line)
			}
			key := synsetKey{p.letter, f[0]}
			n, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil {
				return fmt.Errorf("data.%s %s: word count: %v", p.file, f[0], err)
			}
			i := 4
			members := make([]string, n)
			for k := range int(n) {
				members[k] = normalise(f[i])
				i += 2
			}
			synsetMembers[key] = members
			np, err := strconv.Atoi(f[i])
			if err != nil {
				return fmt.Errorf("data.%s %s: pointer count: %v", p.file, f[0], err)
			}
			i++
			for range np {
				sym, off, pos, st := f[i], f[i+1], f[i+2], f[i+3]
				i += 4
				if sym != "+" && sym != `\` {
					continue
				}
				src, _ := strconv.ParseInt(st[:2], 16, 32)
				dst, _ := strconv.ParseInt(st[2:], 16, 32)
				if src == 0 || dst == 0 {
					continue
				}
				if pos == "s" {
					pos = "a"
				}
				links = append(links, link{key, int(src), synsetKey{pos, off}, int(dst)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}

	groupKeys := map[string][]string{} // group key -> member words
	for _, p := range parts {
		err := eachLine(filepath.Join(dict, "index."+p.file), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil
			}
			f := strings.Fields(line)
			word := normalise(f[0])
			if !single(word) {
				return nil
			}
			e := get(word)
			if !strings.Contains(e.parts, p.letter) {
				e.parts += p.letter
			}
			senses, _ := strconv.Atoi(f[2])
			if senses > maxSenses {
				return nil
			}
			offsets := f[len(f)-senses:]
			for _, off := range offsets[:min(maxSenseRank, len(offsets))] {
				k := "s" + p.letter + off
				groupKeys[k] = append(groupKeys[k], word)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := eachLine(filepath.Join(dict, p.file+".exc"), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 || !single(normalise(f[0])) {
				return nil
			}
			e := get(normalise(f[0]))
			for _, l := range f[1:] {
				if l = normalise(l); single(l) && !slices.Contains(e.lemmas, l) {
					e.lemmas = append(e.lemmas, l)
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}

	for _, l := range links {
		from, to := synsetMembers[l.from], synsetMembers[l.to]
		if l.src > len(from) || l.dst > len(to) {
			return fmt.Errorf("link %v:%d -> %v:%d out of range", l.from, l.src, l.to, l.dst)
		}
		a, b := from[l.src-1], to[l.dst-1]
		if single(a) && single(b) && a != b {
			family.union(a, b)
		}
	}
	for word := range family.parent {
		root, size := family.find(word)
		if size <= maxFamily {
			k := "d" + root
			groupKeys[k] = append(groupKeys[k], word)
		}
	}

	// Number the groups that relate two or more words, in key order, so
	// that the table is the same on every run.
	keys := make([]string, 0, len(groupKeys))
	for k, ws := range groupKeys {
		slices.Sort(ws)
		ws = slices.Compact(ws)
		groupKeys[k] = ws
		if len(ws) >= 2 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for id, k := range keys {
		for _, word := range groupKeys[k] {
			e := get(word)
			e.groups = append(e.groups, id)
		}
	}

	sorted := make([]string, 0, len(words))
	for word := range words {
		sorted = append(sorted, word)
	}
	slices.Sort(sorted)
	for _, word := range sorted {
		e := words[word]
		slices.Sort(e.groups)
		e.groups = slices.Compact(e.groups)
		slices.SortFunc(e.lemmas, cmp.Compare)
		ps := []byte(e.parts)
		slices.Sort(ps)
		gs := make([]string, len(e.groups))
		for i, g := range e.groups {
			gs[i] = strconv.Itoa(g)
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", word, ps, strings.Join(gs, ","), strings.Join(e.lemmas, ",")); err != nil {
			return err
		}
	}
	return nil
}

// normalise lower-cases a WordNet word and drops an adjective's syntactic
// marker ("(p)", "(a)", "(ip)").
func normalise(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(w)
}

// single reports whether w is one word as the tokeniser sees it: letters
// and digits with inner hyphens, apostrophes or dots, nothing that would
// break the table's format.
func single(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '\'', r == '.':
		default:
			return false
		}
	}
	return true
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if err := fn(sc.Text()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// unionFind joins words into derivational families, tracking sizes.
type unionFind struct {
	parent map[string]string
	size   map[string]int
}

func newUnionFind() *unionFind {
	return &unionFind{parent: map[string]string{}, size: map[string]int{}}
}

func (u *unionFind) find(w string) (string, int) {
	if _, ok := u.parent[w]; !ok {
		u.parent[w] = w
		u.size[w] = 1
	}
	root := w
	for u.parent[root] != root {
		root = u.parent[root]
	}
	for w != root {
		next := u.parent[w]
		u.parent[w] = root
		w = next
	}
	return root, u.size[root]
}

func (u *unionFind) union(a, b string) {
	ra, sa := u.find(a)
	rb, sb := u.find(b)
	if ra == rb {
		return
	}
	// The smaller name becomes the root when sizes tie, so that the
	// family's key does not depend on map order.
	if sa < sb || sa == sb && rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
}
