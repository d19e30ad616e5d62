package batch

import (
	"bytes"
	"container/heap"
	"encoding/binary"
	"io"
	"os"
	"slices"
)

// A folder's files are worked on in name order, so every name is read before the first is
// handed out. To keep that small for a folder of hundreds of thousands of files, the names are
// sorted in runs of runLen and each run is kept front-coded: a name is stored as how many
// bytes it shares with the one before and the bytes that differ. Names as `candor take` writes
// them (candor-date-time.yaml) share most of their bytes, so a name takes about 15 bytes instead
// of about 70 as a string. The runs are merged as the names are handed out.
const runLen = 4096

// nameRun is a sorted run of names, front-coded: uvarint(shared), uvarint(len(rest)), rest.
type nameRun []byte

func encodeRun(sorted []string) nameRun {
	var buf []byte
	prev := ""
	for _, n := range sorted {
		shared := 0
		for shared < len(prev) && shared < len(n) && prev[shared] == n[shared] {
			shared++
		}
		buf = binary.AppendUvarint(buf, uint64(shared))
		buf = binary.AppendUvarint(buf, uint64(len(n)-shared))
		buf = append(buf, n[shared:]...)
		prev = n
	}
	return slices.Clip(nameRun(buf))
}

// runReader reads a run's names back in order; cur is the current name.
type runReader struct {
	run nameRun
	cur []byte
}

// next moves to the next name; false at the end of the run.
func (r *runReader) next() bool {
	if len(r.run) == 0 {
		return false
	}
	shared, n := binary.Uvarint(r.run)
	r.run = r.run[n:]
	rest, n := binary.Uvarint(r.run)
	r.run = r.run[n:]
	r.cur = append(r.cur[:shared], r.run[:rest]...)
	r.run = r.run[rest:]
	return true
}

// Names is a folder's file names, sorted; ReadDir makes one.
type Names struct {
	runs    []nameRun
	pending []string // names not yet in a run
	count   int
}

// Len is how many names there are.
func (l *Names) Len() int { return l.count }

// add adds a name; done must be called after the last.
func (l *Names) add(name string) {
	l.pending = append(l.pending, name)
	l.count++
	if len(l.pending) == runLen {
		l.done()
	}
}

// done puts the names added so far into a run.
func (l *Names) done() {
	if len(l.pending) > 0 {
		slices.Sort(l.pending)
		l.runs = append(l.runs, encodeRun(l.pending))
		l.pending = l.pending[:0]
	}
}

// All yields the names in order (byte order, as sort.Strings sorts).
func (l *Names) All() func(yield func(string) bool) {
	return func(yield func(string) bool) {
		h := make(runHeap, 0, len(l.runs))
		for _, run := range l.runs {
			r := &runReader{run: run}
			if r.next() {
				h = append(h, r)
			}
		}
		heap.Init(&h)
		for len(h) > 0 {
			r := h[0]
			if !yield(string(r.cur)) {
				return
			}
			if r.next() {
				heap.Fix(&h, 0)
			} else {
				heap.Pop(&h)
			}
		}
	}
}

// runHeap orders run readers by their current name.
type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return bytes.Compare(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ReadDir returns the names in dir that match (not folders, pipes or devices), sorted,
// reading the folder a batch of entries at a time.
func ReadDir(dir string, match func(name string) bool) (*Names, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &Names{}
	for {
		entries, err := f.ReadDir(1024)
		for _, e := range entries {
			// Not folders, pipes or devices: reading a FIFO named x.yaml would wait for ever.
			if match(e.Name()) && e.Type()&(os.ModeDir|os.ModeNamedPipe|os.ModeDevice|os.ModeCharDevice|os.ModeSocket) == 0 {
				l.add(e.Name())
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	l.done()
	l.pending = nil
	return l, nil
}
