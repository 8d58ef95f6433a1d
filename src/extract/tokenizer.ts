import { join } from 'node:path';
import kuromoji from 'kuromoji';
import { toRomaji } from 'wanakana';

/**
 * The morphological analyser (kuromoji with the IPADIC dictionary its npm package ships; nothing is
 * downloaded). Building it reads ~17 MB of dictionary, so it is built once per process and shared.
 */
export interface Tokenizer {
  /** True when the analyser reads the whole run as a family name (固有名詞・人名・姓). */
  isFamilyName(run: string): Promise<boolean>;
  /** The dictionary reading of a name in Latin letters (岩瀬 → iwase), or undefined when the word is unknown. */
  romanize(run: string): Promise<string | undefined>;
}

let building: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | null = null;

function analyser(): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  building ??= new Promise((resolve, reject) => {
    const dicPath = join(require.resolve('kuromoji'), '..', '..', 'dict');
    kuromoji.builder({ dicPath }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer)));
  });
  return building;
}

export function kuromojiTokenizer(): Tokenizer {
  return {
    async isFamilyName(run) {
      const tokens = (await analyser()).tokenize(run);
      return tokens.length === 1 && tokens[0].pos_detail_2 === '人名';
    },
    async romanize(run) {
      const tokens = (await analyser()).tokenize(run);
      if (tokens.some((t) => !t.reading || t.reading === '*')) return undefined;
      return toRomaji(tokens.map((t) => t.reading).join(''));
    },
  };
}
