import { getOperationAST, parse } from 'graphql';
import { checkSource, checkShape, operationShape } from '../../../src/server/limits/queryShape';
import { hostName } from '../../../src/server/guards';

const limits = { maxTokens: 100, maxDepth: 5, maxAliases: 2, maxFields: 20 };
const shapeOf = (query: string) => {
  const document = parse(query);
  return operationShape(document, getOperationAST(document)!);
};

describe('checkSource (before parsing)', () => {
  it('counts tokens and nesting of { [ ( with the graphql lexer, stopping at the first token over', () => {
    expect(() => checkSource('{ a { b } }', limits)).not.toThrow();
    expect(() => checkSource(`{ ${'a '.repeat(101)}}`, limits)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'TOKENS', actual: 101 }) }));
    expect(() => checkSource('{ a(x: [[[[[1]]]]]) }', limits)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'DEPTH' }) }));
    // Braces in strings and comments are not nesting.
    expect(() => checkSource('{ a(x: "{{{{{{{{") } # {{{{{{{', limits)).not.toThrow();
    // A million levels are refused in one pass, with no recursion.
    expect(() => checkSource('{a'.repeat(1_000_000), { maxTokens: Infinity, maxDepth: 15 })).toThrow(/depth/);
  });

  it('remembers texts that passed per pair of limits, never a refusal', () => {
    const text = `{ ${'a '.repeat(50)}}`;
    expect(() => checkSource(text, limits)).not.toThrow();
    expect(() => checkSource(text, limits)).not.toThrow();
    // The same text under tighter limits (another server) is checked anew, and refused each time.
    const tight = { maxTokens: 10, maxDepth: 5 };
    expect(() => checkSource(text, tight)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'TOKENS' }) }));
    expect(() => checkSource(text, tight)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'TOKENS' }) }));
    expect(() => checkSource(text, { ...limits })).not.toThrow();
  });

  it('leaves lexing errors to the parser', () => {
    expect(() => checkSource('{ "unterminated', limits)).not.toThrow();
  });
});

describe('operationShape', () => {
  it('counts fields, aliases and depth with fragments counted per use, not unrolled', () => {
    expect(shapeOf('{ a: x { b c } d { e { f } } }')).toEqual({ fields: 6, aliases: 1, depth: 3 });
    const doubling = `{ ...f0 } ${Array.from({ length: 30 }, (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`).join(' ')} fragment f30 on Query { k: x }`;
    expect(shapeOf(doubling)).toEqual({ fields: 2 ** 30, aliases: 2 ** 30, depth: 1 });
    expect(shapeOf('{ ... on Query { a { b } } x { ...F } } fragment F on X { y { z } }')).toEqual({ fields: 5, aliases: 0, depth: 3 });
  });

  it('refuses over each limit, naming it', () => {
    expect(() => checkShape({ fields: 21, aliases: 0, depth: 1 }, limits)).toThrow(/fields limit: 21 > 20 \(over by 1\)/);
    expect(() => checkShape({ fields: 3, aliases: 3, depth: 1 }, limits)).toThrow(/aliases limit/);
    expect(() => checkShape({ fields: 3, aliases: 0, depth: 6 }, limits)).toThrow(/depth limit/);
  });
});

describe('hostName', () => {
  it('drops the port and lower-cases, IPv6 literals included', () => {
    expect(hostName('LocalHost:4000')).toBe('localhost');
    expect(hostName('[::1]:4000')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('evil.example:80')).toBe('evil.example');
  });
});
