// Package batch runs work over many items on every core and hands the results back in the
// items' order (Ordered), lists a large folder's file names in sorted order in little memory
// (ReadDir, Names), and tunes the garbage collector for a large batch (TuneGC). It knows
// nothing of banks or responses: `candor score` feeds it response files, and a table of
// answers could feed it rows.
package batch

import (
	"iter"
	"runtime"
	"sync"
)

// Options tune Ordered.
type Options struct {
	// Workers is how many items are worked on at once; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Size is how many consecutive items a worker takes at a time, so that the hand-over
	// costs little next to the work; 0 chooses it from Count.
	Size int
	// Count is how many items there will be, when known; it only chooses Size (0, unknown,
	// gives batches of one item, so that a slow source is never held back for a batch).
	Count int
	// Wait, when set, is called each time the next result is not ready yet, before Ordered
	// waits for it: the moment to flush output so that it shows. An error stops the run.
	Wait func() error
}

// maxSize bounds a batch chosen from Count; batches are smaller when there are few items, so
// that every worker gets some.
const maxSize = 32

// size is the batch size for opts with n workers.
func (o Options) size(workers int) int {
	if o.Size > 0 {
		return o.Size
	}
	return min(max(o.Count/(16*workers), 1), maxSize)
}

// job is a batch of consecutive items; done receives their results once, in the same order.
type job[T, R any] struct {
	items []T
	done  chan []R
}

// Ordered calls work on every item of items, on several goroutines, and emit with each
// result in the order of items, on the calling goroutine, as soon as that result and every
// one before it are ready. items is read on a goroutine of its own, a batch ahead; at most
// 4 batches a worker are in flight or waiting for an earlier one, so memory stays bounded
// however many items there are.
//
// An error from emit or Wait stops the run: no more items are read or worked on, and
// Ordered returns the error once every worker has stopped. work must not panic.
func Ordered[T, R any](items iter.Seq[T], work func(T) R, emit func(R) error, opts Options) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := opts.size(workers)
	order := make(chan chan []R, 4*workers)
	jobs := make(chan job[T, R], workers)
	stop := make(chan struct{}) // closed when emit fails: no use working on the rest
	go produce(items, size, order, jobs, stop)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				select {
				case <-stop:
					j.done <- nil // stopped: the result is dropped anyway
					continue
				default:
				}
				out := make([]R, len(j.items))
				for i, it := range j.items {
					out[i] = work(it)
				}
				j.done <- out
			}
		})
	}
	err := collect(order, emit, opts.Wait)
	if err != nil {
		close(stop)
		// Let the producer and the workers finish: results still coming are dropped.
		for done := range order {
			<-done
		}
	}
	wg.Wait()
	return err
}

// produce reads items into batches and hands each to the workers, after putting its result
// channel in order, until the items end or stop is closed.
func produce[T, R any](items iter.Seq[T], size int, order chan<- chan []R, jobs chan<- job[T, R], stop <-chan struct{}) {
	defer close(jobs)
	defer close(order)
	batch := make([]T, 0, size)
	send := func() bool {
		done := make(chan []R, 1)
		select {
		case order <- done:
		case <-stop:
			return false
		}
		// done is in order: the job must be handed over even if stop comes now, so that
		// whoever drains order gets its result.
		jobs <- job[T, R]{items: batch, done: done}
		batch = make([]T, 0, size)
		return true
	}
	for it := range items {
		batch = append(batch, it)
		if len(batch) == size && !send() {
			return
		}
	}
	if len(batch) > 0 {
		send()
	}
}

// collect emits the results in order until they end or emit (or wait) fails.
func collect[R any](order <-chan chan []R, emit func(R) error, wait func() error) error {
	for done := range order {
		var out []R
		select {
		case out = <-done:
		default:
			if wait != nil {
				if err := wait(); err != nil {
					return err
				}
			}
			out = <-done
		}
		for _, r := range out {
			if err := emit(r); err != nil {
				return err
			}
		}
	}
	return nil
}
