// The client's query engine in Node, on a synthetic index: loads DIR/search/*.js
// the way <script> tags would, checks the expected top hits in DIR/expect.json
// ([query, url, top] triples), as-you-type ranking, highlighting, query
// tokens and shard selection, and that no measured query transfers more than
// 100 KB. Run by tests/suite/search_js.rs, which writes DIR.
// Usage: node harness.js DIR [--quiet]
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const assert = require('assert');
// The client as the binary ships it (without comments), which the test writes beside
// the index, so the bytes counted are the bytes a browser downloads.
const dirArg = process.argv[2];
const shipped = path.join(dirArg, 'orgbook/search.js');
const JS = fs.existsSync(shipped) ? shipped : path.join(__dirname, '../../themes/default/static/orgbook/search.js');
const S = require(JS);
const dir = process.argv[2];
const quiet = process.argv.includes('--quiet');
const jsBytes = fs.statSync(JS).size;
let passed = 0, failed = 0;
function check(name, fn) {
  try { fn(); passed++; } catch (e) { failed++; console.log('FAIL', name, '-', e.message); }
}

// A loader that evaluates the shard script the way a <script> tag would.
function makeEngine() {
  const stats = { bytes: 0, files: [] };
  const engine = new S.Engine(key => new Promise((resolve, reject) => {
    const file = path.join(dir, 'search', key + '.js');
    let src;
    try { src = fs.readFileSync(file, 'utf8'); } catch (e) { return reject(e); }
    stats.bytes += Buffer.byteLength(src);
    stats.files.push(key);
    const sandbox = { orgbookSearchLoad: (k, data) => { assert.strictEqual(k, key); resolve(data); } };
    vm.runInNewContext(src, sandbox);
  }));
  return { engine, stats };
}

async function query(q, opts = {}) {
  const { engine, stats } = makeEngine();
  const r = await engine.search(q);
  const top = r.hits.slice(0, opts.page ? 10 : 8).map(h => h.id);
  const recs = await engine.meta(top);
  let facets = null, names = null, numbers = null;
  if (opts.page) {
    facets = await engine.facets(r.hits.map(h => h.id));
    names = await engine.teamNames(top.map(id => facets.team[id]));
  }
  // What the page loads; the checks below load more.
  const bytes = stats.bytes + jsBytes, files = stats.files.slice();
  if (opts.page) numbers = await Promise.all(top.map(id => engine.teamNumber(names.get(facets.team[id]) || '')));
  return { r, recs, top, facets, names, numbers, bytes, files };
}

(async () => {
  const expect = JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8'));
  const total = fs.readdirSync(path.join(dir, 'search')).reduce((a, f) => a + fs.statSync(path.join(dir, 'search', f)).size, 0);
  const nfiles = fs.readdirSync(path.join(dir, 'search')).length;

  // Expected hits from the generator: team names, owned items and leads,
  // "ADR n", "000n", "adrN", folded and CJK text, markup as text.
  for (const [q, url, top] of expect) {
    const { engine } = makeEngine();
    const r = await engine.search(q);
    const recs = await engine.meta(r.hits.slice(0, top).map(h => h.id));
    check(`"${q}" → ${url} in top ${top}`, () => assert.ok(recs.some(x => x[0] === url), `got ${recs.map(x => x[0]).slice(0, 3)}`));
  }

  // As-you-type: every prefix of a team name keeps the team in the top 8 once
  // it is 3+ characters, and the completed name ranks it first.
  const teamQ = expect[0][0], teamUrl = expect[0][1];
  const single = nfiles === 1;
  const typing = makeEngine();
  const perKey = [];
  for (let i = 1; i <= teamQ.length; i++) {
    const before = typing.stats.bytes;
    const r = await typing.engine.search(teamQ.slice(0, i));
    const recs = await typing.engine.meta(r.hits.slice(0, 8).map(h => h.id));
    perKey.push(typing.stats.bytes - before);
    if (i >= 3 && teamQ[i - 1] !== ' ') {
      check(`typing "${teamQ.slice(0, i)}" keeps ${teamUrl} in top 8`, () => assert.ok(recs.some(x => x[0] === teamUrl), recs.map(x => x[0]).join(',')));
    }
  }

  // Highlighting and tokens.
  check('highlight marks stems and prefixes', () => {
    const toks = S.queryTokens('deploying postg');
    const parts = S.highlight('We deployed Postgres to Zürich.', toks);
    assert.deepStrictEqual(parts.filter(p => p.hit).map(p => p.text), ['deployed', 'Postgres']);
  });
  check('highlight folds diacritics', () => {
    const parts = S.highlight('Office in Zürich', S.queryTokens('zurich '));
    assert.deepStrictEqual(parts.filter(p => p.hit).map(p => p.text), ['Zürich']);
  });
  check('highlight CJK', () => {
    const parts = S.highlight('新的支付系统上线', S.queryTokens('支付'));
    assert.deepStrictEqual(parts.filter(p => p.hit).map(p => p.text), ['支付']);
  });
  check('query tokens', () => {
    const t = S.queryTokens('The ADR 0007 payments po');
    assert.deepStrictEqual(t.map(x => [x.raw, x.term, x.prefix]), [['adr', 'adr', false], ['0007', '7', false], ['payments', 'payment', false], ['po', 'po', true]]);
    assert.deepStrictEqual(S.queryTokens('the who').map(x => x.raw), ['who']);
    assert.deepStrictEqual(S.queryTokens('the it ').map(x => x.raw), ['the', 'it']);
    assert.deepStrictEqual(S.queryTokens('Billing-API').phrase, { raw: 'bill api', term: 'bill api', prefix: true, stem: false });
    assert.deepStrictEqual(S.queryTokens("Don't O’Brien").map(x => x.raw), ['dont', 'obrien']);
    assert.deepStrictEqual(S.queryTokens('支付系统').map(x => x.raw), ['支付', '付系', '系统']);
  });
  check('shard selection mirrors Rust', () => {
    const seps = ['', 'b', 'co', 'com', 'con', 'd'];
    assert.strictEqual(S.shardOf(seps, 'a'), 0);
    assert.strictEqual(S.shardOf(seps, 'cat'), 1);
    assert.strictEqual(S.shardOf(seps, 'compani'), 3);
    assert.strictEqual(S.shardOf(seps, 'zebra'), 5);
    assert.deepStrictEqual(S.shardSpan(seps, 'c'), [1, 4]);
    assert.deepStrictEqual(S.shardSpan(seps, 'com'), [3, 3]);
  });

  // The dropdown's rehearsal (rehearse() in search.js) runs these queries while the page
  // is idle and drops any error silently, so they must work here: a typo found through
  // its stem, completions of a prefix, rows with a section snippet.
  const rehearsal = new S.Engine(S.REHEARSAL.load);
  const rehearsed = [];
  for (const q of S.REHEARSAL.queries) {
    const r = await rehearsal.search(q);
    rehearsed.push({ r, recs: await rehearsal.meta(r.hits.slice(0, 8).map(h => h.id)) });
  }
  check('the rehearsal runs every step of a query', () => {
    const [typo, prefix] = rehearsed;
    assert.deepStrictEqual(typo.r.tokens.map(t => [t.raw, t.alt]), [['warmth', []], ['deploymnt', ['deployment', 'deploy']]]);
    assert.ok(typo.recs.length > 0 && typo.recs.every(Boolean), 'rows for the typo');
    assert.deepStrictEqual(S.snippet(typo.recs[0], typo.r.tokens), { heading: 'Deploys', text: 'How we deploy, warmly.' });
    assert.ok(prefix.r.tokens[0].prefix && prefix.r.hits.length > 100, `${prefix.r.hits.length} completions`);
    assert.strictEqual(prefix.recs.length, 8);
  });

  // Transfer per query (cold cache: script + every index file it needs).
  const queries = ['payments', 'p', 'co', 'comp', 'postgres migration', 'ADR 42', 'oncall rotation escalation', teamQ, 'zurich', '支付', 'team process review incident'];
  const rows = [];
  let worst = 0;
  for (const q of queries) {
    const d = await query(q);
    const p = await query(q, { page: true });
    worst = Math.max(worst, d.bytes, p.bytes);
    // The facets the results page counts say what each shown result's record says.
    check(`facets of "${q}" agree with its records`, () => {
      assert.ok(p.r.hits.every(h => p.facets.kind[h.id] !== undefined), 'a facet per hit');
      p.top.forEach((id, i) => {
        const rec = p.recs[i];
        const team = p.facets.team[id];
        assert.deepStrictEqual([p.facets.kind[id], team ? p.names.get(team) : '', p.facets.status[id], p.facets.type[id]],
          [rec[2], rec[3] || '', rec[4] || '', rec[5] || 0], `document ${id}`);
        // A team's name leads back to its number, as a team chosen in the URL does.
        assert.strictEqual(p.numbers[i], team, `team number of ${rec[3]}`);
      });
    });
    rows.push(`  ${JSON.stringify(q).padEnd(32)} hits ${String(d.r.hits.length).padStart(5)}  dropdown ${(d.bytes / 1024).toFixed(1).padStart(5)} KB (${d.files.length} files)  results page ${(p.bytes / 1024).toFixed(1).padStart(5)} KB (${p.files.length} files)`);
  }
  if (expect.length < 120) check('a small handbook ships one index file', () => assert.ok(single, `${nfiles} files`));
  check('every measured query is at most 100 KB including the script', () => assert.ok(worst <= 100 * 1024, `worst ${worst}`));
  if (!quiet) {
    console.log(`${dir}: ${nfiles} files, ${(total / 1024).toFixed(0)} KB index; search.js ${(jsBytes / 1024).toFixed(1)} KB`);
    console.log(rows.join('\n'));
    console.log(`  typing "${teamQ}": new bytes per keystroke ${perKey.map(b => (b / 1024).toFixed(1)).join(' ')} KB; total ${(perKey.reduce((a, b) => a + b, 0) / 1024 + jsBytes / 1024).toFixed(1)} KB with script`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
})();
