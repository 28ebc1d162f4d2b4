// Runs one query with the client as the site ships it, on an index the real binary
// built, and prints the top results' addresses as a JSON array.
// Usage: node query.js SITE_DIR QUERY
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const [dir, q] = process.argv.slice(2);
const S = require(path.join(dir, 'orgbook/search.js'));
const engine = new S.Engine(key => new Promise((resolve, reject) => {
  let src;
  try { src = fs.readFileSync(path.join(dir, 'search', key + '.js'), 'utf8'); } catch (e) { return reject(e); }
  vm.runInNewContext(src, { orgbookSearchLoad: (k, data) => resolve(data) });
}));
(async () => {
  const r = await engine.search(q);
  const top = r.hits.slice(0, 5);
  const recs = await engine.meta(top.map(h => h.id));
  console.log(JSON.stringify(recs.map(rec => rec[0])));
})().catch(e => { console.error(e); process.exit(1); });
