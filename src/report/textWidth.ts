import { eastAsianWidth } from 'eastasianwidth';
import pixelWidth from 'string-pixel-width';
import * as vega from 'vega';

/**
 * How wide a label is, in pixels, for laying the charts out.
 *
 * Vega renders the charts in Node with no canvas, so by default it *estimates* every text as
 * 0.8 em per character. That is too wide for Latin text (names were cut off with "…") and too
 * narrow for Japanese (every kanji is a full em, so the left of long labels fell outside the
 * SVG: "roder 教授の…"). Vega lets a program supply its own measure (`textMetrics.width`, the hook
 * vl-convert uses); this one is deterministic, so a report renders the same on every machine:
 *
 * - East Asian wide and fullwidth characters (kanji, kana, fullwidth brackets) are 1 em, as in
 *   every Japanese font; ambiguous ones (arrows, "※") are taken as 1 em too, the safe side;
 * - everything else uses Verdana's advance widths from string-pixel-width. Verdana is one of the
 *   widest common sans-serif faces and has the metrics of Bitstream Vera / DejaVu Sans, the face a
 *   Linux "sans-serif" usually resolves to (measured in Chromium here: within 1 %); on Arial or
 *   Helvetica the labels are narrower than measured, so they still fit.
 */
const WIDE = new Set(['W', 'F', 'A']);

export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  let narrow = '';
  for (const char of text) {
    if (WIDE.has(eastAsianWidth(char))) width += fontSize;
    else narrow += char;
  }
  return width + (narrow ? pixelWidth(narrow, { font: 'verdana', size: fontSize, bold }) : 0);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

const isBold = (weight: TextItem['fontWeight']) => weight === 'bold' || (typeof weight === 'number' && weight >= 600);

/**
 * The width vega lays a text item out with. Not truncated at the item's `limit`: vega's own
 * truncation calls this same function to decide whether a text fits, so it must see the whole text
 * (a truncated label is then laid out a little wider than it is drawn: room to spare, never a cut).
 */
export function itemTextWidth(item: TextItem, line: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  return textWidth(line == null ? '' : String(line).trim(), size, isBold(item.fontWeight));
}

/** vega exports its text measure at run time; its type declarations leave it out. */
const vegaText = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;

/** Makes vega measure text with itemTextWidth (process-wide; vega has one text measure). */
export function useReportTextMetrics(): void {
  vegaText.width = itemTextWidth;
}
