#!/usr/bin/env node
// Rewrites the "Definitions as printed in the report" block of docs/metrics.md from
// src/report/definitions.ts (run after `npm run build`; `npm run docs:definitions` does both).
// tests/unit/report/definitions.test.ts fails while the two differ.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { DEFAULT_EARLY_CAREER_STAGES } = require('../dist/domain/earlyCareer');
const d = require('../dist/report/definitions');

const file = join(__dirname, '..', 'docs', 'metrics.md');
const block = d.definitionsMarkdown(d.reportDefinitions('en', d.documentedContext(DEFAULT_EARLY_CAREER_STAGES)));
writeFileSync(file, d.withDefinitionsBlock(readFileSync(file, 'utf8'), block));
console.log(`docs-definitions: wrote the report's definitions into ${file}`);
