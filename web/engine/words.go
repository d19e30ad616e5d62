package engine

import "github.com/candor-app/candor/words"

// StaticWords are the words of the page's HTML (web/page.html) in p's language, by their
// place in it: what shows before its script has run, or without it. The page's script draws
// the title and the bar's buttons again in a language chosen on the first screen.
func StaticWords(p *words.Printer) map[string]string {
	return map[string]string{
		"title":    p.T("Questions"),
		"download": p.T("Download my answers"),
		"leave":    p.T("Leave this page"),
		"loading":  p.T("Loading the questions…"),
		"noscript": p.T("These questions need JavaScript, which is turned off in this browser. Please turn it on for this file, or ask for the questions on paper."),
	}
}
