//go:build js && wasm

// Command wasm is the engine of the page `candor form` writes, for GOOS=js GOARCH=wasm. It
// binds package engine to JavaScript with two functions:
//
//	candorStart(bank Uint8Array, name string, options string) string
//	candorCall(method string, arg string, data Uint8Array|undefined) string
//
// Both return an engine.Reply as JSON. candorStart loads the bank from its exact bytes and
// starts (its reply holds no view: the page has its first screen); candorCall runs one step. When it is ready it calls candorReady(), if the page
// defines it. web/build builds it into web/candor.wasm.gz.
package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall/js"

	"github.com/candor-app/candor/web/engine"
)

var eng *engine.Engine

func main() {
	js.Global().Set("candorStart", js.FuncOf(start))
	js.Global().Set("candorCall", js.FuncOf(call))
	if ready := js.Global().Get("candorReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

func bytesOf(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func errorReply(msg string) string {
	out, _ := json.Marshal(engine.Reply{Error: msg})
	return string(out)
}

// guard turns a panic into an error reply: the Go program must keep running, or every later
// call of the page would fail.
func guard(out *string) {
	if r := recover(); r != nil {
		*out = errorReply(fmt.Sprintf("something went wrong inside candor: %v", r))
	}
}

func start(_ js.Value, args []js.Value) (out any) {
	var s string
	defer func() { out = s }()
	defer guard(&s)
	if len(args) < 3 {
		s = errorReply("candorStart needs the bank, its name and the options")
		return
	}
	var opt engine.Options
	if err := json.Unmarshal([]byte(args[2].String()), &opt); err != nil {
		s = errorReply("bad options: " + err.Error())
		return
	}
	e, err := engine.New(args[1].String(), bytesOf(args[0]), opt, nil)
	if err != nil {
		s = errorReply(err.Error())
		return
	}
	eng = e
	// No view: the page shows the first screen web.Write made, and asks for "view" when it
	// has none; the screen's words are read from the catalogue later, when the page is up.
	s = "{}"
	return
}

func call(_ js.Value, args []js.Value) (out any) {
	var s string
	defer func() { out = s }()
	defer guard(&s)
	if eng == nil || len(args) < 1 {
		s = errorReply("candor has not started")
		return
	}
	method := args[0].String()
	var arg []byte
	if len(args) > 1 && args[1].Type() == js.TypeString {
		arg = []byte(args[1].String())
	}
	var data []byte
	if len(args) > 2 {
		data = bytesOf(args[2])
	}
	s = string(eng.Call(method, arg, data))
	if method == "forget" {
		// Nothing of the answers stays reachable; the page then leaves.
		eng = nil
		runtime.GC()
		debug.FreeOSMemory()
	}
	return
}
