// The ownership index's "Who owns a file or folder?" matcher (orgbook/owner.js) on
// GitHub's own CODEOWNERS example: which rule owns which path, the last match winning.
// Usage: node owner_of.js
'use strict';
const path = require('path');
const assert = require('assert');
const O = require(path.join(__dirname, '../../themes/default/static/orgbook/owner.js'));
let passed = 0, failed = 0;
function check(name, fn) {
  try { fn(); passed++; } catch (e) { failed++; console.log('FAIL', name, '-', e.message); }
}
// [pattern, line, teams, others], as ownership/code.json has them.
const rules = [
  ['*', 1, [], ['@global-owner1']],
  ['*.js', 2, [], ['@js-owner']],
  ['*.go', 3, [], ['docs@example.com']],
  ['docs/*', 4, [], ['docs@example.com']],
  ['apps/', 5, [], ['@octocat']],
  ['/docs/', 6, [], ['@doctocat']],
  ['/build/logs/', 7, [], ['@doctocat']],
  ['**/logs', 8, [], ['@octocat']],
  ['/apps/', 9, [], ['@octocat']],
  ['/apps/github', 10, [], []],
  ['/services/payments/', 11, [['Payments', 'teams/payments.html']], []],
  ['/web/checkout flow/', 12, [['Checkout', 'teams/checkout.html']], []],
];
const owner = p => { const r = O.ownerOf(rules, p); return r && r[1]; };
for (const [p, line] of [
  ['README.md', 1],
  ['src/app.js', 2],
  ['cmd/main.go', 3],
  ['docs/getting-started.md', 6],
  ['docs/build-app/troubleshooting.md', 6],
  ['build/logs/today.log', 8],
  ['deep/down/logs/x', 8],
  ['x/apps/y.txt', 5],
  ['apps/web/index.html', 9],
  ['apps/github/readme.md', 10],
  ['/services/payments/api/handler.go', 11],
  ['./services/payments', 11],
  ['services/payments/', 11],
  ['web/checkout flow/cart.ts', 12],
  ['servicesXpayments/a', 1],
]) {
  check(p, () => assert.strictEqual(owner(p), line));
}
check('a blank path matches nothing', () => assert.strictEqual(O.ownerOf(rules, '  '), null));
check('dir/* matches the files directly in dir only', () => {
  const re = O.matcher('docs/*');
  assert.ok(re.test('docs/a.md'));
  assert.ok(!re.test('docs/a/b.md'));
});
check('a pattern without a slash matches at any depth', () => {
  assert.ok(O.matcher('Makefile').test('tools/Makefile'));
  assert.ok(!O.matcher('/Makefile').test('tools/Makefile'));
});
check('regex characters in a pattern are literal', () => {
  assert.ok(O.matcher('/a+b(c)/').test('a+b(c)/x'));
  assert.ok(!O.matcher('/a+b(c)/').test('aab(c)/x'));
});

// The header search (orgbook/search.js) asks the rules only for a query that reads as a
// path, and shows a row only when the answer says something.
const S = require(path.join(__dirname, '../../themes/default/static/orgbook/search.js'));
for (const [q, want] of [
  ['services/payments/api/handler.go', 'services/payments/api/handler.go'],
  ['  /docs/  ', '/docs/'],
  ['README.md', 'README.md'],
  ['.github/CODEOWNERS', '.github/CODEOWNERS'],
  ['web\\app.ts', 'web\\app.ts'],
  ['payments team', null],
  ['web/checkout flow', null],
  ['e.g', null],
  ['v1.2', null],
  ['Dockerfile', null],
  ['/', null],
  ['./', null],
]) {
  check(`codePath ${JSON.stringify(q)}`, () => assert.strictEqual(S.codePath(q), want));
}
check('a catch-all says nothing of two words joined by a slash', () => {
  const any = ['*', 1, [], ['@global-owner1']];
  assert.ok(!S.ownerTelling('CI/CD', any));
  assert.ok(!S.ownerTelling('and/or', null));
  assert.ok(S.ownerTelling('README.md', any));
  assert.ok(S.ownerTelling('tools/ci/run', any));
  assert.ok(S.ownerTelling('services/payments', ['/services/payments/', 11, [], []]));
});
console.log(`owner_of.js: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
