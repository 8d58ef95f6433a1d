import { int, isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';
import type { PropValue, Props, Scalar } from '../graph';

/**
 * Value conversion at the store boundary, in both directions, so nothing above the adapter ever
 * sees a driver type.
 *
 * Reading: the driver is created with `disableLosslessIntegers: true`, so Integers already arrive
 * as JS numbers (every integer we store — years, positions, counts — is far below 2^53, where that
 * conversion is exact). `plain()` still converts any Integer or temporal value it meets, so a
 * driver misconfiguration or a hand-written temporal property cannot leak out.
 *
 * Writing: JS numbers travel as Cypher floats by default, which would store `year: 2024.0`.
 * Whole numbers are sent as Integers instead so the database holds what a Cypher user expects;
 * both read back as the same JS number.
 */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (isInt(value)) return value.toNumber();
  if (isTemporal(value)) return String(value);
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v);
  return out;
}

function isTemporal(value: object): boolean {
  return isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value);
}

/**
 * Props as they are stored. Null-valued props are dropped: Neo4j cannot hold a null property
 * (`SET n = {a: null}` simply leaves `a` out), so a stored record only has the props it has.
 * The memory store drops them on write too, so both stores read back the same maps.
 */
export function storedProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    out[k] = storedValue(v);
  }
  return out;
}

function storedValue(v: Exclude<PropValue, null>): unknown {
  if (Array.isArray(v)) return v.length > 0 && v.every(isWholeNumber) ? v.map((n) => int(n)) : v;
  return isWholeNumber(v) ? int(v) : v;
}

function isWholeNumber(v: Scalar): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}
