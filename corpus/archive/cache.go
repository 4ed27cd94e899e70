package archive

import (
	"container/list"
	"context"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Cache holds read articles and comparisons, least recently used first out,
// within a budget of bytes. It is safe for concurrent use. Sizes are
// estimates from the article's length and the comparison's blocks and
// ops, not measurements: they bound memory to within a small factor, which
// is what a budget needs.
//
// It is written here rather than taken from a library because the LRU
// caches at hand count entries, and an archive's articles range from a
// paragraph to five megabytes: only a budget in bytes bounds memory.
type Cache struct {
	mu    sync.Mutex
	limit int64
	used  int64
	order *list.List // of *cacheItem, most recent at the front
	items map[cacheKey]*list.Element
}

type cacheKey struct {
	left, right string // a path; right is empty for an article
}

type cacheItem struct {
	key  cacheKey
	size int64
	art  *corpus.Article
	cmp  *compare.Comparison
}

// NewCache returns an empty cache of at most limit bytes.
func NewCache(limit int64) *Cache {
	return &Cache{limit: limit, order: list.New(), items: map[cacheKey]*list.Element{}}
}

// Used returns the bytes the cache holds, by its estimate.
func (c *Cache) Used() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Len returns the number of articles and comparisons the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

func (c *Cache) get(k cacheKey) *cacheItem {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*cacheItem)
	}
	return nil
}

// put adds an item, evicting the least recently used until the budget
// holds. An item larger than the whole budget is returned to its caller
// but not kept.
func (c *Cache) put(it *cacheItem) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[it.key]; ok {
		// A comparison made again of articles read again replaces the
		// one made of their evicted copies.
		c.order.Remove(el)
		delete(c.items, it.key)
		c.used -= el.Value.(*cacheItem).size
	}
	if it.size > c.limit {
		return
	}
	c.items[it.key] = c.order.PushFront(it)
	c.used += it.size
	for c.used > c.limit {
		el := c.order.Back()
		old := el.Value.(*cacheItem)
		c.order.Remove(el)
		delete(c.items, old.key)
		c.used -= old.size
	}
}

// Article returns the article in the file at path, read and segmented on
// first use.
func (c *Cache) Article(ctx context.Context, path string) (*corpus.Article, error) {
	k := cacheKey{left: path}
	if it := c.get(k); it != nil {
		return it.art, nil
	}
	a, err := readArticle(ctx, path)
	if err != nil {
		return nil, err
	}
	c.put(&cacheItem{key: k, art: a, size: compare.ArticleBytes(a)})
	return a, nil
}

// readArticle reads and segments the file at path, which must hold an
// article: the cache and the reader's listing read a text the same way.
func readArticle(ctx context.Context, path string) (*corpus.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a, _, err := corpus.LoadFile(path)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, corpus.Problem{Path: path, Offset: -1, Msg: "no article"}
	}
	return a, nil
}

// Compare returns the comparison of x and y, made on first use.
func (c *Cache) Compare(ctx context.Context, x, y *corpus.Article) (*compare.Comparison, error) {
	k := cacheKey{left: x.Source, right: y.Source}
	if it := c.get(k); it != nil && it.cmp.Left == x && it.cmp.Right == y {
		return it.cmp, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cmp, err := compare.Compare(ctx, x, y)
	if err != nil {
		return nil, err
	}
	c.put(&cacheItem{key: k, cmp: cmp, size: cmp.Bytes()})
	return cmp, nil
}
