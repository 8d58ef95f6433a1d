import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinLines, readReport, splitSentences } from '../../../src/extract/text';
import { root } from './support';

describe('report text', () => {
  it('joins PDF lines without a space around Japanese or after a hyphen, with one between Latin words', () => {
    expect(joinLines('ドイツ側 PIの', 'Dr. Peter')).toBe('ドイツ側 PIのDr. Peter');
    expect(joinLines('Justus-', 'Liebig-University')).toBe('Justus-Liebig-University');
    expect(joinLines('Nottingham University, Faculty of', 'Science')).toBe('Nottingham University, Faculty of Science');
  });

  it('splits sentences on 。 and collapses runs of spaces', () => {
    expect(splitSentences('A が来日した。B  が渡英した。')).toEqual(['A が来日した。', 'B が渡英した。']);
  });

  it('keys sentences by section, paragraph and position as the seed does, across a page break', () => {
    const report = readReport(readFileSync(join(root, 'seed/source/fy2024-progress-report.ja.txt'), 'utf8'));
    const byKey = new Map(report.sentences.map((s) => [s.key, s.text]));
    expect(byKey.get('s1-2-p1-1')).toMatch(/^ドイツ側 PIの Dr\. Peter Bieker/);
    expect(byKey.get('s1-2-p2-1')).toMatch(/^イギリス側 PI の Dr\. Lee Johnson/);
    expect(byKey.get('s1-2-p3-3')).toBe('アメリカ側 PI の Yang Shao-Horn (MIT)とは、彼女の来日および国際会議のタイミングを利用し、次年度以降の共同研究計画を立てている。');
    expect(report.sentences.find((s) => s.key === 's1-2-p1-1')?.section).toBe('1.② 国際ネットワーク構築・拡大に関する成果');
    expect(report.legend).toHaveLength(3);
    expect(report.tableLines[0]).toMatch(/^研究テーマ/);
  });
});
