package compare

import (
	"unsafe"

	"github.com/newsdiff/newsdiff/corpus"
)

// bytesPerTextByte is what a read article costs in memory per byte of its
// text once segmented into paragraphs, sentences and tokens, its text
// included: 6.2 measured on 3,000 multinews articles with the packed
// tokens (it was 32 before them), rounded up.
const bytesPerTextByte = 7

// ArticleBytes estimates the memory a read article holds: an estimate
// from its length, which is what a budget in bytes needs, not a
// measurement.
func ArticleBytes(a *corpus.Article) int64 {
	if a == nil {
		return 0
	}
	return int64(unsafe.Sizeof(*a)) + int64(len(a.Raw))*bytesPerTextByte
}

// Bytes estimates the memory the comparison holds of its own: its blocks
// and their ops, not its articles.
func (c *Comparison) Bytes() int64 {
	n := int64(unsafe.Sizeof(*c)) + int64(cap(c.Blocks))*int64(unsafe.Sizeof(Block{}))
	if c.stats != nil {
		n += int64(unsafe.Sizeof(countedStats{}))
	}
	for _, b := range c.Blocks {
		n += int64(cap(b.Ops)) * int64(unsafe.Sizeof(Op{}))
	}
	return n
}

// keptBytes is what keeping c in a cache keeps alive: c and its two
// articles, which a reader on an archive may have dropped everywhere
// else. Counting the articles in full overcounts a corpus held in memory
// anyway, which only makes the cache keep fewer pairs.
func keptBytes(c *Comparison) int64 {
	n := c.Bytes() + ArticleBytes(c.Left)
	if c.Right != c.Left {
		n += ArticleBytes(c.Right)
	}
	return n
}
