// The client in Node on an index the real binary built from the handbook that
// tests/suite/search_reading.rs writes (sharded by filler pages): one typo
// tolerated in words of 5+ letters and ranked below exact matches, an exact
// title ranked first over documents that score higher, snippets from the
// matching section, and the files each query loads.
// Usage: node reading.js SITE_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const assert = require('assert');
const dir = process.argv[2];
// The client as the site ships it: comments and indentation stripped by
// build.rs (src/search/jsmin.rs), so these checks also cover the stripping.
const SHIPPED = path.join(dir, 'orgbook/search.js');
const SOURCE = path.join(__dirname, '../../themes/default/static/orgbook/search.js');
const S = require(SHIPPED);
let passed = 0, failed = 0;

function makeEngine() {
  const files = [];
  const engine = new S.Engine(key => new Promise((resolve, reject) => {
    let src;
    try { src = fs.readFileSync(path.join(dir, 'search', key + '.js'), 'utf8'); } catch (e) { return reject(e); }
    files.push(key);
    vm.runInNewContext(src, { orgbookSearchLoad: (k, data) => { assert.strictEqual(k, key); resolve(data); } });
  }));
  return { engine, files };
}

// Runs q cold; returns hits with url, score and record, and the files loaded.
async function query(q) {
  const { engine, files } = makeEngine();
  const r = await engine.search(q);
  const top = r.hits.slice(0, 20);
  const recs = await engine.meta(top.map(h => h.id));
  const hits = top.map((h, i) => ({ url: recs[i][0], score: h.score, rec: recs[i] }));
  const searchFiles = files.filter(f => f[0] === 't' || f[0] === 'p' || f === 'index');
  return { r, hits, files: searchFiles, engine };
}

async function check(name, fn) {
  try { await fn(); passed++; } catch (e) { failed++; console.log('FAIL', name, '-', e.message); }
}
const at = (hits, url) => hits.findIndex(h => h.url === url);

(async () => {
  await check('the shipped client is the source without its comments', async () => {
    const shipped = fs.readFileSync(SHIPPED, 'utf8'), source = fs.readFileSync(SOURCE, 'utf8');
    assert.ok(shipped.length < source.length * 0.85, `${shipped.length} of ${source.length} bytes`);
    assert.ok(!shipped.includes('Snowball English (Porter2)'), 'a comment survived');
    assert.ok(shipped.includes("'use strict'"));
  });
  const manifest = (await makeEngine().engine.file('index'));
  const seps = manifest.seps;

  await check('"paymnts": the exact spelling first, then "payments" through one typo', async () => {
    for (const q of ['paymnts', 'paymnts ']) {
      const { hits } = await query(q);
      const exact = at(hits, 'guide/scratch.html'), typo = at(hits, 'guide/card-handling.html');
      assert.ok(exact === 0, `${q}: ${hits.map(h => h.url)}`);
      assert.ok(typo > exact, `${q}: ${hits.map(h => h.url)}`);
    }
  });
  await check('a misspelt word found nowhere: deletion, insertion, substitution, transposition', async () => {
    for (const [q, url] of [['onbaording', 'guide/first-week.html'], ['onboardng ', 'guide/first-week.html'],
      ['onboardiing', 'guide/first-week.html'], ['onboerding', 'guide/first-week.html'],
      ['deploymnet', 'guide/shipping.html'], ['reachabel ', 'guide/on-call.html']]) {
      const { hits } = await query(q);
      assert.ok(hits.length && hits[0].url === url, `${q}: ${hits.map(h => h.url).slice(0, 3)}`);
    }
  });
  await check('no typo tolerance under 5 letters, nor for two typos', async () => {
    assert.strictEqual((await query('chta ')).hits.length, 0);
    assert.strictEqual((await query('onbaordng ')).hits.length, 0);
  });
  await check('a correctly spelt word loads no more shards than before', async () => {
    const { files } = await query('payments');
    const want = new Set(['index', 't' + S.shardOf(seps, 'payment'), 't' + S.shardOf(seps, 'payment\t')]);
    assert.deepStrictEqual(new Set(files), want);
  });
  await check('a misspelt word loads at most one shard more', async () => {
    for (const q of ['onbaording', 'deploymnet', 'paymnts ']) {
      const t = S.queryTokens(q)[0];
      const { files } = await query(q);
      const first = new Set(['index', 't' + S.shardOf(seps, t.term), 't' + S.shardOf(seps, t.term + '\t')]);
      if (t.prefix) for (let i = S.shardSpan(seps, t.raw)[0]; i <= S.shardSpan(seps, t.raw)[1]; i++) first.add('t' + i);
      const more = files.filter(f => !first.has(f));
      assert.ok(more.length <= 1, `${q}: ${files}`);
    }
  });
  await check('typo matches are highlighted', async () => {
    const { r } = await query('paymnts ');
    const parts = S.highlight('Card payments settle nightly.', r.tokens);
    assert.deepStrictEqual(parts.filter(p => p.hit).map(p => p.text), ['payments']);
  });
  await check('an exact title ranks first, above documents that score higher', async () => {
    for (const [q, url, rival] of [['slack', 'guide/slack.html', 'teams/slack-admins.html'],
      ['Slack ', 'guide/slack.html', 'teams/slack-admins.html'],
      ['on-call', 'guide/on-call.html', 'teams/incident-response.html'],
      ['On call ', 'guide/on-call.html', 'teams/incident-response.html']]) {
      const { hits } = await query(q);
      const other = hits[at(hits, rival)];
      assert.strictEqual(hits[0].url, url, `${q}: ${hits.map(h => h.url)}`);
      assert.ok(other && other.score > hits[0].score, `${q}: ${rival} should score higher without the title rule`);
    }
  });
  await check('a team name typed in full is its title', async () => {
    const { hits } = await query('slack admins');
    assert.strictEqual(hits[0].url, 'teams/slack-admins.html');
  });
  await check('the snippet comes from the section that matched, heading apart', async () => {
    for (const [q, heading, start] of [['escalation', 'Escalation policy', 'If nobody answers'],
      ['secondary responder', 'Escalation policy', 'If nobody answers'],
      ['tangerine', 'Handover', 'Write handover notes'], ['primary', 'Paging', 'We page the primary']]) {
      const { hits, r } = await query(q);
      const h = hits[at(hits, 'guide/on-call.html')];
      assert.ok(h, `${q}: ${hits.map(x => x.url)}`);
      const s = S.snippet(h.rec, r.tokens);
      assert.strictEqual(s.heading, heading, q);
      assert.ok(s.text.startsWith(start), `${q}: ${s.text}`);
      assert.ok(!/Paging|Escalation policy|Handover\b/.test(s.text), `${q}: heading glued into ${s.text}`);
    }
    const { hits, r } = await query('reachable');
    const s = S.snippet(hits[0].rec, r.tokens);
    assert.deepStrictEqual(s, { heading: '', text: 'Being reachable outside office hours, in turns.' });
  });
  await check('no excerpt runs a heading into the text', async () => {
    const { hits } = await query('slack admins');
    const rec = hits[0].rec;
    assert.ok(!rec[6].includes('Slack We run'), rec[6]);
    assert.strictEqual(JSON.stringify(rec[7].filter((_, i) => i % 2 === 0)), '["Slack"]');
  });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
})();
