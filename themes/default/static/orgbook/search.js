/* orgbook search: the header box with an as-you-type dropdown, and the
 * results page (search.html?q=…&kind=…&status=…&type=…&team=…) with facets.
 * Index format and ranking: docs/search.md. fold/pieces/normalise/stem
 * mirror src/search/analysis.rs; keep them in step. Index files call
 * orgbookSearchLoad(key, data), so they load from <script> tags, also on
 * file://. Content reaches the DOM only through textContent.
 *
 * CSS classes (search.css): search-dropdown, search-list, search-item,
 * search-active, search-hit (+ search-owner: a typed path's code owner),
 * search-kind (+ search-kind-team|group|decision|page|owner), search-title,
 * search-team, search-status, search-section (the heading of the section the
 * snippet is from), search-snippet (matches are <mark>), search-all,
 * search-message, search-summary, search-layout, search-facets, search-facet,
 * search-count, search-more, search-sr.
 */
(function () {
  'use strict';

  // ---- Text analysis (mirrors src/search/analysis.rs) ----

  var STOP = new Set(('a an and are as at be been but by for from has have he her his i if in into is it its ' +
    'of on or our she so than that the their them then there these they this to was we were will with you ' +
    'your').split(' '));
  var SPECIAL = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ħ': 'h', 'ı': 'i', 'ς': 'σ' };
  var NOSPACE = '\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff\\u2e80-\\u2fdf\\u3005-\\u3007\\u3021-\\u3029' +
    '\\u3031-\\u3035\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f' +
    '\\u{20000}-\\u{3ffff}';
  var RUN = new RegExp('[' + NOSPACE + ']+', 'gu');
  var RUN1 = new RegExp('^[' + NOSPACE + ']', 'u');
  var SPLIT = new RegExp('[' + NOSPACE + ']+|[\\p{Alphabetic}\\p{M}\\p{N}\'\u2019]+', 'gu');
  var WORD = /[\p{Alphabetic}\p{M}\p{N}]+/gu;
  var APOS = /([\p{Alphabetic}\p{M}])['\u2019](?=\p{Alphabetic})/gu;
  var MAX_TERM = 40;
  // Title keys end with a tab (TITLE_KEY_END in analysis.rs): no term has one.
  var KEY_END = '\t';
  var TYPO_LETTERS = 5;

  function fold(s) {
    return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '')
      .replace(/[ßæœþøđðłħıς]/g, function (c) { return SPECIAL[c]; }).normalize('NFC');
  }

  // Folded text → [{w: word} | {r: [chars of a no-space run]}].
  function pieces(folded) {
    var out = [], last = 0, m;
    function text(t) {
      var w = t.replace(APOS, '$1').match(WORD) || [];
      w.forEach(function (x) { out.push({ w: x }); });
    }
    RUN.lastIndex = 0;
    while ((m = RUN.exec(folded))) {
      text(folded.slice(last, m.index));
      out.push({ r: Array.from(m[0]) });
      last = m.index + m[0].length;
    }
    text(folded.slice(last));
    return out;
  }

  /* Snippets and highlighting normalise every word of every text they look at (a
   * dropdown row: about 300 words, the same ones again and again); stemming them is most
   * of a row's cost, so each word's result is kept. */
  var NORMAL = new Map();
  function normalise(w) {
    var n = NORMAL.get(w);
    if (n === undefined) {
      if (NORMAL.size >= 20000) NORMAL.clear();
      n = /^[0-9]+$/.test(w) ? w.replace(/^0+(?=.)/, '') : /^[a-z]+$/.test(w) ? stem(w) : w;
      NORMAL.set(w, n);
    }
    return n;
  }

  // Snowball English (Porter2), as in the rust-stemmers crate.
  var EXC1 = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var EXC2 = /^(inning|outing|canning|herring|earring|proceed|exceed|succeed)$/;
  var STEP2 = 'ization:ize ational:ate fulness:ful ousness:ous iveness:ive tional:tion biliti:ble lessli:less ' +
    'entli:ent ation:ate alism:al aliti:al ousli:ous iviti:ive fulli:ful enci:ence anci:ance abli:able izer:ize ' +
    'ator:ate alli:al bli:ble ogi:og li:';
  var STEP3 = 'ational:ate tional:tion alize:al icate:ic iciti:ic ative: ical:ic ness: ful:';
  var STEP4 = 'ement ance ence able ible ment ant ent ism ate iti ous ive ize ion al er ic';
  function table(s) { return s.split(' ').map(function (x) { return x.split(':'); }); }
  // Every beginning of a suffix the stemmer removes: "runn" may be on its
  // way to "running" (stem "run"), "zurich" is not on its way to any "zur…".
  var SUFFIX = new Set();
  (STEP2 + ' ' + STEP3 + ' ' + STEP4 + ' s es ed ing ly edly ingly ies ied y e er est ness ful').split(/[: ]/).forEach(function (x) {
    for (var i = 1; i <= x.length; i++) SUFFIX.add(x.slice(0, i));
  });
  STEP2 = table(STEP2); STEP3 = table(STEP3); STEP4 = table(STEP4);

  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(EXC1, word)) return EXC1[word];
    if (word.length < 3) return word;
    var w = word, p1, p2, y = false;
    function isV(c) { return 'aeiouy'.indexOf(c) >= 0; }
    function ends(s) { return w.slice(-s.length) === s; }
    function longest(list) {
      for (var i = 0; i < list.length; i++) if (ends(list[i][0])) return list[i];
      return null;
    }
    function set(cut, add) { w = w.slice(0, w.length - cut) + add; }
    function hasV(end) { for (var i = 0; i < end; i++) if (isV(w[i])) return true; return false; }
    // A short syllable ends just before position c.
    function shortv(c) {
      if (c >= 3 && 'aeiouywxY'.indexOf(w[c - 1]) < 0 && isV(w[c - 2]) && !isV(w[c - 3])) return true;
      return c === 2 && !isV(w[1]) && isV(w[0]);
    }
    function region(i) {
      while (i < w.length && !isV(w[i])) i++;
      while (i < w.length && isV(w[i])) i++;
      return i < w.length ? i + 1 : w.length;
    }
    if (w[0] === 'y') { w = 'Y' + w.slice(1); y = true; }
    for (var i = 1; i < w.length; i++) {
      if (w[i] === 'y' && isV(w[i - 1])) { w = w.slice(0, i) + 'Y' + w.slice(i + 1); y = true; }
    }
    var pre = /^(gener|commun|arsen)/.exec(w);
    p1 = pre ? pre[0].length : region(0);
    p2 = region(p1);
    // Step 1a
    if (ends('sses')) set(2, '');
    else if (ends('ied') || ends('ies')) set(3, w.length > 4 ? 'i' : 'ie');
    else if (ends('s') && !ends('us') && !ends('ss') && hasV(w.length - 2)) set(1, '');
    if (!EXC2.test(w)) {
      // Step 1b
      var s = longest(table('eedly ingly edly eed ing ed'));
      if (s && s[0].indexOf('eed') === 0) {
        if (w.length - s[0].length >= p1) set(s[0].length, 'ee');
      } else if (s && hasV(w.length - s[0].length)) {
        set(s[0].length, '');
        if (/(at|bl|iz)$/.test(w)) set(0, 'e');
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) set(1, '');
        else if (w.length === p1 && shortv(w.length)) set(0, 'e');
      }
      // Step 1c
      var n = w.length;
      if (n > 2 && /[yY]/.test(w[n - 1]) && !isV(w[n - 2])) set(1, 'i');
      // Steps 2 and 3 need the suffix in R1
      s = longest(STEP2);
      if (s && w.length - s[0].length >= p1) {
        var before = w[w.length - s[0].length - 1] || '';
        if (s[0] === 'ogi') { if (before === 'l') set(3, 'og'); }
        else if (s[0] === 'li') { if (before && 'cdeghkmnrt'.indexOf(before) >= 0) set(2, ''); }
        else set(s[0].length, s[1]);
      }
      s = longest(STEP3);
      if (s && w.length - s[0].length >= p1 && (s[0] !== 'ative' || w.length - 5 >= p2)) set(s[0].length, s[1]);
      // Step 4 needs R2
      s = longest(STEP4);
      if (s && w.length - s[0].length >= p2 && (s[0] !== 'ion' || /[st]$/.test(w.slice(0, -3)))) set(s[0].length, '');
      // Step 5
      n = w.length;
      if (w[n - 1] === 'e') {
        if (n - 1 >= p2 || (n - 1 >= p1 && !shortv(n - 1))) set(1, '');
      } else if (w[n - 1] === 'l' && n - 1 >= p2 && w[n - 2] === 'l') set(1, '');
    }
    return y ? w.replace(/Y/g, 'y') : w;
  }

  /* Query → tokens [{raw, term, prefix, stem, typo}], plus tokens.phrase: the
   * phrase term of a 2–4 word query (see phrase_term in analysis.rs), and
   * tokens.key: the title key of a 1–4 word query (title_key). typo: a word
   * of 5+ letters, where one typo is tolerated. The
   * last word is matched as a prefix while it is being typed (no trailing
   * space or punctuation). Runs without spaces become bigrams. A lone
   * character of such a run is always a prefix. Stop words are dropped
   * unless nothing else is left. */
  function queryTokens(query) {
    var folded = fold(query), ps = pieces(folded), out = [], seen = {}, words = [];
    var open = /[\p{Alphabetic}\p{M}\p{N}]$/u.test(folded);
    function add(raw, term, prefix, stemmed, typo) {
      var key = raw + (prefix ? '*' : '');
      if (!seen[key]) { seen[key] = 1; out.push({ raw: raw, term: term, prefix: prefix, stem: stemmed, typo: !!typo }); }
    }
    ps.forEach(function (p, i) {
      if (p.r) {
        words = null;
        if (p.r.length === 1) add(p.r[0], p.r[0], true, false);
        for (var j = 0; j + 1 < p.r.length; j++) add(p.r[j] + p.r[j + 1], p.r[j] + p.r[j + 1], false, false);
      } else if (Array.from(p.w).length <= MAX_TERM) {
        var last = open && i === ps.length - 1;
        add(p.w, normalise(p.w), last && !/^[0-9]+$/.test(p.w), /^[a-z]+$/.test(p.w),
          Array.from(p.w).length >= TYPO_LETTERS && !/^[0-9]+$/.test(p.w));
        if (words) words.push([p.w, normalise(p.w), last]);
      } else words = null;
    });
    var kept = out.filter(function (t) { return !STOP.has(t.raw) || t.prefix; });
    kept = kept.length ? kept : out;
    if (words && words.length >= 2 && words.length <= 4) {
      var head = words.slice(0, -1).map(function (x) { return x[1]; }).join(' ') + ' ', end = words[words.length - 1];
      kept.phrase = { raw: head + end[0], term: head + end[1], prefix: end[2], stem: false };
    }
    if (words && words.length >= 1 && words.length <= 4) kept.key = words.map(function (x) { return x[1]; }).join(' ') + KEY_END;
    return kept;
  }

  // ---- Index access and ranking (browser and Node) ----

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Uint8Array(128);
  for (var d = 0; d < 64; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;
  var KINDS = ['team', 'group', 'decision', 'page'];

  // A reader over an encoded string: varints carry 5 bits a character, and
  // the upper half of the alphabet means "more follows".
  function Reader(s) { this.s = s; this.i = 0; }
  Reader.prototype.more = function () { return this.i < this.s.length; };
  Reader.prototype.digit = function () { return DIGIT[this.s.charCodeAt(this.i++)]; };
  Reader.prototype.varint = function () {
    var v = 0, f = 1, c;
    do { c = this.digit(); v += (c & 31) * f; f *= 32; } while (c >= 32);
    return v;
  };

  function decodePostings(s) {
    var r = new Reader(s), ids = [], qs = [], next = 0;
    while (r.more()) { next += r.varint(); ids.push(next++); qs.push(r.digit()); }
    return { ids: ids, qs: qs };
  }

  // Undoes front_code in src/search/shard.rs.
  function decodeSeps(s) {
    var out = [], prev = '';
    s.split(',').forEach(function (x) { prev = prev.slice(0, DIGIT[x.charCodeAt(0)]) + x.slice(1); out.push(prev); });
    return out;
  }

  // shard_of and shard_span in src/search/shard.rs.
  function shardOf(seps, term) {
    var lo = 0, hi = seps.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (seps[mid] <= term) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }
  function shardSpan(seps, prefix) {
    var first = shardOf(seps, prefix), last = first;
    while (last + 1 < seps.length && seps[last + 1].indexOf(prefix) === 0) last++;
    return [first, last];
  }

  // ---- One typo (docs/search.md, "Typos") ----

  // True when b is a or one edit away from it: a letter deleted, inserted
  // or replaced, or two neighbours swapped.
  function within1(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (la - lb > 1 || lb - la > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return i === la || a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }
  // True when some beginning of term is within one edit of the typed word.
  function prefixWithin1(typed, term) {
    for (var n = typed.length - 1; n <= typed.length + 1; n++) if (n <= term.length && within1(typed, term.slice(0, n))) return true;
    return false;
  }
  // Every a–z word one edit away from w.
  function edits1(w) {
    var out = [], abc = 'abcdefghijklmnopqrstuvwxyz', i, j;
    for (i = 0; i <= w.length; i++) {
      if (i < w.length) out.push(w.slice(0, i) + w.slice(i + 1));
      if (i + 1 < w.length) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      for (j = 0; j < 26; j++) {
        out.push(w.slice(0, i) + abc[j] + w.slice(i));
        if (i < w.length) out.push(w.slice(0, i) + abc[j] + w.slice(i + 1));
      }
    }
    return out;
  }
  /* The term shards a misspelt word is compared with when it is found
   * nowhere: those that may hold terms sharing its first L letters, with
   * the smallest L that makes that at most two shards (the word's own and
   * one more). On a one-shard index every term is compared. */
  function typoShards(seps, term) {
    var chars = Array.from(term);
    for (var n = 0; n < chars.length; n++) {
      var s = n ? shardSpan(seps, chars.slice(0, n).join('')) : [0, seps.length - 1];
      if (s[1] - s[0] <= 1) { var out = []; for (var k = s[0]; k <= s[1]; k++) out.push('t' + k); return out; }
    }
    return ['t' + shardOf(seps, term)];
  }

  /* load(key) → Promise of the data that search/<key>.js registers. */
  function Engine(load) { this.load = load; this.files = {}; this.data = {}; this.maps = {}; this.heads = new Map(); }

  Engine.prototype.file = function (key) {
    var self = this;
    if (!this.files[key]) {
      this.files[key] = this.load(key).then(function (v) {
        if (key === 'index') {
          v.seps = decodeSeps(v.seps);
          Object.keys(v.inline || {}).forEach(function (k) {
            self.data[k] = v.inline[k];
            self.files[k] = Promise.resolve(v.inline[k]);
          });
        }
        // A term shard or prefix summary ends with its heads: [id, url, title, kind,
        // team, status] of each entry's strongest document (an odd last element).
        var per = key[0] === 't' ? 2 : key[0] === 'p' ? 3 : 0;
        if (per && Array.isArray(v) && v.length % per === 1) {
          v[v.length - 1].forEach(function (h) { self.heads.set(h[0], h.slice(1)); });
        }
        return (self.data[key] = v);
      }, function (e) { delete self.files[key]; throw e; });
    }
    return this.files[key];
  };

  function isKey(term) { return term.charAt(term.length - 1) === KEY_END; }

  // A term shard as a Map; shards are flat [term, postings, …] arrays.
  Engine.prototype.map = function (key) {
    var m = this.maps[key];
    if (!m) {
      var a = this.data[key] || [];
      m = this.maps[key] = new Map();
      for (var i = 0; i + 1 < a.length; i += 2) m.set(a[i], a[i + 1]);
    }
    return m;
  };

  // The files a token needs, and what to look up once they are loaded.
  Engine.prototype.plan = function (m, t, optional) {
    var p = { t: t, keys: [], exact: [[t.term, 1]], optional: optional, typo: t.typo };
    if (t.prefix) {
      var span = shardSpan(m.seps, t.raw), hex = t.raw.codePointAt(0).toString(16);
      if (span[1] - span[0] + 1 > m.span && m.sums.indexOf(hex) >= 0) {
        p.keys.push(p.sum = 'p' + hex);
      } else {
        p.range = [];
        for (var i = span[0]; i <= span[1]; i++) { p.range.push('t' + i); p.keys.push('t' + i); }
      }
      // A word being typed may already be longer than its stem ("runn" →
      // "run", "stopp" → "stop"), so shorter stems match too, but weigh less.
      for (var k = Math.max(3, t.raw.length - 3); t.stem && t.raw.length >= 4 && k < t.raw.length; k++) {
        var rest = t.raw.slice(k), dbl = rest[0] === t.raw[k - 1] ? rest.slice(1) : rest;
        if (t.raw.slice(0, k) !== t.term && (SUFFIX.has(rest) || !dbl || SUFFIX.has(dbl))) p.exact.push([t.raw.slice(0, k), 0.55]);
      }
    }
    p.exact.forEach(function (e) { p.keys.push('t' + shardOf(m.seps, e[0])); });
    return p;
  };

  // Scores one token: best = Map doc → best weighted impact. complete is
  // false when a list was cut down, so the token cannot filter.
  Engine.prototype.score = function (m, p) {
    var self = this, best = new Map(), exact = new Set(), q;
    var res = { best: best, exact: exact, complete: !p.optional, sum: !!p.sum, optional: p.optional, known: 0 };
    // exp(q × step) for every impact level q, computed once per manifest: a first query
    // decodes thousands of postings.
    var exp = m.exp;
    if (!exp) for (exp = m.exp = [], q = 0; q < 64; q++) exp.push(Math.exp(q * m.step));
    // A typo match (fuzzy) scores less, and never counts as an exact match. Decodes
    // postings as decodePostings does, without building arrays.
    function add(entry, w, fuzzy) {
      if (entry == null) return;
      if (typeof entry !== 'string') { res.complete = false; res.known = Math.max(res.known, entry[1]); entry = entry[0]; }
      var i = 0, len = entry.length, id = 0, gap, f, c, v;
      while (i < len) {
        gap = 0; f = 1;
        do { c = DIGIT[entry.charCodeAt(i++)]; gap += (c & 31) * f; f *= 32; } while (c >= 32);
        id += gap;
        v = exp[DIGIT[entry.charCodeAt(i++)]] * w;
        if (!fuzzy) exact.add(id);
        if (v > (best.get(id) || 0)) best.set(id, v);
        id++;
      }
    }
    p.exact.forEach(function (e) { add(self.map('t' + shardOf(m.seps, e[0])).get(e[0]), e[1]); });
    (p.range || []).forEach(function (key) {
      self.map(key).forEach(function (entry, term) {
        if (term !== p.t.term && term.indexOf(p.t.raw) === 0 && !isKey(term)) add(entry, 0.5 + 0.4 * p.t.raw.length / term.length);
      });
    });
    if (p.fuzzy) {
      var near = new Map(), t = p.t;
      p.fuzzy.forEach(function (key) {
        self.map(key).forEach(function (entry, term) {
          if (term === t.term || isKey(term) || term.indexOf(' ') >= 0) return;
          if (within1(t.term, term)) near.set(term, [entry, 0.3]);
          else if (t.prefix && prefixWithin1(t.raw, term) && term.indexOf(t.raw) !== 0) near.set(term, [entry, 0.25]);
        });
      });
      // A typo in an English ending changes the stem ("deploymnet" is not
      // "deploy" + an ending): stem every word one edit away instead.
      if (t.stem && p.missing) {
        edits1(t.raw).forEach(function (v) {
          var st = stem(v);
          if (st === t.term || near.has(st)) return;
          p.fuzzy.forEach(function (key) { var e = self.map(key).get(st); if (e != null) near.set(st, [e, 0.3]); });
        });
      }
      t.alt = Array.from(near.keys());
      near.forEach(function (e) { add(e[0], e[1], true); });
    }
    if (p.sum) {
      var a = this.data[p.sum] || [];
      for (var i = 0; i + 2 < a.length; i += 3) if (a[i] === p.t.raw) { add(a[i + 2], 0.7); res.known = a[i + 1]; }
      res.complete = false;
    }
    return res;
  };

  /* Runs a query: resolves to {tokens, hits: [{id, score}], total, partial},
   * best first. total is larger than hits.length when only the strongest
   * documents of a cut-down list are known. Tokens whose lists were cut down (very common words, short
   * prefixes) and the phrase token only add score. The others must all
   * match; if no document has them all, any will do and partial is true. */
  Engine.prototype.search = function (query) {
    var self = this;
    return this.file('index').then(function (m) {
      var tokens = queryTokens(query);
      var plans = tokens.map(function (t) { return self.plan(m, t, false); });
      if (tokens.phrase) plans.push(self.plan(m, tokens.phrase, true));
      var keys = new Set(), keyShard = tokens.key && 't' + shardOf(m.seps, tokens.key);
      plans.forEach(function (p) { p.keys.forEach(function (k) { keys.add(k); }); });
      if (keyShard) keys.add(keyShard);
      function loadAll(ks) { return Promise.all(Array.from(ks, function (k) { return self.file(k); })); }
      return loadAll(keys).then(function () {
        // Typos are looked for in the word's own shard, which is loaded
        // already; a word found nowhere may load one shard more.
        var extra = new Set();
        plans.forEach(function (p) {
          if (!p.typo || p.sum) return;
          var own = 't' + shardOf(m.seps, p.t.term);
          p.fuzzy = [own];
          p.missing = !self.found(p, own);
          if (p.missing) typoShards(m.seps, p.t.term).forEach(function (k) { if (k !== own) { p.fuzzy.push(k); extra.add(k); } });
        });
        return loadAll(extra);
      }).then(function () {
        var scored = plans.map(function (p) { return self.score(m, p); });
        var titled = new Set(), entry = keyShard && self.map(keyShard).get(tokens.key);
        if (entry != null) decodePostings(typeof entry === 'string' ? entry : entry[0]).ids.forEach(function (id) { titled.add(id); });
        var out = combine(scored, m.kinds[0] + m.kinds[1], m.prior, titled);
        out.tokens = tokens;
        return out;
      });
    });
  };

  // Whether a token's word is in the index as it is (or, being typed, has
  // completions in the shards loaded for it).
  Engine.prototype.found = function (p, own) {
    var self = this, t = p.t;
    if (this.map(own).has(t.term)) return true;
    return !!p.range && p.range.some(function (key) {
      var hit = false;
      self.map(key).forEach(function (_, term) { if (!hit && term.indexOf(t.raw) === 0 && !isKey(term)) hit = true; });
      return hit;
    });
  };

  /* Documents matching more words come first when no document has them
   * all; then the documents whose title is exactly the query (titled);
   * then those with fewer words matched only through a typo; then score. */
  function combine(scored, teamsEnd, prior, titled) {
    // A summary (top documents for a short prefix) says nothing about the
    // documents the other words found: ignore it until more is typed.
    var real = scored.filter(function (s) { return !s.sum && !s.optional; });
    if (real.length) scored = scored.filter(function (s) { return !s.sum; });
    var must = scored.filter(function (s) { return s.complete; });
    var base = must.length ? must : scored.filter(function (s) { return !s.optional; });
    var ids = new Set(), partial = false;
    if (base.length) {
      base[0].best.forEach(function (_, id) {
        if (base.every(function (s) { return s.best.has(id); })) ids.add(id);
      });
      if (!ids.size) {
        base.forEach(function (s) { s.best.forEach(function (_, id) { ids.add(id); }); });
        partial = base.length > 1 && ids.size > 0;
      }
    }
    titled.forEach(function (id) { ids.add(id); });
    var hits = Array.from(ids, function (id) {
      var h = { id: id, score: 0, n: 0, title: titled.has(id) ? 1 : 0, fuzzy: 0 };
      scored.forEach(function (s) {
        var v = s.best.get(id);
        if (v) { h.score += v; if (!s.optional) h.n++; if (!s.optional && !s.exact.has(id)) h.fuzzy++; }
      });
      if (id < teamsEnd) h.score *= prior;
      return h;
    });
    hits.sort(function (a, b) {
      return (partial ? b.n - a.n : 0) || b.title - a.title || a.fuzzy - b.fuzzy || b.score - a.score || a.id - b.id;
    });
    var total = !must.length && base.length === 1 ? Math.max(hits.length, base[0].known) : hits.length;
    return { hits: hits, partial: partial, total: total };
  }

  // Metadata records [url, title, kind, team, status, type, excerpt] and,
  // for a document with sections, [heading, snippet, heading, snippet, …].
  Engine.prototype.meta = function (ids) {
    var self = this;
    return this.file('index').then(function (m) {
      var keys = ids.map(function (id) { return 'm' + Math.floor(id / m.md); });
      return Promise.all(keys.map(function (k) { return self.file(k); })).then(function () {
        return ids.map(function (id, i) { return self.data[keys[i]][id % m.md]; });
      });
    });
  };

  // A document's row without its snippet, [url, title, kind, team, status], if a loaded
  // term file carries it as a head (null otherwise).
  Engine.prototype.head = function (id) { return this.heads.get(id) || null; };

  // Facet values of the documents ids, from the runs of the files f<k>.js that hold them
  // (m.fd documents each; see facets() in src/search/mod.rs). Resolves to columns indexed
  // by document id, filled for the files loaded so far: kind (a number), team (its number,
  // 0 for none: teamNames gives the names), status (a name, '' for none), type (0 for none).
  Engine.prototype.facets = function (ids) {
    var self = this;
    var c = this.cols || (this.cols = { kind: [], team: [], status: [], type: [], done: {} });
    return this.file('index').then(function (m) {
      var keys = new Set(ids.map(function (id) { return 'f' + Math.floor(id / m.fd); }));
      return Promise.all(Array.from(keys, function (k) {
        return self.file(k).then(function (f) {
          if (c.done[k]) return;
          c.done[k] = true;
          var id = Number(k.slice(1)) * m.fd, r = new Reader(f.runs);
          while (r.more()) {
            var len = r.varint(), kind = r.digit(), team = r.varint(), has = r.digit();
            for (var i = 0; i < len; i++, id++) {
              var x = has ? r.varint() : 0, status = Math.floor(x / 3);
              c.kind[id] = kind;
              c.team[id] = team;
              c.status[id] = status ? f.statuses[status - 1] : '';
              c.type[id] = x % 3;
            }
          }
        });
      }));
    }).then(function () { return c; });
  };

  // The names of teams by number, from the files n<j>.js (m.nd names each, in number
  // order): resolves to a Map from number to name holding at least these.
  Engine.prototype.teamNames = function (nums) {
    var self = this, names = this.names || (this.names = new Map());
    return this.file('index').then(function (m) {
      var keys = new Set();
      nums.forEach(function (t) { if (t > 0 && !names.has(t)) keys.add('n' + Math.floor((t - 1) / m.nd)); });
      return Promise.all(Array.from(keys, function (k) {
        return self.file(k).then(function (list) {
          var first = Number(k.slice(1)) * m.nd;
          list.forEach(function (name, i) { names.set(first + i + 1, name); });
        });
      }));
    }).then(function () { return names; });
  };

  // The number of the team with this name (0 if there is none). Numbers follow the
  // names' order, so a binary search over the name files finds it in a few of them.
  Engine.prototype.teamNumber = function (name) {
    var self = this;
    return this.file('index').then(function (m) {
      var lo = 0, hi = Math.ceil(m.nt / m.nd) - 1;
      function step() {
        if (lo > hi) return 0;
        var mid = (lo + hi) >> 1;
        return self.file('n' + mid).then(function (list) {
          if (name < list[0]) hi = mid - 1;
          else if (name > list[list.length - 1]) lo = mid + 1;
          else return list.indexOf(name) < 0 ? 0 : mid * m.nd + list.indexOf(name) + 1;
          return step();
        });
      }
      return step();
    });
  };

  // Whether a folded word of some text matches token t, typos included.
  function wordMatches(w, t) {
    return w === t.raw || (t.prefix && w.indexOf(t.raw) === 0) || (t.stem && normalise(w) === t.term) ||
      (!!t.alt && t.alt.length > 0 && t.alt.indexOf(normalise(w)) >= 0);
  }

  // How many of the tokens some word of text matches.
  function tokenHits(text, tokens) {
    if (!text) return 0;
    var folded = fold(text), words = pieces(folded).filter(function (p) { return p.w; });
    return tokens.filter(function (t) {
      return RUN1.test(t.raw) ? folded.indexOf(t.raw) >= 0 : words.some(function (p) { return wordMatches(p.w, t); });
    }).length;
  }

  /* The snippet of a metadata record for these tokens: {heading, text}.
   * A section whose heading matches wins (the most tokens, then the first);
   * then the excerpt if it matches; then a section whose text matches; else
   * the excerpt, or the first section when there is none. */
  function snippet(rec, tokens) {
    var secs = rec[7] || [], heads = -1, texts = -1, hb = 0, tb = 0, i, n;
    for (i = 0; i + 1 < secs.length; i += 2) {
      if ((n = tokenHits(secs[i], tokens)) > hb) { hb = n; heads = i; }
      if ((n = tokenHits(secs[i + 1], tokens)) > tb) { tb = n; texts = i; }
    }
    var pick = heads >= 0 ? heads : tokenHits(rec[6], tokens) ? -1 : texts;
    if (pick < 0 && !rec[6] && secs.length) pick = 0;
    return pick >= 0 ? { heading: secs[pick], text: secs[pick + 1] } : { heading: '', text: rec[6] || '' };
  }

  /* Splits text into [{text, hit}], marking words that match the tokens. */
  function highlight(text, tokens) {
    var parts = [], last = 0, m;
    function push(t, hit) {
      var prev = parts[parts.length - 1];
      if (!t) return;
      if (prev && prev.hit === hit) prev.text += t; else parts.push({ text: t, hit: hit });
    }
    function wordHit(w) { return tokens.some(function (t) { return wordMatches(w, t); }); }
    SPLIT.lastIndex = 0;
    while ((m = SPLIT.exec(text))) {
      push(text.slice(last, m.index), false);
      last = m.index + m[0].length;
      var chars = Array.from(m[0]);
      if (RUN1.test(m[0])) {
        var folded = chars.map(fold), mark = [];
        tokens.forEach(function (t) {
          var tc = Array.from(t.raw);
          for (var i = 0; i + tc.length <= chars.length; i++) {
            if (tc.every(function (c, j) { return folded[i + j] === c; })) for (var j = 0; j < tc.length; j++) mark[i + j] = true;
          }
        });
        chars.forEach(function (c, i) { push(c, !!mark[i]); });
      } else {
        push(m[0], pieces(fold(m[0])).some(function (p) { return p.w && wordHit(p.w); }));
      }
    }
    push(text.slice(last), false);
    return parts;
  }

  /* The rehearsal: two queries over a made-up index of 200 documents held in memory,
   * which between them run every step of a query (a typo, a word that must be stemmed
   * one edit away, a prefix with many completions, a cut-down list, a title key). */
  var REHEARSAL = (function () {
    var n = 200, shard = [], recs = [], i, j, post;
    var terms = ['deploy', 'deployment', 'deploys', 'warmth', 'warmth deploy', 'warmth deployment' + KEY_END];
    for (i = 0; i < 120; i++) terms.push('warm' + (1000 + i) + (i % 3 ? 'ing' : ''));
    terms.sort();
    terms.forEach(function (t, k) {
      // Consecutive documents (gap digit A) with varied impacts; some terms are in
      // every document, some lists are cut down.
      for (post = '', j = 0; j < (k % 7 ? 1 + k % 30 : n); j++) post += 'A' + ALPHABET[(j + k) % 64];
      shard.push(t, k % 50 ? post : [post, n]);
    });
    for (i = 0; i < n; i++) {
      recs.push(['w' + i + '.html', 'Warmth deployment ' + i, i % 4, 'Team ' + i, i % 2 ? 'accepted' : '', i % 3,
        'An excerpt about deployment warmth.', ['Deploys', 'How we deploy, warmly.', 'Warmth', 'Text of a section.']]);
    }
    return {
      queries: ['warmth deploymnt', 'warm10'],
      load: function (key) {
        if (key === 'index') return Promise.resolve({ v: 1, n: n, kinds: [30, 10, 80, 80], prior: 1.5, step: 0.1, span: 2, seps: 'A', sums: '', md: n });
        return Promise.resolve(key === 't0' ? shard : key === 'm0' ? recs : undefined);
      }
    };
  })();

  /* A query that reads as a file or folder path (`services/payments/api/x.go`, `README.md`),
     which the handbook's CODEOWNERS rules can answer (ownerRows below), or null. */
  function codePath(q) {
    var p = q.trim();
    if (!p || /\s/.test(p)) return null;
    return p.replace(/^[./\\]+/, '') && (/[/\\]/.test(p) || /^[^./]{2,}\.[a-z][\w-]{0,9}$/i.test(p)) ? p : null;
  }
  /* Whether the rule found for a path (or that none was) is worth a row: every path
     matches a catch-all rule (`*`), so two words joined by a slash ("CI/CD", "and/or")
     get no row from one; a file name or a deeper path does. */
  function ownerTelling(path, rule) {
    return (!!rule && !/^[/*]+$/.test(rule[0])) || path.indexOf('.') >= 0 || path.split('/').length > 2;
  }

  var api = { fold: fold, pieces: pieces, normalise: normalise, stem: stem, queryTokens: queryTokens,
    codePath: codePath, ownerTelling: ownerTelling,
    decodePostings: decodePostings, decodeSeps: decodeSeps, shardOf: shardOf, shardSpan: shardSpan,
    Engine: Engine, highlight: highlight, snippet: snippet, within1: within1, typoShards: typoShards, KINDS: KINDS,
    REHEARSAL: REHEARSAL };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- Browser UI ----

  // The interface's words in the page's language: the search form's data-words, which
  // orgbook writes for a page whose words are not English (src/ui_text.rs); a counted
  // word is its forms by plural category. `word(key, english, {n: 3, q: 'x'})` takes the
  // form the page language's rules give n and fills each {hole}. page.js, orgmap.js and
  // owner.js use it as window.orgbookWord.
  var WORDS = {};
  try {
    var holder = document.querySelector('form.search[data-words]');
    WORDS = (holder && JSON.parse(holder.getAttribute('data-words'))) || {};
  } catch (e) { WORDS = {}; }
  var PLURALS = null;
  function word(key, english, fill) {
    var w = WORDS[key] !== undefined ? WORDS[key] : english;
    fill = fill || {};
    if (w && typeof w === 'object') {
      var category = 'other';
      try {
        PLURALS = PLURALS || new Intl.PluralRules(document.documentElement.lang || 'en');
        category = PLURALS.select(Number(fill.n));
      } catch (e) { category = Number(fill.n) === 1 ? 'one' : 'other'; }
      w = typeof w[category] === 'string' ? w[category] : w.other;
    }
    // split/join, not replace: a query may hold `$&`, which replace would expand.
    return Object.keys(fill).reduce(function (s, k) {
      return s.split('{' + k + '}').join(String(fill[k]));
    }, String(w === undefined ? '' : w));
  }
  window.orgbookWord = word;

  var input = document.getElementById('search-input');
  if (!input) return;
  var form = input.form, root = document.documentElement.dataset.root || '', pending = {}, seq = 0;
  var LABELS = { team: word('kind_team', 'Team'), group: word('kind_group', 'Group'), decision: word('kind_decision', 'Decision'), page: word('kind_page', 'Page'), owner: word('kind_owner', 'Code owner') };
  window.orgbookSearchLoad = function (key, data) {
    if (pending[key]) { pending[key](data); delete pending[key]; }
  };
  var engine = new Engine(function (key) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      function fail() { s.remove(); if (pending[key]) { delete pending[key]; reject(new Error(key)); } }
      pending[key] = resolve;
      s.src = root + 'search/' + key + '.js';
      s.onload = s.onerror = fail;
      document.head.appendChild(s);
    });
  });
  // The ownership index's path box (orgbook/owner.js) loads the CODEOWNERS rules through
  // this loader too, so it works from file://.
  window.orgbookSearchFile = function (key) { return engine.file(key); };
  if (!document.querySelector('link[href$="orgbook/search.css"]')) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = root + 'orgbook/search.css';
    document.head.appendChild(css);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function marked(parent, text, tokens) {
    highlight(text, tokens).forEach(function (p) {
      parent.appendChild(p.hit ? el('mark', null, p.text) : document.createTextNode(p.text));
    });
    return parent;
  }
  /* Who owns a typed path, by the handbook's CODEOWNERS rules (search/code.js, loaded on
     the first path typed, with orgbook/owner.js, which holds GitHub's matching rules):
     null when the query is no path, the handbook has no CODEOWNERS file or the answer
     says nothing (see ownerTelling), else the rows to show above the results, one per
     owning team (linking to it), or one that names the other owners or says there are
     none (linking to the ownership index, which repeats the answer). */
  var ownerJs = null;
  function ownerRows(q) {
    var typed = form && form.hasAttribute('data-code-owners') && codePath(q);
    if (!typed) return Promise.resolve(null);
    if (!ownerJs) {
      ownerJs = window.orgbookOwner ? Promise.resolve() : new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = root + 'orgbook/owner.js';
        s.onload = resolve;
        s.onerror = function () { s.remove(); ownerJs = null; reject(new Error('owner.js')); };
        document.head.appendChild(s);
      });
    }
    return Promise.all([engine.file('code'), ownerJs]).then(function (both) {
      var O = window.orgbookOwner, path = O.normalize(typed), rule = O.ownerOf(both[0].rules, path);
      if (!ownerTelling(path, rule)) return null;
      var where = rule ? rule[0] + ', ' + word('owner_rule_at', '{file} line {n}', { file: both[0].file, n: rule[1] })
        : word('owner_search_no_rule', 'No rule in {file} matches it', { file: both[0].file });
      function row(title, href, others) {
        var a = el('a', 'search-hit search-owner');
        a.href = href;
        a.appendChild(el('span', 'search-kind search-kind-owner', LABELS.owner));
        a.appendChild(el('span', 'search-title', title));
        a.appendChild(el('span', 'search-team', path));
        a.appendChild(el('span', 'search-snippet', where + (others.length ? '; ' + word('owner_search_also', 'also') + ' ' + others.join(', ') : '')));
        return a;
      }
      var teams = rule ? rule[2] : [], others = rule ? rule[3] : [];
      if (teams.length) return teams.slice(0, 3).map(function (t) { return row(t[0], root + t[1], others); });
      return [row(others.length ? others.join(', ') : word('owner_search_none', 'No code owner'),
        root + 'ownership.html?path=' + encodeURIComponent(path), [])];
    }).catch(function () { return null; });
  }

  function hitLink(rec, tokens) {
    var a = el('a', 'search-hit'), kind = KINDS[rec[2]] || 'page';
    a.href = root + rec[0];
    a.appendChild(el('span', 'search-kind search-kind-' + kind, LABELS[kind]));
    a.appendChild(marked(el('span', 'search-title'), rec[1], tokens));
    if (rec[3]) a.appendChild(el('span', 'search-team', rec[3]));
    if (rec[4]) a.appendChild(el('span', 'search-status', rec[4]));
    return rec.length > 5 ? withSnippet(a, rec, tokens) : a;
  }
  // Adds a result's section and snippet to its link (a head has neither: see run()).
  function withSnippet(a, rec, tokens) {
    var sn = snippet(rec, tokens);
    if (sn.heading) a.appendChild(marked(el('span', 'search-section'), sn.heading, tokens));
    if (sn.text) a.appendChild(marked(el('span', 'search-snippet'), sn.text, tokens));
    return a;
  }
  /* The first keystroke after a pause is answered at once (first results must not wait for
     the debounce); keystrokes that follow quickly are merged into one trailing run. A run
     that is overtaken is discarded by its sequence number, so running early is safe. */
  function debounce(fn) {
    var t, last = 0;
    return function () {
      var now = Date.now(), idle = now - last > 80;
      last = now;
      clearTimeout(t);
      if (idle) fn(); else t = setTimeout(fn, 80);
    };
  }
  /* Fetch the manifest as soon as the reader shows intent (and, for the dropdown, once
     the page is idle: see dropdown()), so that a first query does not wait for it. */
  function warm() { engine.file('index').catch(function () {}); }
  input.addEventListener('focus', warm);
  input.addEventListener('pointerenter', warm);
  /* A first query also runs code the browser has not compiled yet (analysis, scoring,
     snippets, highlighting and their Unicode regular expressions): up to a fifth of its
     time (docs/search.md, "Time to first results"). Once the page is idle, the dropdown
     rehearses (see REHEARSAL): nothing is fetched, shown or kept. */
  function rehearse() {
    var r = new Engine(REHEARSAL.load);
    REHEARSAL.queries.reduce(function (done, q) {
      return done.then(function () { return r.search(q); }).then(function (found) {
        return r.meta(found.hits.slice(0, 8).map(function (h) { return h.id; })).then(function (recs) {
          recs.forEach(function (rec) { hitLink(rec, found.tokens); });
        });
      });
    }, Promise.resolve()).catch(function () {});
  }
  function idle(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 1000 }); else setTimeout(fn, 50);
  }
  function listen(run) {
    input.addEventListener('input', function (e) { if (!e.isComposing) run(); });
    input.addEventListener('compositionend', run);
  }
  var FAILED = word('search_unavailable', 'Search is unavailable: the index could not be loaded.');

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  var page = document.getElementById('search-page');
  if (page) resultsPage(page); else dropdown();

  function dropdown() {
    var box = el('div', 'search-dropdown'), list = el('ul', 'search-list'), live = el('div', 'search-sr'), active = -1;
    list.id = 'search-listbox';
    list.setAttribute('role', 'listbox');
    live.setAttribute('aria-live', 'polite');
    box.hidden = true;
    // Eight rows with snippets are taller than the box on most screens, so it scrolls: a
    // keyboard reaches it with Tab (the options are reached with the arrow keys from the
    // box's input, and take no Tab stop of their own).
    box.tabIndex = 0;
    box.appendChild(list);
    form.appendChild(box);
    form.appendChild(live);
    [['role', 'combobox'], ['aria-autocomplete', 'list'], ['aria-controls', list.id], ['aria-expanded', 'false'],
      ['autocomplete', 'off']].forEach(function (a) { input.setAttribute(a[0], a[1]); });

    function open(on) {
      box.hidden = !on;
      input.setAttribute('aria-expanded', String(on));
      if (!on) setActive(-1);
    }
    function options() { return list.querySelectorAll('[role=option]'); }
    function setActive(i) {
      var o = options();
      if (o[active]) o[active].classList.remove('search-active');
      active = i;
      if (o[i]) {
        o[i].classList.add('search-active');
        o[i].scrollIntoView({ block: 'nearest' });
        input.setAttribute('aria-activedescendant', o[i].id);
      } else input.removeAttribute('aria-activedescendant');
    }
    function message(text) {
      list.textContent = '';
      list.removeAttribute('aria-busy');
      list.appendChild(el('li', 'search-message', text));
      live.textContent = text;
      open(true);
    }
    /* The link itself is the option (an <a href> may take role=option), so
     * an option holds no second interactive element, and a link still opens
     * in a new tab. The list item is presentational. */
    function option(link, i, before) {
      var li = el('li', 'search-item');
      li.setAttribute('role', 'none');
      link.id = 'search-opt-' + i;
      link.setAttribute('role', 'option');
      // Screen readers announce "kind, title, team, status", not the parts run together.
      var said = [];
      ['search-kind', 'search-title', 'search-team', 'search-status'].forEach(function (c) {
        var part = link.querySelector('.' + c);
        if (part && part.textContent) said.push(part.textContent);
      });
      if (said.length) link.setAttribute('aria-label', said.join(', '));
      link.tabIndex = -1;
      li.appendChild(link);
      list.insertBefore(li, before || null);
    }
    /* Each shown result has its own metadata file. When a term file the query loaded
       carries the top result as a head, its row (kind, title, team, status, link) is shown
       at once, and every row's file is asked for at once; the top row's section and
       snippet are added when its file is in. Otherwise the top result's file is asked
       for alone (files asked for together slow each other down: 8 at once take about
       three times as long to deliver the first as one alone), and its row is shown as
       soon as it is in; then the other rows' files are asked for at once. Rows appear
       in rank order. The list is aria-busy until every row is whole; the footer link is
       there from the first row on. */
    function run() {
      var q = input.value, my = ++seq;
      if (!q.trim()) { open(false); return; }
      Promise.all([engine.search(q), ownerRows(q)]).then(function (both) {
        if (my !== seq) return;
        // Owner rows take their places from the results: the dropdown keeps its 8 rows.
        var r = both[0], owners = both[1] || [];
        var ids = r.hits.slice(0, 8 - owners.length).map(function (h) { return h.id; }), recs = [], shown = 0, all, head;
        if (!ids.length && !owners.length) return message(word('search_no_results', 'No results for “{q}”', { q: q }));
        function show() {
          if (my !== seq) return;
          if (!all) {
            list.textContent = '';
            active = -1;
            list.setAttribute('aria-busy', 'true');
            all = el('a', 'search-all', r.total > r.hits.length ? word('search_about_results', 'About {n} results for “{q}”', { n: r.total, q: q })
              : r.total === 1 ? word('search_one_result', 'All 1 result for “{q}”', { q: q }) : word('search_all_results', 'All {n} results for “{q}”', { n: r.total, q: q }));
            all.href = root + 'search.html?q=' + encodeURIComponent(q);
            if (ids.length) option(all, ids.length);
            owners.forEach(function (a, i) { option(a, 'owner-' + i, all.parentNode); });
            live.textContent = owners.length ? word('search_live_owner', 'Code owner found, {n} results', { n: r.total }) : word('search_live', '{n} results', { n: r.total });
            open(true);
          }
          var at = all.parentNode, current = options()[active];
          for (; shown < ids.length && recs[shown]; shown++) option(hitLink(recs[shown], r.tokens), shown, at);
          if (current) active = Array.prototype.indexOf.call(options(), current);
          if (shown === ids.length && !head) list.removeAttribute('aria-busy');
        }
        function row(i) {
          return engine.meta([ids[i]]).then(function (rec) {
            if (i === 0 && head) {
              if (my === seq) withSnippet(head, rec[0], r.tokens);
              head = null;
            } else recs[i] = rec[0];
            show();
          });
        }
        if (!ids.length) return show();
        var top = engine.head(ids[0]);
        if (top) {
          recs[0] = top;
          head = true;
          show();
          head = options()[0];
          return Promise.all(ids.map(function (_, i) { return row(i); }));
        }
        return row(0).then(function () {
          return my === seq && Promise.all(ids.slice(1).map(function (_, i) { return row(i + 1); }));
        });
      }).catch(function () { if (my === seq) message(FAILED); });
    }
    listen(debounce(run));
    /* Once the page is idle: the manifest (about 2 KB), so that the first query needs two
       rounds of loads (term shards, then the shown results' metadata), then the rehearsal. */
    function whenLoaded() { idle(warm); idle(rehearse); }
    if (document.readyState === 'complete') whenLoaded(); else window.addEventListener('load', whenLoaded);
    input.addEventListener('focus', function () { if (input.value.trim() && list.firstChild) open(true); });
    input.addEventListener('keydown', function (e) {
      var n = options().length, k = e.key;
      if (k === 'ArrowDown' || k === 'ArrowUp') {
        e.preventDefault();
        if (box.hidden) { if (input.value.trim()) run(); } else if (n) setActive(k === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
      } else if (k === 'Enter' && !box.hidden && active >= 0) {
        e.preventDefault();
        window.location.href = options()[active].href;
      } else if (k === 'Escape' && !box.hidden) {
        e.preventDefault();
        open(false);
      }
    });
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) open(false); });
    form.addEventListener('submit', function (e) { if (!input.value.trim()) e.preventDefault(); });
  }

  function resultsPage(page) {
    var GROUPS = [['kind', word('facet_kind', 'Kind')], ['status', word('status_column', 'Status')], ['type', word('type_column', 'Type')], ['team', LABELS.team]];
    var params = new URLSearchParams(window.location.search), last = null;
    // sel: the chosen values by group, as the URL names them; teams: the chosen teams
    // by number (see teamNumber), each with its name (a name no team has gets a
    // negative number, so it stays chosen and matches nothing).
    var state = { q: params.get('q') || '', shown: 10, sel: {}, expand: {}, teams: new Map() };
    GROUPS.forEach(function (g) { state.sel[g[0]] = new Set(params.getAll(g[0])); });
    input.value = state.q;
    page.textContent = '';
    var summary = el('p', 'search-summary'), layout = el('div', 'search-layout');
    var facets = el('aside', 'search-facets'), results = el('div');
    summary.setAttribute('aria-live', 'polite');
    facets.setAttribute('aria-label', word('filter_results', 'Filter results'));
    layout.appendChild(facets);
    layout.appendChild(results);
    page.appendChild(summary);
    page.appendChild(layout);

    function value(c, g, id) {
      if (g === 'kind') return KINDS[c.kind[id]];
      if (g === 'type') return c.type[id] ? String(c.type[id]) : '';
      return c[g][id] || '';
    }
    function chosen(g) { return g === 'team' ? state.teams : state.sel[g]; }
    function passes(c, id, except) {
      return GROUPS.every(function (g) {
        var s = chosen(g[0]);
        return g[0] === except || !s.size || s.has(value(c, g[0], id));
      });
    }
    function chosenTeams() {
      var names = Array.from(state.sel.team);
      return Promise.all(names.map(function (n) { return engine.teamNumber(n); })).then(function (nums) {
        state.teams = new Map();
        nums.forEach(function (t, i) { state.teams.set(t || -1 - i, names[i]); });
      });
    }
    function syncUrl() {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      GROUPS.forEach(function (g) { state.sel[g[0]].forEach(function (v) { p.append(g[0], v); }); });
      try { window.history.replaceState(null, '', '?' + p); } catch (e) { /* some browsers refuse on file:// */ }
    }
    function more(text, fn) {
      var b = el('button', 'search-more', text);
      b.type = 'button';
      b.addEventListener('click', fn);
      return b;
    }

    function render() {
      var my = ++seq, q = state.q;
      if (!q.trim()) {
        summary.textContent = 'Type in the search box above to search the handbook.';
        facets.textContent = results.textContent = '';
        return;
      }
      var found = last && last.q === q ? Promise.resolve(last.r) : engine.search(q);
      var faceted = found.then(function (r) { return engine.facets(r.hits.map(function (h) { return h.id; })); });
      Promise.all([found, faceted, ownerRows(q), chosenTeams()]).then(function (both) {
        var r = both[0], c = both[1], owners = both[2] || [];
        if (my !== seq) return;
        last = { q: q, r: r };
        var hits = r.hits.filter(function (h) { return passes(c, h.id, null); });
        var drawn = drawFacets(r.hits, c, my);
        var best = r.total > r.hits.length;
        summary.textContent = (best
          ? word('search_summary_best', 'The best {n} of about {m} results for “{q}”. Type more to narrow them down.', { n: r.hits.length, m: r.total, q: q })
          : word('search_summary', { one: '{n} result for “{q}”', other: '{n} results for “{q}”' }, { n: hits.length, q: q })) +
          (r.partial ? (best ? ' ' : word('sentence_end', '.') + ' ') + word('search_partial', 'No page has all the words; these have some of them.') : '');
        var rows = engine.meta(hits.slice(0, state.shown).map(function (h) { return h.id; }));
        return Promise.all([rows, drawn]).then(function (both) {
          var recs = both[0];
          if (my !== seq) return;
          var ol = el('ol', 'search-list');
          owners.forEach(function (a) { ol.appendChild(el('li', 'search-item')).appendChild(a); });
          recs.forEach(function (rec) { ol.appendChild(el('li', 'search-item')).appendChild(hitLink(rec, r.tokens)); });
          results.textContent = '';
          results.appendChild(ol);
          if (hits.length > state.shown) results.appendChild(more(word('search_show_more', 'Show more results'), function () { state.shown += 10; render(); }));
          if (!hits.length && !owners.length) results.appendChild(el('p', 'search-message', word('search_nothing', 'No results. Try fewer or shorter words, or clear the filters.')));
        });
      }).catch(function () { if (my === seq) summary.textContent = FAILED; });
    }

    // Counts for each group ignore that group's own selection, so a chosen
    // value still shows what the alternatives would give. Teams are counted by number
    // and only the names shown are loaded.
    function drawFacets(all, c, my) {
      var groups = GROUPS.map(function (g) {
        var name = g[0], counts = new Map(), sel = chosen(name);
        all.forEach(function (h) {
          var v = passes(c, h.id, name) && value(c, name, h.id);
          if (v) counts.set(v, (counts.get(v) || 0) + 1);
        });
        sel.forEach(function (_, v) { if (!counts.has(v)) counts.set(v, 0); });
        var entries = Array.from(counts);
        // Team numbers follow their names' order, so ties sort by name either way.
        entries.sort(name === 'kind' ? function (a, b) { return KINDS.indexOf(a[0]) - KINDS.indexOf(b[0]); }
          : name === 'type' ? undefined : function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
        var limit = state.expand[name] ? Infinity : 8;
        return { g: g, sel: sel, entries: entries, limit: limit,
          shown: entries.filter(function (e, i) { return i < limit || sel.has(e[0]); }) };
      });
      var teams = groups[3].shown.map(function (e) { return e[0]; });
      return engine.teamNames(teams).then(function (names) {
        if (my !== seq) return;
        facets.textContent = '';
        groups.forEach(function (x) { drawGroup(x, names, all, c); });
      });
    }

    function drawGroup(x, names, all, c) {
      var name = x.g[0];
      if (!x.entries.length) return;
      var fs = el('fieldset', 'search-facet');
      fs.appendChild(el('legend', null, x.g[1]));
      x.shown.forEach(function (e) {
        var label = el('label'), box = label.appendChild(el('input'));
        var team = name === 'team' && (e[0] > 0 ? names.get(e[0]) : state.teams.get(e[0]));
        box.type = 'checkbox';
        box.checked = x.sel.has(e[0]);
        box.addEventListener('change', function () {
          if (team) {
            state.sel.team[box.checked ? 'add' : 'delete'](team);
          } else {
            state.sel[name][box.checked ? 'add' : 'delete'](e[0]);
          }
          state.shown = 10;
          syncUrl();
          render();
        });
        label.appendChild(document.createTextNode(' ' + (name === 'kind' ? LABELS[e[0]] : name === 'type' ? word('type_n', 'Type {n}', { n: e[0] }) : team || e[0]) + ' '));
        label.appendChild(el('span', 'search-count', String(e[1])));
        fs.appendChild(label);
      });
      if (x.entries.length > x.limit) fs.appendChild(more(word('search_show_all', 'Show all {n}', { n: x.entries.length }), function () { state.expand[name] = true; drawFacets(all, c, seq); }));
      facets.appendChild(fs);
    }

    listen(debounce(function () { state.q = input.value; state.shown = 10; syncUrl(); render(); }));
    form.addEventListener('submit', function (e) { e.preventDefault(); state.q = input.value; syncUrl(); render(); });
    render();
  }
})();
