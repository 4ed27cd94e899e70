package archive

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// sidecarName is the file of per-file metadata a directory may hold; when
// it changes, every article of its directory is read again.
const sidecarName = "meta.json"

// putBatch is the number of records written in one transaction: large
// enough that a transaction's cost is spread, small enough that an
// interrupted build keeps most of its work and memory stays flat.
const putBatch = 5000

// groupBatch is the number of groupings written in one transaction.
const groupBatch = 5000

// Progress is how far a refresh has got.
type Progress struct {
	Phase       string // "reading" or "grouping"
	Done, Total int
}

// diskFile is a file found on disk.
type diskFile struct {
	FileState
	sidecar bool
	link    bool // a symbolic link
	// problem is why the listing skips the file without reading it, as
	// corpus.LoadDir does: a link to a folder, or to a file read under
	// another name (see corpus.IsListingProblem).
	problem string
}

// scan walks the archive's root for article files and sidecars, leaving
// out hidden files and directories (the index's own among them) and README
// files, as corpus.LoadDir does. Directories are listed unsorted (sorting
// 100,000 names is a tenth of an unchanged archive's refresh, and the
// caller needs no order), and files are stat'ed by a pool of workers: on
// a large archive that is most of a refresh's cost when nothing changed.
//
// It also returns each directory's modification time as it was before the
// directory was listed (see focus.go).
func scan(ctx context.Context, root string) ([]diskFile, map[string]time.Time, error) {
	var files []diskFile
	times := map[string]time.Time{}
	dirs := []string{"."}
	for len(dirs) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		dir := dirs[len(dirs)-1]
		dirs = dirs[:len(dirs)-1]
		ents, mtime, err := readDir(filepath.Join(root, filepath.FromSlash(dir)))
		switch {
		case err == nil:
		case dir == ".":
			return nil, nil, err
		case errors.Is(err, fs.ErrNotExist):
			continue // gone since its folder was listed
		default:
			// An unreadable directory: its files are not listed, and
			// it is said, as corpus.LoadDir says it. A story folder
			// made unreadable left the index in silence, its articles
			// taken for removed ("58 articles", where there were 60).
			files = append(files, diskFile{FileState: FileState{Path: dir}, problem: corpus.ReadProblem(err)})
			continue
		}
		times[dir] = mtime
		files = slices.Grow(files, len(ents))
		for _, d := range ents {
			name := d.name
			if strings.HasPrefix(name, ".") {
				continue
			}
			p := name
			if dir != "." {
				p = dir + "/" + name
			}
			if d.dir {
				dirs = append(dirs, p)
				continue
			}
			link := d.link
			if link {
				// Not followed, as the loader does not follow one, but
				// said: a link to a folder skipped in silence looked like
				// a folder lost.
				if info, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err == nil && info.IsDir() {
					files = append(files, diskFile{FileState: FileState{Path: p}, link: true, problem: corpus.LinkToFolder})
					continue
				}
			}
			sidecar := name == sidecarName
			if !sidecar && !corpus.IsArticleName(name) {
				continue
			}
			files = append(files, diskFile{FileState: FileState{Path: p}, sidecar: sidecar, link: link})
		}
	}
	statFiles(ctx, root, files)
	if ctx.Err() == nil {
		readOnce(root, files)
	}
	return files, times, ctx.Err()
}

// statChunk is how many files a worker of statFiles takes at a time:
// consecutive files, so mostly of one directory.
const statChunk = 1024

// statFiles gives each of files its size and modification time, with a
// pool of one worker per processor, following symbolic links as the
// loader does; a file that cannot be stat'ed keeps none. Each worker
// takes statChunk files at a time and, where it can, stats them by name
// in their directory (dirStat) rather than by their path from the root:
// at 100,000 files the stats are the floor of a refresh.
func statFiles(ctx context.Context, root string, files []diskFile) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			d := dirStat{root: root}
			defer d.close()
			for ctx.Err() == nil {
				start := int(next.Add(statChunk)) - statChunk
				if start >= len(files) {
					return
				}
				for i := start; i < min(start+statChunk, len(files)); i++ {
					f := &files[i]
					var denied bool
					f.Size, f.ModTime, denied = d.stat(f.Path)
					// Said as reading it would say it.
					if denied && f.problem == "" {
						f.problem = corpus.ReadProblem(&fs.PathError{Op: "open", Path: f.Path, Err: syscall.EACCES})
					}
				}
			}
		})
	}
	wg.Wait()
}

// readOnce gives each symbolic link to an article file that another name
// in the archive reaches the problem that skips it, as corpus.LoadDir
// skips it: one file is one article however many names reach it.
//
// os.SameFile, which tells, needs what os.Stat gives; but a file can be
// the one a link reaches only if it has the link's size and time, which
// statFiles gave every file by name. So only the links, and the files of
// a link's size and time, are stat'ed again by their path: an archive
// with a link among a hundred thousand files keeps statFiles' pace.
// SameFileLinks sorts each size and time's files apart from the others,
// so it finds of these what it would of all.
func readOnce(root string, files []diskFile) {
	type sizeTime struct {
		size  int64
		mtime int64
	}
	keyOf := func(f *diskFile) sizeTime { return sizeTime{f.Size, f.ModTime.UnixNano()} }
	linked := map[sizeTime]bool{}
	for i := range files {
		if f := &files[i]; f.link && !f.sidecar && f.problem == "" && !f.ModTime.IsZero() {
			linked[keyOf(f)] = true
		}
	}
	if len(linked) == 0 {
		return
	}
	var paths []string
	var link []bool
	var infos []fs.FileInfo
	var index []int
	for i := range files {
		f := &files[i]
		if f.sidecar || f.problem != "" || f.ModTime.IsZero() || !linked[keyOf(f)] {
			continue
		}
		info, err := os.Stat(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			continue // gone since: it reaches nothing
		}
		paths = append(paths, f.Path)
		link = append(link, f.link)
		infos = append(infos, info)
		index = append(index, i)
	}
	for i, msg := range corpus.SameFileLinks(paths, link, infos) {
		files[index[i]].problem = msg
	}
}

// dirEntry is an entry of a directory as scan needs it: its name, and
// whether it is a directory or a symbolic link (not followed).
type dirEntry struct {
	name      string
	dir, link bool
}

// refresh brings the store up to date with disk, the files found under
// root, given stored, what the store held (its Entries): new and changed
// files are read and indexed, deleted ones dropped, and every article not
// yet grouped is grouped. It reports whether the store changed, and the
// paths of the files found with a new modification time and the same
// bytes: their records changed only in that time.
func refresh(ctx context.Context, root string, store Store, stored []Entry, disk []diskFile, opts Options) (changed bool, touched []string, err error) {
	index := make(map[string]int, len(stored))
	for i, e := range stored {
		index[e.Path] = i
	}
	seen := make([]bool, len(stored))
	// at is each disk file's place in stored, -1 for none: looked up once,
	// as 100,000 lookups are a good part of refreshing an unchanged archive.
	at := make([]int32, len(disk))

	// A changed sidecar changes the metadata of every article beside it.
	dirtyDirs := map[string]bool{}
	var sidecarsMoved []string // known sidecars of a new size or time
	for j, f := range disk {
		i, ok := index[f.Path]
		at[j] = -1
		if ok {
			seen[i] = true
			at[j] = int32(i)
		}
		switch {
		case !f.sidecar:
		case !ok:
			dirtyDirs[path.Dir(f.Path)] = true
		case f.problem != stored[i].Problem && (f.problem != "" || stored[i].unreadable()):
			// Made unreadable, or readable again, its size and time
			// the same: the articles beside it lose, or get back,
			// what it says of them.
			dirtyDirs[path.Dir(f.Path)] = true
		case !stored[i].unchanged(f.FileState):
			sidecarsMoved = append(sidecarsMoved, f.Path)
		}
	}
	if len(sidecarsMoved) > 0 {
		// Its bytes tell, as they tell an article's: a meta.json
		// touched, copied with the folder or checked out again had
		// every article beside it read and grouped again, a whole
		// archive for one at its root.
		hashes, err := store.Hashes(ctx, sidecarsMoved)
		if err != nil {
			return false, nil, err
		}
		for _, p := range sidecarsMoved {
			old := hashes[p]
			if old == nil || !bytes.Equal(old, fileHash(filepath.Join(root, filepath.FromSlash(p)))) {
				dirtyDirs[path.Dir(p)] = true
			}
		}
	}
	removed := map[string]bool{} // stored files gone or about to be replaced
	var gone []string
	for i, e := range stored {
		if seen[i] {
			continue
		}
		gone = append(gone, e.Path)
		removed[e.Path] = true
		if path.Base(e.Path) == sidecarName {
			dirtyDirs[path.Dir(e.Path)] = true
		}
	}
	if len(gone) > 0 {
		if err := store.Delete(ctx, gone); err != nil {
			return false, nil, err
		}
	}

	var work []job
	var knownPaths []string
	for j, f := range disk {
		i, ok := int(at[j]), at[j] >= 0
		force := len(dirtyDirs) > 0 && dirtyDirs[path.Dir(f.Path)]
		retry := ok && stored[i].unreadable()
		if ok && !force && !retry && stored[i].current(f) {
			continue
		}
		j := job{file: f, known: ok, force: force}
		if retry {
			j.oldProblem = stored[i].Problem
		}
		work = append(work, j)
		if ok {
			knownPaths = append(knownPaths, f.Path)
		}
	}
	// In path order, as the store gives ids in the order records are put
	// and grouping breaks ties by id: the same files give the same stories
	// whatever order the directory lists them in.
	slices.SortFunc(work, func(a, b job) int { return strings.Compare(a.file.Path, b.file.Path) })
	// Hashes only of the files whose time or size changed: reading all of
	// them would cost every refresh a pass over the index.
	if len(knownPaths) > 0 {
		hashes, err := store.Hashes(ctx, knownPaths)
		if err != nil {
			return false, nil, err
		}
		for i := range work {
			work[i].oldHash = hashes[work[i].file.Path]
		}
	}
	replaced, touched, same, err := readAll(ctx, root, store, work, opts)
	if err != nil {
		return false, nil, err
	}
	for _, p := range replaced {
		removed[p] = true
	}
	grouped, err := groupAll(ctx, store, opts, groupCounts(stored, removed))
	// Another newsdiff refreshing the archive at once wrote the index
	// while these articles were grouped: what this one grouped was
	// grouped against an index that is no more, and writing it beside
	// the other's groupings split stories apart. It is grouped again
	// from the index as it is, the articles the other grouped left
	// alone; each time, one of the two has written a batch.
	for errors.Is(err, errGroupedMeanwhile) {
		var now []Entry
		if now, err = store.Entries(ctx); err != nil {
			break
		}
		_, err = groupAll(ctx, store, opts, groupCounts(now, nil))
		grouped = true // the index changed under this refresh, at the least
	}
	return len(gone) > 0 || len(work) > same || grouped, touched, err
}

// unreadable reports whether e is a file that could not be read when it
// was last looked at (permission denied, an I/O error): unlike a binary,
// empty or oversized file, it is read again by every refresh, as what
// kept it from being read (its mode, its owner, the disk) changes without
// changing its size or time. A file made readable was said to be
// "cannot read: permission denied", and left out, until it was edited.
func (e Entry) unreadable() bool {
	return e.Skipped && strings.HasPrefix(e.Problem, cannotRead)
}

// cannotRead heads the problem of a file whose reading failed, as
// corpus.ReadProblem words it.
const cannotRead = "cannot read: "

// unchanged reports whether f is still the file e records, as far as
// its size and modification time tell: a refresh reads the file again
// only when it is not, and Stale and a focused refresh must judge a
// file by the same test. Times are compared as the index stores them, in
// nanoseconds: a file that cannot be stat'ed (a symbolic link to nothing)
// has the zero time, which nanoseconds cannot represent, and it never
// compared equal once stored, so every look indexed it again.
func (e Entry) unchanged(f FileState) bool {
	return e.Size == f.Size && e.ModTime.UnixNano() == f.ModTime.UnixNano()
}

// current reports whether e is still what the listing found of f: the
// file unchanged, and skipped by the listing exactly when it is now. A
// link whose twin was removed is read, though neither file changed.
func (e Entry) current(f diskFile) bool {
	if !e.unchanged(f.FileState) {
		return false
	}
	if f.problem != "" {
		return e.Skipped && e.Problem == f.problem
	}
	if e.unreadable() {
		// The listing finds nothing in its way now (a file made
		// readable again): a reader's check of its files said nothing
		// had changed.
		return false
	}
	return !(e.Skipped && corpus.IsListingProblem(e.Problem))
}

// counts is what grouping needs to know of the articles grouped before:
// the size of each story group and how many articles the document
// frequencies count.
type counts struct {
	sizes map[int64]int
	docs  int
}

// groupCounts counts the grouped articles of stored, leaving out removed
// ones, from the listing the refresh has already read: asking the store
// would be a pass over every article on each refresh that adds one.
func groupCounts(stored []Entry, removed map[string]bool) counts {
	c := counts{sizes: map[int64]int{}}
	for _, e := range stored {
		if e.Group == 0 || removed[e.Path] {
			continue
		}
		c.sizes[e.Group]++
		if e.Story == "" && !e.Skipped {
			c.docs++
		}
	}
	return c
}

// job is one file to read.
type job struct {
	file    diskFile
	known   bool   // the store has a record of it
	oldHash []byte // the hash the store has
	force   bool   // read it again even if its bytes are the same
	// oldProblem is why the store's record says the file could not be
	// read, when it is read again for that alone (Entry.unreadable).
	oldProblem string
}

// result is what reading one file gives: a record to put, or only a new
// modification time when the bytes had not changed.
type result struct {
	rec   Record
	touch bool
	// gone says that the file was removed after the folder was listed
	// and before it was read: it is dropped, not stored as skipped.
	gone bool
	// same says that a file read again because it could not be read
	// still cannot be, for the same reason: its record stands, and the
	// index does not change (a new generation would have every command
	// read the listing again, and the reader say the list changed).
	same bool
}

// largeFileBytes is the size past which a file is read and segmented by
// one worker at a time. Segmenting holds some 25 bytes a byte of text
// while it runs (a 5 MiB file of two-word sentences, 130 MB): two such
// files at once took indexing a folder of them to 455 MiB of RSS. A news
// article is some 10 KB, so an archive's files still use every core.
const largeFileBytes = 1 << 20

// readAll reads the files of work with a bounded pool of workers and writes
// what they give in batches, in work's order. It returns the paths of the
// stored records it replaced, and of those it only touched (see write),
// and how many files it read again only to find them as unreadable as
// their records say (result.same).
func readAll(ctx context.Context, root string, store Store, work []job, opts Options) (replaced, touched []string, same int, err error) {
	if len(work) == 0 {
		return nil, nil, 0, nil
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	// Results go to slots of a window of putBatch jobs, so memory holds
	// one batch of articles' text at a time, whatever the archive's size.
	results := make([]result, len(work))
	done := make(chan int, workers)
	var wg sync.WaitGroup
	var large sync.Mutex // held while a large file is read (see largeFileBytes)
	// Each folder's meta.json is read once for the files beside it, not
	// once per file.
	sidecars := new(corpus.Files)
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				big := work[i].file.Size > largeFileBytes
				if big {
					large.Lock()
				}
				results[i] = readOne(root, work[i], sidecars)
				if r := &results[i]; work[i].oldProblem != "" && !r.gone && r.rec.Skipped && r.rec.Problem == work[i].oldProblem {
					r.same = true
				}
				if big {
					large.Unlock()
				}
				done <- i
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range work {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()

	finished := make([]bool, len(work))
	next := 0  // the first job not yet written
	ready := 0 // every job before it has finished
	count := 0
	for i := range done {
		finished[i] = true
		count++
		report(opts, Progress{"reading", count, len(work)})
		for ready < len(work) && finished[ready] {
			ready++
		}
		for err == nil && next < len(work) && (ready-next >= putBatch || ready == len(work)) {
			end := min(len(work), next+putBatch)
			for _, r := range results[next:end] {
				if r.same {
					same++
				}
			}
			var r, t []string
			r, t, err = write(ctx, store, work[next:end], results[next:end])
			replaced = append(replaced, r...)
			touched = append(touched, t...)
			clear(results[next:end]) // let the batch's text go
			next = end
		}
		if err != nil {
			cancel()
		}
	}
	if err != nil {
		return nil, nil, 0, err
	}
	return replaced, touched, same, ctx.Err()
}

// write stores one batch: changed files lose their old record first, so
// that their terms leave the document frequencies, and files gone since
// the folder was listed lose theirs. It returns the paths of the records
// it replaced or removed, and of those whose files it found with a new
// modification time and the same bytes, which keep their records but for
// that time.
func write(ctx context.Context, store Store, work []job, results []result) (replaced, touched []string, err error) {
	var puts []Record
	var touches []FileState
	for i, r := range results {
		switch {
		case r.same:
			// As the store has it.
		case r.gone:
			if work[i].known {
				replaced = append(replaced, r.rec.Path)
			}
		case r.touch:
			touches = append(touches, r.rec.FileState)
			touched = append(touched, r.rec.Path)
		default:
			if work[i].known {
				replaced = append(replaced, r.rec.Path)
			}
			puts = append(puts, r.rec)
		}
	}
	if len(touches) > 0 {
		if err := store.Touch(ctx, touches); err != nil {
			return nil, nil, err
		}
	}
	if len(replaced) > 0 {
		if err := store.Delete(ctx, replaced); err != nil {
			return nil, nil, err
		}
	}
	if len(puts) > 0 {
		if err := store.Put(ctx, puts); err != nil {
			return nil, nil, err
		}
	}
	return replaced, touched, nil
}

// vanished reports whether nothing has the name abs any more. A link to
// nothing still has it, and is a problem to say.
func vanished(abs string) bool {
	_, err := os.Lstat(abs)
	return errors.Is(err, fs.ErrNotExist)
}

// fileHash is the SHA-256 of the file at abs, nil if it cannot be read.
func fileHash(abs string) []byte {
	raw, err := os.ReadFile(abs)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(raw)
	return sum[:]
}

// readOne reads and indexes one file, with the meta.json of its folder
// as sidecars reads it.
func readOne(root string, j job, sidecars *corpus.Files) result {
	f := j.file
	if f.problem != "" {
		return result{rec: Record{FileState: f.FileState, Skipped: true, Problem: f.problem}}
	}
	abs := filepath.Join(root, filepath.FromSlash(f.Path))
	if f.sidecar {
		// A sidecar is remembered, so that its change is noticed, with
		// what is wrong with it: said once, of it, not of every article
		// beside it.
		rec := Record{FileState: f.FileState, Skipped: true}
		rec.Hash = fileHash(abs)
		if j.known && !j.force && rec.Hash != nil && bytes.Equal(j.oldHash, rec.Hash) {
			return result{rec: Record{FileState: rec.FileState}, touch: true}
		}
		if p := corpus.SidecarProblem(abs); p != nil {
			rec.Problem = p.Detail()
		}
		return result{rec: rec}
	}
	// Read once: the bytes hashed are the bytes loaded. Reading the file
	// to hash it and again to load it read every file of a first index
	// twice, and a file that changed between the two was indexed with
	// the other's hash.
	raw, err := corpus.ReadFile(abs)
	var a *corpus.Article
	var problems []corpus.Problem
	if err == nil {
		sum := sha256.Sum256(raw)
		f.Hash = sum[:]
		if j.known && !j.force && bytes.Equal(j.oldHash, f.Hash) {
			return result{rec: Record{FileState: f.FileState}, touch: true}
		}
		a, problems, err = sidecars.LoadBytes(abs, raw)
	}
	rec := Record{FileState: f.FileState}
	if err != nil && vanished(abs) {
		// Removed while the refresh ran (a day's articles tidied during
		// newsdiff index): stored as skipped, it was a problem of the
		// folder, "cannot read: no such file or directory", until the
		// next refresh dropped it.
		return result{rec: rec, gone: true}
	}
	var msgs []string
	for _, p := range problems {
		if p.Path == abs { // the sidecar's are its own record's
			msgs = append(msgs, p.Detail())
		}
	}
	var p corpus.Problem
	switch {
	case errors.As(err, &p): // a symbolic link to nothing among them
		rec.Skipped, rec.Problem = true, p.Detail()
		return result{rec: rec}
	case err != nil:
		rec.Skipped, rec.Problem = true, corpus.ReadProblem(err)
		return result{rec: rec}
	case a == nil:
		rec.Skipped, rec.Problem = true, "no article"
		return result{rec: rec}
	}
	rec.Problem = strings.Join(msgs, "; ")
	rec.ID, rec.Outlet, rec.Title, rec.URL, rec.Date, rec.Words = a.ID, a.Outlet, a.Title, a.URL, a.Date, a.Words
	dir := path.Dir(f.Path)
	folder := filepath.Base(filepath.Dir(abs))
	named := a.Story != folder
	if dir == "." {
		// The loader makes the folder's name a label for the story of a
		// file that names none: as it is on disk ("E\u0301lections", two
		// spaces) it was never that, and every file of such a folder
		// was one story, never grouped by content. (A story folder so
		// named stays named by its label, as it was.)
		named = a.Story != corpus.Label(folder)
	}
	switch {
	case named:
		rec.Story = a.Story // named by its metadata
	case dir != ".":
		rec.Story = dir // a story folder
	default:
		// Directly in the root with no story named: grouped by content.
		rec.Sig = signatureOf(story.GroupTerms(a))
	}
	rec.Text = a.Text(a.Body)
	return result{rec: rec}
}

// groupAll groups every article the store has not grouped yet, one at a
// time in path order, and reports whether there were any. before counts
// the articles grouped before.
func groupAll(ctx context.Context, store Store, opts Options, before counts) (_ bool, err error) {
	pending, err := store.Ungrouped(ctx)
	if err != nil || len(pending) == 0 {
		return false, err
	}
	w := &weights{df: map[uint32]int32{}, docs: before.docs}
	if len(pending)*lazyDocFreq < before.docs {
		// A few articles added to a large archive: the frequencies of
		// their terms and their candidates' are read as they are needed.
		w.store = store
		if err := w.need(ctx, pending...); err != nil {
			return true, err
		}
	} else if w.df, w.docs, err = store.DocFreq(ctx); err != nil {
		return true, err
	}
	// Every article about to be grouped counts in the weights from the
	// start, so that a first build weighs terms as a folder load does.
	for i := range pending {
		w.add(&pending[i])
	}
	g := newGrouper(store, w, before.sizes)
	hadGroups := len(before.sizes) > 0
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// When the store held no groups, the grouper never asks it anything,
	// so the batches are written by a goroutine of their own while the
	// next ones are grouped: on a first build the two take about as long
	// as each other, and each has a core. Otherwise they take turns, as
	// the store serves one goroutine at a time.
	writer := syncWriter(store)
	if !hadGroups {
		var wait func() error
		writer, wait = asyncWriter(ctx, cancel, store)
		defer func() {
			if werr := wait(); err == nil {
				err = werr
			}
		}()
	}
	var batch []Grouping
	delta := map[uint32]int32{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := writer(ctx, batch, delta)
		batch, delta = nil, map[uint32]int32{}
		return err
	}
	for i := range pending {
		if err := ctx.Err(); err != nil {
			return true, cause(ctx)
		}
		gr, err := g.group(ctx, &pending[i], hadGroups)
		if err != nil {
			return true, err
		}
		batch = append(batch, gr)
		for _, t := range pending[i].Terms {
			delta[t]++
		}
		if len(batch) == groupBatch {
			if err := flush(); err != nil {
				return true, err
			}
		}
		report(opts, Progress{"grouping", i + 1, len(pending)})
	}
	return true, flush()
}

// groupWriter writes one batch of groupings; it may keep gs and df.
type groupWriter func(ctx context.Context, gs []Grouping, df map[uint32]int32) error

func syncWriter(store Store) groupWriter { return store.SetGroups }

// asyncWriter writes batches on a goroutine of its own, one at most
// waiting, so that memory holds at most three batches. The first error
// cancels ctx with it as the cause; wait, safe to call more than once,
// stops the goroutine and returns that error.
func asyncWriter(ctx context.Context, cancel context.CancelCauseFunc, store Store) (write groupWriter, wait func() error) {
	type batch struct {
		gs []Grouping
		df map[uint32]int32
	}
	queue := make(chan batch, 1)
	done := make(chan struct{})
	var werr error
	go func() {
		defer close(done)
		for b := range queue {
			if werr != nil {
				continue
			}
			if werr = store.SetGroups(ctx, b.gs, b.df); werr != nil {
				cancel(werr)
			}
		}
	}()
	write = func(ctx context.Context, gs []Grouping, df map[uint32]int32) error {
		select {
		case queue <- batch{gs, df}:
			return nil
		case <-ctx.Done():
			return cause(ctx)
		}
	}
	var once sync.Once
	wait = func() error {
		once.Do(func() { close(queue) })
		<-done
		return werr
	}
	return write, wait
}

// cause is why ctx was cancelled: a writer's error, or the caller's.
func cause(ctx context.Context) error {
	if c := context.Cause(ctx); c != nil {
		return c
	}
	return ctx.Err()
}

func report(opts Options, p Progress) {
	if opts.Progress != nil {
		opts.Progress(p)
	}
}
