// The page of `candor form`. It draws what candor's engine (Go, compiled to WebAssembly)
// says and passes on what the person does; every decision is the engine's. Nothing is sent
// anywhere and nothing is stored in the browser: the answers live in this page's memory
// until the person downloads them.
(function () {
  'use strict';

  var main = document.getElementById('main');
  var progress = document.getElementById('progress');
  var statusLine = document.getElementById('status');
  var fileInput = document.getElementById('answers-file');
  var view = null;
  // unsaved is true while some answer has not been downloaded.
  var unsaved = false;
  var started = false;
  // The largest answers file the engine reads; a larger one is refused before it is read.
  var maxAnswersBytes = 0;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'html') e.innerHTML = attrs[k]; // only HTML the engine escaped
        else if (k === 'onclick') e.addEventListener('click', attrs[k]);
        else e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  // words are the page's own words in the language it was written in (web.Write), for what
  // is drawn before the engine has started; from then on the engine says them.
  var words = {};
  // said are the engine's words without arguments in the page's language, by key (t).
  var said = {};

  // t is the page's message key in the page's language, formatted with args: by the engine
  // (Go's formats and plural rules, the catalogue of package words) once it has started,
  // else from words, with its %s and %d filled in.
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (started) {
      // A message without arguments is asked once for each language (each call into the
      // engine takes about a millisecond on a phone).
      if (!args.length && said.hasOwnProperty(key)) return said[key];
      var reply = JSON.parse(window.candorCall('words', JSON.stringify({ text: key, args: args })));
      if (!reply.error) {
        if (!args.length) said[key] = reply.text || '';
        return reply.text || '';
      }
    }
    var next = 0;
    return (words[key] || key).replace(/%(?:\[(\d+)\])?(?:\.\d+)?([sdfv%])/g, function (m, i, verb) {
      if (verb === '%') return '%';
      var n = i ? Number(i) - 1 : next;
      next = n + 1;
      return verb === 'f' ? Number(args[n]).toFixed(1) : String(args[n]);
    });
  }

  // drawChrome puts the words around the screens in the page's language: the bar's buttons
  // and the title.
  function drawChrome() {
    document.getElementById('leave').textContent = t('Leave this page');
    document.getElementById('download').textContent = t('Download my answers');
    document.title = t('Questions');
  }

  function button(label, onclick, cls) {
    return el('button', { type: 'button', 'class': cls || '', onclick: onclick, text: label });
  }

  function call(method, arg, data) {
    var reply = JSON.parse(window.candorCall(method, JSON.stringify(arg || {}), data));
    if (reply.error) say(reply.error);
    return reply;
  }

  // announce puts text in a live region (aria-live, or role alert) so that it is read out,
  // even when it repeats: a repeated text is cleared, then put back a moment later.
  function announce(node, text) {
    if (text && node.textContent === text) {
      node.textContent = '';
      window.setTimeout(function () { node.textContent = text; }, 30);
      return;
    }
    node.textContent = text;
  }

  // say puts a message in the status line under "Leave this page": it stays in view at the
  // top of the screen (the bar is sticky) and is announced, even when it repeats.
  function say(text) { announce(statusLine, text); }

  // step runs a call that changes the screen, then draws the new screen.
  function step(method, arg) {
    var reply = call(method, arg);
    if (reply.problem) {
      showProblem(reply.problem.message);
      return;
    }
    if (method === 'answer' || method === 'skip' || method === 'decline') unsaved = true;
    if (reply.view) draw(reply.view);
  }

  function showProblem(text) {
    var p = document.getElementById('problem');
    if (p) announce(p, text);
  }

  // focusHeading moves focus to the first thing to read: on the summary, what safety asks
  // first (an urgent message) when there is one, else the screen's title.
  function focusHeading() {
    var h = main.querySelector('.summary .candor-urgent') || main.querySelector('h1'); // words:none: a selector
    if (h) {
      h.setAttribute('tabindex', '-1');
      h.focus();
    }
  }

  function draw(v) {
    view = v;
    main.textContent = '';
    main.setAttribute('data-screen', v.screen);
    say('');
    switch (v.screen) {
      case 'intro': drawIntro(v); break;
      case 'question': drawQuestion(v); break;
      case 'flags': drawFlags(v); break;
      case 'review': drawReview(v); break;
      case 'end': drawEnd(v); break;
    }
    window.scrollTo(0, 0);
    focusHeading();
  }

  function setProgress(text) { progress.textContent = text; }

  function drawIntro(v) {
    var i = v.intro;
    setProgress('');
    if (i.lang) {
      if (document.documentElement.lang !== i.lang) said = {};
      document.documentElement.lang = i.lang;
      document.documentElement.dir = i.rtl ? 'rtl' : 'ltr';
      drawChrome();
    }
    if (i.languages) main.appendChild(languageChooser(i.languages, i.lang));
    main.appendChild(el('h1', { text: i.title }));
    if (i['for']) main.appendChild(el('p', { text: t('For %s.', i['for']) }));
    if (i.introHTML) main.appendChild(el('div', { 'class': 'prose', html: i.introHTML }));
    if (i.resumed) {
      main.appendChild(el('p', { text: i.done ?
        t('Welcome back. You have answered %d of %d questions. Every question has an answer; you can look them over.', v.answered, v.total) :
        t('Welcome back. You have answered %d of %d questions. You can carry on where you left off.', v.answered, v.total) }));
      if (i.differs) main.appendChild(el('p', { 'class': 'note differs', text: differsText(i.differs) }));
    } else {
      main.appendChild(el('p', { text: i.count + ' ' + t('Answer as many as you like, and skip the ones marked optional. You can go back and change any answer.') }));
    }
    main.appendChild(el('p', { 'class': 'note', text: t('This page keeps nothing. Your answers stay in this page only, on this device, and are not sent anywhere; if the page is reloaded or closed, or you go back from it, they are gone.') + ' ' +
      (window.candorEncryptedOnly ? '' : t('Use “Download my answers” to keep them.') + ' ') +
      (window.candorSend ? t('At the end, “Send to my counselor” saves them in a file only your counselor can open.') + ' ' : '') }));
    main.appendChild(el('p', { 'class': 'note', text: t('“Leave this page”, or pressing Shift three times, empties this tab at once (a page cannot close its own tab). The browser’s history still keeps the name of this file, and of any file you download. If that matters, you may prefer to open this page in a private window.') }));
    main.appendChild(el('div', { 'class': 'actions' }, [
      button(t('Begin'), function () { step('begin'); }, 'primary'),
      button(t('Continue from an answers file'), function () { fileInput.click(); })
    ]));
  }

  // languageChooser offers the bank's languages, each by its own name; choosing one starts
  // again in it (the engine's "lang", on this first screen only).
  function languageChooser(tags, current) {
    return el('nav', { 'class': 'langs', 'aria-label': t('Language') }, tags.map(function (t) {
      var name = languageName(t);
      if (t === current) return el('span', { lang: t, 'aria-current': 'true', text: name });
      var b = button(name, function () { step('lang', { text: t }); });
      b.setAttribute('lang', t);
      return b;
    }));
  }

  // languageName is a language's name in itself ("Español"), as the browser knows it.
  function languageName(tag) {
    try {
      var n = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) || tag;
      return n.charAt(0).toLocaleUpperCase(tag) + n.slice(1);
    } catch (err) {
      return tag;
    }
  }

  // differsText says, calmly, how the answers file loaded differs from these questions (the
  // engine says what differs; take --resume says it in the terminal).
  function differsText(d) {
    var parts = [];
    if (d.version) {
      parts.push(t('These answers were given to version %s of these questions; this page has version %s. Your answers still count, though your summary may differ a little from the one you would have had then.', d.version, d.bankVersion));
    } else if (d.changed) {
      parts.push(t('These questions have changed a little since these answers were saved, or the file was changed. Your answers still count, though your summary may differ a little.'));
    }
    if (d.unknown && d.unknown.length) {
      parts.push(d.unknown.length === 1 ?
        t('One answer in the file is to a question these questions do not have (%s); it is not counted.', d.unknown[0]) :
        t('%d answers in the file are to a question these questions do not have (%s); they are not counted.', d.unknown.length, d.unknown.join(', ')));
    }
    return parts.join(' ');
  }

  function drawQuestion(v) {
    var q = v.question;
    var info = q.type === 'info';
    var where = info ? '' : t('Question %d of %d', q.number, q.total);
    setProgress(where);
    var form = el('form', { id: 'question', novalidate: '', 'data-question': q.id, 'data-type': q.type });
    if (q.section) form.appendChild(el('p', { 'class': 'section', text: q.section }));
    if (q.sectionIntroHTML) form.appendChild(el('div', { 'class': 'prose', html: q.sectionIntroHTML }));
    if (where) form.appendChild(el('p', { 'class': 'progress', 'aria-hidden': 'true', text: where }));
    if (info) {
      drawInfo(q, form);
      return;
    }
    var fs = el('fieldset', { 'aria-describedby': 'problem' });
    fs.appendChild(el('legend', null, [el('h1', { id: 'question-text', text: q.text })]));
    if (q.reopened) fs.appendChild(el('p', { text: t('This question still needs an answer.') }));
    if (q.optional) fs.appendChild(el('p', { 'class': 'optional', text: t('Optional: you can skip it.') }));
    if (q.declined) fs.appendChild(el('p', { 'class': 'declined', text: t('Your answer so far: rather not say. Choose an answer to change it, or press Next to keep it.') }));
    if (q.helpHTML) {
      fs.appendChild(el('details', null, [el('summary', { text: t('Help with this question') }), el('div', { html: q.helpHTML })]));
    }
    fs.appendChild(controls(q));
    form.appendChild(fs);
    form.appendChild(el('p', { id: 'problem', 'class': 'problem', role: 'alert' }));
    var actions = [el('button', { type: 'submit', 'class': 'primary', text: t('Next') }), button(t('Back'), function () { step('back'); })];
    if (q.optional) actions.push(button(t('Skip'), function () { step('skip'); }));
    // Offered only where the question allows it: no answer, and that is okay.
    if (q.canDecline) actions.push(button(t('I’d rather not say'), function () { step('decline'); }));
    actions.push(button(t('Review my answers'), function () { step('review'); }));
    form.appendChild(el('div', { 'class': 'actions' }, actions));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      step('answer', { text: answerText(q, form) });
    });
    main.appendChild(form);
  }

  // drawInfo shows a statement to read: it takes no answer.
  function drawInfo(q, form) {
    form.appendChild(el('h1', { id: 'question-text', text: q.text }));
    if (q.helpHTML) form.appendChild(el('div', { 'class': 'prose', html: q.helpHTML }));
    form.appendChild(el('div', { 'class': 'actions' }, [
      el('button', { type: 'submit', 'class': 'primary', text: t('Next') }),
      button(t('Back'), function () { step('back'); }),
      button(t('Review my answers'), function () { step('review'); })
    ]));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      step('answer', { text: '' });
    });
    main.appendChild(form);
  }

  function controls(q) {
    switch (q.type) {
      case 'yesno': case 'choice': return choices(q, 'radio', '');
      case 'multi': return choices(q, 'checkbox', '');
      case 'scale': return choices(q, 'radio', ' scale');
    }
    var field = el('div', { 'class': 'field' });
    var label = t('Your answer');
    if (q.type === 'number') label = q.range ? t('Your answer (a number %s)', q.range) : t('Your answer (a number)');
    if (q.type === 'date') label = t('Your answer (a date, %s)', q.range);
    field.appendChild(el('label', { 'for': 'answer', text: label }));
    var input;
    if (q.type === 'text') {
      // dir auto: words typed in another direction than the page's are shown as written.
      input = el('textarea', { id: 'answer', name: 'answer', rows: '4', dir: 'auto', maxlength: String(q.maxLength || 10000) });
    } else if (q.type === 'date') {
      input = el('input', { id: 'answer', name: 'answer', type: 'date', autocomplete: 'off' });
    } else {
      input = el('input', { id: 'answer', name: 'answer', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
    }
    input.value = q.answer || '';
    field.appendChild(input);
    return field;
  }

  function choices(q, kind, extra) {
    var box = el('div', { 'class': 'options' + extra });
    q.options.forEach(function (o, i) {
      var id = 'option-' + i;
      var input = el('input', { type: kind, id: id, name: 'answer', value: o.send });
      input.checked = !!o.selected;
      var label = el('label', { 'for': id, text: o.label });
      if (o.anchor) label.appendChild(el('span', { 'class': 'anchor', text: o.anchor }));
      box.appendChild(el('div', { 'class': 'option' }, [input, label]));
    });
    return box;
  }

  // answerText is the answer as the engine reads it: the value sent by the picked
  // options (several joined with ", "), or what was written.
  function answerText(q, form) {
    if (q.type === 'number' || q.type === 'text' || q.type === 'date') return form.querySelector('#answer').value;
    var picked = [];
    form.querySelectorAll('input[name=answer]').forEach(function (i) { if (i.checked) picked.push(i.value); }); // words:none: a selector
    return picked.join(', ');
  }

  function drawFlags(v) {
    setProgress('');
    v.flags.forEach(function (f) {
      main.appendChild(el('section', { 'class': 'flag' + (f.urgent ? ' urgent' : ''), role: 'alert' }, [
        el('h1', { text: f.title }),
        el('div', { html: f.textHTML })
      ]));
    });
    main.appendChild(el('p', { text: t('Take all the time you need. You can go on when you are ready, or leave this page.') }));
    // Said, not pressed: what is shown at once may be private, and a downloaded file stays on
    // the device (drawEnd).
    main.appendChild(el('p', { 'class': 'note', text: t('This page keeps nothing: if you leave it, your answers so far are gone.') + ' ' +
      (window.candorEncryptedOnly ? '' : t('If you want a copy, “Download my answers” at the top saves one; it would stay in your Downloads folder, where anyone who uses this device could open it.')) }));
    main.appendChild(el('div', { 'class': 'actions' }, [button(t('Continue'), function () { step('ack'); }, 'primary')]));
  }

  function drawReview(v) {
    setProgress(t('Your answers: %d of %d questions answered', v.answered, v.total));
    main.appendChild(el('h1', { text: t('Check your answers') }));
    main.appendChild(el('p', { text: t('Here is every question with your answer. You can change any of them before you finish.') }));
    var list = el('ol', { 'class': 'review' });
    v.review.forEach(function (it) {
      var answer = it.answered ? it.answer : (it.declined ? t('Rather not say') : (it.skipped ? t('No answer (skipped)') :
        (it.optional ? t('No answer yet') : t('No answer yet: this question needs one'))));
      var change = el('button', { type: 'button', onclick: function () { step('goto', { id: it.id }); } }, [
        document.createTextNode(it.answered || it.declined ? t('Change') : t('Answer')),
        el('span', { 'class': 'visually-hidden', text: ' ' + t('question %d: %s', it.number, it.text) })
      ]);
      list.appendChild(el('li', null, [
        el('p', { 'class': 'q', text: it.number + '. ' + it.text }),
        el('p', { 'class': 'a' + (it.answered ? '' : ' none'), text: answer }),
        change
      ]));
    });
    main.appendChild(list);
    if (!window.candorEncryptedOnly) {
      main.appendChild(el('p', { 'class': 'note', text: t('This page keeps nothing: if it is closed or reloaded, these answers are gone. To keep them, use “Download my answers” at the top.') }));
    }
    main.appendChild(el('div', { 'class': 'actions' }, [
      button(finishLabel(), function () { step('summary'); }, 'primary'),
      button(t('Back'), function () { step('back'); })
    ]));
  }

  function finishLabel() { return window.candorNoSummary ? t('Finish') : t('Show my summary'); }

  function drawEnd(v) {
    setProgress('');
    // private: something here may not be for anyone else's eyes. The page keeps nothing,
    // but a downloaded file stays in Downloads, where anyone using this device may open it:
    // say so calmly, and don't press the download.
    var priv = v.end.private === true;
    // Closing the page then asks nothing: leaving quickly matters more than the file.
    if (priv) unsaved = false;
    if (v.end.noSummary) {
      main.appendChild(el('h1', { text: t('Thank you for answering') }));
      main.appendChild(el('p', { text: (window.candorSend ? t('Please send your answers to your counselor now.') :
        t('Please download your answers now and send the file to the person who gave you these questions.')) + ' ' + t('Nothing is kept after you close this page.') }));
      if (priv) main.appendChild(el('p', { 'class': 'note private', text: privateNote() }));
    } else {
      main.appendChild(el('div', { 'class': 'summary', html: v.end.summaryHTML }));
      if (priv) {
        main.appendChild(el('p', { 'class': 'note private', text: t('Nothing is kept after you close this page, and you don’t need to download anything.') + ' ' + privateNote() }));
      } else {
        main.appendChild(el('p', { text: window.candorSend ? t('Nothing is kept after you close this page.') :
          t('Download your answers to keep them: nothing is kept after you close this page.') }));
      }
    }
    if (window.candorSend) {
      drawSend();
      return;
    }
    main.appendChild(el('div', { 'class': 'actions' }, [
      button(t('Download my answers'), download, priv ? '' : 'primary'),
      button(t('Back'), function () { step('back'); })
    ]));
  }

  // privateNote says, calmly, where a downloaded file stays and who could open it.
  function privateNote() {
    if (window.candorSend) {
      if (window.candorEncryptedOnly) return t('A file you send can be opened only by your counselor.');
      return t('A file you send can be opened only by your counselor. A plain download of your answers stays in your Downloads folder, where anyone who uses this device could open it; you may want to delete it from there when you are done.');
    }
    return t('If you do download your answers, the file stays in your Downloads folder, where anyone who uses this device could open it; you may want to delete it from there when you are done.');
  }

  // drawSend offers the answers encrypted for the counselor, and (unless the counselor chose
  // encrypted only) the plain file, saying what each is for.
  function drawSend() {
    main.appendChild(el('p', { text: t('“Send to my counselor” saves your answers in a file that only your counselor can open, not anyone else who sees your messages: send them that file, or paste its text into a message.') }));
    var actions = [button(t('Send to my counselor'), send, 'primary')];
    if (!window.candorEncryptedOnly) {
      main.appendChild(el('p', { text: t('“Download my answers” saves a copy you can read, to continue later on this page.') }));
      actions.push(button(t('Download my answers'), download));
    }
    actions.push(button(t('Back'), function () { step('back'); }));
    main.appendChild(el('div', { 'class': 'actions' }, actions));
  }

  function send() {
    var name = save('send', 'application/octet-stream');
    if (name) say(t('Your answers were saved as %s, which only your counselor can open. Send them that file.', name));
  }

  function download() {
    var name = save('download', 'application/x-yaml');
    if (name) say(t('Your answers were downloaded as %s.', name));
  }

  // save asks the engine for a file (the plain answers, or them encrypted) and downloads it.
  function save(method, type) {
    if (!started) return '';
    var reply = call(method);
    if (!reply.file) return '';
    var blob = new Blob([reply.file.text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: reply.file.name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    unsaved = false;
    return reply.file.name;
  }

  fileInput.addEventListener('change', function () {
    var f = fileInput.files && fileInput.files[0];
    if (!f || !started) return;
    if (maxAnswersBytes > 0 && f.size > maxAnswersBytes) {
      // Checked before reading: a file of gigabytes would stall the page, or fail to read.
      fileInput.value = '';
      say(t('%s is too large to be answers to these questions (%.1f MB; an answers file is at most %.1f MB), so nothing was loaded. Please choose the file you downloaded from this page.',
        f.name, f.size / 1048576, maxAnswersBytes / 1048576));
      return;
    }
    f.arrayBuffer().then(function (buf) {
      fileInput.value = '';
      var reply = JSON.parse(window.candorCall('load', JSON.stringify({ name: f.name }), new Uint8Array(buf)));
      if (reply.error) {
        say(reply.error);
        return;
      }
      unsaved = false;
      draw(reply.view);
      say(t('Welcome back: your answers from %s are loaded.', f.name));
    }, function () {
      // Only a failed read is "could not be read"; a fault in drawing is the page's own.
      fileInput.value = '';
      say(t('%s could not be read, so nothing was loaded. Please try again, or choose another copy of the file.', f.name));
    });
  });

  // Leaving: blank the page at once, drop the answers, and replace this page in the history.
  var leaving = false;
  function leave() {
    if (leaving) return;
    leaving = true;
    window.removeEventListener('beforeunload', beforeUnload);
    document.title = '';
    document.body.textContent = '';
    try { if (started) window.candorCall('forget', '{}'); } catch (e) { /* the page goes anyway */ }
    view = null;
    window.location.replace('about:blank'); // words:none: an address
  }
  document.getElementById('leave').addEventListener('click', leave);
  document.getElementById('download').addEventListener('click', download);

  // Shift pressed three times in a row (within 5 seconds) leaves, as GOV.UK's "Exit this page".
  var shifts = [];
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Shift') { shifts = []; return; }
    if (ev.repeat) return;
    var now = Date.now();
    shifts = shifts.filter(function (t) { return now - t < 5000; });
    shifts.push(now);
    if (shifts.length >= 3) leave();
  }, true);

  function beforeUnload(ev) {
    if (!unsaved) return undefined;
    ev.preventDefault();
    ev.returnValue = '';
    return '';
  }
  window.addEventListener('beforeunload', beforeUnload);

  // unpacker reads the bytes the page carries as text, 7 bits a character (web/packed.go),
  // a piece at a time: an ASCII character is a group of 7 bits; U+00A0 + 128k + g (two
  // bytes in UTF-8) is the escaped group k (NUL, CR or <, which HTML would not keep as they
  // are) followed by the group g. It reads the text's UTF-8 bytes, which the browser makes at
  // once. next(size) gives the next size bytes or so, and null at the end.
  var ESCAPED = [0x00, 0x0d, 0x3c];
  function unpacker(text, n) {
    var bytes = new TextEncoder().encode(text);
    var i = 0, o = 0, acc = 0, bits = 0, len = bytes.length;
    return function next(size) {
      var out = new Uint8Array(Math.min(size + 2, n - o));
      var p = 0;
      while (i < len && p < size && o + p < n) {
        var c = bytes[i++];
        if (c >= 0x80) {
          c = (((c & 0x1f) << 6) | (bytes[i++] & 0x3f)) - 0xa0;
          if (c < 0 || c >> 7 >= ESCAPED.length) throw new Error(t('the page is damaged'));
          acc = (acc << 7) | ESCAPED[c >> 7];
          bits += 7;
          if (bits >= 8) {
            bits -= 8;
            if (o + p < n) out[p++] = acc >>> bits;
            acc &= (1 << bits) - 1;
          }
          c &= 0x7f;
        }
        acc = (acc << 7) | c;
        bits += 7;
        if (bits >= 8) {
          bits -= 8;
          if (o + p < n) out[p++] = acc >>> bits; // else the last group's padding
          acc &= (1 << bits) - 1;
        }
      }
      o += p;
      if (p === 0) {
        if (o !== n) throw new Error(t('the page is damaged'));
        return null;
      }
      return out.subarray(0, p);
    };
  }

  // unpack reads all the bytes at once.
  function unpack(text, n) {
    var next = unpacker(text, n);
    var out = next(n);
    if (out === null) out = new Uint8Array(0);
    if (next(1) !== null) throw new Error(t('the page is damaged'));
    return out;
  }

  function take(id) {
    var node = document.getElementById(id);
    var text = node.textContent;
    node.remove(); // no need to keep a second copy in the page
    return text;
  }

  function takeBytes(id) {
    var n = Number(document.getElementById(id).getAttribute('data-bytes'));
    return unpack(take(id), n);
  }


  function fail(err) {
    main.textContent = '';
    main.appendChild(el('h1', { text: t('This page could not start') }));
    main.appendChild(el('p', { text: t('Your browser could not run the questions (%s). Please try a recent version of Firefox, Chrome, Edge or Safari.', err) }));
  }

  function boot() {
    words = JSON.parse(take('candor-words'));
    var options = take('candor-options');
    var opts = JSON.parse(options);
    window.candorNoSummary = opts.noSummary === true;
    maxAnswersBytes = opts.maxAnswersBytes || 0;
    window.candorSend = (opts.recipients || []).length > 0;
    window.candorEncryptedOnly = window.candorSend && opts.encryptedOnly === true;
    if (window.candorEncryptedOnly) document.getElementById('download').hidden = true;
    // The intro, made by the same engine when the page was written, is shown at once; its
    // buttons wait until the engine has started here.
    var first = JSON.parse(take('candor-first'));
    if (first.view) {
      draw(first.view);
      main.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      say(t('Getting the questions ready…'));
    }
    var shown = performance.now();
    // Let the browser show the intro before the engine's work begins.
    window.setTimeout(function () { startEngine(opts, options, first, shown); }, 0);
  }

  function startEngine(opts, options, first, shown) {
    try {
      run(opts, options, first, shown);
    } catch (err) {
      fail(err && err.message ? err.message : String(err));
    }
  }

  function run(opts, options, first, shown) {
    var bank = takeBytes('candor-bank');
    var gz = takeBytes('candor-engine');
    // The time each step took, for the benchmark (BENCHMARKS.md).
    var times = window.candorTimes = { shown: shown, decoded: performance.now() };
    var go = new window.Go();
    // Unpacked whole, then compiled: on a CPU slowed down 4x this was faster than compiling
    // while unpacking (WebAssembly.instantiateStreaming) with the text decoded into the
    // stream (BENCHMARKS.md).
    var stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    var compiled = new Response(stream).arrayBuffer().then(function (wasm) {
      times.inflated = performance.now();
      return WebAssembly.instantiate(wasm, go.importObject);
    });
    compiled.then(function (result) {
      times.compiled = performance.now();
      go.run(result.instance);
      times.ran = performance.now();
      var reply = JSON.parse(window.candorStart(bank, opts.bankName, options));
      times.started = performance.now();
      if (reply.error) throw new Error(reply.error);
      started = true;
      if (first.view && view && view.screen === 'intro') {
        // The first screen, made by the same engine when the page was written: let its
        // buttons work, without drawing it again.
        main.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
        say('');
      } else {
        draw(call('view').view);
      }
      times.ready = window.candorReadyAt = performance.now();
      document.body.classList.add('ready');
      // The engine reads its words (the catalogue) now, while the intro is read, rather than
      // at the first thing pressed.
      window.setTimeout(function () { t('Next'); }, 0);
    })['catch'](function (err) { fail(err && err.message ? err.message : String(err)); });
  }
  try {
    boot();
  } catch (err) {
    fail(err && err.message ? err.message : String(err));
  }
})();
