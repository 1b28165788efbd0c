// Type declarations for the NLP packages that ship none.
declare module 'wink-lemmatizer' {
  const lemmatize: { noun(word: string): string; verb(word: string): string; adjective(word: string): string };
  export default lemmatize;
}
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
declare module '@nlpjs/lang-es' {
  export class StemmerEs {
    stem(word: string): string;
  }
}
declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    stem(word: string): string;
  }
}
declare module 'wink-lexicon/src/wn-words.js' {
  /** WordNet's English words (base forms and some inflections), as keys. */
  const words: Record<string, unknown>;
  export default words;
}
