// Rust/JS agreement on text analysis: DIR/search/ holds an index whose
// document d<i> has line i of cross.txt (tricky Unicode, punctuation, CJK,
// numbers) as title and body. The client analyses each line as a query, both
// while typing (no trailing space) and complete, and must find d<i> in its
// top 3. A mismatch between analysis.rs and search.js shows up as a miss.
// Run by tests/suite/search_js.rs, which writes DIR.
// Usage: node cross.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const S = require(path.join(__dirname, '../../themes/default/static/orgbook/search.js'));
const dir = process.argv[2];
const engine = new S.Engine(key => new Promise((resolve, reject) => {
  let src;
  try { src = fs.readFileSync(path.join(dir, 'search', key + '.js'), 'utf8'); } catch (e) { return reject(e); }
  vm.runInNewContext(src, { orgbookSearchLoad: (k, d) => resolve(d) });
}));
const lines = fs.readFileSync(path.join(__dirname, 'cross.txt'), 'utf8').split('\n').filter(Boolean);
(async () => {
  let passed = 0, failed = 0;
  for (let i = 0; i < lines.length; i++) {
    for (const q of [lines[i], lines[i] + ' ']) {
      const r = await engine.search(q);
      const recs = await engine.meta(r.hits.slice(0, 3).map(h => h.id));
      const rank = recs.findIndex(x => x[0] === `d${i}.html`);
      if (rank >= 0) passed++;
      else { failed++; console.log('FAIL', JSON.stringify(q), 'terms', S.queryTokens(q).map(t => t.term), 'got', recs.map(x => x[0])); }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
})();
