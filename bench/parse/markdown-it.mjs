#!/usr/bin/env node
// The markdown-it side of bench/parse.sh: tokenizes every *.md / *.markdown file under DIR exactly
// as ../shared/conformance/check_corpus.mjs does (markdown-it@14, html on, linkify off, front matter
// blanked), from the same cache (~/.cache/firebreak-conformance, installed by check_corpus.mjs).
// Prints one line: files, bytes, tokens and the in-process time of reading + tokenizing, in ms.
//
//   node bench/parse/markdown-it.mjs DIR
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const start = performance.now();
const req = createRequire(path.join(os.homedir(), ".cache", "firebreak-conformance", "noop.js"));
const MarkdownIt = req("markdown-it");
const md = new MarkdownIt({ html: true, linkify: false });
const loaded = performance.now();

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? walk(path.join(d, e.name))
      : /\.(md|markdown)$/i.test(e.name) ? [path.join(d, e.name)] : [])
    .sort();
}
function blankFrontMatter(text) {
  const m = text.match(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/);
  return m ? m[0].replace(/[^\n]/g, "") + text.slice(m[0].length) : text;
}

const target = process.argv[2];
const files = fs.statSync(target).isDirectory() ? walk(target) : [target];
let bytes = 0, tokens = 0, tokenizeMs = 0;
for (const f of files) {
  const text = blankFrontMatter(fs.readFileSync(f, "utf8"));
  bytes += text.length;
  const t0 = performance.now();
  tokens += md.parse(text, {}).length;
  tokenizeMs += performance.now() - t0;
}
const end = performance.now();
console.log(JSON.stringify({ files: files.length, bytes, tokens, loadMs: +(loaded - start).toFixed(1),
  tokenizeMs: +tokenizeMs.toFixed(1), readAndTokenizeMs: +(end - loaded).toFixed(1) }));
