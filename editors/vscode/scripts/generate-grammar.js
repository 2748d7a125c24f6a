#!/usr/bin/env node
// Writes syntaxes/deallang.tmLanguage.json, the TextMate grammar VS Code highlights DealLang with, from the ANTLR
// grammar's own keyword list (grammar/DealLang.g4), so the highlighter cannot drift from the parser:
//   node scripts/generate-grammar.js          regenerate the committed file
//   node scripts/generate-grammar.js --check  fail if the committed file differs from what the grammar gives
// Keywords are the lexer rules whose alternatives are all quoted words (TRANCHE : 'tranche';). Which of them open
// a declaration, which are compute units and which are word operators is read from the parser rules too: the
// first token of each '...Decl' and '...Rule' rule, the alternatives of 'measureUnit', the operators of 'expr'.
// Everything else in the file (numbers with suffixes, dates, day counts, strings, comments) follows the lexer
// rules of the same names, by hand, below.
'use strict';
const fs = require('fs');
const path = require('path');
const { emitJSON, schema } = require('tmlanguage-generator');

const root = path.resolve(__dirname, '..', '..', '..');
const g4Path = path.join(root, 'grammar', 'DealLang.g4');
const outPath = path.resolve(__dirname, '..', 'syntaxes', 'deallang.tmLanguage.json');

/** The grammar's text without comments (rule bodies may hold '//' inside quotes, so only line starts and tails). */
function readGrammar() {
  return fs.readFileSync(g4Path, 'utf8').split('\n').map(line => line.replace(/^\s*\/\/.*$/, '').replace(/\s+\/\/.*$/, '')).join('\n');
}

/** Lexer rules made only of quoted words: token name -> the words ('GPU' -> ['gpu', 'gpus']). */
function keywordTokens(g4) {
  const tokens = new Map();
  const rule = /^([A-Z][A-Z_0-9]*)\s*:\s*((?:'[^']+'\s*\|?\s*)+);/gm;
  for (const m of g4.matchAll(rule)) {
    const words = [...m[2].matchAll(/'([^']+)'/g)].map(w => w[1]);
    if (words.every(w => /^[A-Za-z_][A-Za-z_/]*$/.test(w))) {
      tokens.set(m[1], words);
    }
  }
  return tokens;
}

/** A parser rule's body (between ':' and the ';' that ends it). */
function ruleBody(g4, name) {
  const m = new RegExp(`^${name}\\s*\\n?\\s*:([\\s\\S]*?)^\\s*;`, 'm').exec(g4);
  if (!m) throw new Error(`rule ${name} not found in grammar/DealLang.g4`);
  return m[1];
}

function classify(g4, tokens) {
  const declarations = new Set();
  for (const m of g4.matchAll(/^([a-z][A-Za-z]*(?:Decl|Rule))\s*\n\s*:\s*([A-Z][A-Z_]*)/gm)) {
    if (tokens.has(m[2])) declarations.add(m[2]);
  }
  const units = new Set([...ruleBody(g4, 'measureUnit').matchAll(/\b([A-Z][A-Z_]*)\b/g)].map(m => m[1]).filter(t => tokens.has(t)));
  const operators = new Set([...ruleBody(g4, 'expr').matchAll(/\b([A-Z][A-Z_]*)\b/g)].map(m => m[1])
    .filter(t => tokens.has(t) && ['OF', 'AND', 'OR', 'NOT'].includes(t)));
  const control = new Set(['IF', 'THEN', 'ELSE', 'WHEN'].filter(t => tokens.has(t)));
  const groups = { declaration: [], unit: [], operator: [], control: [], other: [] };
  for (const [token, words] of tokens) {
    const group = declarations.has(token) ? 'declaration' : units.has(token) ? 'unit' : operators.has(token) ? 'operator'
      : control.has(token) ? 'control' : 'other';
    groups[group].push(...words);
    if (group === 'declaration' && units.has(token)) groups.unit.push(...words); // 'coins': a unit when not declaring
  }
  groups.all = [...tokens.values()].flat();
  if (groups.declaration.length < 10 || groups.unit.length < 5 || groups.operator.length !== 4) {
    throw new Error('grammar/DealLang.g4 no longer has the shape this script reads (declarations, measureUnit, expr): update it');
  }
  return groups;
}

const escape = word => word.replace(/[/]/g, '\\/');
// Longest first, so 'gpu_hours' is not read as 'gpu' and a tail.
const alternatives = words => [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');
const wordsRule = words => `(?<![A-Za-z_0-9.])(?:${alternatives(words)})(?![A-Za-z_0-9])`;

function grammar(groups) {
  const name = '[A-Za-z_][A-Za-z_0-9]*';
  return {
    $schema: schema,
    name: 'DealLang',
    scopeName: 'source.deallang',
    fileTypes: ['deal', 'scenarios'],
    patterns: [
      { key: 'comment-line', scope: 'comment.line.double-slash.deallang', match: '//.*$' },
      {
        key: 'comment-block', scope: 'comment.block.deallang', begin: '/\\*', end: '\\*/',
        beginCaptures: { 0: { scope: 'punctuation.definition.comment.begin.deallang' } },
        endCaptures: { 0: { scope: 'punctuation.definition.comment.end.deallang' } },
      },
      {
        key: 'string', scope: 'string.quoted.double.deallang', begin: '"', end: '"|$',
        patterns: [{ key: 'string-escape', scope: 'constant.character.escape.deallang', match: '\\\\["\\\\]' }],
      },
      {
        // 'tranche Notes', 'lease MetaLease', 'scenario Base', 'deal Hyperion': the declared name.
        key: 'declaration', scope: 'meta.declaration.deallang',
        // The name is no keyword: 'default when', 'cfads includes' and '1000 coins per day' declare nothing.
        match: `(?<![A-Za-z_0-9.])(${alternatives(groups.declaration)})\\s+(?!(?:${alternatives(groups.all)})(?![A-Za-z_0-9]))(${name})`,
        captures: { 1: { scope: 'keyword.declaration.deallang' }, 2: { scope: 'entity.name.type.deallang' } },
      },
      // DAYCOUNT: 30/360, 30E/360, ACT/365F…
      { key: 'daycount', scope: 'constant.language.daycount.deallang', match: '\\b(?:30E?|ACT)/(?:360|365F?|ACT)\\b' },
      // DATE: 2029-11-30
      { key: 'date', scope: 'constant.numeric.date.deallang', match: '\\b\\d{4}-\\d{2}-\\d{2}\\b' },
      // QUANTITY: 27.3bn, 450m, 6.581%, 225bp, 1.10x, 4y
      {
        key: 'quantity', scope: 'constant.numeric.quantity.deallang',
        match: '\\b(\\d[\\d_]*(?:\\.\\d[\\d_]*)?)([A-Za-z]+\\b|%)',
        captures: { 2: { scope: 'keyword.other.unit.suffix.deallang' } },
      },
      // NUMBER
      { key: 'number', scope: 'constant.numeric.deallang', match: '\\b\\d[\\d_]*(?:\\.\\d[\\d_]*)?\\b' },
      { key: 'control-keyword', scope: 'keyword.control.deallang', match: wordsRule(groups.control) },
      { key: 'operator-word', scope: 'keyword.operator.word.deallang', match: wordsRule(groups.operator) },
      { key: 'unit', scope: 'support.type.unit.deallang', match: wordsRule(groups.unit) },
      { key: 'declaration-keyword', scope: 'keyword.declaration.deallang', match: wordsRule(groups.declaration) },
      { key: 'keyword', scope: 'keyword.other.deallang', match: wordsRule(groups.other) },
      { key: 'arrow', scope: 'keyword.operator.arrow.deallang', match: '=>' },
      { key: 'operator', scope: 'keyword.operator.deallang', match: '<=|>=|==|!=|<|>|=|\\+|-|\\*|/' },
      { key: 'accessor', scope: 'punctuation.accessor.deallang', match: '\\.' },
      // Notes.balance: the member after a dot.
      { key: 'member', scope: 'variable.other.property.deallang', match: `(?<=\\.)${name}` },
      { key: 'name', scope: 'variable.other.deallang', match: `\\b${name}\\b` },
    ],
  };
}

async function main() {
  const g4 = readGrammar();
  const json = await emitJSON(grammar(classify(g4, keywordTokens(g4))), { errorSourceFilePath: __filename });
  const text = json.endsWith('\n') ? json : json + '\n';
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (committed !== text) {
      console.error('error: editors/vscode/syntaxes/deallang.tmLanguage.json is stale; run: node editors/vscode/scripts/generate-grammar.js');
      process.exit(1);
    }
    console.log('editors: TextMate grammar is up to date with grammar/DealLang.g4');
    return;
  }
  fs.writeFileSync(outPath, text);
  console.log(`editors: wrote ${path.relative(root, outPath)}`);
}

main().catch(e => { console.error(`error: ${e.message}`); process.exit(1); });
