import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
} from 'graphql';
import { limitExceeded } from '../../errors';
import type { QueryLimits } from './settings';

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Tokens and nesting of the raw text, by graphql-js's own lexer, in one loop: graphql-js parses
 * recursively and overflows the stack near 2,400 levels of `{a`, so depth must be refused before
 * `parse` runs. Stops at the first token over a limit; a lexing error is left for `parse` to report.
 * Throws QUERY_TOO_COMPLEX (limit TOKENS or DEPTH).
 */
export function checkSource(text: string, limits: Pick<QueryLimits, 'maxTokens' | 'maxDepth'>): void {
  const passed = passedTexts(limits);
  if (passed.has(text)) return;
  lexSource(text, limits);
  if (text.length <= MAX_REMEMBERED_TEXT) {
    if (passed.size >= MAX_REMEMBERED_TEXTS) passed.clear();
    passed.add(text);
  }
}

/**
 * Texts that passed, per pair of limits (one per server): clients send the same few documents
 * over and over, and each is checked twice per request (the HTTP route, then the limits plugin
 * for executeOperation). Only short texts are kept, and only so many; past that it starts over.
 */
const MAX_REMEMBERED_TEXT = 16 * 1024;
const MAX_REMEMBERED_TEXTS = 256;
const passedByLimits = new Map<string, Set<string>>();

function passedTexts(limits: Pick<QueryLimits, 'maxTokens' | 'maxDepth'>): Set<string> {
  const key = `${limits.maxTokens}:${limits.maxDepth}`;
  let passed = passedByLimits.get(key);
  if (!passed) passedByLimits.set(key, (passed = new Set()));
  return passed;
}

function lexSource(text: string, limits: Pick<QueryLimits, 'maxTokens' | 'maxDepth'>): void {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let depth = 0;
  for (;;) {
    let kind: string;
    try {
      kind = lexer.advance().kind;
    } catch {
      return;
    }
    if (kind === TokenKind.EOF) return;
    if (++tokens > limits.maxTokens) {
      throw limitExceeded('TOKENS', tokens, limits.maxTokens, 'Send a shorter document.');
    }
    if (OPENERS.has(kind) && ++depth > limits.maxDepth) {
      throw limitExceeded('DEPTH', depth, limits.maxDepth, 'Nest fewer selections or input values.');
    }
    if (CLOSERS.has(kind)) depth = Math.max(0, depth - 1);
  }
}

export interface OperationShape {
  /** Field selections, each fragment counted once per use. */
  fields: number;
  /** Aliased field selections, same counting. */
  aliases: number;
  /** Deepest chain of nested field selections. */
  depth: number;
}

/**
 * The size of an operation as if its fragments were inlined, without inlining them: each
 * fragment's shape is computed once and added per spread, so 14 levels of doubling fragments
 * cost 14 steps here while they stand for 2^14 fields. Fragment cycles were refused by validation.
 */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, OperationShape>();
  const fragmentShape = (name: string): OperationShape => {
    let shape = memo.get(name);
    if (!shape) {
      const fragment = fragments.get(name);
      shape = fragment ? selectionShape(fragment.selectionSet) : { fields: 0, aliases: 0, depth: 0 };
      memo.set(name, shape);
    }
    return shape;
  };
  const selectionShape = (set: SelectionSetNode): OperationShape => {
    const total: OperationShape = { fields: 0, aliases: 0, depth: 0 };
    for (const selection of set.selections) {
      let part: OperationShape;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selectionShape(selection.selectionSet) : { fields: 0, aliases: 0, depth: 0 };
        part = { fields: 1 + inner.fields, aliases: (selection.alias ? 1 : 0) + inner.aliases, depth: 1 + inner.depth };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = selectionShape(selection.selectionSet);
      } else {
        part = fragmentShape(selection.name.value);
      }
      total.fields += part.fields;
      total.aliases += part.aliases;
      total.depth = Math.max(total.depth, part.depth);
    }
    return total;
  };
  return selectionShape(operation.selectionSet);
}

/** Throws QUERY_TOO_COMPLEX (limit DEPTH, ALIASES or FIELDS) when the operation is over a limit. */
export function checkShape(shape: OperationShape, limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxFields'>): void {
  if (shape.depth > limits.maxDepth) throw limitExceeded('DEPTH', shape.depth, limits.maxDepth, 'Nest fewer selections.');
  if (shape.aliases > limits.maxAliases) {
    throw limitExceeded('ALIASES', shape.aliases, limits.maxAliases, 'Use fewer aliases; list fields take filters and pages instead.');
  }
  if (shape.fields > limits.maxFields) throw limitExceeded('FIELDS', shape.fields, limits.maxFields, 'Select fewer fields or spread fragments fewer times.');
}
