// The client's Porter2 stemmer against the rust-stemmers crate the builder
// uses: FILE has one "word<TAB>stem" line per word, written by
// tests/suite/search_js.rs with rust-stemmers.
// Usage: node stem.js FILE
'use strict';
const fs = require('fs');
const path = require('path');
const S = require(path.join(__dirname, '../../themes/default/static/orgbook/search.js'));
let passed = 0, failed = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line) continue;
  const [word, want] = line.split('\t');
  const got = S.stem(word);
  if (got === want) passed++;
  else if (failed++ < 20) console.log(`FAIL ${word}: client ${got}, rust-stemmers ${want}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || !passed ? 1 : 0;
